/** The feeds for feed readers (build/syndication.ts) and the sitemap (build/sitemap.ts), on feeds made here. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sitemapEntries, sitemapXml, robotsTxt, SITEMAP_NAMESPACE } from '../../build/sitemap.ts';
import type { JsonFeed, JsonFeedItem } from '../../build/sources/types.ts';
import { alternatesFor, areaJsonFeed, atomDocument, entryId, readerFeed, subscriptions } from '../../build/syndication.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feedFiles, itemHref, paths } from '../../src/config/paths.ts';
import { combinePages, normaliseFeed } from '../../src/feed/index.ts';
import { ATOM, atomProblems, parseXml } from './atom-shape.ts';

const SITE_URL = 'https://news.example.org/';
const site = { name: 'Example Police & Crime', language: 'en-GB', description: 'News.', url: SITE_URL };
const NOW = new Date('2026-12-02T12:00:00Z');

const item = (id: string, areas: string[] | undefined, extra: Partial<JsonFeedItem> = {}): JsonFeedItem => ({
  id,
  title: `Item ${id}`,
  content_html: `<p>Body of ${id}</p>`,
  date_published: `2026-11-${String(10 + Number(id.replace(/\D/g, '') || 0)).padStart(2, '0')}T09:00:00+00:00`,
  ...(areas ? { _bulletin: { kind: 'news', areas } } : {}),
  ...extra,
});

function feedOf(items: JsonFeedItem[]): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Example Police & Crime',
    items,
    _bulletin: {
      timezone: 'Europe/London',
      areas: [
        { id: 'north', name: 'North', postcodes: ['TS1'] },
        { id: 'south', name: 'South', postcodes: ['TS2'] },
      ],
      alerts: [],
    },
  };
}

const FEED = feedOf([
  item('1', ['north']),
  item('2', ['south']),
  item('3', undefined), // force-wide: no _bulletin
  item('4', []), // force-wide: no areas
  item('5', ['north', 'south']),
  item('6', ['elsewhere']), // an area the feed does not define is ignored: force-wide
  item('7', ['south', 'elsewhere']),
]);

const subsOf = (feed: JsonFeed) => subscriptions(readerFeed(feed));
/** The value, or the test fails here. */
function must<T>(value: T | undefined | null, what = 'a value'): T {
  if (value === undefined || value === null) throw new Error(`expected ${what}`);
  return value;
}
const ids = (xml: string) => [...parseXml(xml).getElementsByTagNameNS(ATOM, 'entry')].map((e) => e.getElementsByTagNameNS(ATOM, 'link')[0]?.getAttribute('href'));

describe('the subscriptions', () => {
  it('are all news, then each area: its items and the force-wide ones, newest first', () => {
    const subs = subsOf(FEED);
    expect(subs.map((s) => [s.area?.id ?? null, s.atom, s.json])).toEqual([
      [null, '/feed.atom', '/feed.json'],
      ['north', '/feeds/area/north.atom', '/feeds/area/north.json'],
      ['south', '/feeds/area/south.atom', '/feeds/area/south.json'],
    ]);
    expect(subs.map((s) => s.items.map((i) => i.id))).toEqual([
      ['7', '6', '5', '4', '3', '2', '1'],
      ['6', '5', '4', '3', '1'],
      ['7', '6', '5', '4', '3', '2'],
    ]);
  });

  it('give an area JSON Feed 1.1 of feed.json’s shape, in its order, with the area’s own addresses', () => {
    const [, north] = subsOf(FEED);
    if (!north) throw new Error('no north');
    const json = areaJsonFeed(FEED, north, SITE_URL);
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items.map((i) => i.id)).toEqual(['1', '3', '4', '5', '6']);
    expect(json.title).toBe('Example Police & Crime: North');
    expect(json.feed_url).toBe('https://news.example.org/feeds/area/north.json');
    expect(json.home_page_url).toBe('https://news.example.org/area/north/');
    expect(json._bulletin.areas).toEqual(FEED._bulletin.areas);
  });
});

