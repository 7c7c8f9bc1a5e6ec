/**
 * Islands (src/lib/island.tsx): the reader's options are prerendered whole, and their code loads only
 * when the reader comes to them (or at once for a reader who has set any). What jsdom cannot show:
 * which requests a real load makes, that hydrating keeps the very elements on screen, and that a
 * press or a submit made while the code is on its way is made once it is in.
 */
import type { Page, Route } from 'playwright-core';
import { expect, test } from 'vitest';
import { canonicalUrl } from '../../src/config/paths';
import { newPage, postcodeInput, PREFERENCES_KEY, ready, rootFontSize, SEED, SITE_URL, textOnlyButton, textSizeButton, withBrowser } from './support';

withBrowser();

const ISLAND = /\/assets\/OptionsIsland-[\w-]+\.js$/;
const SHARE = /\/assets\/ShareThis-[\w-]+\.js$/;
const requested = (requests: readonly string[], chunk: RegExp) => requests.some((url) => chunk.test(new URL(url).pathname));
const islandRequested = (requests: readonly string[]) => requested(requests, ISLAND);
const live = (page: Page) => page.waitForFunction(() => document.documentElement.hasAttribute('data-options'));

/** Holds the options' chunk until `release` is called: the reader acts while it is on its way. */
async function holdIsland(page: Page, chunk: RegExp = ISLAND): Promise<{ requested: Promise<void>; release: () => void }> {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let requested = () => {};
  const asked = new Promise<void>((resolve) => (requested = resolve));
  await page.route(chunk, async (route: Route) => {
    requested();
    await gate;
    await route.continue();
  });
  return { requested: asked, release };
}

test('a first visit fetches no code for the options; coming to them does, and hydrating keeps the elements on screen', async () => {
  const session = await newPage({ serviceWorkers: 'block' });
  const { page, requests } = session;
  await page.goto('/');
  await ready(page);
  await page.waitForLoadState('networkidle');
  expect(islandRequested(requests), 'the options chunk on a first load').toBe(false);
  // The prerendered buttons are shown and work before the chunk is in (below); they are the same elements after.
  await page.evaluate(() => {
    (window as unknown as { __largest: Element | null }).__largest = document.querySelector('.options__button--largest');
  });
  await page.getByRole('group', { name: 'Text size', exact: true }).hover();
  await live(page);
  expect(islandRequested(requests), 'the options chunk once the pointer is over them').toBe(true);
  const same = await page.evaluate(() => {
    const before = (window as unknown as { __largest: Element | null }).__largest;
    return before !== null && before.isConnected && before === document.querySelector('.options__button--largest');
  });
  expect(same, 'the Largest button is the prerendered element, hydrated, not a new one').toBe(true);
  session.expectNoProblems();
  await session.close();
});

test('a press made while the options’ code is on its way is made once it is in, and keeps focus', async () => {
  const session = await newPage({ serviceWorkers: 'block' });
  const { page } = session;
  const held = await holdIsland(page);
  await page.goto('/');
  await ready(page);
  const before = await rootFontSize(page);
  await textSizeButton(page, 'largest').click();
  await held.requested;
  // Nothing yet: the press is held, not lost, and not half done.
  expect(await rootFontSize(page)).toBe(before);
  expect(await textSizeButton(page, 'largest').getAttribute('aria-pressed')).toBe('false');
  held.release();
  await expect.poll(() => rootFontSize(page)).toBeCloseTo(before * 2, 0);
  await expect.poll(() => textSizeButton(page, 'largest').getAttribute('aria-pressed')).toBe('true');
  expect(await textSizeButton(page, 'largest').evaluate((el) => el === document.activeElement)).toBe(true);
  expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), PREFERENCES_KEY)) ?? '{}')).toMatchObject({ textSize: 'largest' });
  session.expectNoProblems();
  await session.close();
});

