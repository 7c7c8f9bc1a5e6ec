/**
 * Scroll restoration: Back returns the list to where the reader was; a new page starts at the top.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { isItemPath } from '../../src/config/paths';
import { expectFocused, newPage, ready, releaseLink, SEED, visit, withBrowser } from './support';

withBrowser();

const scrollY = (page: Page) => page.evaluate(() => window.scrollY);
const nextFrames = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

test('Back restores the list scroll position; a new article starts at the top', async () => {
  const session = await newPage({ viewport: { width: 375, height: 667 } });
  const { page } = session;
  await visit(page, '/');

  // Scroll to the bottom of the list, as a reader would (wheel, so real scroll events fire).
  const maxScroll = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(maxScroll, 'the list is long enough to scroll at 375 px').toBeGreaterThan(500);
  await page.mouse.move(180, 300);
  await page.mouse.wheel(0, maxScroll + 1000);
  await expect.poll(() => scrollY(page)).toBeGreaterThan(maxScroll - 2);
  await nextFrames(page); // the app records positions on the next animation frame

  const last = page.getByRole('main').getByRole('list').last().getByRole('link').last();
  await expect(last.isVisible()).resolves.toBe(true);
  const title = (await last.textContent()) ?? '';
  const leftAt = await scrollY(page);
  await last.click();
  await page.waitForURL((url) => isItemPath(url.pathname));
  await ready(page);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
  await expect.poll(() => scrollY(page), { message: 'a new article starts at the top' }).toBe(0);

  await page.goBack();
  await page.waitForURL((url) => url.pathname === '/');
  await ready(page);
  const restored = `scrollY after Back should be within 50 px of ${leftAt}, where the reader left the list`;
  await expect.poll(() => scrollY(page), { message: restored }).toBeGreaterThanOrEqual(leftAt - 50);
  expect(await scrollY(page), restored).toBeLessThanOrEqual(leftAt + 50);
  session.expectNoProblems();
});

test('following a link (not Back) starts the new page at the top, even a page seen before', async () => {
  const session = await newPage({ viewport: { width: 375, height: 667 } });
  const { page } = session;
  await visit(page, '/');
  await releaseLink(page, SEED.title).click();
  await page.waitForURL((url) => url.pathname === SEED.path);
  await ready(page);

  // Read to the end of the article, then follow "All news".
  await page.mouse.move(180, 300);
  await page.mouse.wheel(0, 100_000);
  await expect.poll(() => scrollY(page)).toBeGreaterThan(1000);
  await nextFrames(page);
  await page.getByRole('link', { name: 'All news', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await ready(page);
  await expect.poll(() => scrollY(page), { message: 'the list, reached by a link, starts at the top' }).toBe(0);
  await expectFocused(page.getByRole('heading', { level: 1, name: 'Latest news' }), 'The list h1 after following "All news"');
  session.expectNoProblems();
});
