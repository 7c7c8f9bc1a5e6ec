/**
 * The names and limits of what the service worker keeps in the browser, spelled once: the build
 * gives them to Workbox (build/offline.ts), and "What this site keeps on your device" lists them
 * (src/about/storage-inventory.ts). Pure data; imports nothing. The app's entry imports none of it
 * (so it stays in the page's chunk); the worker's own file is SERVICE_WORKER_FILE in
 * src/config/paths.ts.
 */

/**
 * Workbox's prefix for the caches it names itself (its `cacheId`): the app's own files are
 * precached in `bulletin-precache-v2-<the site's address>`.
 */
export const CACHE_PREFIX = 'bulletin';

/** How the precache's name starts (Workbox adds its version and the site's address). */
export const PRECACHE_NAME_START = `${CACHE_PREFIX}-precache-`;

/** The last good copy of each feed page, network first. */
export const FEED_CACHE = { name: 'bulletin-feed', maxEntries: 300 } as const;

/** Images a reader has seen, cache first. */
export const IMAGE_CACHE = { name: 'bulletin-images', maxEntries: 60, maxAgeDays: 30 } as const;

/**
 * The IndexedDB database in which Workbox's expiration notes when each entry of the two caches
 * above was saved (Workbox's own name, not configurable; the browser test reads the real one).
 */
export const EXPIRATION_DATABASE = 'workbox-expiration';
