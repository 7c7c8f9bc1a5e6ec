/**
 * Property-based tests for the feed boundary: whatever JSON arrives, normaliseFeed either
 * returns a FeedPage that really has the shape its type promises, or throws FeedError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseFeed } from '../../src/feed/normalise';
import { FeedError } from '../../src/feed';

const RUNS = 300;

// --------------------------------------------------------------------------------------------
// A runtime checker for FeedPage. It takes `unknown` on purpose: it must not trust the types.

class ShapeError extends Error {}

function fail(path: string, message: string, value: unknown): never {
  let shown: string;
  try {
    shown = JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    shown = String(value);
  }
  throw new ShapeError(`${path}: ${message} (got ${shown})`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An object that has every one of the `required` keys (the caller checks each one's value). Other
 * keys are let through: a field added to a type must not fail this test before it has a check.
 */
function obj(value: unknown, path: string, required: readonly string[]): Record<string, unknown> {
  if (!isObject(value)) fail(path, 'not an object', value);
  const missing = required.filter((key) => !Object.hasOwn(value, key));
  if (missing.length > 0) fail(path, `missing ${missing.join(', ')}`, Object.keys(value).sort());
  return value;
}

function arr(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'not an array', value);
  return value;
}

function str(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(path, 'not a non-empty string', value);
  return value;
}

function strOrNull(value: unknown, path: string): string | null {
  return value === null ? null : str(value, path);
}

