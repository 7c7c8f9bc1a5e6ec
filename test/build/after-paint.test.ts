import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStarts, isStale, parseStarts, START_KINDS, type Start } from '../../src/boot/after-paint';

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

describe('stale prerendered markup', () => {
  it('is stale at another address than the one it was rendered for', () => {
    expect(isStale({ page: '/', byArea: false }, '/events', false)).toBe(true);
    expect(isStale({ page: '/news/a-1234567', byArea: false }, '/news/a-1234567', true)).toBe(false);
  });

  it('is stale when grouped for no area and the reader has a postcode', () => {
    expect(isStale({ page: '/', byArea: true }, '/', true)).toBe(true);
    expect(isStale({ page: '/', byArea: true }, '/', false)).toBe(false);
  });
});
