import { describe, expect, it } from 'vitest';
import { normaliseFeed, normaliseItem } from '../../src/feed/normalise';
import { normalisePostcodePrefix } from '../../src/lib/postcode-prefix';
import { FeedError, type FeedPage, type Item } from '../../src/feed';

const PAGE = 'https://feeds.example/dir/feed.json';
const V11 = 'https://jsonfeed.org/version/1.1';

function feed(extra: Record<string, unknown> = {}, pageUrl = PAGE): FeedPage {
  return normaliseFeed({ version: V11, title: 'T', items: [], ...extra }, pageUrl);
}

/** One item (given a content_text unless the test says otherwise) in an otherwise plain feed. */
function item(fields: Record<string, unknown>, feedExtra: Record<string, unknown> = {}, pageUrl = PAGE): Item {
  const page = feed({ ...feedExtra, items: [{ id: 'x', content_text: 'body', ...fields }] }, pageUrl);
  expect(page.skipped).toBe(0);
  expect(page.items).toHaveLength(1);
  const only = page.items[0];
  if (!only) throw new Error('no item');
  return only;
}

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

const AREAS = [
  { id: 'middlesbrough', name: 'Middlesbrough', postcodes: ['TS1', 'TS2'] },
  { id: 'stockton', name: 'Stockton-on-Tees', postcodes: ['TS18', 'TS2 1'] },
];

describe('the top level', () => {
  it.each([
    ['https://jsonfeed.org/version/1'],
    ['https://jsonfeed.org/version/1.1'],
    ['http://jsonfeed.org/version/1.1'],
    ['https://jsonfeed.org/version/1.1/'],
  ])('accepts version %s', (version) => {
    expect(normaliseFeed({ version, title: 'T', items: [] }, PAGE).title).toBe('T');
  });

  it.each([
    ['no version', { title: 'T', items: [] }],
    ['version "1.1"', { version: '1.1', title: 'T', items: [] }],
    ['version as a number', { version: 1.1, title: 'T', items: [] }],
    ['a version on another site', { version: 'https://example.org/version/1.1', title: 'T', items: [] }],
    ['no items', { version: V11, title: 'T' }],
    ['items as an object', { version: V11, title: 'T', items: { a: 1 } }],
    ['items as null', { version: V11, title: 'T', items: null }],
    ['an array', [{ version: V11, title: 'T', items: [] }]],
    ['null', null],
    ['a string', 'https://jsonfeed.org/version/1.1'],
    ['a number', 42],
    ['undefined', undefined],
  ])('throws FeedError not-a-feed for %s', (_label, raw) => {
    const error = thrownBy(() => normaliseFeed(raw, PAGE));
    expect(error).toBeInstanceOf(FeedError);
    expect((error as FeedError).kind).toBe('not-a-feed');
  });

  it('keeps the page URL and reads plain fields', () => {
    const page = feed({
      title: '  The title  ',
      description: 'About',
      language: 'en-GB',
      home_page_url: 'https://feeds.example/',
      icon: 'icon.png',
      favicon: '/favicon.ico',
      expired: true,
    });
    expect(page.url).toBe(PAGE);
    expect(page.title).toBe('The title');
    expect(page.description).toBe('About');
    expect(page.language).toBe('en-GB');
    expect(page.homePageUrl).toBe('https://feeds.example/');
    expect(page.icon).toBe('https://feeds.example/dir/icon.png');
    expect(page.favicon).toBe('https://feeds.example/favicon.ico');
    expect(page.expired).toBe(true);
    expect(page.skipped).toBe(0);
  });
});

