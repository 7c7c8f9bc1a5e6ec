/**
 * "Clear this site's data from this device": everything this site keeps in the browser, for this
 * origin: stored options and the postcode (localStorage), the tab's own notes (sessionStorage),
 * offline copies (Cache Storage), any IndexedDB database, and the service worker. What it cannot
 * reach (the browser's history and its HTTP cache) is said on the page and in docs/quick-exit.md.
 */
export interface ClearResult {
  /** Whether every step succeeded. */
  complete: boolean;
}

async function step(run: () => unknown): Promise<boolean> {
  try {
    await run();
    return true;
  } catch {
    return false;
  }
}

export async function clearSiteData(win: Window = window): Promise<ClearResult> {
  const results = await Promise.all([
    step(() => win.localStorage.clear()),
    step(() => win.sessionStorage.clear()),
    step(async () => {
      if (!('caches' in win)) return;
      const names = await win.caches.keys();
      await Promise.all(names.map((name) => win.caches.delete(name)));
    }),
    step(async () => {
      const container = win.navigator.serviceWorker as ServiceWorkerContainer | undefined;
      if (!container) return;
      const registrations = await container.getRegistrations();
      await Promise.all(registrations.map((r) => r.unregister()));
    }),
    step(async () => {
      const idb = win.indexedDB as IDBFactory | undefined;
      if (!idb || typeof idb.databases !== 'function') return;
      const databases = await idb.databases();
      for (const { name } of databases) if (name) idb.deleteDatabase(name);
    }),
  ]);
  // The options on screen follow storage, as they do when another tab clears it: back to the defaults.
  win.dispatchEvent(new StorageEvent('storage', { key: null }));
  return { complete: results.every(Boolean) };
}
