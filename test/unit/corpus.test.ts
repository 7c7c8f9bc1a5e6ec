/**
 * normaliseFeed over every file in the JSON Feed corpus (test/corpus/feeds, a copy of ../shared/corpus).
 * The expected outcomes below were written by reading each file against FEED-FORMAT.md,
 * not by running the code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fetchFeedPage } from '../../src/feed/fetch-feed';
import { normaliseFeed } from '../../src/feed/normalise';
import { FeedError, type FeedPage } from '../../src/feed';

// Kept in a variable on purpose: Vite rewrites the literal `new URL('…', import.meta.url)` into an asset URL.
const here = import.meta.url;
// A copy of ../shared/corpus kept in the repository (test/corpus/), so that any clone can run the tests.
const CORPUS_DIR = fileURLToPath(new URL('../corpus/feeds/', here).href);
const PAGE_URL = 'https://feeds.example/dir/feed.json';

function readCorpus(name: string): string {
  return readFileSync(join(CORPUS_DIR, name), 'utf8');
}

function parseCorpus(name: string): unknown {
  return JSON.parse(readCorpus(name)) as unknown;
}

function normaliseCorpus(name: string, pageUrl = PAGE_URL): FeedPage {
  return normaliseFeed(parseCorpus(name), pageUrl);
}

function expectFeedError(fn: () => unknown, kind: FeedError['kind']): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(FeedError);
  expect((caught as FeedError).kind).toBe(kind);
}

type Expected =
  | { outcome: 'feed'; items: number; skipped: number }
  | { outcome: 'not-a-feed'; why: string }
  | { outcome: 'invalid-json'; why: string };

const EXPECTED: Record<string, Expected> = {
  '01-jsonfeed-org-own-feed-v1.json': { outcome: 'feed', items: 1, skipped: 0 },
  '02-daringfireball-v1-external-url.json': { outcome: 'feed', items: 2, skipped: 0 },
  // No item has an id: all three must be discarded.
  '03-influxdata-v1.1-missing-ids-rfc2822-dates.json': { outcome: 'feed', items: 0, skipped: 3 },
  '04-hologramradio-podcast-v1-rich-html.json': { outcome: 'feed', items: 40, skipped: 0 },
  '05-bretio-extended-itunes-extension.json': { outcome: 'feed', items: 8, skipped: 0 },
  '06-bretio-test-feed-edge-items.json': { outcome: 'feed', items: 8, skipped: 0 },
  // The item without content still has a title, so it is kept.
  '07-oswin-publii-relative-urls.json': { outcome: 'feed', items: 9, skipped: 0 },
  // No content at all, but every item has an id and a title: kept.
  '08-gourav-no-content-title-as-id.json': { outcome: 'feed', items: 12, skipped: 0 },
  '09-adriel-no-content-summary-only.json': { outcome: 'feed', items: 3, skipped: 0 },
  '10-gofeed-version-not-url-mixed-author.json': { outcome: 'not-a-feed', why: 'version "1.1" is not the version URL' },
  '11-gofeed-invalid-truncated.json.txt': { outcome: 'invalid-json', why: 'truncated JSON' },
  '12-feedparser-example-script-in-html.json': { outcome: 'feed', items: 2, skipped: 0 },
  '13-feedparser-edge-case-fragments.json': { outcome: 'not-a-feed', why: 'a collection of fragments, no version' },
  '14-spec-example-podcast-v1.1.json': { outcome: 'feed', items: 1, skipped: 0 },
  '15-spec-example-microblog-v1.1.json': { outcome: 'feed', items: 1, skipped: 0 },
  // One good item, then a JSON null.
  '16-gofeed-null-item.json': { outcome: 'feed', items: 1, skipped: 1 },
  'README.txt': { outcome: 'invalid-json', why: 'prose' },
  'jsonfeed-1.1.schema.json': { outcome: 'not-a-feed', why: 'a JSON Schema, not a feed' },
};

describe('the corpus', () => {
  it('has an expected outcome for every file in the folder (and no stale entries)', () => {
    const files = readdirSync(CORPUS_DIR).sort();
    expect(files.length).toBeGreaterThanOrEqual(16);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    if (expected.outcome === 'invalid-json') {
      it(`is not JSON (${expected.why})`, () => {
        expect(() => JSON.parse(readCorpus(name))).toThrow(SyntaxError);
      });
      it('fetchFeedPage reports invalid-json and shows nothing half-parsed', async () => {
        const fetchImpl: typeof fetch = () => Promise.resolve(new Response(readCorpus(name), { status: 200 }));
        await expect(fetchFeedPage(PAGE_URL, { fetchImpl })).rejects.toMatchObject({
          name: 'FeedError',
          kind: 'invalid-json',
        });
      });
      return;
    }

    if (expected.outcome === 'not-a-feed') {
      it(`throws FeedError not-a-feed (${expected.why})`, () => {
        const json = parseCorpus(name);
        expectFeedError(() => normaliseFeed(json, PAGE_URL), 'not-a-feed');
      });
      return;
    }

    it(`gives ${expected.items} item(s) and ${expected.skipped} skipped`, () => {
      const page = normaliseCorpus(name);
      expect(page.items).toHaveLength(expected.items);
      expect(page.skipped).toBe(expected.skipped);
    });

    it('gives every item a unique id and a unique slug', () => {
      const page = normaliseCorpus(name);
      expect(new Set(page.items.map((i) => i.id)).size).toBe(page.items.length);
      expect(new Set(page.items.map((i) => i.slug)).size).toBe(page.items.length);
      for (const item of page.items) {
        expect(item.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(item.pageUrl).toBe(PAGE_URL);
      }
    });

    it('reads the feed as force-wide news in the default zone (no _bulletin)', () => {
      const page = normaliseCorpus(name);
      expect(page.timezone).toBe('Europe/London');
      expect(page.areas).toEqual([]);
      for (const item of page.items) {
        expect(item.kind).toBe('news');
        expect(item.areas).toEqual([]);
        expect(item.event).toBeNull();
      }
    });
  });
});

describe('corpus specifics', () => {
  it('01: a v1 feed with the singular author', () => {
    const page = normaliseCorpus('01-jsonfeed-org-own-feed-v1.json');
    expect(page.title).toBe('JSON Feed');
    expect(page.homePageUrl).toBe('https://jsonfeed.org/');
    expect(page.authors).toEqual([{ name: 'Brent Simmons and Manton Reece', url: 'https://jsonfeed.org/', avatar: null }]);
    const item = page.items[0];
    expect(item?.id).toBe('https://jsonfeed.org/2017/05/17/announcing_json_feed');
    expect(item?.title).toBe('Announcing JSON Feed');
    expect(item?.published).toEqual({ state: 'known', date: new Date(Date.UTC(2017, 4, 17, 15, 2, 12)) });
    expect(item?.modified).toEqual({ state: 'absent' });
    expect(item?.contentHtml).toContain('<a href="http://cyber.harvard.edu/rss/rss.html">RSS</a>');
  });

  it('02: external_url is kept beside url', () => {
    const page = normaliseCorpus('02-daringfireball-v1-external-url.json');
    const [first, second] = page.items;
    expect(first?.url).toBe('https://daringfireball.net/linked/2020/01/24/bezos-iphone-x');
    expect(first?.externalUrl).toBe('https://www.nytimes.com/2020/01/22/technology/jeff-bezos-hack-iphone.html');
    expect(second?.externalUrl).toBe(
      'https://www.behance.net/gallery/41023081/Instagram-for-Win95?utm_source=morning_brew',
    );
    expect(second?.modified).toEqual({ state: 'known', date: new Date(Date.UTC(2020, 0, 21, 20, 58, 36)) });
    expect(first?.authors).toEqual([{ name: 'John Gruber', url: null, avatar: null }]);
    expect(page.icon).toBe('https://daringfireball.net/graphics/apple-touch-icon.png');
    expect(page.favicon).toBe('https://daringfireball.net/graphics/favicon-64.png');
  });

  describe('03: authors over author, RFC 2822 dates, plain-text title', () => {
    it('prefers the feed-level authors list over author', () => {
      const page = normaliseCorpus('03-influxdata-v1.1-missing-ids-rfc2822-dates.json');
      expect(page.authors.map((a) => a.name)).toEqual(['Fake Author 3', 'Fake Author 4']);
      // Plain-text field: the entity is text, not decoded HTML.
      expect(page.title).toBe('Blog &#8211; InfluxData');
      expect(page.language).toBe('en-US');
    });

    it('with ids added, items prefer authors, keep RFC 2822 dates as unknown, and resolve //avatars to https', () => {
      const raw = parseCorpus('03-influxdata-v1.1-missing-ids-rfc2822-dates.json') as { items: object[] };
      const withIds = { ...raw, items: raw.items.map((item, i) => ({ ...item, id: `added-${i}` })) };
      const page = normaliseFeed(withIds, PAGE_URL);
      expect(page.items).toHaveLength(3);
      expect(page.skipped).toBe(0);
      const [first, second, third] = page.items;
      expect(first?.authors).toEqual([
        {
          name: 'Chris Churilo',
          url: 'https://www.influxdata.com/blog/author/chrisc/',
          avatar:
            'https://images.ctfassets.net/o7xu9whrs0u9/7zDkE49kOljM6JiT78WHUM/654d83d364884bfbbc7353fc8484d25a/Chris-Churilo-1.jpg',
        },
        { name: 'Fake Author 1', url: null, avatar: null },
      ]);
      expect(first?.published).toEqual({ state: 'unknown', raw: 'Fri, 31 May 2019 12:17:58 -0700' });
      expect(first?.modified).toEqual({ state: 'unknown', raw: 'Fri, 31 May 2019 12:17:58 -0700' });
      expect(second?.authors.map((a) => a.name)).toEqual(['Chris Churilo']);
      expect(second?.language).toBe('en-AU');
      expect(second?.tags).toEqual(['InfluxDB', 'Community', 'Elasticsearch', 'Time Series Database']);
      // Title, no content: kept.
      expect(third?.title).toBe('Fake item');
      expect(third?.contentHtml).toBeNull();
      expect(third?.contentText).toBeNull();
    });
  });

  it('04: rich podcast items keep their HTML raw, images and audio attachments', () => {
    const page = normaliseCorpus('04-hologramradio-podcast-v1-rich-html.json');
    expect(page.title).toBe('Hologram Radio Master Feed');
    const first = page.items[0];
    expect(first?.id).toBe('https://hologramradio.org/?p=7258');
    expect(first?.image).toMatch(/^https:\/\/hologramradio\.org\/images\//);
    expect(first?.attachments).toEqual([
      {
        url: 'https://tracking.feedpress.it/link/17115/9395569/LMS-E55.mp3',
        mimeType: 'audio/mpeg',
        title: null,
        sizeInBytes: 0,
        durationInSeconds: null,
      },
    ]);
    expect(first?.contentHtml).toContain('&#8220;');
    for (const item of page.items) expect(item.published.state).toBe('known');
  });

  it('05: next_url, an unknown _itunes extension, text-only items, attachments', () => {
    const page = normaliseCorpus('05-bretio-extended-itunes-extension.json');
    expect(page.nextUrl).toBe('https://jsonfeed-to-rss.netlify.com/2017.json');
    expect(page.authors).toEqual([
      {
        name: 'Bret Comnes',
        url: 'https://bret.io/',
        avatar: 'https://gravatar.com/avatar/8d8b82740cb7ca994449cccd1dfdef5f?size=512',
      },
    ]);
    const first = page.items[0];
    expect(first?.id).toBe('a-unique-id');
    expect(first?.contentHtml).toBeNull();
    expect(first?.contentText).toMatch(/^Lorem Ipsum is simply dummy text/);
    expect(first?.url).toBeNull();
    expect(first?.published).toEqual({ state: 'known', date: new Date(Date.UTC(2018, 3, 13, 22, 6, 43)) });
    const attachments = page.items.find((i) => i.title === 'Attachments');
    expect(attachments?.contentHtml).toBe('<p>Attachments & Escapes</p>');
    expect(attachments?.contentText).toBe('Attachments & Escapes');
    expect(attachments?.attachments).toEqual([
      {
        url: 'https://example.com/attatchments.mp4',
        mimeType: 'audio/mpeg',
        title: 'Hey this is a podcast',
        sizeInBytes: 1234,
        durationInSeconds: 12345,
      },
    ]);
    const noUrl = page.items.find((i) => i.title === 'A post with no URL!!');
    expect(noUrl?.url).toBeNull();
    expect(noUrl?.externalUrl).toBe('https://example.com/some-external-link2');
    expect(page.items.find((i) => i.title === 'A post with some tags')?.tags).toEqual(['foo', 'bar']);
  });

  it('06: multi-line content_text is kept', () => {
    const page = normaliseCorpus('06-bretio-test-feed-edge-items.json');
    const last = page.items.at(-1);
    expect(last?.contentText).toBe('Wee wooo this is some content. \n Maybe a new paragraph too');
    expect(page.items[0]?.summary).toBe('but it has a summary!');
  });

  it('07: relative urls and images resolve against the page URL; ids stay as written', () => {
    const page = normaliseCorpus('07-oswin-publii-relative-urls.json', 'https://feeds.example/dir/feed.json');
    const first = page.items[0];
    // An id is an opaque identifier: it is not a link, so it is not rewritten.
    expect(first?.id).toBe('/0swstocks.html');
    expect(first?.url).toBe('https://feeds.example/0swstocks.html');
    expect(first?.image).toBe('https://feeds.example/media/posts/16/thumbnail.jpg');
    expect(page.items.find((i) => i.id === '/gallica-studio.html')?.url).toBe(
      'https://feeds.example/gallica-studio.html',
    );
    // "" is not a home page.
    expect(page.homePageUrl).toBeNull();
    expect(page.description).toBeNull();
    const noContent = page.items.find((i) => i.id === '/lazy-load-dimages-dans-boostrap.html');
    expect(noContent?.title).toBe('Lazy-load d&#x27;images dans boostrap');
    expect(noContent?.contentHtml).toBeNull();
    expect(page.items[0]?.published).toEqual({ state: 'known', date: new Date(Date.UTC(2019, 5, 18, 10, 58, 9)) });
  });

  it('07: relative urls follow the page URL they were fetched from', () => {
    const page = normaliseCorpus('07-oswin-publii-relative-urls.json', 'http://other.example/a/b/page-2.json');
    expect(page.items[0]?.url).toBe('http://other.example/0swstocks.html');
  });

  it('08: title-as-id items with only date_modified', () => {
    const page = normaliseCorpus('08-gourav-no-content-title-as-id.json');
    const first = page.items[0];
    expect(first?.id).toBe('Add free privacy-friendly comment-box to any site in 5 minutes');
    // The words stop at 60 characters, cut at a word: "…-in-5-minutes" would be 62.
    expect(first?.slug).toMatch(/^add-free-privacy-friendly-comment-box-to-any-site-in-5-[0-9a-z]{7}$/);
    expect(first?.published).toEqual({ state: 'absent' });
    expect(first?.modified).toEqual({ state: 'known', date: new Date(Date.UTC(2022, 4, 13)) });
    expect(first?.summary).toMatch(/powered by Github discussions/);
  });

  it('12: a script in content_html stays raw (sanitising happens later)', () => {
    const page = normaliseCorpus('12-feedparser-example-script-in-html.json');
    const scripted = page.items.find((i) => i.id === '1');
    expect(scripted?.contentHtml).toBe('<p>Hello, world!</p>\n\n<script>alert();</script>');
    expect(scripted?.title).toBeNull();
    expect(scripted?.authors).toEqual([{ name: 'you', url: 'http://example.net/~you', avatar: null }]);
    const video = page.items.find((i) => i.id === '2');
    expect(video?.attachments).toEqual([
      {
        url: 'https://example.org/second-item-show.mp4',
        mimeType: 'video/mp4',
        title: null,
        sizeInBytes: 12000000,
        durationInSeconds: null,
      },
    ]);
    expect(video?.tags).toEqual(['test', 'JSON']);
  });

  it('14: podcast attachment with size and duration', () => {
    const page = normaliseCorpus('14-spec-example-podcast-v1.1.json');
    const item = page.items[0];
    expect(item?.attachments).toEqual([
      {
        url: 'http://therecord.co/downloads/The-Record-sp1e1-ChrisParrish.m4a',
        mimeType: 'audio/x-m4a',
        title: null,
        sizeInBytes: 89970236,
        durationInSeconds: 6629,
      },
    ]);
    expect(item?.published).toEqual({ state: 'known', date: new Date(Date.UTC(2014, 4, 9, 21, 4, 0)) });
  });

  it('15: a microblog item with no title', () => {
    const page = normaliseCorpus('15-spec-example-microblog-v1.1.json');
    const item = page.items[0];
    expect(item?.title).toBeNull();
    expect(item?.contentText).toBe('Cats are neat. \n\nhttps://example.org/cats');
    expect(item?.slug).toMatch(/^cats-are-neat-https-example-org-cats-[0-9a-z]{7}$/);
    expect(page.authors).toEqual([
      { name: 'Brent Simmons', url: 'http://example.org/', avatar: 'https://example.org/avatar.png' },
    ]);
  });

  it('16: the null item is counted as skipped, the good one is kept', () => {
    const page = normaliseCorpus('16-gofeed-null-item.json');
    expect(page.items.map((i) => i.id)).toEqual(['a']);
    expect(page.items[0]?.contentText).toBe('text');
    expect(page.skipped).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// 13: each fragment, wrapped in a minimal valid feed.

type Fragment = Record<string, unknown>;
interface FragmentFile {
  cases: Record<string, Fragment>;
}

const FRAGMENT_FILE = '13-feedparser-edge-case-fragments.json';

/** Gives each fragment item a content_text (and an id where it has none) so only the field under test matters. */
function wrapFragment(name: string, fragment: Fragment): unknown {
  const rest = Object.fromEntries(Object.entries(fragment).filter(([key]) => !key.startsWith('__')));
  const items = Array.isArray(rest.items)
    ? rest.items.map((item: unknown) => {
        const record = item as Record<string, unknown>;
        return { ...('id' in record ? {} : { id: `${name}#item` }), content_text: 'text', ...record };
      })
    : [];
  return { version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [], ...rest, ...(Array.isArray(rest.items) ? { items } : {}) };
}

