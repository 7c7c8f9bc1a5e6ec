/// <reference types="vitest/config" />
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';

/**
 * The production build ships a strict Content Security Policy as a <meta> tag, so it holds on
 * any static host. Scripts only from our own origin (no 'unsafe-inline', no 'unsafe-eval');
 * images from anywhere on http(s) (feed images); the feed from our origin or VITE_FEED_URL's.
 * The dev server is left without it (Vite's dev client needs inline scripts).
 */
export function contentSecurityPolicy(feedUrl: string | undefined): string {
  let feedOrigin = '';
  try {
    if (feedUrl) feedOrigin = new URL(feedUrl).origin;
  } catch {
    feedOrigin = ''; // relative: same origin
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' https: http:",
    `connect-src 'self'${feedOrigin ? ` ${feedOrigin}` : ''}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
    "form-action 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ].join('; ');
}

/**
 * Starts the feed request from index.html, in parallel with the JavaScript, instead of after it.
 * The app's fetch (same URL, CORS mode, same-origin credentials) picks up the preloaded response.
 */
function preloadFeed(feedUrl: string | undefined): Plugin {
  const href = feedUrl && feedUrl.trim() !== '' ? feedUrl : '/feed.json';
  return {
    name: 'bulletin-preload-feed',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'preload', href, as: 'fetch', type: 'application/feed+json', crossorigin: 'anonymous' }, injectTo: 'head' },
    ],
  };
}

function cspPlugin(policy: string): Plugin {
  return {
    name: 'bulletin-csp',
    apply: 'build',
    // Right after <meta charset>, before any script or stylesheet it must govern.
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          /(<meta charset="UTF-8" \/>)/,
          `$1\n    <meta http-equiv="Content-Security-Policy" content="${policy.replaceAll("'", '&#39;')}" />`,
        ),
    },
  };
}

/**
 * Offline reading and installing (vite-plugin-pwa / Workbox). The app shell is precached; the feed
 * (any request asking for application/feed+json) is network-first with the last good copy as the
 * fallback; images a reader has seen are kept. A new version waits until the reader asks for it
 * (src/app/service-worker.ts registers the worker and offers "Reload").
 */
function offline() {
  return VitePWA({
    injectRegister: false,
    registerType: 'prompt',
    includeAssets: ['favicon.svg', 'robots.txt', 'icons/apple-touch-icon.png'],
    manifest: {
      name: 'Bulletin: news from the Police and Crime Commissioner for Cleveland',
      short_name: 'Bulletin',
      description: 'News and events from the Police and Crime Commissioner for Cleveland.',
      lang: 'en-GB',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#0b3d6b',
      background_color: '#ffffff',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,txt}'],
      navigateFallback: '/index.html',
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
            cacheName: 'bulletin-feed',
            expiration: { maxEntries: 300 },
            cacheableResponse: { statuses: [200] },
          },
        },
        {
          urlPattern: ({ request }) => request.destination === 'image',
          handler: 'CacheFirst',
          options: {
            cacheName: 'bulletin-images',
            expiration: { maxEntries: 60, maxAgeSeconds: 30 * 24 * 60 * 60 },
            cacheableResponse: { statuses: [0, 200] },
          },
        },
      ],
    },
  });
}

/**
 * The site's name before the feed has arrived, so the header does not change size when it does
 * (a layout shift): VITE_SITE_NAME, or the embedded feed's title when the build uses that feed.
 */
function siteName(env: Record<string, string>): string {
  if (env.VITE_SITE_NAME) return env.VITE_SITE_NAME;
  if (env.VITE_FEED_URL) return 'News';
  try {
    const feed = JSON.parse(readFileSync(new URL('./public/feed.json', import.meta.url), 'utf8')) as { title?: unknown };
    return typeof feed.title === 'string' ? feed.title : 'News';
  } catch {
    return 'News';
  }
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  return {
    define: { 'import.meta.env.VITE_SITE_NAME': JSON.stringify(siteName(env)) },
    plugins: [react(), cspPlugin(contentSecurityPolicy(env.VITE_FEED_URL)), preloadFeed(env.VITE_FEED_URL), offline()],
    build: {
      target: 'es2022',
      sourcemap: false,
    },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true },
    test: {
      environment: 'jsdom',
      include: ['test/unit/**/*.test.{ts,tsx}', 'test/component/**/*.test.{ts,tsx}'],
      setupFiles: ['test/support/setup.ts'],
      restoreMocks: true,
    },
  };
});