describe('the items, read as the reader reads them', () => {
  it('have the addresses, areas, kinds and order the app gives them (src/feed)', () => {
    const sample = JSON.parse(readFileSync(join(import.meta.dirname, '../../sample/feed.json'), 'utf8')) as JsonFeed;
    const untitled = feedOf([item('1', ['north'], { title: '   ', content_text: 'Only text here' }), item('2', undefined, { date_published: 'nope' }), item('3', ['south'])]);
    for (const feed of [FEED, sample, untitled]) {
      const ours = readerFeed(feed).items.map((i) => [i.id, itemHref(i), i.kind, i.areas]);
      const app = combinePages([normaliseFeed(feed, 'https://x.example/feed.json')]).items.map((i) => [i.id, itemHref(i), i.kind, i.areas]);
      expect(ours).toEqual(app);
    }
  });
});

describe('an Atom feed', () => {
  it('has the shape RFC 4287 asks for, read by a strict XML parser', () => {
    for (const sub of subsOf(FEED)) {
      const xml = atomDocument(sub, { site, now: NOW, limit: 50 });
      expect(atomProblems(xml), sub.atom).toEqual([]);
    }
  });

  it('the shape check fails a feed that breaks the RFC, and the parser a document that is not XML', () => {
    const good = atomDocument(must(subsOf(FEED)[0]), { site, now: NOW, limit: 50 });
    expect(atomProblems(good.replace(/<updated>[^<]*<\/updated>/, ''))).toContain('feed: 0 atom:updated, not exactly one');
    expect(atomProblems(good.replace(/<author>[\s\S]*?<\/author>/, '')).some((p) => p.includes('no atom:author'))).toBe(true);
    expect(atomProblems(good.replace('<id>https://news.example.org/feed.atom</id>', '<id>feed</id>'))).toContain(
      'feed: atom:id "feed" is not an absolute IRI (§4.2.6)',
    );
    expect(() => parseXml(good.replace('</feed>', ''))).toThrow();
    expect(() => parseXml('<feed><a></b></feed>')).toThrow();
  });

  it('links each entry to its page on the site’s address, and names the feed and its page', () => {
    const [all] = subsOf(FEED);
    const doc = parseXml(atomDocument(must(all), { site, now: NOW, limit: 50 }));
    const feedLinks = [...doc.documentElement.children].filter((c) => c.localName === 'link').map((l) => [l.getAttribute('rel'), l.getAttribute('href')]);
    expect(feedLinks).toEqual([
      ['alternate', 'https://news.example.org/'],
      ['self', 'https://news.example.org/feed.atom'],
    ]);
    expect(ids(doc.documentElement.outerHTML)[0]).toMatch(/^https:\/\/news\.example\.org\/news\/item-7-[0-9a-z]{7}\/$/);
    expect(doc.querySelector('feed > updated')?.textContent).toBe('2026-11-17T09:00:00.000Z');
  });

  it('keeps hostile text as text: markup in a title, `]]>` in a body, still well-formed', () => {
    const hostile = feedOf([
      item('1', undefined, { title: 'Fish & chips <b>not bold</b> ]]> end', content_html: '<p>a ]]> b</p><script>x</script>', summary: 'x < y & "z"' }),
    ]);
    const xml = atomDocument(must(subsOf(hostile)[0]), { site, now: NOW, limit: 50 });
    expect(atomProblems(xml)).toEqual([]);
    const entry = must(parseXml(xml).getElementsByTagNameNS(ATOM, 'entry')[0]);
    // type="html": the title is HTML whose text is the title as written (escaped once, by the build).
    const title = must(entry.getElementsByTagNameNS(ATOM, 'title')[0]).textContent ?? '';
    expect(new JSDOM(`<p>${title}</p>`).window.document.querySelector('p')?.textContent).toBe('Fish & chips <b>not bold</b> ]]> end');
    expect(must(entry.getElementsByTagNameNS(ATOM, 'content')[0]).textContent).toBe('<p>a ]]&gt; b</p><script>x</script>');
  });

  it('holds at most `limit` entries, the newest', () => {
    const xml = atomDocument(must(subsOf(FEED)[0]), { site, now: NOW, limit: 2 });
    expect(ids(xml).map((href) => href?.split('/')[4]?.slice(0, 6))).toEqual(['item-7', 'item-6']);
  });

  it('gives an entry an IRI for its id: an absolute URL id as it is, any other a tag URI', () => {
    expect(entryId('https://example.org/news/1', SITE_URL)).toBe('https://example.org/news/1');
    expect(entryId('2018-03-22 a/b', SITE_URL)).toBe('tag:news.example.org,2000:2018-03-22%20a%2Fb');
    expect(entryId('http://', SITE_URL)).toBe('tag:news.example.org,2000:http%3A%2F%2F');
  });
});

