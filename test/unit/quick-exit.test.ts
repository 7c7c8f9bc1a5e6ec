import { describe, expect, it } from 'vitest';
import { pressesLeftText, shiftCounter, WINDOW_MS, type KeyLike } from '../../src/lib/quick-exit';

const key = (type: 'keydown' | 'keyup', name: string, extra: Partial<KeyLike> = {}): KeyLike => ({
  type,
  key: name,
  repeat: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...extra,
});

/** A counter on a clock the test moves, and a Shift press (down, up) that returns the key-up's result. */
function setup() {
  let now = 1_000;
  const counter = shiftCounter(() => now);
  const shift = (extra: Partial<KeyLike> = {}) => {
    counter.onKey(key('keydown', 'Shift', extra));
    return counter.onKey(key('keyup', 'Shift', extra));
  };
  return { counter, shift, wait: (ms: number) => (now += ms) };
}

describe('the Shift counter of "Leave this site"', () => {
  it('leaves on the third Shift press, saying how many are left before it', () => {
    const { shift } = setup();
    expect(shift()).toEqual({ kind: 'counted', left: 2 });
    expect(shift()).toEqual({ kind: 'counted', left: 1 });
    expect(shift()).toEqual({ kind: 'leave' });
  });

  it('does not count Shift used with another key, and starts again after any other key', () => {
    const { counter, shift } = setup();
    expect(shift()).toEqual({ kind: 'counted', left: 2 });
    counter.onKey(key('keydown', 'Shift'));
    counter.onKey(key('keydown', 'A'));
    counter.onKey(key('keyup', 'A'));
    expect(counter.onKey(key('keyup', 'Shift'))).toEqual({ kind: 'none' });
    expect(shift()).toEqual({ kind: 'counted', left: 2 });
    counter.onKey(key('keydown', 'Tab'));
    expect(shift()).toEqual({ kind: 'counted', left: 2 });
  });

  it('does not count Shift with Ctrl, Alt or Meta, nor a held key repeating', () => {
    const { counter, shift } = setup();
    for (const modifier of ['ctrlKey', 'altKey', 'metaKey'] as const) expect(shift({ [modifier]: true })).toEqual({ kind: 'none' });
    counter.onKey(key('keydown', 'Shift'));
    counter.onKey(key('keydown', 'Shift', { repeat: true }));
    counter.onKey(key('keydown', 'Shift', { repeat: true }));
    expect(counter.onKey(key('keyup', 'Shift'))).toEqual({ kind: 'counted', left: 2 });
  });

  it('counts only presses within 5 seconds of the first', () => {
    const { shift, wait } = setup();
    shift();
    wait(WINDOW_MS - 1);
    expect(shift()).toEqual({ kind: 'counted', left: 1 });
    wait(2);
    // Now 5 s and 1 ms after the first: this press is a new first.
    expect(shift()).toEqual({ kind: 'counted', left: 2 });
    wait(WINDOW_MS);
    expect(shift()).toEqual({ kind: 'counted', left: 1 });
    expect(shift()).toEqual({ kind: 'leave' });
  });

  it('words the presses left', () => {
    expect(pressesLeftText(2)).toBe('Press Shift 2 more times to leave this site.');
    expect(pressesLeftText(1)).toBe('Press Shift 1 more time to leave this site.');
  });
});
