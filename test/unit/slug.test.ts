import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashId, makeSlug, slugHash, slugWords } from '../../src/lib/slug';
import { findBySlug } from '../../src/feed/combine';
import { normaliseFeed, type Item } from '../../src/feed';

describe('slugWords', () => {
  it.each([
    ['Force praised for crime prevention work', 'force-praised-for-crime-prevention-work'],
    ['Café déjà vu à Noël', 'cafe-deja-vu-a-noel'],
    ['Crème brûlée', 'creme-brulee'],
    ['Commissioner’s community surgery', 'commissioners-community-surgery'],
    ["Don't panic", 'dont-panic'],
    ['Police and Crime Panel: public meeting', 'police-and-crime-panel-public-meeting'],
    ['Commissioner sets policing budget for 2018/19', 'commissioner-sets-policing-budget-for-2018-19'],
    ['  --Hello,   World!--  ', 'hello-world'],
    ['A & B', 'a-b'],
    ['UPPER case', 'upper-case'],
    ['???', ''],
    ['', ''],
  ])('%j gives %j', (title, expected) => {
    expect(slugWords(title)).toBe(expected);
  });

  it('keeps words of exactly 60 characters whole', () => {
    const title = `${'a'.repeat(30)} ${'b'.repeat(29)}`;
    expect(slugWords(title)).toBe(`${'a'.repeat(30)}-${'b'.repeat(29)}`);
    expect(slugWords(title)).toHaveLength(60);
  });

  it('cuts at a word boundary when longer than 60 characters', () => {
    const title = `${'a'.repeat(30)} ${'b'.repeat(30)}`;
    expect(slugWords(title)).toBe('a'.repeat(30));
  });

  it('cuts a long headline at the last whole word that fits', () => {
    // 12 four-letter words joined by "-" are 59 characters; the 13th would pass 60.
    const title = Array.from({ length: 20 }, (_, i) => `w${String(i).padStart(3, '0')}`).join(' ');
    const expected = Array.from({ length: 12 }, (_, i) => `w${String(i).padStart(3, '0')}`).join('-');
    expect(slugWords(title)).toBe(expected);
  });

  it('keeps a word that ends exactly at character 60', () => {
    expect(slugWords(`${'a'.repeat(60)} b`)).toBe('a'.repeat(60));
  });

  it('hard-cuts one enormous word at 60 characters', () => {
    expect(slugWords('x'.repeat(100))).toBe('x'.repeat(60));
  });

  it('always gives lowercase ASCII words, at most 60 characters, no dash at either end', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (title) => {
        const words = slugWords(title);
        expect(words.length).toBeLessThanOrEqual(60);
        expect(words).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('makeSlug and slugHash', () => {
  it('is words from the title, then a 7-character hash of the id', () => {
    const slug = makeSlug('2018-03-22-force-praised', 'Force praised for crime prevention work');
    expect(slug).toMatch(/^force-praised-for-crime-prevention-work-[0-9a-z]{7}$/);
  });

  it('is stable for the same id and title', () => {
    expect(makeSlug('abc', 'A title')).toBe(makeSlug('abc', 'A title'));
  });

  it('keeps the same hash when the title changes', () => {
    const before = makeSlug('abc', 'Old headline');
    const after = makeSlug('abc', 'New headline');
    expect(before).not.toBe(after);
    expect(slugHash(before)).toBe(slugHash(after));
  });

  it('differs for different ids with the same title', () => {
    expect(makeSlug('item-1', 'Same title')).not.toBe(makeSlug('item-2', 'Same title'));
    expect(slugHash(makeSlug('item-1', 'Same title'))).not.toBe(slugHash(makeSlug('item-2', 'Same title')));
  });

  it('uses "item" when the title has no usable words', () => {
    expect(makeSlug('x', null)).toMatch(/^item-[0-9a-z]{7}$/);
    expect(makeSlug('x', '!!!')).toMatch(/^item-[0-9a-z]{7}$/);
  });

  it('round-trips: slugHash(makeSlug(id, title)) is hashId(id)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.option(fc.string()), (id, title) => {
        const hash = slugHash(makeSlug(id, title));
        expect(hash).toBe(hashId(id));
        expect(hash).toMatch(/^[0-9a-z]{7}$/);
      }),
      { numRuns: 300 },
    );
  });

  it('hashId is 7 base-36 characters and differs for nearby ids', () => {
    const hashes = new Set(Array.from({ length: 1000 }, (_, i) => hashId(`item-${i}`)));
    expect(hashes.size).toBe(1000);
    for (const h of hashes) expect(h).toMatch(/^[0-9a-z]{7}$/);
  });

  it.each([['no-hash'], ['abcdefg'], [''], ['ends-with-UPPERCA'], ['ends-with-dash-']])(
    'slugHash(%j) is null',
    (slug) => {
      expect(slugHash(slug)).toBeNull();
    },
  );
});

function itemsOf(entries: { id: string; title: string }[]): Item[] {
  return normaliseFeed(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'T',
      items: entries.map((e) => ({ ...e, content_text: 'body' })),
    },
    'https://feeds.example/feed.json',
  ).items;
}

describe('findBySlug', () => {
  const before = itemsOf([
    { id: 'one', title: 'Old headline' },
    { id: 'two', title: 'Another story' },
  ]);
  const after = itemsOf([
    { id: 'two', title: 'Another story' },
    { id: 'one', title: 'Completely rewritten headline' },
  ]);
  const oldSlug = before[0]?.slug ?? '';

  it('finds the exact slug as canonical', () => {
    const match = findBySlug(before, oldSlug);
    expect(match?.item.id).toBe('one');
    expect(match?.canonical).toBe(true);
  });

  it('finds an item whose headline changed (same id) as not canonical', () => {
    expect(oldSlug).toMatch(/^old-headline-/);
    const match = findBySlug(after, oldSlug);
    expect(match?.item.id).toBe('one');
    expect(match?.item.title).toBe('Completely rewritten headline');
    expect(match?.canonical).toBe(false);
    expect(match?.item.slug).not.toBe(oldSlug);
  });

  it('finds by hash whatever the words are', () => {
    const match = findBySlug(after, `anything-at-all-${hashId('two')}`);
    expect(match?.item.id).toBe('two');
    expect(match?.canonical).toBe(false);
  });

  it('gives null for an unknown slug', () => {
    const unknownHash = hashId('not-in-the-feed');
    expect(after.some((i) => i.slug.endsWith(unknownHash))).toBe(false);
    expect(findBySlug(after, `old-headline-${unknownHash}`)).toBeNull();
    expect(findBySlug(after, 'not a slug')).toBeNull();
    expect(findBySlug(after, '')).toBeNull();
    expect(findBySlug([], oldSlug)).toBeNull();
  });
});