function httpUrl(value: unknown, path: string): string {
  const s = str(value, path);
  if (!/^https?:\/\/[^\s]/.test(s)) fail(path, 'not an http(s) URL', s);
  let parsed: URL;
  try {
    parsed = new URL(s);
  } catch {
    fail(path, 'not a parsable URL', s);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') fail(path, 'not http(s)', s);
  return s;
}

function httpUrlOrNull(value: unknown, path: string): string | null {
  return value === null ? null : httpUrl(value, path);
}

function date(value: unknown, path: string): Date {
  if (!(value instanceof Date)) fail(path, 'not a Date', value);
  if (!Number.isFinite(value.getTime())) fail(path, 'not a finite Date', String(value));
  return value;
}

function numberOrNull(value: unknown, path: string): void {
  if (value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(path, 'not a non-negative number', value);
}

function checkPerson(value: unknown, path: string): void {
  const p = obj(value, path, ['name', 'url', 'avatar']);
  const name = strOrNull(p.name, `${path}.name`);
  const url = httpUrlOrNull(p.url, `${path}.url`);
  const avatar = httpUrlOrNull(p.avatar, `${path}.avatar`);
  if (name === null && url === null && avatar === null) fail(path, 'a person with nothing in it', value);
}

function checkFeedDate(value: unknown, path: string): void {
  if (!isObject(value)) fail(path, 'not an object', value);
  switch (value.state) {
    case 'absent':
      if (Object.hasOwn(value, 'date')) fail(`${path}.date`, 'an absent date with a date', value.date);
      return;
    case 'unknown':
      obj(value, path, ['state', 'raw']);
      if (typeof value.raw !== 'string') fail(`${path}.raw`, 'not a string', value.raw);
      if (Object.hasOwn(value, 'date')) fail(`${path}.date`, 'an unknown date with a date', value.date);
      return;
    case 'known':
      obj(value, path, ['state', 'date']);
      date(value.date, `${path}.date`);
      return;
    default:
      fail(`${path}.state`, 'not absent/unknown/known', value.state);
  }
}

/** The keys every Item and FeedPage has; each one's value is checked below. */
const ITEM_KEYS = [
  'id', 'pageUrl', 'slug', 'title', 'summary', 'contentHtml', 'contentText', 'url', 'externalUrl', 'image',
  'bannerImage', 'published', 'modified', 'authors', 'tags', 'language', 'attachments', 'kind', 'areas', 'event',
] as const;

const PAGE_KEYS = [
  'url', 'title', 'description', 'homePageUrl', 'language', 'icon', 'favicon', 'authors', 'expired', 'timezone',
  'areas', 'items', 'skipped', 'nextUrl', 'fetchedAt',
] as const;

function checkItem(value: unknown, path: string, pageUrl: string, areaIds: ReadonlySet<string>): string {
  const item = obj(value, path, ITEM_KEYS);
  const id = str(item.id, `${path}.id`);
  if (item.pageUrl !== pageUrl) fail(`${path}.pageUrl`, `should be ${pageUrl}`, item.pageUrl);
  const slug = str(item.slug, `${path}.slug`);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-z]{7}$/.test(slug)) fail(`${path}.slug`, 'not words-hash', slug);
  const title = strOrNull(item.title, `${path}.title`);
  strOrNull(item.summary, `${path}.summary`);
  const html = strOrNull(item.contentHtml, `${path}.contentHtml`);
  const text = strOrNull(item.contentText, `${path}.contentText`);
  if (title === null && html === null && text === null) fail(path, 'no title and no content', value);
  httpUrlOrNull(item.url, `${path}.url`);
  httpUrlOrNull(item.externalUrl, `${path}.externalUrl`);
  httpUrlOrNull(item.image, `${path}.image`);
  httpUrlOrNull(item.bannerImage, `${path}.bannerImage`);
  checkFeedDate(item.published, `${path}.published`);
  checkFeedDate(item.modified, `${path}.modified`);
  arr(item.authors, `${path}.authors`).forEach((a, i) => checkPerson(a, `${path}.authors[${i}]`));
  const tags = arr(item.tags, `${path}.tags`).map((t, i) => str(t, `${path}.tags[${i}]`));
  if (new Set(tags).size !== tags.length) fail(`${path}.tags`, 'repeats a tag', tags);
  strOrNull(item.language, `${path}.language`);
  arr(item.attachments, `${path}.attachments`).forEach((a, i) => {
    const ap = `${path}.attachments[${i}]`;
    const att = obj(a, ap, ['url', 'mimeType', 'title', 'sizeInBytes', 'durationInSeconds']);
    httpUrl(att.url, `${ap}.url`);
    str(att.mimeType, `${ap}.mimeType`);
    strOrNull(att.title, `${ap}.title`);
    numberOrNull(att.sizeInBytes, `${ap}.sizeInBytes`);
    numberOrNull(att.durationInSeconds, `${ap}.durationInSeconds`);
  });
  const areas = arr(item.areas, `${path}.areas`).map((a, i) => str(a, `${path}.areas[${i}]`));
  for (const a of areas) if (!areaIds.has(a)) fail(`${path}.areas`, `"${a}" is not an area of the feed`, areas);
  if (new Set(areas).size !== areas.length) fail(`${path}.areas`, 'repeats an area', areas);
  if (item.kind === 'news') {
    if (item.event !== null) fail(`${path}.event`, 'news with an event', item.event);
  } else if (item.kind === 'event') {
    const ev = obj(item.event, `${path}.event`, ['start', 'end', 'location', 'postcode']);
    const start = date(ev.start, `${path}.event.start`);
    if (ev.end !== null && date(ev.end, `${path}.event.end`).getTime() < start.getTime()) {
      fail(`${path}.event.end`, 'before the start', ev.end);
    }
    str(ev.location, `${path}.event.location`);
    strOrNull(ev.postcode, `${path}.event.postcode`);
  } else {
    fail(`${path}.kind`, 'not news/event', item.kind);
  }
  return id;
}