const BLINK = "<blink><script>alert('abc');</script></blink>";

function oneItem(page: FeedPage) {
  expect(page.items).toHaveLength(1);
  expect(page.skipped).toBe(0);
  return page.items[0];
}
function noItems(page: FeedPage): void {
  expect(page.items).toHaveLength(0);
  expect(page.skipped).toBe(1);
}

const FRAGMENT_CHECKS: Record<string, (page: FeedPage) => void> = {
  'author-empty.json': (p) => expect(p.authors).toEqual([]),
  'author-name-missing-with-avatar.json': (p) =>
    expect(p.authors).toEqual([{ name: null, url: null, avatar: 'https://domain.example/i.jpeg' }]),
  // mailto: is not an http(s) URL, and with no name nothing usable is left.
  'author-name-missing-with-mailto-url.json': (p) => expect(p.authors).toEqual([]),
  'author-name-missing-with-url.json': (p) =>
    expect(p.authors).toEqual([{ name: null, url: 'https://domain.example/', avatar: null }]),
  'author-value-type-incorrect.json': (p) => expect(p.authors).toEqual([]),
  'description-html-is-ignored.json': (p) => expect(p.description).toBe(BLINK),
  'expired-boolean-false.json': (p) => expect(p.expired).toBe(false),
  'expired-boolean-true.json': (p) => expect(p.expired).toBe(true),
  'expired-int-1.json': (p) => expect(p.expired).toBe(false),
  'expired-key-not-present.json': (p) => expect(p.expired).toBe(false),
  'expired-null.json': (p) => expect(p.expired).toBe(false),
  'expired-string-true.json': (p) => expect(p.expired).toBe(false),
  'items-id-false.json': noItems,
  'items-id-float.json': (p) => expect(oneItem(p)?.id).toBe('200'),
  'items-id-int.json': (p) => expect(oneItem(p)?.id).toBe('1'),
  'items-id-null.json': noItems,
  'items-id-true.json': noItems,
  'items-id-value-is-dict.json': noItems,
  'items-id-value-is-list.json': noItems,
  'items-id-whitespace.json': (p) => expect(oneItem(p)?.id).toBe('https://domain.example/entry'),
  'items-title-html-is-ignored.json': (p) => {
    const item = oneItem(p);
    expect(item?.title).toBe(BLINK);
    expect(item?.contentHtml).toBeNull();
  },
  'items-url-blank.json': (p) => expect(oneItem(p)?.url).toBeNull(),
  'next_url-blank.json': (p) => expect(p.nextUrl).toBeNull(),
  'title-html-is-ignored.json': (p) => expect(p.title).toBe(BLINK),
};

