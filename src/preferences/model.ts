/**
 * The reader's options: writing them to storage and putting them on <html>. What is stored is
 * read by ./stored.ts, shared with the inline boot script.
 */
import { DEFAULT_PREFERENCES, STORAGE_KEY, STORAGE_VERSION, TEXT_SIZES, type Preferences, type TextSize } from './stored';

export {
  DEFAULT_PREFERENCES,
  MAX_SUMMARY_LENGTH,
  NO_AREA,
  parsePreferences,
  STORAGE_KEY,
  STORAGE_VERSION,
  TEXT_SIZES,
  type Preferences,
  type TextSize,
} from './stored';

/** What is stored under STORAGE_KEY, field by field: the options and the version of their shape. */
export type StoredPreferences = Preferences & { version: number };

export function serialisePreferences(p: Preferences): string {
  // The summary names the postcode: it goes with it.
  const summary = p.postcode === null ? null : p.summary;
  const stored: StoredPreferences = { version: STORAGE_VERSION, textSize: p.textSize, textOnly: p.textOnly, postcode: p.postcode, area: p.area, summary };
  return JSON.stringify(stored);
}

/** The options after a change: a new postcode (or none) drops the summary of the last one, unless the change gives one. */
export function changed(current: Preferences, change: Partial<Preferences>): Preferences {
  const next = { ...current, ...change };
  if (change.postcode !== undefined && change.postcode !== current.postcode && change.summary === undefined) next.summary = null;
  return next;
}

/** What is stored, as "What this site keeps on your device" lists it (src/about/storage-inventory.ts). */
export interface StoredShape {
  key: string;
  /** Each field, in the order it is written. */
  fields: readonly (keyof StoredPreferences)[];
  textSizes: readonly TextSize[];
}

export function storedShape(): StoredShape {
  const written = JSON.parse(serialisePreferences(DEFAULT_PREFERENCES)) as StoredPreferences;
  return { key: STORAGE_KEY, fields: Object.keys(written) as (keyof StoredPreferences)[], textSizes: TEXT_SIZES };
}

/**
 * Whether what is stored holds more of a postcode than is kept (a full postcode from an earlier
 * version, or one that is no postcode at all): then it is stored again as read.
 */
export function storesMoreThanKept(stored: string | null, read: Preferences): boolean {
  if (stored === null) return false;
  try {
    const raw: unknown = JSON.parse(stored);
    const postcode = typeof raw === 'object' && raw !== null && 'postcode' in raw ? raw.postcode : null;
    return postcode !== null && postcode !== undefined && postcode !== read.postcode;
  } catch {
    return false;
  }
}

/** Whether the reader has set any option: then the options' island is loaded at once (./Options.tsx, src/boot/main.tsx). */
export function hasChosen(p: Preferences): boolean {
  return p.postcode !== null || p.textSize !== 'default' || p.textOnly;
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