/** Throws ShapeError unless `value` is a FeedPage as the type describes it, read from `pageUrl`. */
function checkFeedPage(value: unknown, pageUrl: string, rawItemCount: number | null = null): void {
  const page = obj(value, 'page', PAGE_KEYS);
  if (page.url !== pageUrl) fail('page.url', `should be ${pageUrl}`, page.url);
  str(page.title, 'page.title');
  strOrNull(page.description, 'page.description');
  httpUrlOrNull(page.homePageUrl, 'page.homePageUrl');
  strOrNull(page.language, 'page.language');
  httpUrlOrNull(page.icon, 'page.icon');
  httpUrlOrNull(page.favicon, 'page.favicon');
  arr(page.authors, 'page.authors').forEach((a, i) => checkPerson(a, `page.authors[${i}]`));
  if (typeof page.expired !== 'boolean') fail('page.expired', 'not a boolean', page.expired);
  const zone = str(page.timezone, 'page.timezone');
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
  } catch {
    fail('page.timezone', 'not a zone this runtime knows', zone);
  }
  const areaIds = new Set<string>();
  arr(page.areas, 'page.areas').forEach((a, i) => {
    const ap = `page.areas[${i}]`;
    const area = obj(a, ap, ['id', 'name', 'postcodes']);
    const id = str(area.id, `${ap}.id`);
    if (!/^[a-z0-9-]+$/.test(id)) fail(`${ap}.id`, 'not lowercase letters, digits and -', id);
    if (areaIds.has(id)) fail(`${ap}.id`, 'repeats an area id', id);
    areaIds.add(id);
    str(area.name, `${ap}.name`);
    arr(area.postcodes, `${ap}.postcodes`).forEach((p, j) => {
      const prefix = str(p, `${ap}.postcodes[${j}]`);
      if (!/^[A-Z]{1,2}(?:\d[A-Z\d]?(?: \d)?)?$/.test(prefix)) fail(`${ap}.postcodes[${j}]`, 'not a prefix', prefix);
    });
  });
  const ids = new Set<string>();
  const items = arr(page.items, 'page.items');
  items.forEach((it, i) => {
    const id = checkItem(it, `page.items[${i}]`, pageUrl, areaIds);
    if (ids.has(id)) fail(`page.items[${i}].id`, 'repeats an id', id);
    ids.add(id);
  });
  const skipped = page.skipped;
  if (typeof skipped !== 'number' || !Number.isInteger(skipped) || skipped < 0) {
    fail('page.skipped', 'not a non-negative integer', skipped);
  }
  if (rawItemCount !== null && items.length + skipped !== rawItemCount) {
    fail('page', `items (${items.length}) + skipped (${skipped}) should be the ${rawItemCount} raw items`, null);
  }
  httpUrlOrNull(page.nextUrl, 'page.nextUrl');
  // The boundary does not know when a copy was sent; fetchFeedPage fills this in from the response.
  if (page.fetchedAt !== null) fail('page.fetchedAt', 'should be null straight from normaliseFeed', page.fetchedAt);
}

/** normaliseFeed must return a well-shaped page or throw FeedError('not-a-feed'); nothing else. */
function normalisesSafely(raw: unknown, pageUrl: string): 'page' | 'not-a-feed' {
  let page: unknown;
  try {
    page = normaliseFeed(raw, pageUrl);
  } catch (error) {
    if (error instanceof FeedError && error.kind === 'not-a-feed') return 'not-a-feed';
    throw error;
  }
  const rawItems = isObject(raw) && Array.isArray(raw.items) ? raw.items.length : null;
  checkFeedPage(page, pageUrl, rawItems);
  return 'page';
}

// --------------------------------------------------------------------------------------------
// Arbitraries

const PAGE_URLS = fc.constantFrom(
  'https://feeds.example/dir/feed.json',
  'http://localhost:4173/feed.json',
  'https://news.example.org/a/b/c/page-2.json?x=1',
);

const junk = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.object({ maxDepth: 2 }),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
);

/** Mostly well-formed values, sometimes anything: keeps the deeper code reachable. */
function mostly<T>(good: fc.Arbitrary<T>, weight = 4): fc.Arbitrary<T | unknown> {
  return fc.oneof({ weight, arbitrary: good }, { weight: 1, arbitrary: junk });
}

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', '   ', '<b>html</b>', 'Force praised for crime prevention work', 'Café déjà vu', '\n\t'),
);