describe('13: feedparser edge-case fragments', () => {
  const file = parseCorpus(FRAGMENT_FILE) as FragmentFile;
  const all = Object.entries(file.cases);
  const parsable = all.filter(([, fragment]) => !('_raw' in fragment));

  it('has 27 fragments, 3 of them stored raw (NaN/Infinity are not JSON)', () => {
    expect(all).toHaveLength(27);
    expect(all.filter(([, f]) => '_raw' in f).map(([name]) => name).sort()).toEqual([
      'items-id-infinity.json',
      'items-id-nan.json',
      'items-id-negative-infinity.json',
    ]);
  });

  it('has a check for every parsable fragment', () => {
    expect(parsable.map(([name]) => name).sort()).toEqual(Object.keys(FRAGMENT_CHECKS).sort());
  });

  it.each(parsable)('%s', (name, fragment) => {
    const check = FRAGMENT_CHECKS[name];
    expect(check).toBeTypeOf('function');
    check?.(normaliseFeed(wrapFragment(name, fragment), PAGE_URL));
  });

  it('the raw NaN/Infinity fragments are not JSON at all', () => {
    for (const [, fragment] of all) {
      const raw = fragment._raw;
      if (typeof raw === 'string') expect(() => JSON.parse(raw)).toThrow(SyntaxError);
    }
  });
});
