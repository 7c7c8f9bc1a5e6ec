/** The preferences feature's public face: other features and the app import only from here. */
export { PreferencesProvider, readStoredPreferences } from './PreferencesProvider';
export { useReaderArea } from './useReaderArea';
export { OptionsBar } from './OptionsBar';
export { applyToDocument } from './model';
