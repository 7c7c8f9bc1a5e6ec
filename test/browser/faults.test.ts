/**
 * Network faults and broken feeds, in Chromium against the production build: each fault shows
 * the right message and "Try again", nothing already shown is thrown away, and every corpus feed
 * is read without a crash. Prints how many scenarios showed the right message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { newPage, newsLinks, ready, SEED, withBrowser } from './support';

withBrowser();

const MESSAGES = {
  unreachable: "We couldn't reach the news feed",
  unavailable: "The news feed isn't available right now",
  offline: "You're offline",
  unreadable: "The news feed can't be read",
} as const;

const here = import.meta.url;
const embedded = readFileSync(fileURLToPath(new URL('../../sample/feed.json', here).href), 'utf8');
const corpusDir = fileURLToPath(new URL('../corpus/feeds/', here).href);

let scenarios = 0;
let right = 0;
afterAll(() => {
  console.log(`Fault scenarios shown the right message: ${right} of ${scenarios}`);
});

/** A page whose feed requests are answered by `handler`; service workers blocked so routing sees every request. */
async function withFeed(handler: (route: Route, attempt: number, context: BrowserContext) => Promise<void> | void) {
  const session = await newPage({ serviceWorkers: 'block' });
  let attempts = 0;
  await session.context.route('**/feed.json', (route) => handler(route, ++attempts, session.context));
  return { ...session, attempts: () => attempts };
}

async function expectErrorPage(page: Page, heading: string): Promise<void> {
  scenarios += 1;
  await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), { timeout: 15_000 }).toBe(heading);
  await expect.poll(() => page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
  expect(await page.getByText('Powered by Bulletin').isVisible()).toBe(true);
  right += 1;
}

const json = (body: string) => ({ status: 200, contentType: 'application/feed+json', body });

