/// <reference types="vitest/config" />
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The production build ships a strict Content Security Policy as a <meta> tag, so it holds on
 * any static host. Scripts only from our own origin (no 'unsafe-inline', no 'unsafe-eval');
 * images from anywhere on http(s) (feed images); the feed from our origin or VITE_FEED_URL's.
 * The dev server is left without it (Vite's dev client needs inline scripts).
 */
/**
 * The one inline script, allowed by its hash in the CSP (no extra request). It mirrors
 * src/preferences/model.ts, which re-applies the options when the app starts.
 *
 * 1. Applies the reader's stored text size and text only to <html> before the first paint, so a
 *    prerendered page never flashes at the default size.
 * 2. On a prerendered page (one with a `bulletin:after-paint` meta, see `startAfterPaint`), starts
 *    the app's script and the feed request only once the page has been painted (the
 *    first-contentful-paint entry; the next frame where the browser has no paint timing): on a
 *    slow connection the page's own HTML and CSS then get the bandwidth first, and the reader can
 *    start reading before ~100 KB of JavaScript has arrived. A tab that is never painted (opened
 *    in the background) starts them after a second anyway.
 * 3. If the markup is stale (the page was rendered for another address, or groups news by area
 *    and the reader has a postcode), marks <html data-stale> (the CSS hides <main>) and starts the
 *    app as soon as the document is parsed; src/main.tsx then renders afresh.
 */
export const BOOT_SCRIPT =
  "var d=document.documentElement,p=null;d.dataset.js='';d.dataset.textSize='default';" +
  "try{p=JSON.parse(localStorage.getItem('bulletin:preferences')||'null');" +
  "if(p&&typeof p=='object'){var s=p.textSize||p.size;if(s=='large'||s=='largest')d.dataset.textSize=s;" +
  "if((p.textOnly===undefined?p.textonly:p.textOnly)===true)d.dataset.textOnly=''}else p=null}catch(e){}" +
  "var m=document.querySelector('meta[name=\"bulletin:after-paint\"]');" +
  "if(m){var done=0,go=function(){if(done++)return;m.content.split(' ').forEach(function(t){" +
  "var i=t.indexOf(':'),k=t.slice(0,i),e=document.createElement(k=='module'?'script':'link');e.crossOrigin='anonymous';" +
  "if(k=='module')e.type='module',e.src=t.slice(i+1);" +
  "else if(k=='modulepreload')e.rel=k,e.href=t.slice(i+1);" +
  "else if(k=='feed')e.rel='preload',e.as='fetch',e.type='application/feed+json',e.href=t.slice(i+1);" +
  "else return;document.head.appendChild(e)})};" +
  "var stale=m.getAttribute('data-page')!==location.pathname||(m.hasAttribute('data-by-area')&&!!p&&!!p.postcode);" +
  "if(stale)d.dataset.stale='';" +
  "addEventListener('DOMContentLoaded',function(){if(stale)return go();" +
  "var P=window.PerformanceObserver,T=P&&P.supportedEntryTypes;" +
  "if(T&&T.indexOf('paint')>=0)new P(function(l){if(l.getEntriesByName('first-contentful-paint').length)go()}).observe({type:'paint',buffered:true});" +
  "else requestAnimationFrame(function(){setTimeout(go,0)});setTimeout(go,1000)})}";
const BOOT_HASH = `'sha256-${createHash('sha256').update(BOOT_SCRIPT).digest('base64')}'`;

export function contentSecurityPolicy(feedUrl: string | undefined): string {
  let feedOrigin = '';
  try {
    if (feedUrl) feedOrigin = new URL(feedUrl).origin;
  } catch {
    feedOrigin = ''; // relative: same origin
  }
  return [
    "default-src 'self'",
    `script-src 'self' ${BOOT_HASH}`,
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

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * For a prerendered page: takes the app's module script, its module preloads and the feed
 * preload out of the HTML and lists them in a `bulletin:after-paint` meta instead, for
 * BOOT_SCRIPT to start once the page has been painted. The meta also names the page it was
 * rendered for (`data-page`): index.html is also what hosts (and the service worker) serve for
 * addresses with no file of their own, and there BOOT_SCRIPT hides the stale markup and starts
 * the app at once. `data-by-area` marks a page whose content depends on the reader's postcode,
 * stale too for a reader who has set one. Fails the build if the HTML has no module script to
 * take (a changed Vite output must not silently ship a page without its app).
 */
export function startAfterPaint(html: string, page: { path: string; byArea: boolean }): string {
  const later: string[] = [];
  const out = html
    .replace(/\s*<script type="module" crossorigin src="([^"]+)"><\/script>/g, (_, src: string) => {
      later.push(`module:${src}`);
      return '';
    })
    .replace(/\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g, (_, href: string) => {
      later.unshift(`modulepreload:${href}`);
      return '';
    })
    .replace(/\s*<link rel="preload" href="([^"]+)" as="fetch" type="application\/feed\+json" crossorigin="anonymous">/g, (_, href: string) => {
      later.unshift(`feed:${href}`);
      return '';
    });
  if (!later.some((t) => t.startsWith('module:'))) throw new Error('startAfterPaint: no module script found in index.html');
  if (later.some((t) => /\s/.test(t))) throw new Error('startAfterPaint: an address with a space');
  const meta =
    `<meta name="bulletin:after-paint" content="${escapeHtml(later.join(' '))}" data-page="${escapeHtml(page.path)}"` +
    `${page.byArea ? ' data-by-area' : ''} />`;
  return out.replace('<meta charset="UTF-8" />', `$&\n    ${meta}`);
}

