/**
 * Offline reading and installing (issue: "Offline reading"). Every test serves its own copy of the
 * production build (own-site.ts) so that "offline" is real: the browser is told it is offline AND
 * the server is stopped, so not even the service worker can reach it. "Back online" starts the
 * server again on the same port (same origin: the worker and its caches carry over).
 */
import { isItemPath } from '../../src/config/paths';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { CHROME_PATH, CHROMIUM_ARGS } from '../../scripts/lib/chromium.mjs';
import { axe, baseURL, newPage, ready, releaseLink, SEED, seedFootnoteMarker, seedQuote, visit, withBrowser } from './support';
import { controlledSession, goOffline, goOnline, ownSite, publishWorker, waitForServiceWorkerControl, withOwnSites, workerVersion, type OwnSite } from './own-site';

withBrowser();
withOwnSites();

/** The identity the build took from the site file. */
const siteFile = JSON.parse(readFileSync(join(import.meta.dirname, '../../bulletin.site.json'), 'utf8')) as { name: string; shortName: string; themeColour: string };
const UNOPENED_TITLE = 'New Neighbourhood Watch for Port Clarence';
const FRESH_TITLE = 'Fresh news after reconnecting';
const OFFLINE_NOTICE = /^You're offline\. Showing news saved at (\d{1,2}(:\d{2})?(am|pm)|midday|midnight)\.$/;

/** The reader's address of an item on feed page 2, read from the list after "Older news" (nothing computed). */
let unopenedPath = '';
beforeAll(async () => {
  const { page, close } = await newPage();
  try {
    await visit(page, '/');
    await page.getByRole('button', { name: 'Older news', exact: true }).click();
    const link = page.getByRole('link', { name: UNOPENED_TITLE, exact: true });
    await link.waitFor({ state: 'visible' });
    unopenedPath = (await link.getAttribute('href')) ?? '';
    if (!isItemPath(unopenedPath)) throw new Error(`Unexpected address for "${UNOPENED_TITLE}": ${unopenedPath}`);
  } finally {
    await close();
  }
});

function offlineNotice(page: Page) {
  return page.getByRole('status').filter({ hasText: "You're offline" });
}

async function noticeText(page: Page): Promise<string> {
  const notice = offlineNotice(page);
  await notice.waitFor({ state: 'visible' });
  return ((await notice.textContent()) ?? '').trim().replace(/\s+/g, ' ');
}

/** A mark left in the page: gone if the page reloads. */
async function setMarker(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __bulletinMarker?: number }).__bulletinMarker = 1;
  });
}
function marker(page: Page): Promise<number | undefined> {
  return page.evaluate(() => (window as unknown as { __bulletinMarker?: number }).__bulletinMarker);
}

/**
 * Opens the site in a new context, lets the service worker take control, and returns the session.
 * With `now`, the page's clock reads that time throughout (its timers still run).
 */

