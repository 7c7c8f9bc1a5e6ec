/**
 * The reader's options as stored: one versioned localStorage key. Reading never fails:
 * garbage, an older shape or no storage at all give defaults (or what could be kept).
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
export const DEFAULT_PREFERENCES: Preferences = { textSize: 'default', textOnly: false, postcode: null };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads whatever is stored; each field that cannot be trusted falls back to its default. */
export function parsePreferences(stored: string | null): Preferences {
  if (stored === null || stored.length > 10_000) return DEFAULT_PREFERENCES;
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

export function serialisePreferences(p: Preferences): string {
  return JSON.stringify({ version: STORAGE_VERSION, textSize: p.textSize, textOnly: p.textOnly, postcode: p.postcode });
}

/** Puts the options on the root element, where the CSS reads them (one attribute each). */
export function applyToDocument(p: Preferences, root: HTMLElement = document.documentElement): void {
  // Only what differs is written: a change to <html> makes the browser restyle the whole page,
  // and on a prerendered page the boot script has usually set all of it already.
  const set = (attribute: string, value: string | null) => {
    if (root.getAttribute(attribute) === value) return;
    if (value === null) root.removeAttribute(attribute);
    else root.setAttribute(attribute, value);
  };
  // The options work only with script: the CSS shows them only where this is set.
  set('data-js', '');
  set('data-text-size', p.textSize);
  set('data-text-only', p.textOnly ? '' : null);
}
