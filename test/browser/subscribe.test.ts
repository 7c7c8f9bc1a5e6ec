/**
 * Subscribe: the page that gives each feed's address (axe clean, copied by keyboard, whole at
 * 375 px and at Largest text), and the `<link rel="alternate">` each page carries for feed
 * readers, in the HTML as served (no script) and after the app has taken the page over.
 */
import { describe, expect, test } from 'vitest';
import { feedFiles, paths } from '../../src/config/paths';
import { axe, expectWholeLayout, newPage, screenshot, SEED, tabTo, visit, withBrowser } from './support';

withBrowser();

/** The site file's canonical address: the feeds' addresses are given on it. */
const SITE_URL = 'https://www.cleveland.pcc.police.uk/';

describe('Subscribe', () => {
  test('is linked from the footer, says what a feed is, and is clean under axe', async () => {
    const session = await newPage();
    const { page } = session;
    await visit(page, '/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Subscribe', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(paths.subscribe.href());
    await page.getByRole('heading', { level: 1, name: 'Subscribe' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'What is a feed?' }).waitFor();
    for (const name of ['All news', 'Middlesbrough', 'Redcar and Cleveland', 'Stockton-on-Tees', 'Hartlepool']) {
      await expect(page.getByRole('heading', { level: 3, name, exact: true }).count(), name).resolves.toBe(1);
    }
    await expect(page.getByText(new URL(feedFiles.atom('stockton').slice(1), SITE_URL).href, { exact: true }).count()).resolves.toBe(1);
    const { summary } = await axe(page);
    expect(summary, 'axe violations').toBe('');
    session.expectNoProblems();
  });

  test('copies a feed’s address by keyboard, and says so', async () => {
    const session = await newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = session;
    await visit(page, paths.subscribe.href());
    const button = page.getByRole('button', { name: 'Copy address of Middlesbrough news (Atom)', exact: true });
    await tabTo(button, 'The copy button of Middlesbrough’s Atom feed', { max: 60 });
    await page.keyboard.press('Enter');
    const item = page.getByRole('listitem').filter({ has: button });
    await item.getByRole('status').filter({ hasText: 'Address copied' }).waitFor({ state: 'visible', timeout: 5_000 });
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(new URL(feedFiles.atom('middlesbrough').slice(1), SITE_URL).href);
    // Space works too, on another one.
    const json = page.getByRole('button', { name: 'Copy address of all news (JSON Feed)', exact: true });
    await json.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(new URL('feed.json', SITE_URL).href);
    session.expectNoProblems();
  });

  test('is whole at 375 and 1280 px, and at Largest text (and screenshots)', async () => {
    for (const [width, largest] of [[1280, false], [375, false], [375, true], [1280, true]] as const) {
      const session = await newPage({ viewport: { width, height: 800 }, ...(largest ? { preferences: { textSize: 'largest' } } : {}) });
      const { page } = session;
      await visit(page, paths.subscribe.href());
      // At Largest text on a phone the header and options fill the first screen on every page.
      await expectWholeLayout(page, `Subscribe at ${width} px${largest ? ', Largest text' : ''}`, { firstScreen: !largest });
      await screenshot(page, `subscribe-${width}${largest ? '-largest' : ''}`);
      session.expectNoProblems();
      await session.close();
    }
  });
});

describe('the links to the feeds', () => {
  const allNews = [
    ['application/atom+xml', feedFiles.atom()],
    ['application/feed+json', feedFiles.json()],
  ];
  const area = (id: string) => [
    ['application/atom+xml', feedFiles.atom(id)],
    ['application/feed+json', feedFiles.json(id)],
  ];

  test('are on the list, an area’s page and a release, in the served HTML and once the app has started', async () => {
    const session = await newPage();
    const { page, context } = session;
    const expected: [string, string[][]][] = [
      [paths.news.href(), allNews],
      [paths.area.href('middlesbrough'), [...area('middlesbrough'), ...allNews]],
      [SEED.path, allNews],
    ];
    for (const [path, links] of expected) {
      // As a feed reader or a crawler reads it: the HTML, no script.
      const html = await (await context.request.get(path)).text();
      const served = [...html.matchAll(/<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)">/g)].map((m) => [m[1], m[2]]);
      expect(served, path).toEqual(links);
      await visit(page, path);
      const live = await page.locator('head link[rel="alternate"]').evaluateAll((els) => els.map((l) => [l.getAttribute('type'), l.getAttribute('href')]));
      expect(live, `${path} in the browser`).toEqual(links);
      for (const [, href] of links) expect((await context.request.get(href ?? '')).status(), href).toBe(200);
    }
    session.expectNoProblems();
  });
});
