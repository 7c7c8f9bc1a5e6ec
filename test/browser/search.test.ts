/**
 * Issue #12, part 3: find any release. Search from the header's box by keyboard alone, the
 * results' roles, names, states and announcement, a shared address, axe; without JavaScript the
 * search page's message and the year archive as prerendered HTML; search offline over the saved index.
 */
import { describe, expect, test } from 'vitest';
import { isItemPath, paths } from '../../src/config/paths';
import { axe, expectFocused, newPage, ready, SEED, tabTo, visit, withBrowser } from './support';
import { controlledSession, goOffline, ownSite, withOwnSites } from './own-site';

withBrowser();
withOwnSites();

const summary = (page: import('playwright-core').Page) => page.locator('.search-summary');

describe('search', () => {
  test('by keyboard alone from the header’s box: the count announced, filters in the address, a result opened', async () => {
    const session = await newPage();
    const { page } = session;
    await visit(page, paths.news.href());
    const landmark = page.getByRole('search');
    const box = landmark.getByRole('searchbox', { name: 'Search' });
    await tabTo(box, 'the header’s search box');
    await page.keyboard.type('patrols');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === paths.search.href() && url.searchParams.get('q') === 'patrols');
    await ready(page);
    // The count is a polite status, said once the results are in.
    const live = summary(page);
    await expect.poll(() => live.textContent()).toBe('3 results for “patrols”.');
    await expect(live.getAttribute('role')).resolves.toBe('status');
    await expect(live.getAttribute('aria-live')).resolves.toBe('polite');
    const results = page.getByRole('list', { name: 'Results' });
    await expect(results.getByRole('listitem').count()).resolves.toBe(3);
    await expect(results.locator('mark').first().textContent()).resolves.toMatch(/^patrols?$/i);
    // The page's own box has the words; a filter is a real select, changed by keyboard.
    const pageBox = page.getByRole('main').getByRole('searchbox', { name: 'Search news and events' });
    await expect(pageBox.inputValue()).resolves.toBe('patrols');
    const kind = page.getByRole('combobox', { name: 'Kind' });
    await tabTo(kind, 'the Kind filter');
    await page.keyboard.press('ArrowDown');
    await page.waitForURL((url) => url.searchParams.get('kind') === 'news');
    await expect.poll(() => live.textContent()).toBe('3 results for “patrols” with these filters.');
    const report = await axe(page);
    expect(report.summary, 'axe on the results').toBe('');
    // The first result, by keyboard.
    const first = results.getByRole('heading', { level: 2 }).first().getByRole('link');
    const title = (await first.textContent()) ?? '';
    await tabTo(first, 'the first result');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => isItemPath(url.pathname));
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
    session.expectNoProblems();
    await session.close();
  });

  test('typing on the page searches after a pause, and a shared address opens as it was', async () => {
    const session = await newPage({ viewport: { width: 375, height: 800 } });
    const { page } = session;
    await visit(page, paths.search.href(new URLSearchParams({ q: 'community', kind: 'event', year: '2017' })));
    const box = page.getByRole('main').getByRole('searchbox', { name: 'Search news and events' });
    await expect(box.inputValue()).resolves.toBe('community');
    await expect(page.getByRole('combobox', { name: 'Kind' }).inputValue()).resolves.toBe('event');
    await expect(page.getByRole('combobox', { name: 'Year' }).inputValue()).resolves.toBe('2017');
    await expect.poll(() => summary(page).textContent()).toMatch(/^\d+ results? for “community” with these filters\.$/);
    const links = page.getByRole('list', { name: 'Results' }).getByRole('link');
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) expect(href.startsWith('/events/')).toBe(true);
    // Typing replaces the words; the address follows once typing pauses.
    await box.fill('');
    await box.pressSequentially('surgery', { delay: 30 });
    await page.waitForURL((url) => url.searchParams.get('q') === 'surgery');
    await expect.poll(() => summary(page).textContent()).toMatch(/for “surgery” with these filters\.$/);
    expect(new URL(page.url()).searchParams.get('kind')).toBe('event');
    const report = await axe(page);
    expect(report.summary, 'axe at 375 px').toBe('');
    session.expectNoProblems();
    await session.close();
  });
});

