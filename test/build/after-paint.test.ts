import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { AREA_VIEW_ATTRIBUTE, areaViewSelector, formatStarts, isStale, parseStarts, readPageAndFeedPage, readRenderedFor, renderedForAttributes, START_KINDS, type RenderedFor, type Start } from '../../src/boot/after-paint';

const address = fc.stringMatching(/^\/[A-Za-z0-9._~%/-]{1,40}$/);
const start: fc.Arbitrary<Start> = fc.record({ kind: fc.constantFrom(...START_KINDS), href: address });

describe('the after-paint format', () => {
  it('reads back every list of starts it writes, in order', () => {
    fc.assert(
      fc.property(fc.array(start, { maxLength: 8 }), (starts) => {
        expect(parseStarts(formatStarts(starts))).toEqual(starts);
      }),
    );
  });

  it('writes kind:address, separated by spaces', () => {
    expect(formatStarts([{ kind: 'feed', href: '/feed.json' }, { kind: 'module', href: '/assets/index-abc.js' }])).toBe(
      'feed:/feed.json module:/assets/index-abc.js',
    );
  });

  it('refuses an address it could not carry', () => {
    expect(() => formatStarts([{ kind: 'module', href: '/a b.js' }])).toThrow(/cannot be listed/);
    expect(() => formatStarts([{ kind: 'module', href: '' }])).toThrow(/cannot be listed/);
  });

  it('skips unknown kinds and empty addresses, and keeps colons inside an address', () => {
    expect(parseStarts('  style:/x.css module: :/y.js feed:https://example.org/feed.json  module:/a.js ')).toEqual([
      { kind: 'feed', href: 'https://example.org/feed.json' },
      { kind: 'module', href: '/a.js' },
    ]);
  });
});

describe('what a page says about itself', () => {
  const page = (over: Partial<RenderedFor> = {}): RenderedFor => ({ page: '/', byArea: false, areas: null, areaViews: false, feedPage: null, validUntil: null, ...over });

  it('reads back what the build writes', () => {
    const cases = [
      page(),
      page({ page: '/news/a-1234567/', feedPage: '/feed-3.json' }),
      page({ byArea: true, validUntil: '2026-12-02T14:00:00.000Z' }),
      page({ byArea: true, areaViews: true, areas: [{ id: 'stockton', postcodes: ['TS16', 'TS2 1'] }, { id: 'a"b', postcodes: [] }] }),
    ];
    for (const written of cases) {
      const attributes = new Map(renderedForAttributes(written));
      expect(readRenderedFor((name) => attributes.get(name) ?? null)).toEqual(written);
      // The app's entry reads only the address and the feed page, the same way.
      expect(readPageAndFeedPage((name) => attributes.get(name) ?? null)).toEqual({ page: written.page, feedPage: written.feedPage });
    }
  });

  const NOW = Date.parse('2026-12-02T12:00:00Z');

  it('is stale at another address than the one it was rendered for, with or without a trailing slash', () => {
    expect(isStale(page(), '/events', false, NOW)).toBe(true);
    expect(isStale(page({ page: '/news/a-1234567' }), '/news/a-1234567', true, NOW)).toBe(false);
    expect(isStale(page({ page: '/news/a-1234567/' }), '/news/a-1234567', false, NOW)).toBe(false);
    expect(isStale(page({ page: '/events' }), '/events/', false, NOW)).toBe(false);
  });

  it('is stale when grouped for no area and the reader has one', () => {
    expect(isStale(page({ byArea: true }), '/', true, NOW)).toBe(true);
    expect(isStale(page({ byArea: true }), '/', false, NOW)).toBe(false);
  });

  it('is not stale for a reader with an area when the page carries each area’s view', () => {
    expect(isStale(page({ byArea: true, areaViews: true }), '/', true, NOW)).toBe(false);
    expect(isStale(page({ byArea: true, areaViews: true }), '/events/', true, NOW)).toBe(true);
  });

  it('selects an area’s view by its id exactly, quotes and backslashes included', () => {
    const document = new JSDOM('<template data-area-view="a"></template><template data-area-view=\'b"\\c\'></template>').window.document;
    expect(document.querySelectorAll(areaViewSelector('a'))).toHaveLength(1);
    expect(document.querySelector(areaViewSelector('b"\\c'))?.getAttribute(AREA_VIEW_ATTRIBUTE)).toBe('b"\\c');
    expect(document.querySelector(areaViewSelector('b'))).toBeNull();
  });

  it('is stale once it has expired', () => {
    expect(isStale(page({ validUntil: '2026-12-02T12:00:01Z' }), '/', false, NOW)).toBe(false);
    expect(isStale(page({ validUntil: '2026-12-02T12:00:00Z' }), '/', false, NOW)).toBe(true);
    expect(isStale(page({ validUntil: 'not a date' }), '/', false, NOW)).toBe(false);
  });
});