test('a postcode typed and sent with Enter while the code is on its way is set once it is in; the keyboard alone', async () => {
  const session = await newPage({ serviceWorkers: 'block' });
  const { page } = session;
  const held = await holdIsland(page);
  await page.goto('/');
  await ready(page);
  await postcodeInput(page).focus();
  await held.requested;
  await page.keyboard.type('TS1 2AB');
  await page.keyboard.press('Enter');
  expect(await page.evaluate((key) => localStorage.getItem(key), PREFERENCES_KEY)).toBeNull();
  held.release();
  await expect.poll(() => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').postcode as unknown, PREFERENCES_KEY)).toBe('TS1 2');
  await expect(page.getByText(/Postcode saved/).count()).resolves.toBeGreaterThan(0);
  // Hydrated in a root of its own, the form keeps the ids it was rendered with: its label, hint and
  // error still name the field (useId's would have differed from the page's).
  await page.getByRole('button', { name: 'Change postcode' }).click();
  await postcodeInput(page).fill('');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'Enter a postcode' }).waitFor();
  const named = await postcodeInput(page).evaluate((input) => {
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    return { ids: ids.length, missing: ids.filter((id) => !document.getElementById(id)), label: document.querySelector(`label[for="${input.id}"]`)?.textContent ?? null };
  });
  expect(named).toEqual({ ids: 2, missing: [], label: 'Set your postcode' });
  session.expectNoProblems();
  await session.close();
});

test('a reader who has set options gets their code at once, showing their choices', async () => {
  const session = await newPage({ serviceWorkers: 'block', preferences: { textSize: 'large', textOnly: true } });
  const { page, requests } = session;
  await page.goto('/');
  await ready(page);
  await live(page);
  expect(islandRequested(requests)).toBe(true);
  expect(await textSizeButton(page, 'large').getAttribute('aria-pressed')).toBe('true');
  expect(await textOnlyButton(page).getAttribute('aria-pressed')).toBe('true');
  session.expectNoProblems();
  await session.close();
});

test('"Share this" is in the prerendered release, its links on the canonical address, and reads without script', async () => {
  const session = await newPage({ javaScriptEnabled: false });
  const { page } = session;
  await page.goto(SEED.path);
  const share = page.getByRole('region', { name: 'Share this' });
  await share.waitFor();
  const email = await share.getByRole('link', { name: 'Share by email' }).getAttribute('href');
  expect(email).toContain(encodeURIComponent(canonicalUrl(SEED.path, SITE_URL)));
  // Copying needs script: not offered without it.
  expect(await share.getByRole('button', { name: 'Copy link' }).isVisible()).toBe(false);
  await session.close();
});

test('"Copy link" pressed while its code is on its way copies the canonical address once it is in', async () => {
  const session = await newPage({ serviceWorkers: 'block' });
  const { page, context, requests } = session;
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const held = await holdIsland(page, SHARE);
  await page.goto(SEED.path);
  await ready(page);
  await page.waitForLoadState('networkidle');
  expect(requested(requests, SHARE), 'the share chunk on a first load (this browser has no Web Share)').toBe(false);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await held.requested;
  expect(await page.getByText('Link copied').count()).toBe(0);
  held.release();
  await page.getByText('Link copied').waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonicalUrl(SEED.path, SITE_URL));
  session.expectNoProblems();
  await session.close();
});

test('where the browser can share natively, the share code loads at once and its Share button is there, with no hydration fault', async () => {
  const session = await newPage({ serviceWorkers: 'block' });
  const { page, context, requests } = session;
  await context.addInitScript(() => {
    const shared: unknown[] = [];
    Object.defineProperty(navigator, 'share', { value: (data: unknown) => (shared.push(data), Promise.resolve()), configurable: true });
    (window as unknown as { __shared: unknown[] }).__shared = shared;
  });
  await page.goto(SEED.path);
  await ready(page);
  const button = page.getByRole('button', { name: 'Share this release' });
  await button.waitFor();
  expect(requested(requests, SHARE)).toBe(true);
  await button.click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared)).toEqual([{ title: SEED.title, url: canonicalUrl(SEED.path, SITE_URL) }]);
  session.expectNoProblems();
  await session.close();
});