describe('without JavaScript', () => {
  test('the search page says search needs JavaScript and links to the archive; the header’s box still goes there', async () => {
    const session = await newPage({ javaScriptEnabled: false });
    const { page } = session;
    await page.goto(paths.news.href());
    const box = page.getByRole('search').getByRole('searchbox', { name: 'Search' });
    await box.fill('burglary');
    await box.press('Enter');
    await page.waitForURL((url) => url.pathname === paths.search.href() && url.searchParams.get('q') === 'burglary');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Search');
    // The <noscript> message, shown as the browser parses it without script.
    const message = page.getByRole('main').locator('noscript p').first();
    await expect(message.textContent()).resolves.toBe('Search needs JavaScript, which is turned off or has not loaded in this browser.');
    await expect(message.isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: 'archive', exact: true }).click();
    await page.waitForURL((url) => url.pathname === paths.archive.href());
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Archive');
    await expect(page.getByRole('list', { name: 'Years' }).getByRole('link', { name: '2018' }).getAttribute('href')).resolves.toBe(paths.archiveYear.href(2018));
    session.expectNoProblems();
    await session.close();
  });

  test('a year of the archive reads as prerendered HTML: its releases month by month, each a link to the release', async () => {
    const session = await newPage({ javaScriptEnabled: false });
    const { page } = session;
    await page.goto(paths.archiveYear.href(2018));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('News from 2018');
    await expect(page.getByRole('heading', { level: 2, name: 'March 2018' }).isVisible()).resolves.toBe(true);
    const seed = page.getByRole('link', { name: SEED.title, exact: true });
    await expect(seed.getAttribute('href')).resolves.toBe(SEED.path);
    await seed.click();
    await page.waitForURL((url) => url.pathname === SEED.path);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(SEED.title);
    session.expectNoProblems();
    await session.close();
  });

  test('with JavaScript the year page is taken over in place, and a release still opens at /news/<slug>/', async () => {
    const session = await newPage();
    const { page } = session;
    await visit(page, paths.archiveYear.href(2017));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('News from 2017');
    const report = await axe(page);
    expect(report.summary, 'axe on a year').toBe('');
    const older = page.getByRole('navigation', { name: 'Archive' }).getByRole('link', { name: 'News from 2018' });
    await older.click();
    await page.waitForURL((url) => url.pathname === paths.archiveYear.href(2018));
    await expectFocused(page.getByRole('heading', { level: 1 }), 'the new page’s h1');
    await page.getByRole('link', { name: SEED.title, exact: true }).click();
    await page.waitForURL((url) => url.pathname === SEED.path);
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(SEED.title);
    session.expectNoProblems();
    await session.close();
  });
});

describe('search offline', () => {
  test('works over the saved index once used online; without a saved index it says so', async () => {
    const site = await ownSite();
    const { session, page, context } = await controlledSession(site);
    // Never searched: offline, search says it has not been saved.
    const fresh = await context.newPage();
    await goOffline(context, site);
    await fresh.goto(paths.search.href(new URLSearchParams({ q: 'patrols' })));
    await expect.poll(() => fresh.getByRole('main').textContent(), { timeout: 10_000 }).toContain('You’re offline, and search has not been saved on this device yet.');
    await fresh.close();
    await site.start();
    await context.setOffline(false);
    // Searched once online: the index is kept.
    await visit(page, paths.search.href(new URLSearchParams({ q: 'patrols' })));
    await expect.poll(() => summary(page).textContent()).toBe('3 results for “patrols”.');
    await goOffline(context, site);
    await page.goto(paths.search.href(new URLSearchParams({ q: 'burglary' })));
    await ready(page);
    await expect.poll(() => summary(page).textContent()).toBe('1 result for “burglary”.');
    session.expectNoProblems({ offline: true });
  });
});
