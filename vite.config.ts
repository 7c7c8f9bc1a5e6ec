/// <reference types="vitest/config" />
/**
 * Wiring only: what each step does lives in build/ (see docs/architecture.md); the order of the
 * steps of `vite build` is build/pipeline.ts.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { csp } from './build/csp.ts';
import { devFeed } from './build/dev-feed.ts';
import { identity, webManifest } from './build/identity.ts';
import { offline } from './build/offline.ts';
import { pipeline } from './build/pipeline.ts';
import { preloadFeed } from './build/preload.ts';
import { prerender, writePages } from './build/prerender.ts';
import { builtOn } from './build/built-on.ts';
import { loadSite } from './build/site/index.ts';
import { productionBuilds, routerTreeShaking } from './build/production-builds.ts';
import { noPreloadHelper } from './build/preload-helper.ts';

export default defineConfig(({ command, mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  // A live JSON Feed elsewhere for the reader: the build prerenders from what it serves now
  // (unless BULLETIN_FEED names another source), and the app takes the live feed over.
  const feedUrl = env.VITE_FEED_URL || undefined;
  const site = loadSite({ env: { ...process.env, BULLETIN_FEED: process.env.BULLETIN_FEED || feedUrl } });
  const worker = offline(webManifest(site));
  return {
    // The header names the newsroom before the feed has arrived (no layout shift when it does).
    // A printed release names its canonical address, on the site file's url (src/article); the
    // events page offers its calendars there (webcal:).
    // Subscribe gives the feeds' whole addresses on it too.
    // "Leave this site" goes to the site file's quickExit.url ('' when the site file turns it off).
    // The accessibility statement names the newsroom's contact, and the day of the build as its last
    // review (BULLETIN_BUILT_ON=YYYY-MM-DD gives another, for a reproducible build).
    define: {
      'import.meta.env.VITE_SITE_NAME': JSON.stringify(site.name),
      'import.meta.env.VITE_SITE_URL': JSON.stringify(site.url ?? ''),
      'import.meta.env.VITE_SITE_CONTACT': JSON.stringify(site.contact ? JSON.stringify(site.contact) : ''),
      'import.meta.env.VITE_SITE_PRIVACY_URL': JSON.stringify(site.privacyUrl ?? ''),
      'import.meta.env.VITE_BUILT_ON': JSON.stringify(builtOn(process.env.BULLETIN_BUILT_ON)),
      'import.meta.env.VITE_QUICK_EXIT_URL': JSON.stringify(site.quickExit ? site.quickExit.url : ''),
    },
    plugins: [
      react(),
      routerTreeShaking(),
      noPreloadHelper(),
      identity(site),
      csp({ feedUrl, images: site.images }),
      preloadFeed(feedUrl),
      prerender(),
      ...worker.plugins,
      pipeline({ site, writePages: (builder, extra) => writePages(builder, site, extra), generateServiceWorker: worker.generateServiceWorker }),
      devFeed(site),
    ],
    resolve: { alias: productionBuilds(command, mode) },
    // No modulepreload polyfill: every browser the reader supports preloads modules itself. The
    // preloads themselves stay on: the entry imports no chunk now (`environments.client` below),
    // but should one split off again it is started with the entry, not after it is parsed
    // (build/page-template.ts passes them to the boot script as modulepreload: starts), and a
    // browser test (test/browser/prerender.test.ts) fails until the entry is one script again.
    build: { target: 'es2022', sourcemap: false, modulePreload: { polyfill: false } },
    environments: {
      client: {
        build: {
          // Every module the entry needs before it runs is the entry: without this, rolldown split
          // React and its JSX runtime into a shared chunk of their own (the lazy chunks use them too,
          // and one of them, the safety advice page, uses nothing else of the entry), a second
          // request on every page. The lazy chunks import them from the entry, loaded already.
          rolldownOptions: {
            // Each room's face (src/<room>/index.ts) only re-exports: so a module that only a lazy
            // chunk uses (the lists' FeedGate) goes into that chunk, not into the entry with the face.
            treeshake: { moduleSideEffects: [{ test: /[\\/]src[\\/][a-z]+[\\/]index\.ts$/, sideEffects: false }] },
            output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } },
          },
        },
      },
    },
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
