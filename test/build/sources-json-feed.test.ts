import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSources, SourceError, type Problem } from '../../build/sources/index.ts';
import { fakeFetch, siteFor } from './sources-support.ts';

const FEEDS = resolve(import.meta.dirname, '../corpus/feeds');

async function read(body: unknown, site = siteFor('https://x.example/feed.json')) {
  const { fetch } = fakeFetch({ 'https://x.example/feed.json': JSON.stringify(body) });
  return readSources(site, { fetch });
}
const feed11 = (items: unknown[], extra: object = {}) => ({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items, ...extra });

describe('a JSON Feed source', () => {
  it('reports each bad item in plain words: the item, the field, what is wrong, what to write', async () => {
    const { feed, problems, stats } = await read(feed11([
      { id: 'a', title: 'Bad date', content_text: 'x', date_published: 'yesterday' },
      { id: 'b', title: 'Old style date', content_text: 'x', date_published: 'Thu, 22 Mar 2018 10:00:00 +0000' },
      { title: 'No id', content_text: 'x' },
      { id: 'c', title: ['not', 'text'] },
      { id: 'd' },
      'not an object',
      { id: 'e', title: 'Unknown area', content_text: 'x', _bulletin: { areas: ['nowhere', 'middlesbrough'] } },
      { id: 'f', title: 'Event without a place', content_text: 'x', _bulletin: { kind: 'event', event: { start: '2018-11-13T14:00:00Z' } } },
    ]));
    const by = (item: string) => problems.filter((p: Problem) => p.item === item);
    expect(by('Bad date')).toEqual([expect.objectContaining({ level: 'warning', field: 'date_published', message: '"yesterday" is not a date; the item is kept without it', fix: expect.stringContaining('2018-03-22T10:00:00Z') })]);
    expect(by('Old style date')).toEqual([expect.objectContaining({ field: 'date_published', message: expect.stringContaining('is not RFC 3339; it was read as 2018-03-22T10:00:00+00:00') })]);
    expect(by('No id')).toEqual([expect.objectContaining({ level: 'error', field: 'id', fix: expect.stringContaining('"id"') })]);
    expect(by('c')).toEqual([expect.objectContaining({ level: 'error', field: 'title', message: 'is a list, not text, so the item was skipped' })]);
    expect(by('d')).toEqual([expect.objectContaining({ level: 'error', message: 'has no title and no content, so it was skipped' })]);
    expect(by('item 6')).toEqual([expect.objectContaining({ level: 'error', message: 'is not an object, so it was skipped' })]);
    expect(by('Unknown area')).toEqual([expect.objectContaining({ field: '_bulletin.areas', message: expect.stringContaining('"nowhere"') })]);
    expect(by('Event without a place')).toEqual([expect.objectContaining({ field: '_bulletin.event', message: 'the event has no location, so it is shown as news' })]);
    expect(feed.items.map((i) => i.id).sort()).toEqual(['a', 'b', 'e', 'f']);
    expect(feed.items.find((i) => i.id === 'e')?._bulletin?.areas).toEqual(['middlesbrough']);
    expect(feed.items.find((i) => i.id === 'f')?._bulletin?.kind).toBe('news');
    expect(stats).toEqual({ read: 4, skipped: 4, warnings: 4 });
  });

  it('keeps a valid _bulletin (event status, all-day, postcode) and adds the site file\'s alerts after the feed\'s', async () => {
    const { feed } = await read(feed11([{ id: 'ev', title: 'Fun day', content_html: '<p>x</p>', _bulletin: { kind: 'event', areas: ['hartlepool'], event: { start: '2027-05-29T00:00:00+01:00', location: 'The Front', postcode: 'ts25  1bs', status: 'cancelled', allDay: true } } }],
      { _bulletin: { alerts: [{ id: 'flood', title: 'Flood', level: 'emergency' }, { title: 'no id' }] } }),
    siteFor('https://x.example/feed.json', { alerts: [{ id: 'site', level: 'info', title: 'From the site file' }] }));
    expect(feed.items[0]?._bulletin).toEqual({ kind: 'event', areas: ['hartlepool'], event: { start: '2027-05-29T00:00:00+01:00', location: 'The Front', postcode: 'TS25 1BS', status: 'cancelled', allDay: true } });
    expect(feed._bulletin.alerts.map((a) => a.id)).toEqual(['flood', 'site']);
  });

  it('leaves out an alert whose start or end is given but unreadable, rather than showing it for all time', async () => {
    const { feed } = await read(feed11([{ id: 'a', title: 'A', content_html: '<p>x</p>' }],
      { _bulletin: { alerts: [{ id: 'bad-start', title: 'B', start: 'tomorrow' }, { id: 'bad-end', title: 'C', end: 20181121 }, { id: 'ok', title: 'D', end: '2018-11-21T09:00:00Z' }] } }));
    expect(feed._bulletin.alerts.map((a) => a.id)).toEqual(['ok']);
  });

  it('JSON Feed 1.0: author becomes authors, a numeric id a string; relative links (in content_html too) resolve against the page', async () => {
    const { feed } = await read({ version: 'https://jsonfeed.org/version/1', title: 'T', items: [{ id: 200.0, title: 'One', content_html: '<a href="/news/two">Two</a><a href="#n">*</a>', url: '/news/one', author: { name: 'Jo' } }] });
    expect(feed.items[0]).toMatchObject({ id: '200', url: 'https://x.example/news/one', authors: [{ name: 'Jo' }], content_html: '<a href="https://x.example/news/two">Two</a><a href="#n">*</a>' });
  });

  it('reads every real feed in the JSON Feed corpus without crashing: each one is read or refused with one clear line', async () => {
    const files = readdirSync(FEEDS).filter((f) => /^\d\d-/.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      try {
        // No network: a next_url to another host is answered 404 by the injected fetch.
        const { feed, stats } = await readSources(siteFor(join(FEEDS, file), { url: 'https://newsroom.example/' }), { fetch: fakeFetch({}).fetch });
        expect(stats.read, file).toBe(feed.items.length);
        for (const item of feed.items) {
          expect(typeof item.id, file).toBe('string');
          if (item.date_published) expect(item.date_published, file).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$/);
          for (const u of [item.url, item.image, item.external_url]) if (u) expect(u, file).toMatch(/^https?:\/\//);
        }
      } catch (e) {
        expect(e, file).toBeInstanceOf(SourceError);
        const message = (e as Error).message;
        expect(message.includes(file) || /^https?:\/\/\S+: the server answered 404/.test(message), `${file}: ${message}`).toBe(true);
        expect(message.includes('\n'), file).toBe(false);
      }
    }
  });
});
