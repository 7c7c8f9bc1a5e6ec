/** The feed that ships with the app: sample/feed.json and sample/feed-2.json. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { normaliseFeed, type FeedPage } from '../../src/feed';
// How the pages are joined and followed: the feed's insides, not on its face.
import { combinePages } from '../../src/feed/combine';
import { nextPageUrl } from '../../src/feed/queries';
import { dayKey, formatLongDate } from '../../src/lib/dates';
import { matchArea } from '../../src/preferences/postcode';

// Kept in a variable on purpose: Vite rewrites the literal `new URL('…', import.meta.url)` into an asset URL.
const here = import.meta.url;
const fromHere = (relative: string) => fileURLToPath(new URL(relative, here).href);

function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(fromHere(relative), 'utf8')) as unknown;
}

const FEED_1 = readJson('../../sample/feed.json');
const FEED_2 = readJson('../../sample/feed-2.json');
const SCHEMA = readJson('../corpus/feeds/jsonfeed-1.1.schema.json') as Record<string, unknown>;

// Where the app would fetch them from (any absolute base will do).
const BASE = 'https://bulletin.example/';
const PAGE_1_URL = `${BASE}feed.json`;
const PAGE_2_URL = `${BASE}feed-2.json`;

function compileSchema() {
  const schema: Record<string, unknown> = { ...SCHEMA };
  // The schema declares a draft $schema; Ajv need not fetch or know it to apply the rules.
  delete schema.$schema;
  // Formats are not checked: `next_url` is relative ("feed-2.json") on purpose, which FEED-FORMAT.md
  // allows (it is resolved against the URL the page was fetched from), though the schema says "uri".
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  return ajv.compile(schema);
}

describe('the embedded feed against the JSON Feed 1.1 schema', () => {
  const validate = compileSchema();

  it.each([
    ['feed.json', FEED_1],
    ['feed-2.json', FEED_2],
  ])('%s is valid', (_name, feed) => {
    const ok = validate(feed);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema does reject a feed that is wrong (so the check above means something)', () => {
    const broken = { ...(FEED_1 as Record<string, unknown>), version: '1.1' };
    expect(validate(broken)).toBe(false);
    const noTitle = { ...(FEED_1 as Record<string, unknown>) };
    delete noTitle.title;
    expect(validate(noTitle)).toBe(false);
  });
});

describe('the embedded feed, read by the app', () => {
  const page1: FeedPage = normaliseFeed(FEED_1, PAGE_1_URL);
  const page2: FeedPage = normaliseFeed(FEED_2, PAGE_2_URL);

  it('page 1 points to page 2, and page 2 is the last', () => {
    expect(page1.nextUrl).toBe(PAGE_2_URL);
    expect(nextPageUrl([page1])).toBe(PAGE_2_URL);
    expect(page2.nextUrl).toBeNull();
    expect(nextPageUrl([page1, page2])).toBeUndefined();
  });

  it('skips nothing and shows dates in Europe/London', () => {
    expect(page1.skipped).toBe(0);
    expect(page2.skipped).toBe(0);
    expect(page1.timezone).toBe('Europe/London');
  });

  describe('the first item', () => {
    const first = page1.items[0];
    const doc = new DOMParser().parseFromString(first?.contentHtml ?? '', 'text/html');

    it('is "Force praised for crime prevention work", published on 22 March 2018', () => {
      expect(first?.title).toBe('Force praised for crime prevention work');
      expect(first?.published.state).toBe('known');
      if (first?.published.state !== 'known') return;
      expect(dayKey(first.published.date, page1.timezone)).toBe('2018-03-22');
      expect(formatLongDate(first.published.date, page1.timezone)).toBe('Thursday 22nd March 2018');
      expect(first.published.date.toISOString()).toBe('2018-03-22T10:30:00.000Z');
    });

    it('has a quoted section with a caption naming Barry Coppinger', () => {
      const figure = doc.querySelector('figure.quote');
      expect(figure).not.toBeNull();
      expect(figure?.querySelector('blockquote p')).not.toBeNull();
      expect(figure?.querySelector('figcaption')?.textContent).toContain('Barry Coppinger');
    });

    it('has the findings lead-in paragraph followed by a list of 8', () => {
      const leadIn = [...doc.querySelectorAll('p')].find((p) =>
        p.textContent?.startsWith('In addition, HMICFRS concluded'),
      );
      expect(leadIn).toBeDefined();
      const list = leadIn?.nextElementSibling;
      expect(list?.tagName).toBe('UL');
      expect(list?.querySelectorAll(':scope > li')).toHaveLength(8);
    });

    it('has a footnote marker and a note that links back', () => {
      const marker = doc.querySelector('a[href="#note-1"]');
      expect(marker).not.toBeNull();
      expect(marker?.id).toBe('note-1-ref');
      const note = doc.getElementById('note-1');
      expect(note?.tagName).toBe('ASIDE');
      expect(note?.classList.contains('footnote')).toBe(true);
      expect(note?.querySelector('a[href="#note-1-ref"]')).not.toBeNull();
      expect(note?.textContent).toContain('P36 national overview');
      // Both links have a target in the same document.
      expect(doc.getElementById('note-1-ref')).toBe(marker);
    });
  });

  describe('both pages together', () => {
    const feed = combinePages([page1, page2]);

    it('have at least 13 items, none duplicated', () => {
      expect(feed.items.length).toBeGreaterThanOrEqual(13);
      expect(new Set(feed.items.map((i) => i.id)).size).toBe(feed.items.length);
      expect(feed.skipped).toBe(0);
      expect(feed.pageCount).toBe(2);
    });

    it('have items in every area of the feed', () => {
      expect(feed.areas.length).toBeGreaterThan(0);
      for (const area of feed.areas) {
        const inArea = feed.items.filter((i) => i.areas.includes(area.id));
        expect(inArea.length, `items in ${area.id}`).toBeGreaterThan(0);
      }
    });

    it('have both news and events', () => {
      expect(feed.items.some((i) => i.kind === 'news')).toBe(true);
      expect(feed.items.some((i) => i.kind === 'event')).toBe(true);
    });

    it('page 2 defines the same areas as page 1', () => {
      expect(page2.areas).toEqual(page1.areas);
    });
  });

  describe('the areas', () => {
    const districts = page1.areas.flatMap((area) =>
      area.postcodes.filter((p) => /^[A-Z]{1,2}\d[A-Z\d]?$/.test(p)).map((district) => ({ area, district })),
    );
    const sectors = page1.areas.flatMap((area) => area.postcodes.filter((p) => p.includes(' ')));

    it('list TS districts', () => {
      expect(districts.length).toBeGreaterThanOrEqual(4);
      for (const { district } of districts) expect(district).toMatch(/^TS\d{1,2}$/);
    });

    it.each(
      page1.areas.flatMap((area) =>
        area.postcodes.filter((p) => !p.includes(' ')).map((district) => [district, area.id] as const),
      ),
    )('a postcode in %s maps to %s', (district, areaId) => {
      // Pick an inward code whose sector no area lists, so only the district can match.
      const digit = [...'0123456789'].find((d) => !sectors.includes(`${district} ${d}`));
      expect(digit).toBeDefined();
      expect(matchArea(`${district} ${digit ?? '9'}AB`, page1.areas)?.id).toBe(areaId);
    });

    it.each(
      page1.areas.flatMap((area) =>
        area.postcodes.filter((p) => p.includes(' ')).map((sector) => [sector, area.id] as const),
      ),
    )('a postcode in sector %s maps to %s', (sector, areaId) => {
      expect(matchArea(`${sector}AB`, page1.areas)?.id).toBe(areaId);
    });
  });
});
