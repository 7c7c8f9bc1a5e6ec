/**
 * "Leave this site": the names the page and the boot script share, and the Shift counter.
 * Pure and free of React and the DOM: the inline boot script (src/boot/boot-script.ts) bundles
 * it, and wires it to the page; the button itself is src/ui/QuickExit.tsx.
 */

/** The exit address, or null when the site file says `"quickExit": false` (a define the build gives). */
export function quickExitUrl(): string | null {
  const url = import.meta.env.VITE_QUICK_EXIT_URL as string | undefined;
  return url ? url : null;
}

/** The attribute that marks the "Leave this site" link; its href is the exit address. */
export const QUICK_EXIT_ATTRIBUTE = 'data-quick-exit';

/** The id of the polite live region (in index.html, outside the app) that says how many presses are left. */
export const QUICK_EXIT_STATUS_ID = 'quick-exit-status';

/**
 * sessionStorage key set as the reader leaves: the exit address. Back to an earlier page of the
 * site in the same tab leaves again at once (see docs/quick-exit.md).
 */
export const LEFT_KEY = 'bulletin:left';

/** Shift presses that leave the site, and the time they must fall within. */
export const PRESSES = 3;
export const WINDOW_MS = 5000;

/** What a screen reader hears after each Shift press short of leaving. */
export function pressesLeftText(left: number): string {
  return `Press Shift ${left} more ${left === 1 ? 'time' : 'times'} to leave this site.`;
}

/** What the counter makes of a key event. */
export type ShiftResult =
  /** Not counted (another key, or Shift used with another key). */
  | { kind: 'none' }
  /** Counted; this many are left. */
  | { kind: 'counted'; left: number }
  /** The third clean Shift press within the window: leave now. */
  | { kind: 'leave' };

export interface KeyLike {
  type: string;
  key: string;
  repeat: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/**
 * Counts Shift presses: a press counts on key-up, only if no other key went down while Shift was
 * held (Shift+A for a capital letter does not count) and with no other modifier. Any other key
 * starts the count again, as does a press more than WINDOW_MS after the first counted one.
 * `now` is injected (milliseconds, any monotonic clock).
 */
export function shiftCounter(now: () => number): { onKey(event: KeyLike): ShiftResult; reset(): void } {
  let count = 0;
  let first = 0;
  let clean = false;
  const reset = () => {
    count = 0;
    clean = false;
  };
  return {
    reset,
    onKey(event) {
      const isShift = event.key === 'Shift';
      if (event.type === 'keydown') {
        if (!isShift) {
          reset();
        } else if (!event.repeat) {
          clean = !event.ctrlKey && !event.altKey && !event.metaKey;
        }
        return { kind: 'none' };
      }
      if (event.type !== 'keyup' || !isShift || !clean) return { kind: 'none' };
      clean = false;
      const t = now();
      if (count === 0 || t - first > WINDOW_MS) {
        count = 0;
        first = t;
      }
      count += 1;
      if (count >= PRESSES) {
        count = 0;
        return { kind: 'leave' };
      }
      return { kind: 'counted', left: PRESSES - count };
    },
  };
}
