/**
 * The reader's options as stored: one versioned localStorage key, and the one reader of what is
 * stored there. Used by the app (./model.ts, the provider) and by the inline boot script
 * (src/boot/boot-script.ts), which applies the options before the first paint: both read every
 * stored value the same way because both run this code. Keep it small and free of React: it is
 * inlined into every page.
 *
 * Reading never fails: garbage, an older shape or no storage at all give defaults (or what could
 * be kept).
 */
import { normalisePostcode } from './postcode';

export type TextSize = 'default' | 'large' | 'largest';
export const TEXT_SIZES: readonly TextSize[] = ['default', 'large', 'largest'];

export interface Preferences {
  textSize: TextSize;
  textOnly: boolean;
  /** Normalised UK postcode ("TS1 2AB"), or null. */
  postcode: string | null;
}

export const STORAGE_KEY = 'bulletin:preferences';
export const STORAGE_VERSION = 1;
/** A stored value longer than this is not ours: it is ignored, not parsed. */
export const MAX_STORED_LENGTH = 10_000;
export const DEFAULT_PREFERENCES: Preferences = { textSize: 'default', textOnly: false, postcode: null };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads whatever is stored; each field that cannot be trusted falls back to its default. */
export function parsePreferences(stored: string | null): Preferences {
  if (stored === null || stored.length > MAX_STORED_LENGTH) return DEFAULT_PREFERENCES;
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return DEFAULT_PREFERENCES;
  }
  if (!isRecord(raw)) return DEFAULT_PREFERENCES;
  // Version 0 (no version field) used `size` and `textonly`; anything newer than we know is read field by field.
  const size = raw.textSize ?? raw.size;
  const textOnly = raw.textOnly ?? raw.textonly;
  const postcode = typeof raw.postcode === 'string' ? normalisePostcode(raw.postcode) : null;
  return {
    textSize: TEXT_SIZES.includes(size as TextSize) ? (size as TextSize) : 'default',
    textOnly: textOnly === true,
    postcode: postcode?.ok ? postcode.postcode : null,
  };
}
