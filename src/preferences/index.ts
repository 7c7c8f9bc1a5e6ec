/** The preferences feature's public face: other features and the app import only from here. */
export { PreferencesProvider, usePreferences, readStoredPreferences } from './PreferencesProvider';
export { useReaderArea, type ReaderArea } from './useReaderArea';
export { OptionsBar } from './OptionsBar';
export { applyToDocument, type Preferences, type TextSize } from './model';