describe('Network faults', () => {
  it.each([
    ['404', 404, MESSAGES.unavailable, 1],
    ['500', 500, MESSAGES.unavailable, 3],
    ['503', 503, MESSAGES.unavailable, 3],
  ] as const)('HTTP %s: says the feed is not available, retrying only server errors', async (_name, status, heading, tries) => {
    const { page, attempts } = await withFeed((route) => route.fulfill({ status, body: 'nope' }));
    await page.goto('/');
    await expectErrorPage(page, heading);
    expect(attempts()).toBe(tries);
  });

  it('a dropped connection: says the feed could not be reached, after retries', async () => {
    const { page, attempts } = await withFeed((route) => route.abort('connectionreset'));
    await page.goto('/');
    await expectErrorPage(page, MESSAGES.unreachable);
    expect(attempts()).toBe(3);
  });

  it('a feed that never answers: times out, retries, then says it could not be reached', async () => {
    const { page, attempts } = await withFeed(() => {
      // Never answered: only the reader's own time limit ends the wait.
    });
    await page.clock.install();
    await page.goto('/');
    await expect.poll(() => attempts()).toBe(1);
    // Three attempts of 10 s each plus backoff, on a fake clock.
    for (let i = 0; i < 8 && attempts() < 3; i++) await page.clock.runFor(6_000);
    await page.clock.runFor(12_000);
    // The page's timers are fake: React may still wait on one of them (a prerendered page is
    // hydrated in a transition), so keep the clock going until the message is shown.
    await expect
      .poll(
        async () => {
          await page.clock.runFor(500);
          return page.getByRole('heading', { level: 1 }).first().textContent();
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBe(MESSAGES.unreachable);
    await expectErrorPage(page, MESSAGES.unreachable);
    expect(attempts()).toBe(3);
  });

  it('offline: says so', async () => {
    const { page } = await withFeed(async (route, _n, context) => {
      // index.html preloads the feed while the app's script is still arriving: going offline then
      // would cut off the script too. Refuse the preload alone; go offline on the app's own request.
      const fromApp = (route.request().headers().accept ?? '').includes('application/feed+json');
      if (!fromApp) return route.abort('failed');
      await context.setOffline(true);
      await route.abort('internetdisconnected');
    });
    await page.goto('/');
    await expectErrorPage(page, MESSAGES.offline);
  });

  it('Try again fetches again and shows the news once the feed is back', async () => {
    let broken = true;
    const { page } = await withFeed((route) =>
      broken ? route.fulfill({ status: 404, body: '' }) : route.fulfill(json(embedded)),
    );
    await page.goto('/');
    await expectErrorPage(page, MESSAGES.unavailable);
    broken = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('link', { name: SEED.title }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Latest news');
  });

  it('a refresh that fails keeps the news on screen, with a quiet notice', async () => {
    let fail = false;
    const { page, context } = await withFeed((route) => (fail ? route.fulfill({ status: 503, body: '' }) : route.fulfill(json(embedded))));
    await page.goto('/');
    await ready(page);
    fail = true;
    // Coming back online refetches the feed at once.
    await context.setOffline(true);
    await context.setOffline(false);
    scenarios += 1;
    await page.getByText(`${MESSAGES.unavailable}. Showing the news loaded earlier.`).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('link', { name: SEED.title }).isVisible()).toBe(true);
    right += 1;
  });

  it('an older page that fails leaves the news shown, and retries that page alone', async () => {
    const session = await newPage({ serviceWorkers: 'block' });
    const { page, context } = session;
    let olderBroken = true;
    let olderAttempts = 0;
    await context.route('**/feed-2.json', async (route) => {
      olderAttempts += 1;
      if (olderBroken) await route.fulfill({ status: 503, body: '' });
      else await route.fallback();
    });
    await page.goto('/');
    await ready(page);
    await page.getByRole('button', { name: 'Older news' }).click();
    scenarios += 1;
    await page.getByRole('alert').filter({ hasText: "We couldn't load older items" }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('link', { name: SEED.title }).isVisible()).toBe(true);
    right += 1;
    const before = olderAttempts;
    olderBroken = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('link', { name: /Port Clarence/ }).first().waitFor();
    expect(olderAttempts).toBe(before + 1);
  });
});

describe('Broken feeds', () => {
  it.each([
    ['invalid JSON', '{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": [{"id": "1", '],
    ['a wrong version', JSON.stringify({ version: 'https://jsonfeed.org/version/9', title: 'x', items: [] })],
    ['a top level that is not a feed', JSON.stringify([1, 2, 3])],
    ['items that is not an array', JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: 'lots' })],
  ])('%s: the error page, nothing half-parsed', async (_name, body) => {
    const { page, attempts } = await withFeed((route) => route.fulfill(json(body)));
    await page.goto('/');
    await expectErrorPage(page, MESSAGES.unreadable);
    expect(await newsLinks(page).count()).toBe(0);
    expect(attempts()).toBe(1);
  });

  it('reads every corpus feed without a crash: valid ones show their items, invalid JSON the error page', { timeout: 120_000 }, async () => {
    const files = readdirSync(corpusDir).filter((f) => /^\d\d-/.test(f)).sort();
    expect(files.length).toBeGreaterThanOrEqual(16);
    const results: string[] = [];
    let ok = 0;
    for (const file of files) {
      const body = readFileSync(`${corpusDir}${file}`, 'utf8');
      const session = await withFeed((route) => route.fulfill(json(body)));
      const { page, problems } = session;
      await page.goto('/');
      await ready(page);
      const heading = await page.getByRole('heading', { level: 1 }).first().textContent();
      const links = await newsLinks(page).count();
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = null;
      }
      const crashed = heading === 'Sorry, something went wrong with this page' || problems.pageErrors.length > 0;
      const expectsError = parsed === null;
      let fine = !crashed && (expectsError ? heading === MESSAGES.unreadable : true);
      // Open the first item, if any, and check the article renders too.
      if (fine && links > 0) {
        await newsLinks(page).first().click();
        await ready(page);
        const articleHeading = await page.getByRole('heading', { level: 1 }).first().textContent();
        fine = articleHeading !== 'Sorry, something went wrong with this page' && problems.pageErrors.length === 0;
      }
      results.push(`${fine ? 'ok  ' : 'FAIL'} ${file}: "${heading}", ${links} item links`);
      if (fine) ok += 1;
      await session.close();
    }
    console.log(`Corpus feeds read without a crash: ${ok} of ${files.length}\n  ${results.join('\n  ')}`);
    expect(ok, results.join('\n')).toBe(files.length);
  });
});
