/**
 * Issue 12, part 1: "Leave this site". Its place in the tab order and the first screen, leaving by
 * click and by Shift three times (blank at once, this history entry replaced, Back never returns to
 * the site), what a screen reader hears, leaving before the app has started, the safety advice page
 * and clearing this site's data from the device.
 *
 * The exit address is the site file's (BBC Weather by default); no test reaches the internet: a
 * stand-in page answers for it (and for a page "before" the site) through page routing.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { paths } from '../../src/config/paths';
import { DEFAULT_QUICK_EXIT } from '../../build/site/index.ts';
import { axe, box, expectFocused, inView, newPage, ORIGIN, ready, releaseLink, screenshot, SEED, visit, withBrowser } from './support';

withBrowser();

const EXIT = DEFAULT_QUICK_EXIT; // bulletin.site.json names no quickExit: the default.
const BEFORE = 'https://before.example/start';

/** Stand-in pages for the exit address and for a page the reader was on before the site. */
async function standIns(context: BrowserContext, hold?: Promise<void>): Promise<void> {
  await context.route(`${new URL(EXIT).origin}/**`, async (route) => {
    await hold;
    await route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Stand-in exit</title><h1>Stand-in exit page</h1>' });
  });
  await context.route(`${new URL(BEFORE).origin}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Before</title><h1>A page before the site</h1>' }),
  );
}

const exitButton = (page: Page) => page.getByRole('link', { name: 'Leave this site', exact: true });
const status = (page: Page) => page.locator('#quick-exit-status');
const onSite = (page: Page) => new URL(page.url()).origin === ORIGIN;

/**
 * On the exit page. Polled rather than waited for as a navigation: a page restored by Back or
 * Forward may fire no load event that Playwright sees, and on a loaded machine a history step can
 * take longer than one navigation's time limit.
 */
async function expectLeft(page: Page): Promise<void> {
  await expect.poll(() => page.url().startsWith(EXIT), { timeout: 20_000, message: `on the exit page, not ${page.url()}` }).toBe(true);
  await expect.poll(() => page.getByRole('heading', { name: 'Stand-in exit page' }).isVisible(), { timeout: 10_000 }).toBe(true);
}

/** A history step, waited for only until it commits; the checks after it say where it landed. */
async function step(page: Page, direction: 'back' | 'forward'): Promise<void> {
  const options = { waitUntil: 'commit', timeout: 10_000 } as const;
  await (direction === 'back' ? page.goBack(options) : page.goForward(options)).catch(() => null);
}

describe('Leave this site', () => {
  test('comes straight after the skip link in the tab order, and is a link to the exit address in the HTML itself', async () => {
    const session = await newPage();
    const { page } = session;
    await visit(page, paths.news.href());
    await page.keyboard.press('Tab');
    await expectFocused(page.getByRole('link', { name: 'Skip to content' }), 'the skip link');
    await page.keyboard.press('Tab');
    await expectFocused(exitButton(page), 'Leave this site');
    await expect.poll(() => exitButton(page).getAttribute('href')).toBe(EXIT);
    // The prerendered HTML, before any script: the same link, and the live region outside the app.
    const html = await (await page.request.get(paths.release.href(SEED.slug))).text();
    expect(html).toMatch(new RegExp(`<a href="${EXIT}"[^>]*data-quick-exit`));
    expect(html).toMatch(/<div id="quick-exit-status"[^>]*aria-live="polite"/);
    session.expectNoProblems();
  });

  test('is in the first screen at 375 × 667 at every text size, on the news and on a release', async () => {
    for (const textSize of ['default', 'largest'] as const) {
      const session = await newPage({ viewport: { width: 375, height: 667 }, preferences: { textSize } });
      const { page } = session;
      for (const path of [paths.news.href(), paths.release.href(SEED.slug)]) {
        await visit(page, path);
        for (const [what, link] of [
          ['Leave this site', exitButton(page)],
          ['Safety advice', page.getByRole('link', { name: /^Safety advice/ })],
        ] as const) {
          const b = await box(link);
          expect(inView(b) && b.bottom <= b.viewportHeight, `${what} on ${path} at ${textSize}: ${JSON.stringify(b)}`).toBe(true);
        }
      }
      if (textSize === 'largest') await screenshot(page, 'quick-exit-375-largest');
      session.expectNoProblems();
      await session.close();
    }
  });

  test('a click blanks the page before the exit page answers, and replaces the history entry: Back never returns to the site', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const session = await newPage();
    const { page, context } = session;
    await standIns(context, held);
    // What the page looks like once the click has been handled (the binding is called from the
    // page; an evaluate would wait for the pending navigation).
    const seen: unknown[] = [];
    await context.exposeBinding('__bulletinTestSeen', (_source, state: unknown) => {
      seen.push(state);
    });
    await page.goto(BEFORE);
    await visit(page, paths.news.href());
    // Another page of the site, by the app's own navigation (a history entry of its own).
    await releaseLink(page, SEED.title).click();
    await page.waitForURL((url) => url.pathname === paths.release.href(SEED.slug));
    await ready(page);

    await page.evaluate(() => {
      // Bubbling, so after the boot script's handler (document, capture) has run.
      window.addEventListener('click', () => {
        const report = (window as unknown as { __bulletinTestSeen: (s: unknown) => void }).__bulletinTestSeen;
        report({ children: document.body.children.length, display: getComputedStyle(document.documentElement).display, title: document.title });
      });
    });
    await exitButton(page).click({ noWaitAfter: true });
    // The exit page has not answered yet: the site's page is already empty.
    await expect.poll(() => seen).toEqual([{ children: 0, display: 'none', title: '' }]);
    release();
    await expectLeft(page);

    // Back: the earlier page of the site leaves again at once; Back again reaches the page before the site.
    await step(page, 'back');
    await expectLeft(page);
    expect(onSite(page)).toBe(false);
    await step(page, 'back');
    await expect.poll(() => page.url(), { timeout: 20_000 }).toBe(BEFORE);
    // Forward to the site's entries: each is the exit page now. (Chromium now and then drops a
    // Forward issued just after a Back lands; it is asked again, as a reader would press it again.)
    for (let tries = 0; tries < 3 && page.url() === BEFORE; tries++) {
      await step(page, 'forward');
      await expect.poll(() => page.url(), { timeout: 5_000 }).not.toBe(BEFORE).catch(() => null);
    }
    await expectLeft(page);
    expect(onSite(page)).toBe(false);
  });

  test('Shift three times within 5 seconds leaves; a screen reader hears the presses left; Shift with another key does not count', async () => {
    const session = await newPage();
    const { page, context } = session;
    await standIns(context);
    await page.clock.install();
    await visit(page, paths.news.href());
    await expect(status(page).getAttribute('aria-live')).resolves.toBe('polite');

    await page.keyboard.press('Shift');
    await expect.poll(() => status(page).textContent()).toBe('Press Shift 2 more times to leave this site.');
    // Shift used for a capital letter: not a press, and the count starts again.
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyA');
    await page.keyboard.up('Shift');
    await expect.poll(() => status(page).textContent()).toBe('');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await expect.poll(() => status(page).textContent()).toBe('Press Shift 1 more time to leave this site.');
    expect(onSite(page)).toBe(true);

    // More than 5 seconds after the first press: the count starts again.
    await page.clock.fastForward(5_001);
    await expect.poll(() => status(page).textContent()).toBe('');
    await page.keyboard.press('Shift');
    await expect.poll(() => status(page).textContent()).toBe('Press Shift 2 more times to leave this site.');
    await page.clock.fastForward(4_000);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await expectLeft(page);
    await step(page, 'back');
    expect(onSite(page)).toBe(false);
  });

  test('works before the app has started: the click and Shift are handled by the inline boot script', async () => {
    for (const how of ['click', 'shift'] as const) {
      const session = await newPage();
      const { page, context } = session;
      await standIns(context);
      // The app's module never arrives: only the prerendered HTML and the inline boot script run.
      await context.route(/\/assets\/.*\.js$/, (route) => route.abort());
      await page.goto(paths.release.href(SEED.slug));
      await page.getByRole('heading', { level: 1, name: SEED.title }).waitFor();
      expect(await page.evaluate(() => document.documentElement.hasAttribute('data-app'))).toBe(false);
      if (how === 'click') {
        await exitButton(page).click();
      } else {
        for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
      }
      await expectLeft(page);
      await session.close();
    }
  });

  test('without JavaScript it is a plain link to the exit address', async () => {
    const session = await newPage({ javaScriptEnabled: false });
    const { page, context } = session;
    await standIns(context);
    await page.goto(paths.news.href());
    await exitButton(page).click();
    await expectLeft(page);
  });
});

describe('Safety advice and clearing this site’s data', () => {
  test('the advice page is prerendered, says what leaving does not erase, and passes axe', async () => {
    const html = await (await fetch(`${ORIGIN}${paths.leaveQuickly.href()}`)).text();
    expect(html).toContain('Leaving this site quickly');
    expect(html).toContain('does not erase your browser history');
    for (const [viewport, textSize, name] of [
      [{ width: 375, height: 667 }, 'default', 'leave-quickly-375'],
      [{ width: 1280, height: 800 }, 'default', 'leave-quickly-1280'],
      [{ width: 375, height: 667 }, 'largest', 'leave-quickly-375-largest'],
    ] as const) {
      const session = await newPage({ viewport, preferences: { textSize } });
      const { page } = session;
      await visit(page, paths.news.href());
      await page.getByRole('link', { name: /^Safety advice/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Leaving this site quickly' }).waitFor();
      await page.getByRole('button', { name: 'Clear this site’s data from this device' }).waitFor();
      const report = await axe(page);
      expect(report.violations, report.summary).toEqual([]);
      await screenshot(page, name);
      session.expectNoProblems();
      await session.close();
    }
  });

  test('"Clear this site’s data from this device" leaves no storage, no caches and no service worker', async () => {
    const session = await newPage({ preferences: { textSize: 'largest', postcode: 'TS8 9GL' } });
    const { page } = session;
    await visit(page, paths.leaveQuickly.href());
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const before = await page.evaluate(async () => ({
      stored: localStorage.length,
      caches: (await caches.keys()).length,
      workers: (await navigator.serviceWorker.getRegistrations()).length,
      textSize: document.documentElement.dataset.textSize,
    }));
    expect(before.stored).toBeGreaterThan(0);
    expect(before.caches).toBeGreaterThan(0);
    expect(before.workers).toBe(1);
    expect(before.textSize).toBe('largest');

    await page.getByRole('button', { name: 'Clear this site’s data from this device' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: /^Done\./ }).count())
      .toBe(1);
    const after = await page.evaluate(async () => ({
      stored: localStorage.length,
      session: sessionStorage.length,
      caches: await caches.keys(),
      workers: (await navigator.serviceWorker.getRegistrations()).length,
      textSize: document.documentElement.dataset.textSize,
    }));
    expect(after).toEqual({ stored: 0, session: 0, caches: [], workers: 0, textSize: 'default' });
    const report = await axe(page);
    expect(report.violations, report.summary).toEqual([]);
    session.expectNoProblems();
  });
});
