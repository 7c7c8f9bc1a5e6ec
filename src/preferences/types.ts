/**
 * The reader's options: their shape, their defaults and the key they are stored under. Only facts:
 * what reads and writes them is in ./stored.ts and ./model.ts (the options' chunk), and what puts
 * them on the page in ./apply.ts.
 */

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
/** The longest summary line kept (an area's name and a postcode, in a sentence): a longer one is neither written nor read. */
export const MAX_SUMMARY_LENGTH = 300;

export const STORAGE_KEY = 'bulletin:preferences';
export const STORAGE_VERSION = 1;
export const DEFAULT_PREFERENCES: Preferences = { textSize: 'default', textOnly: false, postcode: null, area: null, summary: null };

/** What is stored under STORAGE_KEY, field by field: the options and the version of their shape. */
export type StoredPreferences = Preferences & { version: number };
