/** The search index (src/search/documents.ts), the snippet (snippet.ts) and the engine (engine.ts), each on its own. */
import { describe, expect, it } from 'vitest';
import { normaliseFeed } from '../../src/feed';
import { plainTextOf, readSearchIndex, searchIndexFile, type SearchIndexFile } from '../../src/search/documents';
import { createEngine, highlight, NO_FILTERS } from '../../src/search/engine';
import { markTerms, snippet } from '../../src/search/snippet';

const FEED = 'https://example.org/feed.json';

function page(items: unknown[], timezone = 'Europe/London') {
  return normaliseFeed(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'News',
      _bulletin: { about: 'https://jsonfeed.org/version/1.1', timezone, areas: [{ id: 'north', name: 'North', postcodes: ['TS1'] }, { id: 'south', name: 'South', postcodes: ['TS2'] }] },
      items,
    },
    FEED,
  );
}

const item = (id: string, fields: Record<string, unknown>) => ({ id, ...fields });

describe('The search index file', () => {
  it('holds every item of every page once, newest first, its year in the newsroom’s zone', () => {
    const first = page(
      [
        item('a', { title: 'Older', content_text: 'alpha', date_published: '2017-06-01T10:00:00Z' }),
        // 23:30 UTC on 31 December 2017 is 2018 in Auckland.
        item('b', { title: 'New year', content_text: 'beta', date_published: '2017-12-31T23:30:00Z', _bulletin: { kind: 'news', areas: ['north'] } }),
      ],
      'Pacific/Auckland',
    );
    const second = page([item('b', { title: 'New year', content_text: 'beta again' }), item('c', { title: 'Undated', content_text: 'gamma' })], 'Pacific/Auckland');
    const file = searchIndexFile([first, second], (i) => i.contentText ?? '');
    expect(file.zone).toBe('Pacific/Auckland');
    expect(file.areas).toEqual([{ id: 'north', name: 'North' }, { id: 'south', name: 'South' }]);
    expect(file.docs.map((d) => [d.title, d.year, d.text])).toEqual([
      ['New year', 2018, 'beta'],
      ['Older', 2017, 'alpha'],
      ['Undated', null, 'gamma'],
    ]);
    expect(file.docs[0]).toMatchObject({ kind: 'news', areas: ['north'], date: '2017-12-31T23:30:00.000Z' });
  });

  it('reads a body as a reader does: blocks apart, inline words together, white space folded', () => {
    const holder = document.createElement('template');
    holder.innerHTML = '<h2>Heading</h2><p>One <strong>bold</strong>word.</p><ul><li>first</li><li>second</li></ul>line<br>break';
    expect(plainTextOf(holder.content)).toBe('Heading One boldword. first second line break');
  });

  it('is read back only in its own version and shape, a malformed document left out', () => {
    const good = { slug: 'a-0000000', kind: 'news', title: 'T', summary: '', text: '', areas: [], date: null, year: null };
    const file = readSearchIndex({ version: 1, zone: 'UTC', areas: [{ id: 'x', name: 'X' }, { id: 3 }], docs: [good, { ...good, kind: 'blog' }, { ...good, title: null }, 'x'] });
    expect(file?.docs).toEqual([good]);
    expect(file?.areas).toEqual([{ id: 'x', name: 'X' }]);
    expect(readSearchIndex({ version: 2, zone: 'UTC', areas: [], docs: [] })).toBeNull();
    expect(readSearchIndex(null)).toBeNull();
    expect(readSearchIndex([])).toBeNull();
  });
});

