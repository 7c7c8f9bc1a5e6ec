/** The preferences feature's public face: other features and the app import only from here. */
export { PreferencesProvider, storesPreferences } from './PreferencesProvider';
export { useReaderArea } from './useReaderArea';
export { OptionsBar } from './OptionsBar';
export { Options } from './Options';
export { optionsIsland } from './options-chunk';
export { applyToDocument, hasChosen } from './apply';
// What is stored, for the page that lists it (src/about/storage-inventory.ts; given to it by src/app, as the
// about chunk imports nothing of the preferences, which would split the entry chunk).
export { storedShape, type StoredPreferences, type StoredShape } from './types';
