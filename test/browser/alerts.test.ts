/**
 * Alerts in a real browser, on a build of its own whose site file carries three alerts
 * (fixtures/alerts.site.json, built at BULLETIN_NOW): an emergency and a notice for everyone,
 * prerendered into every page, and a warning for one area, which only the app shows. The page's
 * clock is fixed, so what is current never depends on the day the tests run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createBuilder, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from './global-setup';
import { axe, expectFocused, expectWholeLayout, newPage, openOptions, ready, screenshot, SCREENSHOT_DIR, tabTo, textSizeButton, withBrowser } from './support';

withBrowser();

const SITE_FILE = join(import.meta.dirname, 'fixtures/alerts.site.json');
const BUILT_AT = '2026-11-26T12:00:00Z';
/** The reader's "now": the afternoon of the build's day. */
const NOW = new Date('2026-11-26T15:00:00Z');
const FLOOD = 'Emergency Flood warning: Stockton riverside';
const OFFICE = 'Notice Our office is closed on Friday';
const ROADWORKS = 'Warning Roadworks on the A179 in Hartlepool';
const DISMISS_OFFICE = 'Dismiss: Our office is closed on Friday';

let outDir = '';
let server: PreviewServer | null = null;
let origin = '';

beforeAll(async () => {
  outDir = join(mkdtempSync(join(tmpdir(), 'bulletin-alerts-')), 'dist');
  const saved = { site: process.env.BULLETIN_SITE, now: process.env.BULLETIN_NOW };
  process.env.BULLETIN_SITE = SITE_FILE;
  process.env.BULLETIN_NOW = BUILT_AT;
  try {
    const builder = await createBuilder({ root: ROOT, logLevel: 'silent', build: { outDir } });
    await builder.buildApp();
  } finally {
    if (saved.site === undefined) delete process.env.BULLETIN_SITE;
    else process.env.BULLETIN_SITE = saved.site;
    if (saved.now === undefined) delete process.env.BULLETIN_NOW;
    else process.env.BULLETIN_NOW = saved.now;
  }
  server = await preview({ configFile: false, root: ROOT, logLevel: 'silent', build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
  const address = server.httpServer.address() as AddressInfo;
  origin = `http://127.0.0.1:${address.port}`;
}, 180_000);

afterAll(async () => {
  (server?.httpServer as unknown as { closeAllConnections?: () => void } | undefined)?.closeAllConnections?.();
  await server?.close();
  if (outDir) rmSync(join(outDir, '..'), { recursive: true, force: true });
});

async function open(options: Parameters<typeof newPage>[0] = {}, now = NOW) {
  const session = await newPage({ baseURL: origin, ...options });
  await session.page.clock.setFixedTime(now);
  return session;
}

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const alertNames = (page: Page) => page.locator('[data-alert-key]').evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => el.querySelector('h2')?.textContent));