describe('_bulletin on the feed: timezone', () => {
  it('keeps a valid zone', () => {
    expect(feed({ _bulletin: { timezone: 'America/New_York' } }).timezone).toBe('America/New_York');
    expect(feed({ _bulletin: { timezone: ' Pacific/Auckland ' } }).timezone).toBe('Pacific/Auckland');
  });

  it.each([
    ['an unknown zone', { timezone: 'Mars/Olympus_Mons' }],
    ['a blank zone', { timezone: '  ' }],
    ['a number', { timezone: 1 }],
    ['no timezone', { areas: [] }],
  ])('falls back to Europe/London for %s', (_label, ext) => {
    expect(feed({ _bulletin: ext }).timezone).toBe('Europe/London');
  });

  it.each([
    ['missing', undefined],
    ['a string', 'Europe/Paris'],
    ['an array', [{ timezone: 'Europe/Paris' }]],
    ['null', null],
  ])('defaults to Europe/London when _bulletin is %s, and the feed is still read', (_label, ext) => {
    const page = feed({ _bulletin: ext, items: [{ id: 'a', title: 'A' }] });
    expect(page.timezone).toBe('Europe/London');
    expect(page.areas).toEqual([]);
    expect(page.items).toHaveLength(1);
  });
});

describe('_bulletin on the feed: areas', () => {
  const page = feed({
    _bulletin: {
      areas: [
        {
          id: 'middlesbrough',
          name: 'Middlesbrough',
          postcodes: ['ts1', ' TS3 ', 'ts2  1', 'ts', 'TS1', 'TS1 2AB', '12345', 'TSX', '', 'TS-4', 'TS5 12', 42, null],
        },
        { id: 'Bad Id', name: 'Upper case and a space', postcodes: ['TS9'] },
        { id: 'bad_id', name: 'Underscore', postcodes: ['TS9'] },
        { id: 42, name: 'Number id', postcodes: ['TS9'] },
        { id: 'no-name', postcodes: ['TS9'] },
        { id: 'blank-name', name: '   ', postcodes: ['TS9'] },
        'not an object',
        null,
        ['an', 'array'],
        { id: 'middlesbrough', name: 'A second Middlesbrough', postcodes: ['TS9'] },
        { id: 'stockton', name: ' Stockton-on-Tees ', postcodes: 'TS18' },
        { id: 'hartlepool-2', name: 'Hartlepool', postcodes: ['TS24', 'ts24'] },
      ],
    },
  });

  it('keeps only well-formed areas with valid ids and names, first of a duplicate id', () => {
    expect(page.areas.map((a) => a.id)).toEqual(['middlesbrough', 'stockton', 'hartlepool-2']);
    expect(page.areas.map((a) => a.name)).toEqual(['Middlesbrough', 'Stockton-on-Tees', 'Hartlepool']);
  });

  it('normalises postcode prefixes and drops the ones that are not one of the three levels', () => {
    expect(page.areas[0]?.postcodes).toEqual(['TS1', 'TS3', 'TS2 1', 'TS']);
  });

  it('reads postcodes that are not a list as none, and drops repeats', () => {
    expect(page.areas[1]?.postcodes).toEqual([]);
    expect(page.areas[2]?.postcodes).toEqual(['TS24']);
  });

  it.each([
    ['ts2  1', 'TS2 1'],
    [' sw1a ', 'SW1A'],
    ['ts', 'TS'],
    ['b', 'B'],
    ['m1 1', 'M1 1'],
    ['TS12', 'TS12'],
  ])('normalisePostcodePrefix(%j) is %j', (input, expected) => {
    expect(normalisePostcodePrefix(input)).toBe(expected);
  });

  it.each([['TS1 2AB'], ['12345'], ['TSX'], [''], ['TS 1'], ['TS1 A'], ['TS-1']])(
    'normalisePostcodePrefix(%j) is null',
    (input) => {
      expect(normalisePostcodePrefix(input)).toBeNull();
    },
  );

  it('normalisePostcodePrefix refuses non-strings', () => {
    expect(normalisePostcodePrefix(12)).toBeNull();
    expect(normalisePostcodePrefix(null)).toBeNull();
    expect(normalisePostcodePrefix(['TS1'])).toBeNull();
  });
});

