/**
 * The reader's options as stored: one versioned localStorage key, and the one reader of what is
 * stored there. Used by the app (./model.ts, in the options' chunk) and by the inline boot script
 * (src/boot/boot-script.ts), which applies the options before the first paint: both read every
 * stored value the same way because both run this code. Keep it small and free of React: it is
 * inlined into every page.
 *
 * Reading never fails: garbage, an older shape or no storage at all give defaults (or what could
 * be kept). A full postcode stored by an earlier version is read as its sector (the provider then
 * stores that in its place).
 */
import { keptPostcode } from './postcode';
import { DEFAULT_PREFERENCES, MAX_SUMMARY_LENGTH, TEXT_SIZES, type Preferences, type TextSize } from './types';

export * from './types';

/** The longest area id kept (an area id is a short slug). */
const MAX_AREA_LENGTH = 100;
/** A stored value longer than this is not ours: it is ignored, not parsed. */
export const MAX_STORED_LENGTH = 10_000;

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
