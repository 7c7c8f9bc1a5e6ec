import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { feedPages, readSources, writeFeedPages, type JsonFeed } from '../../build/sources/index.ts';
import { normaliseFeed } from '../../src/feed/normalise.ts';
import { fakeFetch, siteFor } from './sources-support.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const jsonPage = (n: number, next?: string) => JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1', title: 'Paged', ...(next ? { next_url: next } : {}),
  items: [{ id: `item-${n}`, title: `Item ${n}`, content_text: 'x', date_published: `2018-03-${String(10 + n).padStart(2, '0')}T10:00:00Z` }],
});

describe('paging', () => {
  it('follows relative next_url pages of the embedded feed and keeps its own areas and time zone', async () => {
    const { feed, problems } = await readSources(siteFor(join(ROOT, 'sample/feed.json'), { areas: [], timezone: 'Pacific/Auckland' }));
    const pages = [JSON.parse(readFileSync(join(ROOT, 'sample/feed.json'), 'utf8')), JSON.parse(readFileSync(join(ROOT, 'sample/feed-2.json'), 'utf8'))] as { items: { id: string }[] }[];
    expect(feed.items.map((i) => i.id).sort()).toEqual(pages.flatMap((p) => p.items.map((i) => i.id)).sort());
    expect(feed._bulletin.timezone).toBe('Europe/London');
    expect(feed._bulletin.areas.map((a) => a.id)).toEqual(['middlesbrough', 'redcar-cleveland', 'stockton', 'hartlepool']);
    expect(feed.items.find((i) => i.id === '2018-03-16-hemlington-youth-diversion-fun-day')?._bulletin).toMatchObject({ kind: 'event', areas: ['middlesbrough'], event: { start: '2027-05-29T11:00:00+01:00', allDay: false, status: 'scheduled' } });
    expect(problems).toEqual([]);
  });

  it('stops at the page bound, and says so', async () => {
    const pages: Record<string, string> = {};
    for (let n = 1; n <= 10; n += 1) pages[`https://x.example/p${n}.json`] = jsonPage(n, `p${n + 1}.json`);
    const { fetch, asked } = fakeFetch(pages);
    const { feed, problems } = await readSources(siteFor('https://x.example/p1.json'), { fetch, maxPages: 3 });
    expect(asked).toEqual(['https://x.example/p1.json', 'https://x.example/p2.json', 'https://x.example/p3.json']);
    expect(feed.items).toHaveLength(3);
    expect(problems).toEqual([expect.objectContaining({ level: 'warning', field: 'next page', message: 'more than 3 pages; only the first 3 were read' })]);
  });

  it('refuses a page already read (a loop), and a next page that is not http(s)', async () => {
    const { fetch, asked } = fakeFetch({ 'https://x.example/a.json': jsonPage(1, 'b.json'), 'https://x.example/b.json': jsonPage(2, './a.json') });
    const { feed, problems } = await readSources(siteFor('https://x.example/a.json'), { fetch });
    expect(asked).toEqual(['https://x.example/a.json', 'https://x.example/b.json']);
    expect(feed.items.map((i) => i.id)).toEqual(['item-2', 'item-1']);
    expect(problems[0]?.message).toMatch(/points back to https:\/\/x\.example\/a\.json, a page already read/);

    const local = fakeFetch({ 'https://x.example/a.json': jsonPage(1, 'file:///etc/passwd') });
    const second = await readSources(siteFor('https://x.example/a.json'), { fetch: local.fetch });
    expect(local.asked).toEqual(['https://x.example/a.json']);
    expect(second.problems[0]?.message).toMatch(/is not an http\(s\) address; it was not followed/);
  });

  it('follows RSS atom:link rel="next" and Atom link rel="next" (RFC 5005)', async () => {
    const rss = (n: number, next?: string) => `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>R</title>${next ? `<atom:link rel="next" href="${next}"/>` : ''}<item><title>R${n}</title><guid>r${n}</guid></item></channel></rss>`;
    const atom = (n: number, next?: string) => `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>${next ? `<link rel="next" href="${next}"/>` : ''}<entry><id>a${n}</id><title>A${n}</title></entry></feed>`;
    const r = fakeFetch({ 'https://x.example/feed/': rss(1, '?paged=2'), 'https://x.example/feed/?paged=2': rss(2) });
    expect((await readSources(siteFor('https://x.example/feed/'), { fetch: r.fetch })).feed.items.map((i) => i.id).sort()).toEqual(['r1', 'r2']);
    const a = fakeFetch({ 'https://x.example/atom': atom(1, 'atom?page=2'), 'https://x.example/atom?page=2': atom(2, 'https://x.example/atom') });
    const result = await readSources(siteFor('https://x.example/atom'), { fetch: a.fetch });
    expect(result.feed.items.map((i) => i.id).sort()).toEqual(['a1', 'a2']);
    expect(result.problems[0]?.message).toMatch(/a page already read/);
  });

  it('drops an item repeated on a later page (the first is kept) and sorts newest first', async () => {
    const p1 = JSON.stringify({ version: 'https://jsonfeed.org/version/1', title: 'T', next_url: 'p2.json', items: [
      { id: 'old', title: 'Old', content_text: 'x', date_published: '2017-01-01T00:00:00Z' },
      { id: 'new', title: 'New', content_text: 'x', date_published: '2019-01-01T00:00:00Z' }] });
    const p2 = JSON.stringify({ version: 'https://jsonfeed.org/version/1', title: 'T', items: [{ id: 'old', title: 'Old again', content_text: 'y' }] });
    const { fetch } = fakeFetch({ 'https://x.example/p1.json': p1, 'https://x.example/p2.json': p2 });
    const { feed, problems, stats } = await readSources(siteFor('https://x.example/p1.json'), { fetch });
    expect(feed.items.map((i) => i.title)).toEqual(['New', 'Old']);
    expect(stats).toEqual({ read: 2, skipped: 1, warnings: 1 });
    expect(problems[0]).toMatchObject({ item: 'Old again', field: 'id' });
  });
});

