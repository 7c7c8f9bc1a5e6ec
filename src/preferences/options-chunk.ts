/**
 * The options' chunk (./OptionsIsland.tsx): the options bar, and the model that reads, changes and
 * writes the stored options and matches a postcode to an area (./model.ts). Loaded when the reader
 * comes to the options, or at once where anything is stored (./PreferencesProvider.tsx reads it with it).
 */
import { chunk } from '../lib/chunk';

export const optionsIsland = chunk(() => import('./OptionsIsland'));

/** The model, once the chunk is in. */
export type OptionsModel = typeof import('./model');