const urlish = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    'javascript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'data:text/html,x',
    '//cdn.example/a.jpg',
    'relative/path.html',
    '/root.html',
    '../up.json',
    '?page=2',
    '#frag',
    '',
    ' ',
    'http://',
    'mailto:a@b.example',
  ),
  fc.string(),
);

const rfc3339 = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const dateish = fc.oneof(
  rfc3339,
  rfc3339.map((s) => s.replace('Z', '+05:30').toLowerCase()),
  fc.constantFrom(
    'Fri, 31 May 2019 12:17:58 -0700',
    '2018-02-30T10:00:00Z',
    '2018-03-22',
    '2018-03-22T24:00:00Z',
    '2016-12-31T23:59:60Z',
    '0000-01-01T00:00:00Z',
  ),
  fc.string(),
);

const GOOD_AREA_IDS = ['middlesbrough', 'stockton', 'redcar-cleveland', 'hartlepool'];
const AREA_IDS = [...GOOD_AREA_IDS, 'Hartlepool', 'bad id', '', 'nowhere'];
const prefixish = fc.oneof(
  fc.constantFrom('TS1', 'ts2  1', 'TS', 'ts12', 'TS1 2AB', '12345', 'SW1A', 'm1 1', ''),
  fc.string({ maxLength: 8 }),
  junk,
);

const areaish = mostly(
  fc.record(
    {
      id: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...GOOD_AREA_IDS) },
        { weight: 1, arbitrary: fc.constantFrom(...AREA_IDS) },
        { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
        { weight: 1, arbitrary: junk },
      ),
      name: mostly(fc.constantFrom('Middlesbrough', 'Stockton-on-Tees', ' Redcar ', ''), 3),
      postcodes: mostly(fc.array(prefixish, { maxLength: 5 })),
    },
    { requiredKeys: ['id', 'name'] },
  ),
);

const feedBulletin = mostly(
  fc.record(
    {
      timezone: fc.oneof(
        fc.constantFrom('Europe/London', 'America/New_York', 'Pacific/Auckland', 'UTC', 'Mars/Base', '', ' Europe/Paris '),
        fc.string({ maxLength: 12 }),
        junk,
      ),
      areas: mostly(fc.array(areaish, { maxLength: 6 })),
      about: mostly(urlish),
    },
    { requiredKeys: ['areas'] },
  ),
);

const eventish = mostly(
  fc.record(
    {
      start: mostly(fc.oneof(rfc3339, rfc3339, dateish)),
      end: mostly(fc.oneof(rfc3339, dateish)),
      location: mostly(fc.oneof(fc.constantFrom('Town Hall', ' Hall '), text)),
      postcode: mostly(fc.oneof(fc.constantFrom('ts8  9gl', 'TS1 2AB'), text)),
    },
    { requiredKeys: ['start', 'location'] },
  ),
);

const itemBulletin = mostly(
  fc.record(
    {
      kind: mostly(fc.constantFrom('news', 'event', 'event', 'Event', '')),
      areas: mostly(fc.array(mostly(fc.constantFrom(...AREA_IDS)), { maxLength: 4 })),
      event: eventish,
    },
    { requiredKeys: ['kind'] },
  ),
);

const personish = fc.oneof(
  fc.record({ name: fc.oneof(text, junk), url: fc.oneof(urlish, junk), avatar: fc.oneof(urlish, junk) }, { requiredKeys: [] }),
  junk,
);

const attachmentish = fc.oneof(
  fc.record(
    {
      url: fc.oneof(urlish, junk),
      mime_type: fc.oneof(fc.constantFrom('audio/mpeg', 'video/mp4', ''), junk),
      title: fc.oneof(text, junk),
      size_in_bytes: fc.oneof(fc.integer(), fc.double(), junk),
      duration_in_seconds: fc.oneof(fc.integer(), fc.double(), junk),
    },
    { requiredKeys: [] },
  ),
  junk,
);

