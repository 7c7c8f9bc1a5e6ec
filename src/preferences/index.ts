/** The preferences feature's public face: other features and the app import only from here. */
export { PreferencesProvider, storesPreferences } from './PreferencesProvider';
export { useReaderArea } from './useReaderArea';
export { OptionsBar } from './OptionsBar';
export { Options } from './Options';
export { optionsIsland } from './options-chunk';
export { applyToDocument, hasChosen } from './apply';
// What is stored, for the page that lists it (src/about/storage-inventory.ts): only the about chunk has it.
export { storedShape, type StoredShape } from './stored-shape';
export type { StoredPreferences } from './types';