describe('Alerts from the feed', () => {
  test('are in the HTML the build wrote (everyone’s, current at the build), and read without JavaScript', async () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).toContain('Flood warning: Stockton riverside');
    expect(html).not.toContain('Roadworks on the A179');
    expect(readFileSync(join(outDir, 'events/index.html'), 'utf8')).toContain('Our office is closed on Friday');
    const feed = JSON.parse(readFileSync(join(outDir, 'feed.json'), 'utf8')) as { _bulletin: { alerts: { id: string }[] } };
    expect(feed._bulletin.alerts.map((a) => a.id)).toEqual(['flood-2026-11-26', 'office-closed', 'hartlepool-roadworks']);

    const session = await open({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const { page } = session;
    await page.goto('/');
    await expect(region(page, FLOOD).isVisible()).resolves.toBe(true);
    await expect(region(page, OFFICE).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: DISMISS_OFFICE }).count()).resolves.toBe(0);
    await expectWholeLayout(page, 'Alerts without JavaScript, 375 px', { firstScreen: false });
    await screenshot(page, 'alerts-no-js-375');
    session.expectNoProblems();
  });

  for (const width of [375, 1280]) {
    test(`at ${width} px: most severe first, above the heading, the area’s too for a reader with no postcode; axe clean, taken over with no error`, async () => {
      const session = await open({ viewport: { width, height: 900 } });
      const { page } = session;
      await page.goto('/');
      await ready(page);
      await region(page, ROADWORKS).waitFor();
      await expect(alertNames(page)).resolves.toEqual(['Flood warning: Stockton riverside', 'Roadworks on the A179 in Hartlepool', 'Our office is closed on Friday']);
      const [banner, heading] = await Promise.all([region(page, FLOOD).boundingBox(), page.getByRole('heading', { level: 1 }).boundingBox()]);
      expect((banner?.y ?? Infinity) < (heading?.y ?? 0)).toBe(true);
      await expect(region(page, FLOOD).getByRole('button').count(), 'an emergency cannot be dismissed').resolves.toBe(0);
      await expect(region(page, FLOOD).getByRole('link', { name: 'Find out more: Flood warning: Stockton riverside' }).getAttribute('href')).resolves.toBe('https://example.org/news/flood-warning');
      const { summary } = await axe(page);
      expect(summary, 'axe violations').toBe('');
      // Alerts come before the heading by design: with three, it is not on the first screen.
      await expectWholeLayout(page, `Alerts at ${width} px`, { firstScreen: false });
      await screenshot(page, `alerts-${width}`);
      session.expectNoProblems();
    });
  }

  test('a reader in another area is not shown the area’s alert; a reader in it is (from the area’s view of the page)', async () => {
    for (const [postcode, shown] of [['TS18 1AA', false], ['TS24 8AY', true]] as const) {
      const session = await open({ preferences: { postcode } });
      const { page } = session;
      await page.goto('/');
      await ready(page);
      await region(page, OFFICE).waitFor();
      await expect(region(page, ROADWORKS).count(), postcode).resolves.toBe(shown ? 1 : 0);
      session.expectNoProblems();
      await session.close();
    }
  });

  test('at Largest text the banner is whole', async () => {
    const session = await open({ viewport: { width: 375, height: 900 } });
    const { page } = session;
    await page.goto('/');
    await ready(page);
    await openOptions(page);
    await textSizeButton(page, 'largest').click();
    await expectWholeLayout(page, 'Alerts at Largest text', { firstScreen: false });
    await screenshot(page, 'alerts-largest-375');
    await page.locator('.alerts').screenshot({ path: `${SCREENSHOT_DIR}alerts-largest-375-banner.png` });
    session.expectNoProblems();
  });

  test('a notice is dismissed by keyboard, focus goes to the heading, it stays dismissed after a reload (hidden before the app starts), and shows again once edited', async () => {
    const session = await open();
    const { page } = session;
    await page.goto('/');
    await ready(page);
    await tabTo(page.getByRole('button', { name: DISMISS_OFFICE, exact: true }), 'The Dismiss button of the office notice', { max: 60 });
    await page.keyboard.press('Enter');
    await expect(region(page, OFFICE).count()).resolves.toBe(0);
    await expectFocused(page.getByRole('heading', { level: 1 }), 'The page heading');
    const stored = await page.evaluate(() => localStorage.getItem('bulletin:alerts-dismissed'));
    expect(JSON.parse(stored ?? '[]')).toHaveLength(1);

    await page.reload();
    await ready(page);
    await region(page, FLOOD).waitFor();
    await expect(region(page, OFFICE).isVisible()).resolves.toBe(false);
    session.expectNoProblems();

    // Before the app has started (its script never arrives here), the boot script has hidden it.
    const early = await open({ serviceWorkers: 'block' });
    await early.context.addInitScript((value) => localStorage.setItem('bulletin:alerts-dismissed', value), stored ?? '');
    await early.page.route(/\/assets\/index-[^/]*\.js$/, () => undefined);
    await early.page.goto('/', { waitUntil: 'domcontentloaded' });
    await region(early.page, FLOOD).waitFor();
    await expect(early.page.locator('section.alert').count()).resolves.toBe(2);
    await expect(region(early.page, OFFICE).isVisible()).resolves.toBe(false);
    await expect(early.page.evaluate(() => document.documentElement.hasAttribute('data-app'))).resolves.toBe(false);
    early.expectNoProblems();
    await early.close();

    // The newsroom edits the notice: the live feed differs from the HTML, and the edited notice shows again.
    const path = join(outDir, 'feed.json');
    const original = readFileSync(path, 'utf8');
    try {
      const feed = JSON.parse(original) as { _bulletin: { alerts: { id: string; text?: string }[] } };
      const office = feed._bulletin.alerts.find((a) => a.id === 'office-closed');
      if (office) office.text = 'Phone 01632 960000, or email us, if you need help before Monday.';
      writeFileSync(path, JSON.stringify(feed));
      await page.reload();
      await ready(page);
      await region(page, OFFICE).getByText('or email us').waitFor();
      await expect(page.getByRole('button', { name: DISMISS_OFFICE }).isVisible()).resolves.toBe(true);
      session.expectNoProblems();
    } finally {
      writeFileSync(path, original);
    }
  });

  test('an alert that has ended since the build is gone once the app has started, with no error', async () => {
    const session = await open({}, new Date('2026-11-28T10:00:00Z'));
    const { page } = session;
    await page.goto('/');
    await ready(page);
    await region(page, OFFICE).waitFor();
    await expect(region(page, FLOOD).count()).resolves.toBe(0);
    session.expectNoProblems();
  });
});
