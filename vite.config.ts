/// <reference types="vitest/config" />
/**
 * Wiring only: what each step does lives in build/ (see docs/architecture.md).
 * `vite build` builds the client, then the prerender entry, then writes the pages and the service worker.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { csp } from './build/csp.ts';
import { offline } from './build/offline.ts';
import { preloadFeed } from './build/preload.ts';
import { prerender } from './build/prerender.ts';
import { siteName } from './build/site-name.ts';

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const feedUrl = env.VITE_FEED_URL || undefined;
  return {
    define: { 'import.meta.env.VITE_SITE_NAME': JSON.stringify(siteName(env, new URL('./public/feed.json', import.meta.url))) },
    plugins: [
      react(),
      csp({ feedUrl }),
      preloadFeed(feedUrl),
      // The embedded feed is prerendered; a build for another feed (VITE_FEED_URL) is not.
      prerender({ enabled: feedUrl === undefined }),
      offline({
        name: 'Bulletin: news from the Police and Crime Commissioner for Cleveland',
        short_name: 'Bulletin',
        description: 'News and events from the Police and Crime Commissioner for Cleveland.',
        lang: 'en-GB',
        theme_color: '#0b3d6b',
        background_color: '#ffffff',
      }),
    ],
    build: { target: 'es2022', sourcemap: false },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true },
    test: {
      restoreMocks: true,
      projects: [
        {
          extends: true,
          test: { name: 'app', environment: 'jsdom', include: ['test/{unit,component}/**/*.test.{ts,tsx}'], setupFiles: ['test/support/setup.ts'] },
        },
        // The build's own steps, in Node as the build runs them (no browser globals).
        { extends: true, test: { name: 'build', environment: 'node', include: ['test/build/**/*.test.{ts,tsx}'] } },
      ],
    },
  };
});
