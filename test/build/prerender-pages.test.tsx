/**
 * The render entry (src/boot/prerender.tsx) in Node, as the build runs it: no browser globals;
 * the window to sanitise in is passed.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ANY_ADDRESS } from '../../src/boot/after-paint';
import { PAGES_PER_WINDOW, prerenderPages } from '../../src/boot/prerender';
import type { SearchIndexFile } from '../../src/search';
import { itemHref, paths } from '../../src/config/paths';

const feed = JSON.parse(readFileSync('sample/feed.json', 'utf8')) as { items: { id: string }[] };
const feed2 = JSON.parse(readFileSync('sample/feed-2.json', 'utf8')) as { items: { id: string; title: string }[] };

/** The sample's two pages rendered as the build renders them; the windows it asked for (closed). */
async function renderSample(onSearchIndex?: (file: SearchIndexFile) => void) {
  const windows: JSDOM[] = [];
  const pages = await prerenderPages({
    pages: [
      { url: 'http://prerender.invalid/feed.json', json: feed },
      { url: 'http://prerender.invalid/feed-2.json', json: feed2 },
    ],
    now: new Date('2026-11-26T12:00:00Z'),
    newWindow: () => {
      windows.push(new JSDOM('', { url: 'http://prerender.invalid/' }));
      return windows.at(-1)?.window as unknown as typeof globalThis;
    },
    onSearchIndex,
  });
  for (const dom of windows) dom.window.close();
  return { pages, windows };
}

describe('prerendering in Node', () => {
  it('has no browser globals to lean on', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('renders every address: news, events, the not-found page, and each item on every page, its body sanitised in the window it is given', async () => {
    const { pages, windows } = await renderSample();
    // A fresh window every PAGES_PER_WINDOW pages, from the first.
    expect(windows).toHaveLength(1 + Math.floor(pages.length / PAGES_PER_WINDOW));
    const areas = (feed as unknown as { _bulletin: { areas: { id: string }[] } })._bulletin.areas.map((a) => paths.area.href(a.id));
    // The safety advice page is there because bulletin.site.json leaves quickExit on (the define in vite.config.ts).
    const lists = [paths.news.href(), ...areas, paths.newsPage.href(2), paths.events.href(), paths.subscribe.href(), paths.accessibility.href(), paths.whatWeKeep.href(), paths.leaveQuickly.href(), paths.search.href(), paths.archive.href(), paths.archiveYear.href(2018), paths.archiveYear.href(2017), ANY_ADDRESS];
    expect(pages.map((p) => p.path).slice(0, lists.length)).toEqual(lists);
    expect(pages).toHaveLength(lists.length + feed.items.length + feed2.items.length);
    // Without script, "Older news" is a link to the next page's own address.
    const home = new JSDOM(pages[0]?.html ?? '').window.document;
    expect(Array.from(home.querySelectorAll('a'), (a) => [a.textContent, a.getAttribute('href')])).toContainEqual(['Older news', paths.newsPage.href(2)]);
    // Latest news lists the areas for the boot script, and carries each area's view of its <main>:
    // the same markup as that area's own page.
    expect(pages[0]).toMatchObject({ byArea: true, areaViews: true });
    expect(pages[0]?.areas?.map((a) => paths.area.href(a.id))).toEqual(areas);
    expect(pages[0]?.views.map((v) => paths.area.href(v.area))).toEqual(areas);
    for (const view of pages[0]?.views ?? []) {
      const own = new JSDOM(pages.find((p) => p.path === paths.area.href(view.area))?.html ?? '').window.document;
      const carried = new JSDOM(`<main>${view.main}</main>`).window.document;
      expect(carried.querySelector('main')?.innerHTML).toBe(own.querySelector('main')?.innerHTML);
      expect(view.main).toContain('News for ');
    }
    expect(pages.filter((p) => p.path !== paths.news.href()).every((p) => p.views.length === 0 && !p.areaViews)).toBe(true);
    expect(pages.find((p) => p.path === paths.newsPage.href(2))?.feedPage).toBe('http://prerender.invalid/feed-2.json');
    // An item on the second page names that page, for the app to fetch it alone.
    const later = pages.find((p) => p.title.startsWith(feed2.items[0]?.title ?? '?'));
    expect(later?.feedPage).toBe('http://prerender.invalid/feed-2.json');
    expect(later?.html).toContain(feed2.items[0]?.title);
    const seed = pages.find((p) => p.path === itemHref({ kind: 'news', slug: 'force-praised-for-crime-prevention-work-0fnz0wq' }));
    expect(seed?.title).toMatch(/^Force praised for crime prevention work/);
    const body = new JSDOM(seed?.html ?? '').window.document;
    expect(body.querySelector('h1')?.textContent).toBe('Force praised for crime prevention work');
    expect(body.querySelector('.prose[data-source] figure blockquote')).not.toBeNull();
    expect(body.querySelector('script, [onerror]')).toBeNull();
    expect(pages[0]?.byArea).toBe(true);
    expect(seed?.byArea).toBe(false);
  }, 60_000);

  it('gives the search index of every item on every page, bodies as plain text, and prerenders search and each year of the archive from it', async () => {
    let index: SearchIndexFile | null = null;
    const { pages } = await renderSample((file) => (index = file));
    const file = index as SearchIndexFile | null;
    if (!file) throw new Error('No search index given');
    expect(file.docs).toHaveLength(feed.items.length + feed2.items.length);
    const seed = file.docs.find((d) => d.slug === 'force-praised-for-crime-prevention-work-0fnz0wq');
    expect(seed).toMatchObject({ kind: 'news', title: 'Force praised for crime prevention work', year: 2018 });
    // Plain text: no markup, words of separate blocks apart.
    expect(seed?.text.length).toBeGreaterThan(200);
    expect(seed?.text).not.toMatch(/[<>]/);
    expect(seed?.text).not.toMatch(/\.[A-Z]/);
    // The year's page lists that year's releases as links, readable without script.
    const year = pages.find((p) => p.path === paths.archiveYear.href(2018));
    const doc = new JSDOM(year?.html ?? '').window.document;
    expect(doc.querySelector('h1')?.textContent).toBe('News from 2018');
    const links = Array.from(doc.querySelectorAll('main .item-list a'), (a) => a.getAttribute('href'));
    expect(links).toContain(itemHref({ kind: 'news', slug: 'force-praised-for-crime-prevention-work-0fnz0wq' }));
    expect(links).toHaveLength(file.docs.filter((d) => d.kind === 'news' && d.year === 2018).length);
    // The search page says plainly, without script, that search needs it, and links to the archive.
    const search = new JSDOM(pages.find((p) => p.path === paths.search.href())?.html ?? '').window.document;
    expect(search.querySelector('noscript')?.innerHTML).toContain('Search needs JavaScript');
    expect(search.querySelector('noscript')?.innerHTML).toContain(`href="${paths.archive.href()}"`);
  }, 60_000);
});