const itemish = fc.oneof(
  { weight: 4, arbitrary: fc.record(
    {
      id: fc.oneof(fc.string(), fc.constantFrom('a', 'b', ' a ', '1', ''), fc.integer(), fc.double(), junk),
      title: mostly(text, 8),
      summary: mostly(text),
      content_html: mostly(fc.oneof(text, fc.constantFrom('<p>Hi</p><script>alert(1)</script>')), 8),
      content_text: mostly(text, 8),
      url: mostly(urlish),
      external_url: mostly(urlish),
      image: mostly(urlish),
      banner_image: mostly(urlish),
      date_published: mostly(dateish),
      date_modified: mostly(dateish),
      author: personish,
      authors: fc.oneof(fc.array(personish, { maxLength: 3 }), junk),
      tags: fc.oneof(fc.array(fc.oneof(text, junk), { maxLength: 4 }), junk),
      language: fc.oneof(text, junk),
      attachments: fc.oneof(fc.array(attachmentish, { maxLength: 3 }), junk),
      _bulletin: itemBulletin,
    },
    { requiredKeys: [] },
  ) },
  { weight: 1, arbitrary: junk },
);

const feedish = fc.record(
  {
    version: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('https://jsonfeed.org/version/1.1', 'https://jsonfeed.org/version/1') },
      { weight: 1, arbitrary: fc.oneof(fc.constantFrom('1.1', 'https://jsonfeed.org/version/2', ''), junk) },
    ),
    title: fc.oneof(text, junk),
    description: fc.oneof(text, junk),
    home_page_url: fc.oneof(urlish, junk),
    feed_url: fc.oneof(urlish, junk),
    icon: fc.oneof(urlish, junk),
    favicon: fc.oneof(urlish, junk),
    language: fc.oneof(text, junk),
    expired: fc.oneof(fc.boolean(), junk),
    next_url: fc.oneof(urlish, junk),
    author: personish,
    authors: fc.oneof(fc.array(personish, { maxLength: 3 }), junk),
    items: fc.oneof({ weight: 9, arbitrary: fc.array(itemish, { maxLength: 8 }) }, { weight: 1, arbitrary: junk }),
    _bulletin: feedBulletin,
    _other: junk,
  },
  { requiredKeys: ['version', 'items'] },
);

// --------------------------------------------------------------------------------------------

describe('the FeedPage checker', () => {
  const good = normaliseFeed(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'T',
      _bulletin: { areas: [{ id: 'a', name: 'A', postcodes: ['TS1'] }] },
      items: [{ id: '1', title: 'One', date_published: '2018-03-22T10:30:00Z', _bulletin: { areas: ['a'] } }],
    },
    'https://feeds.example/feed.json',
  );

  it('accepts a good page', () => {
    expect(() => checkFeedPage(good, 'https://feeds.example/feed.json', 1)).not.toThrow();
  });

  it.each([
    ['an item area the feed does not define', { ...good, areas: [] }],
    ['a wrong page URL', { ...good, url: 'https://elsewhere.example/' }],
    ['a negative skipped count', { ...good, skipped: -1 }],
    ['a fractional skipped count', { ...good, skipped: 0.5 }],
    ['a javascript: next URL', { ...good, nextUrl: 'javascript:alert(1)' }],
    ['an invalid date', { ...good, items: good.items.map((i) => ({ ...i, published: { state: 'known', date: new Date(NaN) } })) }],
    ['a date as a string', { ...good, items: good.items.map((i) => ({ ...i, published: { state: 'known', date: '2018' } })) }],
    ['an empty id', { ...good, items: good.items.map((i) => ({ ...i, id: '' })) }],
    ['an empty slug', { ...good, items: good.items.map((i) => ({ ...i, slug: '' })) }],
    ['a numeric title', { ...good, items: good.items.map((i) => ({ ...i, title: 5 })) }],
    ['a missing key', Object.fromEntries(Object.entries(good).filter(([key]) => key !== 'nextUrl'))],
    ['an item with a missing key', { ...good, items: good.items.map((i) => Object.fromEntries(Object.entries(i).filter(([key]) => key !== 'language'))) }],
    ['an absent date that has a date', { ...good, items: good.items.map((i) => ({ ...i, modified: { state: 'absent', date: new Date() } })) }],
    ['a repeated id', { ...good, items: [...good.items, ...good.items] }],
  ])('rejects a page with %s', (_label, bad) => {
    expect(() => checkFeedPage(bad, 'https://feeds.example/feed.json')).toThrow(ShapeError);
  });

  it('lets through a field it has no check for yet', () => {
    expect(() => checkFeedPage({ ...good, addedLater: true }, 'https://feeds.example/feed.json', 1)).not.toThrow();
  });

  it('rejects counts that do not add up to the raw items', () => {
    expect(() => checkFeedPage(good, 'https://feeds.example/feed.json', 2)).toThrow(ShapeError);
  });
});