/** Without script a prerendered page can be read; what needs script is said plainly. */
const PRERENDERED_NOSCRIPT =
  '<p>Without JavaScript this page shows the latest news and releases only; the reader’s options and older news need it. ' +
  'All the news is also available as a JSON feed at <a href="/feed.json">feed.json</a>.</p>';

/**
 * After the client build: renders latest news and each release on the embedded feed's first page to
 * `<outDir>/news/<slug>.html` (static hosts and `vite preview` serve it at /news/<slug>).
 * Skipped when VITE_FEED_URL points the reader at another feed.
 */
function prerenderPlugin(feedUrl: string | undefined, siteName: string): Plugin {
  let outDir = 'dist';
  let root = process.cwd();
  return {
    name: 'bulletin-prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    // Before the service worker is generated, so that it precaches the prerendered index.html.
    closeBundle: {
      sequential: true,
      order: 'pre',
      async handler() {
        if (feedUrl) return;
        // Inside the project, so the rendered module finds the project's node_modules.
        mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
        const tmp = mkdtempSync(join(root, 'node_modules', '.cache', 'bulletin-prerender-'));
        const { build } = await import('vite');
        await build({
          configFile: false,
          root,
          logLevel: 'warn',
          plugins: [react()],
          define: { 'import.meta.env.VITE_SITE_NAME': JSON.stringify(siteName) },
          build: { ssr: 'src/prerender.tsx', outDir: tmp, emptyOutDir: true, minify: false },
        });
        // The app's code expects a browser; jsdom stands in while the pages are rendered.
        const { JSDOM } = (await import('jsdom' as string)) as {
          JSDOM: new (html: string, options: { url: string }) => { window: Window & { close(): void } };
        };
        const origin = 'http://prerender.invalid';
        const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: `${origin}/` });
        const g = globalThis as Record<string, unknown>;
        const saved = { window: g.window, document: g.document };
        g.window = dom.window;
        g.document = dom.window.document;
        try {
          const { prerenderPages } = (await import(pathToFileURL(join(tmp, 'prerender.js')).href)) as {
            prerenderPages(
              feed: unknown,
              feedUrl: string,
              now: Date,
            ): Promise<{ path: string; byArea: boolean; title: string; description: string | null; html: string }[]>;
          };
          const feed = JSON.parse(readFileSync(join(outDir, 'feed.json'), 'utf8')) as unknown;
          const template = readFileSync(join(outDir, 'index.html'), 'utf8');
          const pages = await prerenderPages(feed, `${origin}/feed.json`, new Date());
          for (const page of pages) {
            const html = startAfterPaint(template, page)
              .replace('<div id="root"></div>', `<div id="root">${page.html.replaceAll(origin, '')}</div>`)
              .replace(/(<noscript>)[\s\S]*?(<\/noscript>)/, `$1\n      ${PRERENDERED_NOSCRIPT}\n    $2`)
              .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>`)
              .replace(
                /<meta name="description" content="[^"]*" \/>/,
                page.description ? `<meta name="description" content="${escapeHtml(page.description)}" />` : '$&',
              );
            const file = join(outDir, page.path === '/' ? 'index.html' : `${page.path.slice(1)}.html`);
            mkdirSync(dirname(file), { recursive: true });
            writeFileSync(file, html);
          }
        } finally {
          g.window = saved.window;
          g.document = saved.document;
          dom.window.close();
          rmSync(tmp, { recursive: true, force: true });
        }
      },
    },
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
          `$1\n    <meta http-equiv="Content-Security-Policy" content="${policy.replaceAll("'", '&#39;')}" />` +
            `\n    <script>${BOOT_SCRIPT}</script>`,
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
    // After the prerendering plugin has written the pages (index.html among them).
    integration: { closeBundleOrder: 'post' },
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
      // Prerendered releases are for first visits; offline, the app shell renders them from the saved feed.
      globIgnores: ['news/**', 'events/**'],
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
    plugins: [
      react(),
      cspPlugin(contentSecurityPolicy(env.VITE_FEED_URL)),
      preloadFeed(env.VITE_FEED_URL),
      offline(),
      prerenderPlugin(env.VITE_FEED_URL, siteName(env)),
    ],
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
