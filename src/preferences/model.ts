/**
 * The reader's options read, changed and written, and a postcode matched to an area: in the
 * options' chunk (./OptionsIsland.tsx), not the entry. A reader who has stored nothing needs none
 * of it (the options are the defaults); the store (./PreferencesProvider.tsx) loads the chunk to
 * read what is stored, and the chunk writes every change, as only the options make one.
 * What is stored is read by ./stored.ts, shared with the inline boot script.
 */
import type { SafeStorage } from '../lib/storage';
import { hasChosen } from './apply';
import { parsePreferences } from './stored';
import { STORAGE_KEY, STORAGE_VERSION, type Preferences, type StoredPreferences } from './types';

export * from './types';
export { parsePreferences } from './stored';
export { areaChoices, matchArea } from './postcode';

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

/**
 * Stores the options; where none is chosen (all are the defaults) nothing is kept at all, so that
 * the next page neither loads this chunk to read them nor keeps anything of the reader's.
 */
function store(p: Preferences, storage: SafeStorage): void {
  if (hasChosen(p)) storage.set(STORAGE_KEY, serialisePreferences(p));
  else storage.remove(STORAGE_KEY);
}

/** What is stored, as a JSON object, if it is one. */
function storedObject(stored: string): Partial<Record<string, unknown>> | null {
  try {
    const raw: unknown = JSON.parse(stored);
    return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * What is stored, read; stored again as read where it held more of a postcode than is kept (a full
 * postcode kept by an earlier version, or one that is no postcode at all: only what is kept is
 * stored from now on), and removed where it holds no choice (the defaults, or nothing that can be
 * read), unless a newer version wrote it (a shape this version does not know is left for it).
 */
export function readStored(stored: string | null, storage: SafeStorage): Preferences {
  const read = parsePreferences(stored);
  if (stored === null) return read;
  const raw = storedObject(stored);
  const moreThanKept = raw?.postcode !== undefined && raw.postcode !== null && raw.postcode !== read.postcode;
  const newer = typeof raw?.version === 'number' && raw.version > STORAGE_VERSION;
  if (moreThanKept || (!hasChosen(read) && !newer)) store(read, storage);
  return read;
}

/** The options after a change, stored. If storage is unavailable they still hold for this visit; nothing is shown for it. */
export function storeChange(current: Preferences, change: Partial<Preferences>, storage: SafeStorage): Preferences {
  const next = changed(current, change);
  store(next, storage);
  return next;
}
