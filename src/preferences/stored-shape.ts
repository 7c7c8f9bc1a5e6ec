/**
 * What is stored, as "What this site keeps on your device" lists it (src/about/storage-inventory.ts):
 * a module of its own, so that only the about chunk, which shows it, has it.
 */
import { STORAGE_KEY, TEXT_SIZES, type StoredPreferences, type TextSize } from './types';

/** Each field stored, in the order ./model.ts writes them (test/unit/storage-inventory.test.ts holds the two together). */
const STORED_FIELDS: readonly (keyof StoredPreferences)[] = ['version', 'textSize', 'textOnly', 'postcode', 'area', 'summary'];

export interface StoredShape {
  key: string;
  /** Each field, in the order it is written. */
  fields: readonly (keyof StoredPreferences)[];
  textSizes: readonly TextSize[];
}

export function storedShape(): StoredShape {
  return { key: STORAGE_KEY, fields: STORED_FIELDS, textSizes: TEXT_SIZES };
}