describe('_bulletin on an item', () => {
  const ext = { _bulletin: { areas: AREAS } };

  it('keeps area ids the feed defines and ignores unknown ones', () => {
    const it1 = item({ _bulletin: { areas: ['stockton', 'nowhere', 42, null, 'stockton', 'middlesbrough'] } }, ext);
    expect(it1.areas).toEqual(['stockton', 'middlesbrough']);
    expect(it1.kind).toBe('news');
  });

  it('reads areas that are not a list as force-wide', () => {
    expect(item({ _bulletin: { areas: 'stockton' } }, ext).areas).toEqual([]);
  });

  it('ignores item areas when the feed defines none', () => {
    expect(item({ _bulletin: { areas: ['stockton'] } }).areas).toEqual([]);
  });

  it('reads a valid event', () => {
    const ev = item(
      {
        _bulletin: {
          kind: 'event',
          areas: ['middlesbrough'],
          event: {
            start: '2018-11-13T14:00:00+00:00',
            end: '2018-11-13T16:00:00+00:00',
            location: ' Community Safety Hub, Hemlington ',
            postcode: ' ts8  9gl ',
          },
        },
      },
      ext,
    );
    expect(ev.kind).toBe('event');
    expect(ev.areas).toEqual(['middlesbrough']);
    expect(ev.event).toEqual({
      start: new Date(Date.UTC(2018, 10, 13, 14)),
      end: new Date(Date.UTC(2018, 10, 13, 16)),
      location: 'Community Safety Hub, Hemlington',
      postcode: 'TS8 9GL',
    });
  });

  it('reads an event with no end and no postcode', () => {
    const ev = item({ _bulletin: { kind: 'event', event: { start: '2018-11-13T14:00:00Z', location: 'Hall' } } });
    expect(ev.kind).toBe('event');
    expect(ev.event).toEqual({ start: new Date(Date.UTC(2018, 10, 13, 14)), end: null, location: 'Hall', postcode: null });
  });

  it('drops an end before the start but keeps the event', () => {
    const ev = item({
      _bulletin: {
        kind: 'event',
        event: { start: '2018-11-13T14:00:00Z', end: '2018-11-13T13:59:59Z', location: 'Hall' },
      },
    });
    expect(ev.kind).toBe('event');
    expect(ev.event?.start).toEqual(new Date(Date.UTC(2018, 10, 13, 14)));
    expect(ev.event?.end).toBeNull();
  });

  it('keeps an end equal to the start, and drops an unreadable end', () => {
    const same = item({
      _bulletin: { kind: 'event', event: { start: '2018-11-13T14:00:00Z', end: '2018-11-13T15:00:00+01:00', location: 'Hall' } },
    });
    expect(same.event?.end).toEqual(new Date(Date.UTC(2018, 10, 13, 14)));
    const bad = item({
      _bulletin: { kind: 'event', event: { start: '2018-11-13T14:00:00Z', end: 'later', location: 'Hall' } },
    });
    expect(bad.event?.end).toBeNull();
  });

  it.each([
    ['no event', { kind: 'event' }],
    ['an event that is not an object', { kind: 'event', event: 'Tuesday' }],
    ['no start', { kind: 'event', event: { location: 'Hall' } }],
    ['an unreadable start', { kind: 'event', event: { start: 'Tue, 13 Nov 2018 14:00:00 GMT', location: 'Hall' } }],
    ['a date-only start', { kind: 'event', event: { start: '2018-11-13', location: 'Hall' } }],
    ['no location', { kind: 'event', event: { start: '2018-11-13T14:00:00Z' } }],
    ['a blank location', { kind: 'event', event: { start: '2018-11-13T14:00:00Z', location: '  ' } }],
    ['a location that is not text', { kind: 'event', event: { start: '2018-11-13T14:00:00Z', location: 7 } }],
  ])('shows an event with %s as news, not dropped', (_label, bulletin) => {
    const news = item({ title: 'Kept', _bulletin: bulletin });
    expect(news.title).toBe('Kept');
    expect(news.kind).toBe('news');
    expect(news.event).toBeNull();
  });

  it.each([
    ['kind news with an event', { kind: 'news', event: { start: '2018-11-13T14:00:00Z', location: 'Hall' } }],
    ['an unknown kind', { kind: 'Event', event: { start: '2018-11-13T14:00:00Z', location: 'Hall' } }],
    ['no kind', { event: { start: '2018-11-13T14:00:00Z', location: 'Hall' } }],
  ])('reads %s as news', (_label, bulletin) => {
    const news = item({ _bulletin: bulletin });
    expect(news.kind).toBe('news');
    expect(news.event).toBeNull();
  });

  it.each([['a string'], [42], [null], [['event']]])('ignores a _bulletin of %j', (bulletin) => {
    const news = item({ _bulletin: bulletin }, ext);
    expect(news.kind).toBe('news');
    expect(news.areas).toEqual([]);
    expect(news.event).toBeNull();
  });
});