describe('offline reading', () => {
  test('the list and an opened release (with its image) still read after an offline reload, saying how old they are', async () => {
    // Saved at 10:42am and read at 11:05am the same day, London time, whenever the test runs (the
    // app compares the feed's Date header with the page's clock: both fixed here).
    const savedAt = new Date('2026-03-22T10:42:00Z');
    const readAt = new Date('2026-03-22T11:05:00Z');
    const site = await ownSite({ feedDate: savedAt });
    // The seed release gets a picture (not in the precache), to check images a reader saw are kept.
    mkdirSync(join(site.dir, 'media'), { recursive: true });
    copyFileSync(join(site.dir, 'icons', 'icon-192.png'), join(site.dir, 'media', 'seed-photo.png'));
    site.editJson('feed.json', (feed) => {
      const items = feed.items as Record<string, unknown>[];
      const seed = items.find((i) => i.title === SEED.title);
      if (!seed) throw new Error('The seed release is not in feed.json');
      seed.image = '/media/seed-photo.png';
    });

    const { session, page, context } = await controlledSession(site, readAt);
    const latest = page.getByRole('list', { name: 'Latest news' }).getByRole('listitem');
    const onlineCount = await latest.count();
    expect(onlineCount).toBeGreaterThan(1);

    // Online: open the release from the list, as a reader does.
    await releaseLink(page, SEED.title).click();
    await page.waitForURL((url) => url.pathname === SEED.path);
    await ready(page);
    const image = page.getByRole('main').locator('img.article__image');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(192);
    const articleUrl = page.url();
    await expect(offlineNotice(page).count(), 'no offline notice while online').resolves.toBe(0);
    session.expectNoProblems();
    // A copy of the feed is kept on the device (in the worker's caches), to read offline.
    await expect(
      page.evaluate(async () => (await caches.match('/feed.json', { ignoreVary: true, ignoreSearch: true })) !== undefined),
      'a copy of /feed.json is kept in the service worker’s caches',
    ).resolves.toBe(true);

    await goOffline(context, site);
    await page.reload();
    await ready(page);
    expect(page.url()).toBe(articleUrl);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(SEED.title);
    await expect(page.getByText(SEED.posted, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(seedQuote(page).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('listitem').filter({ hasText: SEED.firstFinding }).isVisible()).resolves.toBe(true);
    await expect(seedFootnoteMarker(page).isVisible()).resolves.toBe(true);
    const articleNotice = await noticeText(page);
    expect(articleNotice, 'the time the news was saved').toBe("You're offline. Showing news saved at 10:42am.");
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
        message: 'the release’s picture, seen online, shows offline',
      })
      .toBe(192);

    // The list, loaded afresh while offline.
    await page.goto('/');
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
    await expect(releaseLink(page, SEED.title).isVisible()).resolves.toBe(true);
    await expect(latest.count(), 'the same news as online').resolves.toBe(onlineCount);
    await expect(noticeText(page)).resolves.toBe(articleNotice);
    const report = await axe(page);
    expect(report.summary, 'axe on the offline list').toBe('');

    session.expectNoProblems({ offline: true });
  });

  test('offline, a release that was never opened says it needs a connection, with a way back to the saved news', async () => {
    const site = await ownSite();
    const { session, page, context } = await controlledSession(site);
    await goOffline(context, site);

    await page.goto(unopenedPath);
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('This release needs a connection');
    await expect(page.getByText("You're offline, and this release has not been saved on this device.", { exact: false }).isVisible()).resolves.toBe(true);
    await expect.poll(() => page.title()).toMatch(/^This release needs a connection/);
    const retry = page.getByRole('button', { name: 'Try again', exact: true });
    await expect(retry.isVisible()).resolves.toBe(true);
    const report = await axe(page);
    expect(report.summary, 'axe on "needs a connection"').toBe('');

    // Trying again while still offline: the same clear message, never a blank page.
    await retry.click();
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('This release needs a connection');

    await page.getByRole('link', { name: 'Read the news saved on this device', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await ready(page);
    await expect(releaseLink(page, SEED.title).isVisible()).resolves.toBe(true);
    await expect(noticeText(page)).resolves.toMatch(OFFLINE_NOTICE);

    session.expectNoProblems({ offline: true });
  });

  test('a release from an older feed page, once opened, stays readable offline', async () => {
    const site = await ownSite();
    const { session, page, context } = await controlledSession(site);
    await visit(page, unopenedPath);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(UNOPENED_TITLE);
    session.expectNoProblems();

    await goOffline(context, site);
    await page.reload();
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(UNOPENED_TITLE);
    await expect(noticeText(page)).resolves.toMatch(OFFLINE_NOTICE);
    session.expectNoProblems({ offline: true });
  });

  /** The newsroom publishes while the reader is offline. */
  function publishFreshNews(site: OwnSite): void {
    site.editJson('feed.json', (feed) => {
      const items = feed.items as Record<string, unknown>[];
      items.unshift({
        id: 'test-fresh-news-after-reconnecting',
        title: FRESH_TITLE,
        content_html: '<p>Published while the reader was offline.</p>',
        date_published: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      });
    });
  }

  async function expectFreshNews(page: Page): Promise<void> {
    const fresh = page.getByRole('main').getByRole('link', { name: FRESH_TITLE, exact: true });
    await fresh.waitFor({ state: 'visible', timeout: 8_000 });
    await expect(offlineNotice(page).count(), 'the offline notice is gone').resolves.toBe(0);
    await expect(releaseLink(page, SEED.title).isVisible()).resolves.toBe(true);
    await expect(marker(page), 'the fresh news came without reloading the page').resolves.toBe(1);
  }

  test('offline while reading, then back online: the notice comes and goes, and fresh news arrives without a reload', async () => {
    const site = await ownSite();
    const { session, page, context } = await controlledSession(site);
    await setMarker(page);
    await goOffline(context, site);
    await expect(noticeText(page)).resolves.toMatch(OFFLINE_NOTICE);
    publishFreshNews(site);
    await goOnline(context, site);
    await expectFreshNews(page);
    session.expectNoProblems({ offline: true });
  });

  test('after an offline reload, back online: fresh news arrives without a reload', async () => {
    const site = await ownSite();
    const { session, page, context } = await controlledSession(site);
    await goOffline(context, site);
    await page.reload();
    await ready(page);
    await expect(noticeText(page)).resolves.toMatch(OFFLINE_NOTICE);
    await setMarker(page);
    publishFreshNews(site);
    await goOnline(context, site);
    await expectFreshNews(page);
    session.expectNoProblems({ offline: true });
  });
});

describe('a new version of the app', () => {


  test('is offered with "Reload", never reloads the page by itself, and takes over when asked', async () => {
    const site = await ownSite();
    const built = readFileSync(join(site.dir, 'sw.js'), 'utf8');
    publishWorker(site, built, 'v1');
    const { session, page } = await controlledSession(site);
    const prompt = page.getByRole('status').filter({ hasText: 'A new version of this site is available.' });
    const reload = page.getByRole('button', { name: 'Reload', exact: true });
    await expect(prompt.count(), 'no prompt before there is a new version').resolves.toBe(0);
    await expect(workerVersion(page)).resolves.toBe('v1');

    // Reading an article when the new version is published.
    await releaseLink(page, SEED.title).click();
    await page.waitForURL((url) => url.pathname === SEED.path);
    await ready(page);
    const articleUrl = page.url();
    await setMarker(page);
    await page.evaluate(() => window.scrollTo(0, 400));
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });

    publishWorker(site, built, 'v2');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));

    await prompt.waitFor({ state: 'visible', timeout: 15_000 });
    await expect(reload.isVisible()).resolves.toBe(true);
    // A few seconds later the reader is still where they were, on the same page, not reloaded.
    // A real wait: what is tested is that nothing happens, in the browser's own time, while the new
    // worker waits (an update that takes over by itself does so straight after installing).
    await page.waitForTimeout(3_000);
    expect(navigations, 'navigations of the page while the prompt waited').toBe(0);
    await expect(marker(page)).resolves.toBe(1);
    expect(page.url()).toBe(articleUrl);
    await expect(page.evaluate(() => window.scrollY)).resolves.toBeGreaterThan(300);
    await expect(prompt.isVisible()).resolves.toBe(true);
    await expect(workerVersion(page), 'the old worker still controls the page').resolves.toBe('v1');

    // Asked: the page reloads, under the new worker.
    const reloaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 15_000 });
    await reload.click();
    await reloaded;
    await ready(page);
    expect(page.url()).toBe(articleUrl);
    await expect(marker(page), 'the page reloaded').resolves.toBeUndefined();
    await expect.poll(() => workerVersion(page), { message: 'the new worker controls the page' }).toBe('v2');
    await expect(prompt.count(), 'no prompt after updating').resolves.toBe(0);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(SEED.title);
    session.expectNoProblems();
  });
});