describe('The snippet', () => {
  const terms = new Set(['burglary']);

  it('marks whole matched words in any case, and their plurals, nothing else', () => {
    expect(markTerms('Burglary, burglary; burglaryish burglarys.', terms)).toEqual([
      { text: 'Burglary', match: true },
      { text: ', ', match: false },
      { text: 'burglary', match: true },
      { text: '; burglaryish ', match: false },
      { text: 'burglarys', match: true },
      { text: '.', match: false },
    ]);
  });

  it('shows the words around the first match, cut at word boundaries, with … where it is cut', () => {
    const text = `${'early words '.repeat(40)}a rise in burglary this winter ${'later words '.repeat(40)}`.trim();
    const parts = snippet(text, terms, 80);
    const shown = parts.map((p) => p.text).join('');
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown).toContain('a rise in burglary this winter');
    expect(shown.length).toBeLessThanOrEqual(82);
    expect(shown).toMatch(/^…(early|words) /);
    expect(shown).toMatch(/ (later|words)…$/);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['burglary']);
  });

  it('shows a short text whole, and a long one from its start when nothing in it matches', () => {
    expect(snippet('A short text', terms)).toEqual([{ text: 'A short text', match: false }]);
    const long = 'word '.repeat(100).trim();
    const shown = snippet(long, terms, 50).map((p) => p.text).join('');
    expect(shown.startsWith('word')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
  });
});

describe('The engine', () => {
  const doc = (slug: string, fields: Partial<SearchIndexFile['docs'][number]>) => ({
    slug, kind: 'news' as const, title: '', summary: '', text: '', areas: [], date: null, year: 2018, ...fields,
  });
  const file: SearchIndexFile = {
    version: 1,
    zone: 'UTC',
    areas: [{ id: 'north', name: 'North' }],
    docs: [
      doc('body-0000001', { title: 'Patrols', text: 'Officers patrol after a burglary in the town centre.', areas: ['south'] }),
      doc('title-0000002', { title: 'Burglary figures fall', summary: 'Fewer break-ins', areas: ['north'], year: 2017 }),
      doc('event-0000003', { kind: 'event', title: 'Burglary advice surgery', text: 'Come along.', year: 2018 }),
      doc('other-0000004', { title: 'Speeding', text: 'Cameras on the A19.' }),
    ],
  };
  const engine = createEngine(file);
  const slugs = (query: string, filters = NO_FILTERS) => engine.search(query, filters).map((h) => h.doc.slug);

  it('finds a word in titles, summaries and bodies, the title first', () => {
    expect(slugs('burglary')[0]).toBe('title-0000002');
    expect(slugs('burglary').sort()).toEqual(['body-0000001', 'event-0000003', 'title-0000002']);
    expect(slugs('break')).toEqual(['title-0000002']);
    expect(slugs('')).toEqual([]);
    expect(slugs('   ')).toEqual([]);
  });

  it('finds a plural by its singular and the other way round', () => {
    expect(slugs('patrol')).toEqual(['body-0000001']);
    expect(slugs('cameras')).toEqual(['other-0000004']);
    expect(slugs('camera')).toEqual(['other-0000004']);
  });

  it('takes the last word as a prefix, allows a typo in a long word when nothing else matches, and needs every word', () => {
    expect(slugs('burgl').sort()).toEqual(['body-0000001', 'event-0000003', 'title-0000002']);
    expect(slugs('burglery').length).toBe(3);
    expect(slugs('burglary town')).toEqual(['body-0000001']);
    expect(slugs('burglary zebra')).toEqual([]);
  });

  it('filters by kind, year and area; an area keeps force-wide items', () => {
    expect(slugs('burglary', { ...NO_FILTERS, kind: 'event' })).toEqual(['event-0000003']);
    expect(slugs('burglary', { ...NO_FILTERS, year: '2017' })).toEqual(['title-0000002']);
    expect(slugs('burglary', { ...NO_FILTERS, area: 'north' }).sort()).toEqual(['event-0000003', 'title-0000002']);
    expect(slugs('burglary', { area: 'north', kind: 'news', year: '2018' })).toEqual([]);
  });

  it('gives the matched words marked in the title and in context from the body', () => {
    const [found] = engine.search('town');
    if (!found) throw new Error('Nothing found');
    const hit = highlight(found);
    expect(hit.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['town']);
    const [first] = engine.search('figures');
    if (!first) throw new Error('Nothing found');
    const titled = highlight(first);
    expect(titled.title).toEqual([{ text: 'Burglary ', match: false }, { text: 'figures', match: true }, { text: ' fall', match: false }]);
    // Matched in the title alone: the summary is the context.
    expect(titled.snippet.map((p) => p.text).join('')).toBe('Fewer break-ins');
  });
});