describe('dates', () => {
  it('reads RFC 3339 dates', () => {
    const it1 = item({ date_published: '2018-03-22T10:30:00+00:00', date_modified: '2018-03-23T09:00:00+01:00' });
    expect(it1.published).toEqual({ state: 'known', date: new Date(Date.UTC(2018, 2, 22, 10, 30)) });
    expect(it1.modified).toEqual({ state: 'known', date: new Date(Date.UTC(2018, 2, 23, 8)) });
  });

  it.each([
    ['RFC 2822', 'Fri, 31 May 2019 12:17:58 -0700', 'Fri, 31 May 2019 12:17:58 -0700'],
    ['words', 'yesterday', 'yesterday'],
    ['an impossible date', '2018-02-30T10:00:00Z', '2018-02-30T10:00:00Z'],
  ])('keeps the item and marks %s as unknown', (_label, value, raw) => {
    const it1 = item({ title: 'Dated', date_published: value });
    expect(it1.title).toBe('Dated');
    expect(it1.published).toEqual({ state: 'unknown', raw });
  });

  it.each([
    ['a number', 1521714600],
    ['an object', { when: 'now' }],
    ['a boolean', true],
    ['a list', ['2018-03-22T10:30:00Z']],
  ])('keeps the item and marks a date that is %s as unknown', (_label, value) => {
    const it1 = item({ title: 'Dated', date_modified: value });
    expect(it1.title).toBe('Dated');
    expect(it1.modified.state).toBe('unknown');
  });

  it('keeps at most 100 characters of an unreadable date', () => {
    const long = 'x'.repeat(500);
    const it1 = item({ date_published: long });
    expect(it1.published).toEqual({ state: 'unknown', raw: 'x'.repeat(100) });
  });

  it('reads a missing or null date as absent', () => {
    expect(item({}).published).toEqual({ state: 'absent' });
    expect(item({ date_published: null }).published).toEqual({ state: 'absent' });
  });
});