describe('normaliseFeed properties', () => {
  it('returns a well-shaped page or throws FeedError for anything at all', () => {
    fc.assert(
      fc.property(fc.anything(), PAGE_URLS, (raw, pageUrl) => {
        normalisesSafely(raw, pageUrl);
      }),
      { numRuns: RUNS },
    );
  });

  it('returns a well-shaped page or throws FeedError for any JSON value (deeply nested)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), PAGE_URLS, (raw, pageUrl) => {
        normalisesSafely(raw, pageUrl);
      }),
      { numRuns: RUNS },
    );
  });

  it('returns a well-shaped page or throws FeedError for any JSON text', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), PAGE_URLS, (json, pageUrl) => {
        normalisesSafely(JSON.parse(json), pageUrl);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads feed-like objects with random field values into well-shaped pages', () => {
    let pages = 0;
    fc.assert(
      fc.property(feedish, PAGE_URLS, (raw, pageUrl) => {
        if (normalisesSafely(raw, pageUrl) === 'page') pages += 1;
      }),
      { numRuns: 500 },
    );
    // The generator is meant to reach the item code, not just the version check.
    expect(pages).toBeGreaterThan(200);
  });

  function hasNonFinite(value: unknown): boolean {
    if (typeof value === 'number') return !Number.isFinite(value);
    if (Array.isArray(value)) return value.some(hasNonFinite);
    if (typeof value === 'object' && value !== null) return Object.values(value).some(hasNonFinite);
    return false;
  }

  it('gives the same page for a feed and its JSON round trip', () => {
    fc.assert(
      fc.property(feedish, PAGE_URLS, (raw, pageUrl) => {
        const text = JSON.stringify(raw);
        const copy = JSON.parse(text) as unknown;
        // Only values JSON can carry: Infinity and NaN become null on the way, so a feed holding
        // them is a different feed after the trip (and never comes out of JSON.parse).
        fc.pre(!hasNonFinite(raw));
        let a: unknown;
        let b: unknown;
        try {
          a = normaliseFeed(raw, pageUrl);
        } catch (error) {
          a = error instanceof FeedError ? error.kind : error;
        }
        try {
          b = normaliseFeed(copy, pageUrl);
        } catch (error) {
          b = error instanceof FeedError ? error.kind : error;
        }
        expect(b).toEqual(a);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps every valid item of a valid feed (nothing good is skipped)', () => {
    const goodItem = fc.record({
      id: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
      title: fc.string().filter((s) => s.trim() !== ''),
      date_published: rfc3339,
    });
    fc.assert(
      fc.property(fc.uniqueArray(goodItem, { selector: (i) => i.id.trim(), maxLength: 10 }), (items) => {
        const page = normaliseFeed({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items }, 'https://f.example/');
        expect(page.skipped).toBe(0);
        expect(page.items.map((i) => i.id)).toEqual(items.map((i) => i.id.trim()));
        for (const [index, item] of page.items.entries()) {
          expect(item.published).toEqual({ state: 'known', date: new Date(items[index]?.date_published ?? '') });
        }
      }),
      { numRuns: RUNS },
    );
  });
});