describe('the links a page carries to its feeds', () => {
  const links = alternatesFor(subsOf(FEED), { atom: true });
  const hrefs = (path: string) => links(path).map((l) => l.href);
  const readerItems = readerFeed(FEED).items;
  const pathOf = (id: string) => paths.release.href(must(readerItems.find((i) => i.id === id)).slug);

  it('are all news on every page; an area’s page and an item’s page also its areas’, first', () => {
    expect(hrefs(paths.news.href())).toEqual(['/feed.atom', '/feed.json']);
    expect(hrefs(paths.events.href())).toEqual(['/feed.atom', '/feed.json']);
    expect(hrefs(paths.area.href('north'))).toEqual(['/feeds/area/north.atom', '/feeds/area/north.json', '/feed.atom', '/feed.json']);
    expect(hrefs(pathOf('5'))).toEqual([feedFiles.atom('north'), feedFiles.json('north'), feedFiles.atom('south'), feedFiles.json('south'), '/feed.atom', '/feed.json']);
    expect(hrefs(pathOf('3'))).toEqual(['/feed.atom', '/feed.json']);
    expect(links(paths.news.href()).map((l) => [l.type, l.title])).toEqual([
      ['application/atom+xml', 'Example Police & Crime (Atom)'],
      ['application/feed+json', 'Example Police & Crime (JSON Feed)'],
    ]);
  });

  it('are feed.json alone where no Atom was written (a site file without `url`)', () => {
    const only = alternatesFor(subsOf(FEED), { atom: false });
    expect(only(paths.area.href('north')).map((l) => l.href)).toEqual(['/feed.json']);
  });
});

describe('the sitemap', () => {
  it('gives each address its whole URL and lastmod: an item its own, an area its newest, others the newest of all', () => {
    const withModified = feedOf([item('1', ['north'], { date_modified: '2026-11-30T08:00:00+01:00' }), item('2', ['south']), item('3', undefined, { date_published: 'not a date' })]);
    const subs = subsOf(withModified);
    const items = readerFeed(withModified).items;
    const at = (id: string) => paths.release.href(must(items.find((i) => i.id === id)).slug);
    const entries = sitemapEntries([paths.news.href(), paths.area.href('south'), at('1'), at('3'), paths.subscribe.href()], subs, SITE_URL);
    expect(entries.map((e) => [e.loc, e.lastmod?.toISOString() ?? null])).toEqual([
      ['https://news.example.org/', '2026-11-30T07:00:00.000Z'],
      ['https://news.example.org/area/south/', '2026-11-12T09:00:00.000Z'],
      [`https://news.example.org${at('1')}`, '2026-11-30T07:00:00.000Z'],
      [`https://news.example.org${at('3')}`, null],
      ['https://news.example.org/subscribe/', '2026-11-30T07:00:00.000Z'],
    ]);
  });

  it('is sitemaps.org XML, its text escaped, read back by a strict parser', () => {
    const xml = sitemapXml([
      { loc: 'https://news.example.org/a?x=1&y=<2>', lastmod: new Date('2026-01-02T03:04:05Z') },
      { loc: 'https://news.example.org/b/', lastmod: null },
    ]);
    const doc = parseXml(xml);
    expect(doc.documentElement.namespaceURI).toBe(SITEMAP_NAMESPACE);
    expect(doc.documentElement.localName).toBe('urlset');
    const urls = [...doc.getElementsByTagNameNS(SITEMAP_NAMESPACE, 'url')].map((u) => [
      u.getElementsByTagNameNS(SITEMAP_NAMESPACE, 'loc')[0]?.textContent,
      u.getElementsByTagNameNS(SITEMAP_NAMESPACE, 'lastmod')[0]?.textContent ?? null,
    ]);
    expect(urls).toEqual([
      ['https://news.example.org/a?x=1&y=<2>', '2026-01-02T03:04:05.000Z'],
      ['https://news.example.org/b/', null],
    ]);
    expect(() => sitemapXml(Array.from({ length: 50_001 }, () => ({ loc: SITE_URL, lastmod: null })))).toThrow(/at most 50000/);
  });

  it('is named in robots.txt by its whole URL, at the site’s root (every address is root-relative)', () => {
    expect(robotsTxt('https://news.example.org')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://news.example.org/sitemap.xml\n');
    expect(robotsTxt('https://news.example.org/some/page')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://news.example.org/sitemap.xml\n');
  });
});
