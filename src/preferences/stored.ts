/**
 * The reader's options as stored: one versioned localStorage key, and the one reader of what is
 * stored there. Used by the app (./model.ts, the provider) and by the inline boot script
 * (src/boot/boot-script.ts), which applies the options before the first paint: both read every
 * stored value the same way because both run this code. Keep it small and free of React: it is
 * inlined into every page.
 *
 * Reading never fails: garbage, an older shape or no storage at all give defaults (or what could
 * be kept). A full postcode stored by an earlier version is read as its sector (the provider then
 * stores that in its place).
 */
import { keptPostcode } from './postcode';

export type TextSize = 'default' | 'large' | 'largest';
export const TEXT_SIZES: readonly TextSize[] = ['default', 'large', 'largest'];

export interface Preferences {
  textSize: TextSize;
  textOnly: boolean;
  /** What is kept of the reader's postcode (./postcode.ts): its outward code ("TS8") or sector ("TS8 9"), or null. */
  postcode: string | null;
  /** The area the reader chose, where their outward code alone could be in more than one (areaChoices); NO_AREA for none of them. */
  area: string | null;
  /**
   * The line the folded options last showed for the postcode ("News for Middlesbrough (TS8 9),
   * Change", ./PostcodeSummary.tsx): the boot script keeps exactly its place with it before the app
   * has written it, however long the area's name. Kept only with a postcode.
   */
  summary: string | null;
}

/** The reader's choice of none of the areas their outward code could be in. */
export const NO_AREA = '';
/** The longest area id kept (an area id is a short slug). */
const MAX_AREA_LENGTH = 100;
/** The longest summary line kept (an area's name and a postcode, in a sentence): a longer one is neither written nor read. */
export const MAX_SUMMARY_LENGTH = 300;

export const STORAGE_KEY = 'bulletin:preferences';
export const STORAGE_VERSION = 1;
/** A stored value longer than this is not ours: it is ignored, not parsed. */
export const MAX_STORED_LENGTH = 10_000;
export const DEFAULT_PREFERENCES: Preferences = { textSize: 'default', textOnly: false, postcode: null, area: null, summary: null };

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
  const postcode = keptPostcode(raw.postcode);
  const area = postcode !== null && typeof raw.area === 'string' && raw.area.length <= MAX_AREA_LENGTH ? raw.area : null;
  const summary = postcode !== null && typeof raw.summary === 'string' && raw.summary.length <= MAX_SUMMARY_LENGTH ? raw.summary : null;
  return {
    textSize: TEXT_SIZES.includes(size as TextSize) ? (size as TextSize) : 'default',
    textOnly: textOnly === true,
    postcode,
    area,
    summary,
  };
}
