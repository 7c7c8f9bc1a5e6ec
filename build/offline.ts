/**
 * Offline reading and installing (vite-plugin-pwa / Workbox). The app shell is precached; the feed
 * (any request asking for application/feed+json) is network-first with the last good copy as the
 * fallback; images a reader has seen are kept. A new version waits until the reader asks for it
 * (src/app/service-worker.ts registers the worker and offers "Reload").
 *
 * The service worker is generated once, at the end of the build (build/pipeline.ts: after the
 * pages are written, so that it precaches the prerendered index.html with the right revision),
 * rather than when the client bundle closes.
 */
import type { Plugin } from 'vite';
import { VitePWA, type ManifestOptions, type VitePluginPWAAPI } from 'vite-plugin-pwa';
import { SERVICE_WORKER_FILE } from '../src/config/paths.ts';
import { CACHE_PREFIX, FEED_CACHE, IMAGE_CACHE } from '../src/lib/offline-storage.ts';

export type WebManifest = Pick<ManifestOptions, 'name' | 'short_name' | 'description' | 'lang' | 'theme_color' | 'background_color'>;

export interface Offline {
  plugins: Plugin[];
  /** Generates sw.js and its precache list from what is in the output now. */
  generateServiceWorker(): Promise<void>;
}

export function offline(manifest: WebManifest): Offline {
  const plugins = VitePWA({
    injectRegister: false,
    registerType: 'prompt',
    // The names and limits of what the worker keeps are the app's (src/lib/offline-storage.ts,
    // src/config/paths.ts): "What this site keeps on your device" lists them.
    filename: SERVICE_WORKER_FILE,
    // robots.txt is for crawlers, not the app; the build writes its own (build/sitemap.ts), and a
    // second precache entry for it with another revision would stop the worker installing.
    includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
    manifest: {
      ...manifest,
      start_url: '/',
      scope: '/',
      display: 'standalone',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      cacheId: CACHE_PREFIX,
      globPatterns: ['**/*.{js,css,html,svg,png,txt}'],
      // Prerendered pages are for first visits; offline, the app shell renders them from the saved feed.
      // The share image is for other sites' previews, and the feeds for feed readers (feed.atom,
      // feeds/area/*, sitemap.xml) are not the app's: neither is precached. Images served from the
      // site (images/, build/images.ts) are kept as a reader sees them, like any other image.
      globIgnores: ['news/**', 'events/**', 'search/**', 'archive/**', 'subscribe/**', 'what-we-keep/**', '404.html', 'robots.txt', 'share-image.*', 'images/**'],
      navigateFallback: '/index.html',
      // A calendar file opened in the browser is that file, never the app shell (build/calendars.ts).
      navigateFallbackDenylist: [/^\/calendars\//],
      skipWaiting: false,
      clientsClaim: false,
      cleanupOutdatedCaches: true,
      runtimeCaching: [
        {
          // The feed: every JSON document the page fetches from our origin (feed.json, feed-2.json, …),
          // including the request index.html preloads, and any request that asks for a JSON Feed.
          urlPattern: ({ request, url, sameOrigin }) =>
            request.destination === '' &&
            ((sameOrigin && url.pathname.endsWith('.json')) || (request.headers.get('Accept') ?? '').includes('application/feed+json')),
          handler: 'NetworkFirst',
          options: {
            cacheName: FEED_CACHE.name,
            expiration: { maxEntries: FEED_CACHE.maxEntries },
            cacheableResponse: { statuses: [200] },
          },
        },
        {
          urlPattern: ({ request }) => request.destination === 'image',
          handler: 'CacheFirst',
          options: {
            cacheName: IMAGE_CACHE.name,
            expiration: { maxEntries: IMAGE_CACHE.maxEntries, maxAgeSeconds: IMAGE_CACHE.maxAgeDays * 24 * 60 * 60 },
            cacheableResponse: { statuses: [0, 200] },
          },
        },
      ],
    },
  });
  // vite-plugin-pwa generates the worker when the client bundle closes; here that is too early.
  const build = plugins.find((p) => p.name === 'vite-plugin-pwa:build');
  const main = plugins.find((p) => p.name === 'vite-plugin-pwa');
  const api = (main as (Plugin & { api?: VitePluginPWAAPI }) | undefined)?.api;
  if (!build || !api) throw new Error('vite-plugin-pwa no longer has the plugins build/offline.ts expects');
  delete build.closeBundle;
  // Called by build/pipeline.ts once every page is written.
  return { plugins, generateServiceWorker: () => api.generateSW() };
}
