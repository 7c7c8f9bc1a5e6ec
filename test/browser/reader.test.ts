/**
 * Issue 2: reading the news. The list, one release with its quote, findings and footnote,
 * sharing, deep links (also to an item on feed page 2), "Older news", not-found pages, events,
 * accessibility (axe) and screenshots, all against the production build in real Chromium.
 */
import { describe, expect, test } from 'vitest';
import { canonicalUrl, isItemPath, paths } from '../../src/config/paths';
import {
  axe,
  expectFocused,
  expectInView,
  expectWholeLayout,
  newPage,
  ORIGIN,
  ready,
  releaseLink,
  screenshot,
  SEED,
  seedFindings,
  seedFootnote,
  seedFootnoteMarker,
  seedQuote,
  SITE,
  SITE_URL,
  visit,
  withBrowser,
} from './support';

withBrowser();

describe('reading a release', () => {
  test('list → article → footnote → back to the text', async () => {
    const session = await newPage();
    const { page } = session;
    await visit(page, '/');

    const link = releaseLink(page, SEED.title);
    await expect(link.isVisible()).resolves.toBe(true);
    await link.click();

    await page.waitForURL((url) => url.pathname === SEED.path);
    await ready(page);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1.count()).resolves.toBe(1);
    await expect(h1.textContent()).resolves.toBe(SEED.title);
    await expect.poll(() => page.title()).toBe(`${SEED.title} | ${SITE}`);
    await expect(page.getByText(SEED.posted, { exact: true }).isVisible()).resolves.toBe(true);

    // The quoted section: a figure holding the statement and, visibly, who said it.
    const figure = page.getByRole('main').getByRole('figure');
    await expect(figure.count()).resolves.toBe(1);
    await expect(figure.locator('blockquote').count()).resolves.toBe(1);
    const caption = figure.locator('figcaption');
    await expect(caption.count()).resolves.toBe(1);
    await expect(caption.evaluate((el) => (el.textContent ?? '').trim())).resolves.toBe(SEED.quoteBy);
    await expect(caption.isVisible()).resolves.toBe(true);
    // The caption names the figure for assistive technology.
    await expect(seedQuote(page).count()).resolves.toBe(1);

    // The findings: the lead-in paragraph is immediately followed by a list of 8 items.
    const leadIn = page.getByText(SEED.findingsLeadIn, { exact: true });
    await expect(leadIn.count()).resolves.toBe(1);
    const next = leadIn.locator('xpath=following-sibling::*[1]');
    await expect(next.evaluate((el) => el.tagName)).resolves.toMatch(/^(UL|OL)$/);
    const findings = seedFindings(page);
    await expect(findings.count()).resolves.toBe(1);
    expect(await findings.evaluate((list, sibling) => list === sibling, await next.elementHandle())).toBe(true);
    await expect(findings.getByRole('listitem').count()).resolves.toBe(SEED.findings);

    // The footnote, by keyboard: the marker takes focus and scroll to the note…
    const marker = seedFootnoteMarker(page);
    await expect(marker.count()).resolves.toBe(1);
    await marker.focus();
    await page.keyboard.press('Enter');
    const note = seedFootnote(page);
    await expect(note.count()).resolves.toBe(1);
    await expectFocused(note, 'The footnote (aside "P36 national overview")');
    await expectInView(note, 'The footnote');
    expect(new URL(page.url()).pathname === SEED.path, `still on the article, at ${page.url()}`).toBe(true);

    // …and the note's back link returns both to the marker.
    const back = note.getByRole('link', { name: 'Back to the text at footnote *', exact: true });
    await expect(back.count()).resolves.toBe(1);
    await back.focus();
    await page.keyboard.press('Enter');
    await expectFocused(marker, 'The footnote marker "Footnote *"');
    await expectInView(marker, 'The footnote marker');
    expect(new URL(page.url()).pathname === SEED.path, `still on the article, at ${page.url()}`).toBe(true);

    session.expectNoProblems();
    await session.close();
  });

  test('share: copy link, and plain share links that load nothing from elsewhere', async () => {
    const session = await newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = session;
    await visit(page, SEED.path);
    expect(page.url()).toBe(`${ORIGIN}${SEED.path}`);
    // The site file gives the site's address: what is shared is the release's canonical address there.
    const shared = canonicalUrl(SEED.path, SITE_URL);

    const share = page.getByRole('region', { name: 'Share this' });
    await share.getByRole('button', { name: 'Copy link', exact: true }).click();
    const copied = page.getByRole('status').filter({ hasText: 'Link copied' });
    await copied.waitFor({ state: 'visible', timeout: 5_000 });
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(shared);

    const encoded = encodeURIComponent(shared);
    const expected: [string, RegExp][] = [
      ['Share by email', /^mailto:/],
      ['Share on X', /^https:\/\/x\.com\//],
      ['Share on Facebook', /^https:\/\/www\.facebook\.com\//],
      ['Share on LinkedIn', /^https:\/\/www\.linkedin\.com\//],
      ['Share on WhatsApp', /^https:\/\/wa\.me\//],
    ];
    for (const [name, scheme] of expected) {
      const link = share.getByRole('link', { name, exact: true });
      await expect(link.count(), name).resolves.toBe(1);
      const facts = await link.evaluate((a) => ({
        tag: a.tagName,
        href: a.getAttribute('href') ?? '',
        target: a.getAttribute('target'),
        onclick: a.getAttribute('onclick'),
      }));
      expect(facts.tag, name).toBe('A');
      expect(facts.href, name).toMatch(scheme);
      expect(facts.href, `${name} carries the encoded page URL`).toContain(encoded);
      expect(facts.onclick, name).toBeNull();
    }
    // No request to any share service or other origin (expectNoProblems counts them).
    session.expectNoProblems();
  });

  test('a deep link, reloaded, still shows the article', async () => {
    const session = await newPage();
    const { page } = session;
    await visit(page, SEED.path);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(SEED.title);
    await page.reload();
    await ready(page);
    expect(new URL(page.url()).pathname).toBe(SEED.path);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(SEED.title);
    await expect.poll(() => page.title()).toBe(`${SEED.title} | ${SITE}`);
    session.expectNoProblems();
  });

  test('"Older news" loads page 2, moves focus to the first new item, and a page-2 item opens by URL', async () => {
    const session = await newPage();
    const { page } = session;
    await visit(page, '/');
    const main = page.getByRole('main');
    const before = await main.getByRole('link').allTextContents();
    expect(before).not.toContain('New Neighbourhood Watch for Port Clarence');

    await main.getByRole('button', { name: 'Older news', exact: true }).click();
    const portClarence = main.getByRole('link', { name: 'New Neighbourhood Watch for Port Clarence', exact: true });
    await portClarence.waitFor({ state: 'visible' });

    // Focus lands on the first item that arrived: the newest news item of page 2.
    const firstNew = main.getByRole('link', { name: 'Operation to tackle off-road bikes in Billingham', exact: true });
    await expectFocused(firstNew, 'The first item loaded by "Older news"');
    const after = await main.getByRole('link').allTextContents();
    const added = after.filter((t) => !before.includes(t));
    expect(added[0], 'the first new link in document order').toBe('Operation to tackle off-road bikes in Billingham');

    const href = await portClarence.getAttribute('href');
    expect(isItemPath(href ?? ''), `${href} is a release's address`).toBe(true);
    expect(href).toContain('/new-neighbourhood-watch-for-port-clarence-');
    session.expectNoProblems();
    await session.close();

    // A fresh context: nothing cached, so the reader must follow next_url to find the item.
    const fresh = await newPage();
    await visit(fresh.page, href ?? '/missing-href');
    await expect(fresh.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'New Neighbourhood Watch for Port Clarence',
    );
    expect(new URL(fresh.page.url()).pathname).toBe(href);
    fresh.expectNoProblems();
  });

  test('an unknown address and an unknown item show a not-found page', async () => {
    const session = await newPage();
    const { page } = session;
    const footer = page.getByRole('contentinfo');

    await visit(page, '/nope');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
    await expect(footer.getByText('Powered by Bulletin').isVisible()).resolves.toBe(true);

    await visit(page, paths.release.href('nothing-here-zzzzzzz'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/can.t find that release/);
    await expect(footer.getByText('Powered by Bulletin').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Go to the latest news' }).isVisible()).resolves.toBe(true);
    session.expectNoProblems();
  });

  test('/events shows upcoming and past events', async () => {
    const session = await newPage();
    const { page } = session;
    await visit(page, paths.events.href());
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Events');
    for (const name of ['Upcoming events', 'Past events']) {
      const region = page.getByRole('region', { name, exact: true });
      await expect(region.count(), name).resolves.toBe(1);
      await expect(region.getByRole('heading', { level: 2, name }).isVisible(), name).resolves.toBe(true);
    }
    await expect.poll(() => page.title()).toBe(`Events | ${SITE}`);
    session.expectNoProblems();
  });
});

describe('accessibility and appearance', () => {
  test('axe finds no violations on the list, events, the seed article and the not-found page', async () => {
    const session = await newPage();
    const { page } = session;
    const reports: string[] = [];
    for (const path of ['/', paths.events.href(), SEED.path, '/nope']) {
      await visit(page, path);
      const { summary } = await axe(page);
      if (summary) reports.push(`${path}:\n${summary}`);
    }
    expect(reports.join('\n\n'), 'axe violations').toBe('');
    session.expectNoProblems();
  });

  test('the list and the article at 1280 and 375 px: whole, headline on the first screen (and screenshots)', async () => {
    for (const width of [1280, 375]) {
      const session = await newPage({ viewport: { width, height: 800 } });
      const { page } = session;
      await visit(page, '/');
      await expectWholeLayout(page, `the list at ${width} px`);
      await screenshot(page, `reader-list-${width}`);
      await visit(page, SEED.path);
      await expectWholeLayout(page, `the article at ${width} px`);
      await screenshot(page, `reader-article-${width}`);
      session.expectNoProblems();
      await session.close();
    }
  });
});