describe('bad items', () => {
  it('keeps the first of two items with the same id and counts the second as skipped', () => {
    const page = feed({
      items: [
        { id: 'a', title: 'First' },
        { id: 'b', title: 'Other' },
        { id: 'a', title: 'Second' },
        { id: ' a ', title: 'Third, same id once trimmed' },
        { id: 1, title: 'Number one' },
        { id: '1', title: 'String one' },
      ],
    });
    expect(page.items.map((i) => [i.id, i.title])).toEqual([
      ['a', 'First'],
      ['b', 'Other'],
      ['1', 'Number one'],
    ]);
    expect(page.skipped).toBe(3);
  });

  it.each([
    ['a title that is a number', { id: 'x', title: 42, content_text: 'body' }],
    ['a title that is an object', { id: 'x', title: { text: 'T' }, content_text: 'body' }],
    ['content_html that is an object', { id: 'x', title: 'T', content_html: { html: '<p>' } }],
    ['content_text that is a list', { id: 'x', title: 'T', content_text: ['a'] }],
    ['content_html that is a boolean', { id: 'x', title: 'T', content_html: true }],
    ['no id', { title: 'T', content_text: 'body' }],
    ['a blank id', { id: '   ', title: 'T' }],
    ['an id that is a boolean', { id: true, title: 'T' }],
    ['an id that is an object', { id: { a: 1 }, title: 'T' }],
    ['no title and no content', { id: 'x', summary: 'Only a summary', url: 'https://a.example/' }],
    ['only blank title and content', { id: 'x', title: ' ', content_html: '  ', content_text: '\n' }],
    ['a string', 'an item'],
    ['a number', 5],
    ['null', null],
    ['a list', [{ id: 'x', title: 'T' }]],
  ])('skips an item with %s and counts it', (_label, raw) => {
    const page = feed({ items: [{ id: 'good', title: 'Good' }, raw] });
    expect(page.items.map((i) => i.id)).toEqual(['good']);
    expect(page.skipped).toBe(1);
  });

  it('treats null title and content as absent, not wrong', () => {
    const it1 = item({ title: null, content_html: null, content_text: 'body' });
    expect(it1.title).toBeNull();
    expect(it1.contentHtml).toBeNull();
    expect(it1.contentText).toBe('body');
  });

  it('normaliseItem gives null for a bad item and an Item for a good one', () => {
    expect(normaliseItem({ id: 'x' }, PAGE, new Set())).toBeNull();
    expect(normaliseItem({ id: 'x', title: 'T' }, PAGE, new Set())?.id).toBe('x');
  });
});

describe('text fields', () => {
  it('keeps HTML in title and summary as plain text', () => {
    const it1 = item({ title: '<b>Bold</b> &amp; more', summary: '<i>sum</i>' });
    expect(it1.title).toBe('<b>Bold</b> &amp; more');
    expect(it1.summary).toBe('<i>sum</i>');
    expect(it1.slug).toMatch(/^b-bold-b-amp-more-[0-9a-z]{7}$/);
  });

  it('trims text and reads blank text as null', () => {
    const it1 = item({ title: '  Spaced  ', summary: '   ', language: ' en ' });
    expect(it1.title).toBe('Spaced');
    expect(it1.summary).toBeNull();
    expect(it1.language).toBe('en');
  });

  it('uses the content text for the slug words when there is no title', () => {
    expect(item({ content_text: 'Cats are neat' }).slug).toMatch(/^cats-are-neat-[0-9a-z]{7}$/);
  });

  it('keeps tags that are text, trimmed, once each', () => {
    expect(item({ tags: [' a ', 'a', 'b', 5, '', null] }).tags).toEqual(['a', 'b']);
    expect(item({ tags: 'a,b' }).tags).toEqual([]);
  });

  it('prefers item authors over author', () => {
    const it1 = item({ authors: [{ name: 'A' }], author: { name: 'B' } });
    expect(it1.authors).toEqual([{ name: 'A', url: null, avatar: null }]);
    expect(item({ author: { name: 'B' } }).authors).toEqual([{ name: 'B', url: null, avatar: null }]);
  });

  it('drops authors with nothing usable', () => {
    const it1 = item({ authors: [{}, { name: ' ' }, { url: 'javascript:alert(1)' }, 'Name', null, { name: 'Kept' }] });
    expect(it1.authors).toEqual([{ name: 'Kept', url: null, avatar: null }]);
  });
});

