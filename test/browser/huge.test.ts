/**
 * Huge and unusual input stays usable: a 10 MB feed, a 1 MB title, 50,000-character words,
 * deeply nested unknown extension objects, right-to-left text, emoji and combining marks.
 * "Usable": the page renders, opens the item, does not scroll sideways at 375 px, and answers.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/config/paths';
import { makeSlug } from '../../src/lib/slug';
import { newPage, newsLinks, openOptions, ready, releaseLink, sidewaysOverflow, withBrowser } from './support';

withBrowser();

const VERSION = 'https://jsonfeed.org/version/1.1';

/** JSON text of an object nested `depth` deep (built as text: JSON.stringify itself gives up on deep values). */
function nestedJson(depth: number): string {
  return `${'{"n":1,"_deeper":'.repeat(depth)}{"leaf":true}${'}'.repeat(depth)}`;
}

/** The list (`/`) on a phone-sized screen, with `feed` served as feed.json. */
async function openWith(feed: unknown) {
  const body = typeof feed === 'string' ? feed : JSON.stringify(feed);
  const session = await newPage({ serviceWorkers: 'block', viewport: { width: 375, height: 800 } });
  await session.context.route('**/feed.json', (route) => route.fulfill({ status: 200, contentType: 'application/feed+json', body }));
  await session.page.goto('/');
  await ready(session.page);
  return { ...session, bytes: body.length };
}

async function expectNoSideways(page: Page, where: string) {
  const o = await sidewaysOverflow(page);
  expect(o.scrollWidth, `${where} scrolls sideways: ${o.widest}`).toBeLessThanOrEqual(o.clientWidth);
}

/** The page still answers: a click on Largest changes the root font size. */
async function expectResponsive(page: Page) {
  await openOptions(page);
  await page.getByRole('button', { name: 'Largest' }).click();
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
}

describe('Huge and unusual input', () => {
  it('a 10 MB feed: the list shows its first items and an item deep in it opens', { timeout: 60_000 }, async () => {
    const paragraph = `<p>${'The Commissioner met residents to talk about neighbourhood policing. '.repeat(40)}</p>`;
    const items = Array.from({ length: 2000 }, (_, i) => ({
      id: `big-${i}`,
      title: `Release number ${i}`,
      summary: 'A summary of this release.',
      content_html: paragraph.repeat(2),
      date_published: new Date(Date.UTC(2018, 2, 22) - i * 3_600_000).toISOString(),
    }));
    const { page, bytes, expectNoProblems } = await openWith({ version: VERSION, title: 'Big newsroom', items });
    expect(bytes).toBeGreaterThan(10_000_000);
    expect(await newsLinks(page).count()).toBe(50);
    await page.goto(paths.release.href(makeSlug('big-1999', 'Release number 1999')));
    await ready(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Release number 1999');
    await expectResponsive(page);
    expectNoProblems();
  });

  it('a 1 MB title and 50,000-character words: cut or wrapped, never sideways', { timeout: 60_000 }, async () => {
    const word = 'x'.repeat(50_000);
    const items = [
      { id: 'long-title', title: 'T'.repeat(1_000_000), content_text: 'Body.', date_published: '2018-03-22T10:00:00Z' },
      { id: 'long-word', title: `A ${word} word`, summary: word, content_html: `<p>${word}</p><p><a href="https://example.org/${word}">${word}</a></p>`, date_published: '2018-03-21T10:00:00Z' },
    ];
    const { page, expectNoProblems } = await openWith({ version: VERSION, title: 'Long', items });
    await expectNoSideways(page, 'the list');
    // Found by where they are in the list: their names are too long to spell out.
    const longTitle = newsLinks(page).nth(0);
    const longWord = newsLinks(page).nth(1);
    await expect(longWord.textContent()).resolves.toMatch(/^A x+/);
    const shownTitle = await longTitle.textContent();
    expect(shownTitle).toMatch(/^T+…?$/);
    expect(shownTitle?.length).toBeLessThanOrEqual(1001);
    await longWord.click();
    await ready(page);
    await expectNoSideways(page, 'the article with a 50,000-character word');
    await page.goBack();
    await longTitle.click();
    await ready(page);
    await expectNoSideways(page, 'the article with a 1 MB title');
    expect((await page.getByRole('heading', { level: 1 }).textContent())?.length).toBeLessThanOrEqual(1001);
    expect((await page.title()).length).toBeLessThan(300);
    await expectResponsive(page);
    expectNoProblems();
  });

  it('deeply nested unknown extension objects are ignored', async () => {
    const feed =
      `{"version":"${VERSION}","title":"Nested","_deep":${nestedJson(5_000)},"items":[` +
      `{"id":"n1","title":"Still here","content_text":"Text","_deep":${nestedJson(5_000)},"_bulletin":{"kind":"news","extra":${nestedJson(1_000)}}}]}`;
    const { page, expectNoProblems } = await openWith(feed);
    expect(await page.getByRole('link', { name: 'Still here' }).isVisible()).toBe(true);
    expectNoProblems();
  });

  it('right-to-left text, emoji and combining marks render in their own direction without breaking the layout', async () => {
    const arabic = 'مفوض الشرطة يزور المدارس المحلية';
    const zalgo = 'Z\u0336\u0322\u031B\u032Aa\u0336\u0327l\u0334g\u0335o\u0337'.repeat(20);
    const items = [
      { id: 'rtl', title: arabic, summary: 'ملخص قصير للخبر', content_text: `${arabic}\n\n${arabic}`, date_published: '2018-03-22T10:00:00Z' },
      { id: 'emoji', title: `Family fun day 👨‍👩‍👧‍👦🚓🎉 ${zalgo}`, content_text: `🚓 ${zalgo}`, date_published: '2018-03-21T10:00:00Z' },
    ];
    const { page, expectNoProblems } = await openWith({ version: VERSION, title: 'Many scripts', items });
    await expectNoSideways(page, 'the list');
    const rtl = releaseLink(page, arabic);
    const direction = await rtl.evaluate((el) => getComputedStyle(el).direction);
    expect(direction).toBe('rtl');
    await rtl.click();
    await ready(page);
    expect(await page.getByRole('heading', { level: 1 }).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await expectNoSideways(page, 'the right-to-left article');
    await page.goBack();
    await newsLinks(page).filter({ hasText: 'Family fun day' }).click();
    await ready(page);
    await expectNoSideways(page, 'the emoji article');
    expectNoProblems();
  });
});
