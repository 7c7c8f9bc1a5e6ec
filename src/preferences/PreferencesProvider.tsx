/**
 * One provider owns text size, text only and postcode (and the area chosen for it). It reads and writes storage through
 * the never-throwing wrapper, applies the options to <html>, and follows changes made in
 * another tab (the `storage` event).
 *
 * The options live in a small external store read with useSyncExternalStore, so that a page
 * prerendered with the default options hydrates with them and then shows the reader's own
 * at once (no hydration mismatch).
 */
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { safeLocalStorage, type SafeStorage } from '../lib/storage';
import { applyToDocument, changed, DEFAULT_PREFERENCES, parsePreferences, serialisePreferences, STORAGE_KEY, storesMoreThanKept, type Preferences } from './model';

interface PreferencesValue extends Preferences {
  update(change: Partial<Preferences>): void;
  /** Where the options live: the options' island (./options-island.tsx) reads the same one. */
  store: PreferencesStore;
}

const PreferencesContext = createContext<PreferencesValue | null>(null);
/** The area whose view the prerendered page shows, while it is hydrated (see useReaderArea). */
const AreaShownContext = createContext<string | null>(null);

export function readStoredPreferences(storage: SafeStorage = safeLocalStorage): Preferences {
  return parsePreferences(storage.get(STORAGE_KEY));
}

export interface PreferencesStore {
  get(): Preferences;
  update(change: Partial<Preferences>): void;
  subscribe(listener: () => void): () => void;
}

function createStore(storage: SafeStorage): PreferencesStore {
  const stored = storage.get(STORAGE_KEY);
  let current = parsePreferences(stored);
  // A full postcode kept by an earlier version: only its sector is kept from now on.
  if (storesMoreThanKept(stored, current)) storage.set(STORAGE_KEY, serialisePreferences(current));
  const listeners = new Set<() => void>();
  const set = (next: Preferences) => {
    current = next;
    for (const listener of listeners) listener();
  };
  return {
    get: () => current,
    update(change) {
      const next = changed(current, change);
      // If storage is unavailable the options still hold for this visit; nothing is shown for it.
      storage.set(STORAGE_KEY, serialisePreferences(next));
      set(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      const onStorage = (event: StorageEvent) => {
        if (event.key === STORAGE_KEY || event.key === null) set(parsePreferences(event.newValue));
      };
      window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(listener);
        window.removeEventListener('storage', onStorage);
      };
    },
  };
}

const serverSnapshot = () => DEFAULT_PREFERENCES;

export function PreferencesProvider({
  children,
  storage = safeLocalStorage,
  areaShown = null,
  store: given,
}: {
  children: ReactNode;
  storage?: SafeStorage;
  areaShown?: string | null;
  /** The app's store, for a root of its own over part of the page (an island, src/lib/island.tsx). */
  store?: PreferencesStore;
}) {
  const [store] = useState(() => given ?? createStore(storage));
  const prefs = useSyncExternalStore(store.subscribe, store.get, serverSnapshot);

  useEffect(() => {
    applyToDocument(prefs);
  }, [prefs]);

  const value = useMemo(() => ({ ...prefs, update: store.update, store }), [prefs, store]);
  return (
    <PreferencesContext.Provider value={value}>
      <AreaShownContext.Provider value={areaShown}>{children}</AreaShownContext.Provider>
    </PreferencesContext.Provider>
  );
}

export function useAreaShown(): string | null {
  return useContext(AreaShownContext);
}

export function usePreferences(): PreferencesValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences needs a PreferencesProvider');
  return value;
}