describe('URLs', () => {
  it.each([
    ['javascript:alert(1)'],
    [' JavaScript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['mailto:someone@example.org'],
    ['file:///etc/passwd'],
    ['http://'],
    [''],
    ['   '],
    [42],
    [{ href: 'https://a.example/' }],
  ])('reads %j as no URL', (value) => {
    const it1 = item({ url: value, external_url: value, image: value, banner_image: value });
    expect(it1.url).toBeNull();
    expect(it1.externalUrl).toBeNull();
    expect(it1.image).toBeNull();
    expect(it1.bannerImage).toBeNull();
  });

  it('drops a javascript: author link and avatar, and javascript: attachments', () => {
    const it1 = item({
      authors: [{ name: 'A', url: 'javascript:alert(1)', avatar: 'javascript:alert(2)' }],
      attachments: [
        { url: 'javascript:alert(1)', mime_type: 'audio/mpeg' },
        { url: 'https://a.example/a.mp3', mime_type: 'audio/mpeg' },
        { url: 'https://a.example/no-type.mp3' },
      ],
    });
    expect(it1.authors).toEqual([{ name: 'A', url: null, avatar: null }]);
    expect(it1.attachments.map((a) => a.url)).toEqual(['https://a.example/a.mp3']);
  });

  it('resolves a protocol-relative URL to https for an https page', () => {
    const it1 = item({ url: '//cdn.example/story', image: '//images.example/a.jpg' });
    expect(it1.url).toBe('https://cdn.example/story');
    expect(it1.image).toBe('https://images.example/a.jpg');
  });

  it('resolves relative URLs against the page URL', () => {
    const it1 = item({ url: 'story.html', external_url: '/elsewhere', banner_image: '../img/b.png' });
    expect(it1.url).toBe('https://feeds.example/dir/story.html');
    expect(it1.externalUrl).toBe('https://feeds.example/elsewhere');
    expect(it1.bannerImage).toBe('https://feeds.example/img/b.png');
    expect(it1.pageUrl).toBe(PAGE);
  });

  it.each([
    ['feed-2.json', 'https://feeds.example/dir/feed-2.json'],
    ['../older/page.json', 'https://feeds.example/older/page.json'],
    ['/feed.json?page=2', 'https://feeds.example/feed.json?page=2'],
    ['?page=2', 'https://feeds.example/dir/feed.json?page=2'],
    ['//mirror.example/feed-2.json', 'https://mirror.example/feed-2.json'],
    ['http://other.example/feed.json', 'http://other.example/feed.json'],
  ])('resolves next_url %j against the page URL', (nextUrl, expected) => {
    expect(feed({ next_url: nextUrl }).nextUrl).toBe(expected);
  });

  it.each([['javascript:alert(1)'], [''], ['  '], [null], [2], [['feed-2.json']]])(
    'reads next_url %j as none',
    (nextUrl) => {
      expect(feed({ next_url: nextUrl }).nextUrl).toBeNull();
    },
  );

  it('has no next page when next_url is missing', () => {
    expect(feed().nextUrl).toBeNull();
  });
});

describe('attachments', () => {
  it('keeps size and duration only when they are non-negative numbers', () => {
    const it1 = item({
      attachments: [
        { url: 'a.mp3', mime_type: 'audio/mpeg', title: ' Episode ', size_in_bytes: 10, duration_in_seconds: 0 },
        { url: 'b.mp3', mime_type: 'audio/mpeg', size_in_bytes: -1, duration_in_seconds: '60' },
        { url: 'c.mp3', mime_type: 'audio/mpeg', size_in_bytes: Number.POSITIVE_INFINITY, duration_in_seconds: Number.NaN },
        'not an attachment',
      ],
    });
    expect(it1.attachments).toEqual([
      {
        url: 'https://feeds.example/dir/a.mp3',
        mimeType: 'audio/mpeg',
        title: 'Episode',
        sizeInBytes: 10,
        durationInSeconds: 0,
      },
      { url: 'https://feeds.example/dir/b.mp3', mimeType: 'audio/mpeg', title: null, sizeInBytes: null, durationInSeconds: null },
      // Found by the property test: Infinity is not a size.
      { url: 'https://feeds.example/dir/c.mp3', mimeType: 'audio/mpeg', title: null, sizeInBytes: null, durationInSeconds: null },
    ]);
  });
});
