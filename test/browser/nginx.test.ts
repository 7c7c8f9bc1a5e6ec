/**
 * The shipped nginx configuration (deploy/nginx/bulletin.conf with the build's nginx-headers.conf),
 * on a real nginx serving a copy of the build: every header, the status of an unknown address,
 * each page at its clean address with no rewrites, and the app, offline reading and the update
 * prompt working there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { parseStarts } from '../../src/boot/after-paint';
import { itemHref, paths } from '../../src/config/paths';
import { makeSlug } from '../../src/lib/slug';
import { controlledSession, goOffline, ownSite, publishWorker, withOwnSites, workerVersion, type OwnSite } from './own-site';
import { newPage, ready, SEED, visit, withBrowser } from './support';

withBrowser();
withOwnSites();

async function get(site: OwnSite, path: string) {
  const response = await fetch(`${site.url}${path}`, { redirect: 'manual' });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** The page's own CSP <meta>: the header must say the same, and forbid framing besides. */
function metaPolicy(html: string): string {
  return new JSDOM(html).window.document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
}

/** The feed pages the build wrote, first to last (next_url), and the items of the last. */
function lastFeedPage(dir: string): { name: string; items: { id: string; title: string; _bulletin?: { kind?: string } }[] } {
  let name = 'feed.json';
  for (let i = 0; i < 1000; i++) {
    const page = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { next_url?: string; items: { id: string; title: string }[] };
    if (!page.next_url) return { name, items: page.items };
    name = page.next_url;
  }
  throw new Error('The feed pages never end');
}

describe('nginx with the shipped configuration', () => {
  test('sends the security headers on every response, and caching by kind of file', async () => {
    const site = await ownSite({ host: 'nginx' });
    const home = await get(site, '/');
    expect(home.status).toBe(200);
    const policy = metaPolicy(home.body);
    expect(policy).toContain("script-src 'self' 'sha256-");
    const module = parseStarts(new JSDOM(home.body).window.document.querySelector<HTMLMetaElement>('meta[name="bulletin:after-paint"]')?.content ?? '').find(
      (s) => s.kind === 'module',
    );
    if (!module) throw new Error('index.html starts no module');
    const checks: [string, number, string][] = [
      ['/', 200, 'no-cache'],
      [SEED.path, 200, 'no-cache'],
      [paths.events.href(), 200, 'no-cache'],
      ['/feed.json', 200, 'no-cache'],
      ['/sw.js', 200, 'no-cache'],
      [module.href, 200, 'public, max-age=31536000, immutable'],
      ['/icons/icon-192.png', 200, 'public, max-age=86400'],
      ['/no-such-page/', 404, 'no-cache'],
    ];
    for (const [path, status, cacheControl] of checks) {
      const { status: got, headers } = await get(site, path);
      expect(got, path).toBe(status);
      expect(headers.get('content-security-policy'), path).toBe(`${policy}; frame-ancestors 'none'`);
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(headers.get('permissions-policy'), path).toMatch(/(^|, )camera=\(\).*geolocation=\(\).*microphone=\(\)/);
      expect(headers.get('strict-transport-security'), path).toMatch(/^max-age=\d+; includeSubDomains$/);
      expect(headers.get('cache-control'), path).toBe(cacheControl);
    }
    expect((await get(site, module.href)).headers.get('content-type')).toMatch(/javascript/);
  });

  test('gives an unknown address the not-found page with status 404, and hides the hosts’ own files', async () => {
    const site = await ownSite({ host: 'nginx' });
    const missing = await get(site, '/news/no-such-release-zzzzzzz/');
    expect(missing.status).toBe(404);
    expect(new JSDOM(missing.body).window.document.querySelector('h1')?.textContent).toBe('Page not found');
    for (const path of ['/_headers', '/nginx-headers.conf']) expect((await get(site, path)).status, path).toBe(404);
  });

  test('serves each page at its clean address with no rewrites: a release on the last feed page is its own HTML', async () => {
    const site = await ownSite({ host: 'nginx' });
    const last = lastFeedPage(site.dir);
    const item = last.items.find((i) => i._bulletin?.kind !== 'event') ?? last.items[0];
    if (!item) throw new Error(`${last.name} has no items`);
    const address = itemHref({ kind: item._bulletin?.kind === 'event' ? 'event' : 'news', slug: makeSlug(item.id, item.title) });
    const page = await get(site, address);
    expect(page.status).toBe(200);
    const document = new JSDOM(page.body).window.document;
    expect(document.querySelector('h1')?.textContent).toBe(item.title);
    const meta = document.querySelector('meta[name="bulletin:after-paint"]');
    expect(meta?.getAttribute('data-page')).toBe(address);
    // The same page without its trailing slash is the same page (nginx finds the folder's index.html).
    const bare = await get(site, address.slice(0, -1));
    expect([200, 301]).toContain(bare.status);

    // And in a browser: the app takes it over there, under the CSP header, with nothing wrong.
    const { page: tab, expectNoProblems } = await newPage({ baseURL: site.url });
    await tab.goto(address);
    await ready(tab);
    await tab.getByRole('button', { name: 'Copy link' }).waitFor();
    expect(await tab.getByRole('heading', { level: 1 }).textContent()).toBe(item.title);
    expectNoProblems();
  });

  test('offline, the news read there still reads', async () => {
    const site = await ownSite({ host: 'nginx' });
    const { session, page, context } = await controlledSession(site);
    await goOffline(context, site);
    await page.reload();
    await ready(page);
    await page.getByRole('link', { name: SEED.title }).waitFor();
    await expect(page.getByRole('status').filter({ hasText: "You're offline" }).count()).resolves.toBe(1);
    session.expectNoProblems({ offline: true });
  });

  test('a new version is offered with "Reload" and takes over when asked', async () => {
    const site = await ownSite({ host: 'nginx' });
    const built = readFileSync(join(site.dir, 'sw.js'), 'utf8');
    publishWorker(site, built, 'v1');
    const { session, page } = await controlledSession(site);
    await expect(workerVersion(page)).resolves.toBe('v1');
    publishWorker(site, built, 'v2');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const prompt = page.getByRole('status').filter({ hasText: 'A new version of this site is available.' });
    await prompt.waitFor({ state: 'visible', timeout: 15_000 });
    const reloaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 15_000 });
    await page.getByRole('button', { name: 'Reload', exact: true }).click();
    await reloaded;
    await ready(page);
    await expect.poll(() => workerVersion(page), { message: 'the new worker controls the page' }).toBe('v2');
    await visit(page, paths.news.href());
    session.expectNoProblems();
  });
});
