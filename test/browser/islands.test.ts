/**
 * Islands (src/lib/island.tsx): the reader's options are prerendered whole, and their code loads only
 * when the reader comes to them (or at once for a reader who has set any). What jsdom cannot show:
 * which requests a real load makes, that hydrating keeps the very elements on screen, and that a
 * press or a submit made while the code is on its way is made once it is in.
 */
import type { Page, Route } from 'playwright-core';
import { expect, test } from 'vitest';
import { newPage, postcodeInput, PREFERENCES_KEY, ready, rootFontSize, textOnlyButton, textSizeButton, withBrowser } from './support';

withBrowser();

const ISLAND = /\/assets\/OptionsIsland-[\w-]+\.js$/;
const islandRequested = (requests: readonly string[]) => requests.some((url) => ISLAND.test(new URL(url).pathname));
const live = (page: Page) => page.waitForFunction(() => document.documentElement.hasAttribute('data-options'));

/** Holds the options' chunk until `release` is called: the reader acts while it is on its way. */
async function holdIsland(page: Page): Promise<{ requested: Promise<void>; release: () => void }> {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let requested = () => {};
  const asked = new Promise<void>((resolve) => (requested = resolve));
  await page.route(ISLAND, async (route: Route) => {
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
