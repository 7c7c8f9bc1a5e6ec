import { describe, expect, it } from 'vitest';
import { builtOn } from '../../build/built-on';

describe('the day of the build', () => {
  it('is the given day, or today in UTC', () => {
    expect(builtOn('2026-03-01')).toBe('2026-03-01');
    // 23:30 on 1 December in London is already 2 December in Auckland: UTC decides, not the machine.
    expect(builtOn(undefined, new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01');
    expect(builtOn('', new Date('2026-12-02T00:30:00+13:00'))).toBe('2026-12-01');
  });

  it.each([['2026-02-30'], ['2026-13-01'], ['yesterday'], ['2026-1-1'], ['2026-12-02T10:00']])('refuses %j', (given) => {
    expect(() => builtOn(given)).toThrow(/YYYY-MM-DD/);
  });
});
