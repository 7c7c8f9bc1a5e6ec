/**
 * One provider owns text size, text only and postcode (and the area chosen for it). It reads and writes storage through
 * the never-throwing wrapper, with the options' model (in the options' chunk, loaded only where
 * something is stored or the reader uses the options), applies the options to <html>, and follows
 * changes made in another tab (the `storage` event).
 *
 * The options live in a small external store read with useSyncExternalStore, so that a page
 * prerendered with the default options hydrates with them and then shows the reader's own
 * at once (no hydration mismatch).
 */
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { safeLocalStorage, type SafeStorage } from '../lib/storage';
import { applyToDocument } from './apply';
import { onArrival, optionsIsland, type OptionsModel } from './options-chunk';
import { DEFAULT_PREFERENCES, STORAGE_KEY, type Preferences } from './types';

interface PreferencesValue extends Preferences {
  update(change: Partial<Preferences>): void;
  /** Where the options live: the options' island (./options-island.tsx) reads the same one. */
  store: PreferencesStore;
}

const PreferencesContext = createContext<PreferencesValue | null>(null);
/** The area whose view the prerendered page shows, while it is hydrated (see useReaderArea). */
const AreaShownContext = createContext<string | null>(null);

/** Whether the reader has stored any options: then the options' chunk is needed at once, to read them. */
export function storesPreferences(storage: SafeStorage = safeLocalStorage): boolean {
  return storage.get(STORAGE_KEY) !== null;
}

export interface PreferencesStore {
  get(): Preferences;
  /** Whether what is stored is still to be read (the options' chunk is loading): the options are the defaults until then. */
  reading(): boolean;
  /** The options' model the store reads with, once the options' chunk is in (./useReaderArea.ts matches a postcode with it). */
  model(): OptionsModel | null;
  update(change: Partial<Preferences>): void;
  subscribe(listener: () => void): () => void;
}

/**
 * The options, read from storage by the options' model (./model.ts, in the options' chunk): at once
 * where the chunk is in, else once it is, whoever loads it (a reader who has stored nothing needs
 * none of it). Until then the options are the defaults and the store is `reading`; a chunk that
 * cannot load leaves them so, and the page as the boot script set it, until a later load succeeds.
 */
function createStore(storage: SafeStorage): PreferencesStore {
  let current = DEFAULT_PREFERENCES;
  let model: OptionsModel | null = null;
  let reading = false;
  const listeners = new Set<() => void>();
  const set = (next: Preferences) => {
    current = next;
    for (const listener of listeners) listener();
  };
  // What is stored, read by the model (and stored again as read where it must be); another tab's
  // change (`given`), only read, never written back (no tug of war between tabs). Without the model
  // yet: what is stored then, once it is in.
  const read = (given?: string | null) => {
    if (model) return set({ ...(given === undefined ? model.readStored(storage.get(STORAGE_KEY), storage) : model.parsePreferences(given)) });
    reading = true;
    void optionsIsland.load().catch(() => undefined);
  };
  onArrival((arrived) => {
    model = arrived;
    if (reading) {
      reading = false;
      read();
    }
  });
  if (storage.get(STORAGE_KEY) !== null) read();
  return {
    get: () => current,
    reading: () => reading,
    model: () => model,
    // Only the options make a change, and they come with the model.
    update: (change) => model && set(model.storeChange(current, change, storage)),
    subscribe(listener) {
      listeners.add(listener);
      const onStorage = (event: StorageEvent) => {
        if (event.key === STORAGE_KEY || event.key === null) read(event.newValue);
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

  // Not the defaults in place of options still being read: the boot script has put those on the page.
  useEffect(() => {
    if (!store.reading()) applyToDocument(prefs);
  }, [prefs, store]);

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