describe('writing the pages', () => {
  const feed = (count: number): JsonFeed => ({
    version: 'https://jsonfeed.org/version/1.1', title: 'T', language: 'en-GB',
    items: Array.from({ length: count }, (_, i) => ({ id: String(i), title: `Item ${i}` })),
    _bulletin: { timezone: 'Europe/London', areas: [], alerts: [] },
  });

  it('writes bounded pages linked by relative next_url, which read back as the same feed', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bulletin-dist-'));
    dirs.push(out);
    expect(writeFeedPages(feed(120), out, { perPage: 50 })).toEqual(['feed.json', 'feed-2.json', 'feed-3.json']);
    const first = JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8')) as JsonFeed;
    expect(first.items).toHaveLength(50);
    expect(first.next_url).toBe('feed-2.json');
    expect((JSON.parse(readFileSync(join(out, 'feed-3.json'), 'utf8')) as JsonFeed).next_url).toBeUndefined();
    // What the build writes is a source the build reads: the output is the public JSON Feed.
    const again = await readSources(siteFor(join(out, 'feed.json')));
    expect(again.feed.items.map((i) => i.id)).toEqual(feed(120).items.map((i) => i.id));
    expect(readdirSync(join(out, '..')).some((n) => n.startsWith(`.${out.split('/').pop()}-feed-`))).toBe(false);
  });

  it('writes what the reader reads: the embedded sample, events from a calendar and RSS items pass the app\'s own boundary whole', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bulletin-dist-'));
    dirs.push(out);
    const site = siteFor(join(ROOT, 'sample/feed.json'), { events: join(ROOT, 'test/corpus/sources/cleveland-events.ics') });
    const { feed } = await readSources(site, { now: new Date('2027-01-01T00:00:00Z') });
    const names = writeFeedPages(feed, out, { perPage: 10 });
    const pages = names.map((name) => normaliseFeed(JSON.parse(readFileSync(join(out, name), 'utf8')), `https://news.example.org/${name}`));
    expect(pages.reduce((n, p) => n + p.skipped, 0)).toBe(0);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(feed.items.map((i) => i.id));
    const fun = pages.flatMap((p) => p.items).find((i) => i.id === 'fun-day-2027@cleveland.pcc.example');
    expect(fun?.kind).toBe('event');
    expect(fun?.event?.start.toISOString()).toBe('2027-05-29T13:00:00.000Z');
    expect(pages[0]?.areas.map((a) => a.id)).toEqual(['middlesbrough', 'redcar-cleveland', 'stockton', 'hartlepool']);
    expect(pages.at(-1)?.nextUrl).toBeNull();
    expect(pages[0]?.nextUrl).toBe('https://news.example.org/feed-2.json');
  });

  it('writes one empty first page for an empty feed, and leaves nothing behind when it fails', () => {
    const out = mkdtempSync(join(tmpdir(), 'bulletin-dist-'));
    dirs.push(out);
    expect(feedPages(feed(0)).map((p) => p.name)).toEqual(['feed.json']);
    expect(() => writeFeedPages(feed(3), out, { perPage: 0 })).toThrow(/perPage must be a whole number/);
    expect(existsSync(join(out, 'feed.json'))).toBe(false);
  });
});
