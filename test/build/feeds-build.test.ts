/**
 * A whole `vite build` of the sample: the feeds for feed readers (build/syndication.ts), the
 * sitemap and robots.txt (build/sitemap.ts), each page's links to its feeds, and a service worker
 * that precaches none of them. What each area's feed should hold is worked out here from the raw
 * feed.json pages the build wrote, not with the build's own code.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { JSDOM } from 'jsdom';
import { createBuilder } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedFiles, paths } from '../../src/config/paths';
import { makeSlug } from '../../src/lib/slug';
import { ATOM_ENTRIES } from '../../build/syndication';
import { ATOM, atomProblems, parseXml } from './atom-shape';

const ROOT = join(import.meta.dirname, '../..');
const site = JSON.parse(readFileSync(join(ROOT, 'bulletin.site.json'), 'utf8')) as { url: string; name: string };
let outDir = '';

interface RawItem {
  id: string;
  title?: string;
  _bulletin?: { kind?: string; areas?: string[] };
}
interface RawFeed {
  version: string;
  title: string;
  next_url?: string;
  feed_url?: string;
  items: RawItem[];
  _bulletin: { areas: { id: string; name: string }[] };
}

const read = (path: string) => readFileSync(join(outDir, path.replace(/^\//, '')), 'utf8');

/** A JSON Feed's items across its pages, following next_url from the first. */
function jsonFeedItems(first: string): { pages: RawFeed[]; ids: string[] } {
  const pages: RawFeed[] = [];
  let path: string | null = first;
  while (path !== null) {
    const page = JSON.parse(read(path)) as RawFeed;
    pages.push(page);
    path = page.next_url ? new URL(page.next_url, `http://x${path}`).pathname : null;
  }
  return { pages, ids: pages.flatMap((p) => p.items.map((i) => i.id)) };
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Each Atom entry's id and the page it links to. */
function atomEntries(xml: string): { links: string[] } {
  const entries = [...parseXml(xml).getElementsByTagNameNS(ATOM, 'entry')];
  return { links: entries.map((e) => e.getElementsByTagNameNS(ATOM, 'link')[0]?.getAttribute('href') ?? '') };
}

const alternates = (path: string) =>
  [...new JSDOM(read(`${path}index.html`)).window.document.querySelectorAll('head link[rel="alternate"]')].map((l) => [l.getAttribute('type'), l.getAttribute('href')]);

beforeAll(async () => {
  outDir = join(mkdtempSync(join(tmpdir(), 'bulletin-feeds-')), 'dist');
  const builder = await createBuilder({ root: ROOT, logLevel: 'silent', build: { outDir } });
  await builder.buildApp();
}, 120_000);

afterAll(() => {
  rmSync(join(outDir, '..'), { recursive: true, force: true });
});

describe('the feeds the build writes', () => {
  it('are, for each area, exactly its items and the force-wide ones, in Atom and in JSON Feed 1.1', () => {
    const all = jsonFeedItems(feedFiles.json());
    const areas = all.pages[0]?._bulletin.areas ?? [];
    const defined = new Set(areas.map((a) => a.id));
    const items = all.pages.flatMap((p) => p.items);
    expect(areas.length).toBeGreaterThan(1);
    for (const area of areas) {
      const expected = items
        .filter((i) => {
          const own = (i._bulletin?.areas ?? []).filter((a) => defined.has(a));
          return own.length === 0 || own.includes(area.id);
        })
        .map((i) => i.id);
      expect(expected.length, area.id).toBeLessThan(items.length);
      const json = jsonFeedItems(feedFiles.json(area.id));
      expect(json.ids, `${area.id} JSON Feed`).toEqual(expected);
      expect(json.pages[0]?.version).toBe('https://jsonfeed.org/version/1.1');
      expect(json.pages[0]?.title).toBe(`${site.name}: ${area.name}`);
      expect(json.pages[0]?.feed_url).toBe(new URL(feedFiles.json(area.id), site.url).href);

      const atom = read(feedFiles.atom(area.id));
      expect(atomProblems(atom), area.id).toEqual([]);
      // The same items: each entry links to the page of one of them (the JSON Feed's own `url`s are the source's).
      const pageOf = (id: string) => new URL(pageAddressOf(id), site.url).href;
      expect(atomEntries(atom).links).toEqual(expected.slice(0, ATOM_ENTRIES).map(pageOf));
    }
    const atomAll = read(feedFiles.atom());
    expect(atomProblems(atomAll)).toEqual([]);
    expect(items.length, 'the sample has more items than a page of feed.json').toBeGreaterThan(JSON.parse(read(feedFiles.json())).items.length);
    expect(atomEntries(atomAll).links).toEqual(items.slice(0, ATOM_ENTRIES).map((i) => new URL(pageAddressOf(i.id), site.url).href));
  });

  it('link every entry to a page the build prerendered', () => {
    for (const href of atomEntries(read(feedFiles.atom())).links) {
      const path = new URL(href).pathname;
      expect(() => read(`${path}index.html`), href).not.toThrow();
    }
  });
});

/** The address of an item's page, built from the raw item as src/config/paths.ts and src/lib/slug.ts build it. */
function pageAddressOf(id: string): string {
  const item = jsonFeedItems(feedFiles.json()).pages.flatMap((p) => p.items).find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id}`);
  const slug = makeSlug(item.id, item.title?.trim() || null);
  return item._bulletin?.kind === 'event' ? paths.event.href(slug) : paths.release.href(slug);
}

describe('the sitemap', () => {
  it('lists every prerendered address, and only those, each with a lastmod', () => {
    const doc = parseXml(read(feedFiles.sitemap()));
    const ns = 'http://www.sitemaps.org/schemas/sitemap/0.9';
    const urls = [...doc.getElementsByTagNameNS(ns, 'url')];
    const locs = urls.map((u) => u.getElementsByTagNameNS(ns, 'loc')[0]?.textContent ?? '');
    const pages = files(outDir)
      .filter((f) => f.endsWith('index.html'))
      .map((f) => new URL(relative(outDir, f).replace(/index\.html$/, ''), site.url).href);
    expect(new Set(locs)).toEqual(new Set(pages));
    expect(locs).toHaveLength(pages.length);
    expect(locs).toContain(new URL(paths.subscribe.href().slice(1), site.url).href);
    expect(locs.some((l) => l.includes('404'))).toBe(false);
    for (const url of urls) expect(url.getElementsByTagNameNS(ns, 'lastmod')[0]?.textContent).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('is named by robots.txt', () => {
    expect(read('robots.txt')).toContain(`Sitemap: ${new URL('sitemap.xml', site.url).href}\n`);
  });
});

describe('the pages', () => {
  it('link the feeds that fit them: every page all news, an area its own first, a release its areas’', () => {
    const allNews = [
      ['application/atom+xml', '/feed.atom'],
      ['application/feed+json', '/feed.json'],
    ];
    expect(alternates(paths.news.href())).toEqual(allNews);
    expect(alternates(paths.events.href())).toEqual(allNews);
    expect(alternates(paths.subscribe.href())).toEqual(allNews);
    expect(alternates(paths.area.href('middlesbrough'))).toEqual([
      ['application/atom+xml', '/feeds/area/middlesbrough.atom'],
      ['application/feed+json', '/feeds/area/middlesbrough.json'],
      ...allNews,
    ]);
    // Joint patrols in Marton and Nunthorpe: for Middlesbrough and for Redcar and Cleveland.
    expect(alternates(pageAddressOf('2018-02-16-joint-patrols-marton-nunthorpe'))).toEqual([
      ['application/atom+xml', '/feeds/area/middlesbrough.atom'],
      ['application/feed+json', '/feeds/area/middlesbrough.json'],
      ['application/atom+xml', '/feeds/area/redcar-cleveland.atom'],
      ['application/feed+json', '/feeds/area/redcar-cleveland.json'],
      ...allNews,
    ]);
    expect(alternates(pageAddressOf('2018-03-22-force-praised-for-crime-prevention-work'))).toEqual(allNews);
  });

  it('link Subscribe from the footer of every page', () => {
    const footer = new JSDOM(read('index.html')).window.document.querySelector('footer');
    expect(footer?.querySelector(`a[href="${paths.subscribe.href()}"]`)?.textContent).toBe('Subscribe');
  });
});

describe('the service worker', () => {
  it('precaches none of the feeds for feed readers, nor the sitemap', () => {
    const sw = read('sw.js');
    const precached = [...sw.matchAll(/\burl"?:\s*"([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(precached).toContain('index.html');
    // Workbox refuses to install a worker whose list names one address with two revisions.
    expect(precached.filter((u, i) => precached.indexOf(u) !== i && !/^(favicon\.svg|icons\/)/.test(u))).toEqual([]);
    expect(precached).not.toContain('robots.txt');
    expect(precached.filter((u) => /\.(atom|xml|json)$/.test(u) || u.startsWith('feeds/') || u.startsWith('subscribe/'))).toEqual([]);
  });
});
