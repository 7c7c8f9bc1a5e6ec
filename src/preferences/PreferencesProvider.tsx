/**
 * One provider owns text size, text only and postcode. It reads and writes storage through
 * the never-throwing wrapper, applies the options to <html>, and follows changes made in
 * another tab (the `storage` event).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { safeLocalStorage, type SafeStorage } from '../lib/storage';
import { applyToDocument, parsePreferences, serialisePreferences, STORAGE_KEY, type Preferences } from './model';

interface PreferencesValue extends Preferences {
  update(change: Partial<Preferences>): void;
}

const PreferencesContext = createContext<PreferencesValue | null>(null);

export function readStoredPreferences(storage: SafeStorage = safeLocalStorage): Preferences {
  return parsePreferences(storage.get(STORAGE_KEY));
}

export function PreferencesProvider({
  children,
  storage = safeLocalStorage,
}: {
  children: ReactNode;
  storage?: SafeStorage;
}) {
  const [prefs, setPrefs] = useState<Preferences>(() => readStoredPreferences(storage));

  useEffect(() => {
    applyToDocument(prefs);
  }, [prefs]);

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === STORAGE_KEY || event.key === null) setPrefs(parsePreferences(event.newValue));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const update = useCallback(
    (change: Partial<Preferences>) => {
      setPrefs((old) => {
        const next = { ...old, ...change };
        // If storage is unavailable the options still hold for this visit; nothing is shown for it.
        storage.set(STORAGE_KEY, serialisePreferences(next));
        return next;
      });
    },
    [storage],
  );

  const value = useMemo(() => ({ ...prefs, update }), [prefs, update]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): PreferencesValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences needs a PreferencesProvider');
  return value;
}