describe('installing', () => {
  /** Width and height from a PNG's IHDR chunk. */
  function pngSize(bytes: Buffer): { width: number; height: number } | null {
    const signature = '89504e470d0a1a0a';
    if (bytes.subarray(0, 8).toString('hex') !== signature || bytes.subarray(12, 16).toString('ascii') !== 'IHDR') return null;
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }

  test('the web app manifest has what a phone needs, and every icon is a PNG of its stated size', async () => {
    const session = await newPage();
    const { page } = session;
    await visit(page, '/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    await expect(page.locator('meta[name="theme-color"]').getAttribute('content')).resolves.toBe(siteFile.themeColour);

    const response = await page.request.get('/manifest.webmanifest');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    const manifest = (await response.json()) as {
      name?: string;
      short_name?: string;
      start_url?: string;
      display?: string;
      theme_color?: string;
      background_color?: string;
      icons?: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    // The newsroom's own names, from the site file.
    expect(manifest.name).toBe(siteFile.name);
    expect(manifest.short_name).toBe(siteFile.shortName);
    expect(manifest.start_url).toBe('/');
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);

    const icons = manifest.icons ?? [];
    const purposes = (i: { purpose?: string }) => (i.purpose ?? 'any').split(/\s+/);
    expect(icons.some((i) => i.sizes === '192x192' && purposes(i).includes('any')), 'a 192 px icon').toBe(true);
    expect(icons.some((i) => i.sizes === '512x512' && purposes(i).includes('any')), 'a 512 px icon').toBe(true);
    expect(icons.some((i) => purposes(i).includes('maskable')), 'a maskable icon').toBe(true);
    for (const icon of icons) {
      const res = await page.request.get(icon.src);
      expect(res.status(), icon.src).toBe(200);
      expect(res.headers()['content-type'], icon.src).toBe('image/png');
      expect(icon.type, icon.src).toBe('image/png');
      const [w, h] = icon.sizes.split('x').map(Number);
      expect(pngSize(await res.body()), icon.src).toEqual({ width: w, height: h });
    }
    session.expectNoProblems();
  });

  test('Chromium finds the app installable (no installability errors) once the service worker runs', async () => {
    // A normal (not incognito) profile: Chromium never offers to install from an incognito window.
    const profile = mkdtempSync(join(tmpdir(), 'bulletin-install-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROME_PATH,
      args: [...CHROMIUM_ARGS],
      baseURL,
      viewport: { width: 412, height: 915 },
      locale: 'en-GB',
      timezoneId: 'Europe/London',
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await visit(page, '/');
      await waitForServiceWorkerControl(page, ready);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: { errorId: string; errorArguments: { name: string; value: string }[] }[];
      };
      expect(installabilityErrors, JSON.stringify(installabilityErrors)).toEqual([]);
      const { errors } = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[] };
      expect(errors, 'manifest parse errors').toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
