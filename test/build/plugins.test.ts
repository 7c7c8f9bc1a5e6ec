/** The small build plugins wired in vite.config.ts: what each contributes to Vite's build. */
import type { IndexHtmlTransformHook, Plugin, UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { offline } from '../../build/offline';
import { preloadFeed, preloadHref } from '../../build/preload';
import { pageFile, prerender, RENDER_ENTRY } from '../../build/prerender';

describe('the feed preload', () => {
  it('preloads the embedded feed, or VITE_FEED_URL, the way the app fetches it', async () => {
    expect(preloadHref(undefined)).toBe('/feed.json');
    expect(preloadHref('  ')).toBe('/feed.json');
    expect(preloadHref('https://example.org/feed.json')).toBe('https://example.org/feed.json');
    const hook = preloadFeed(undefined).transformIndexHtml as IndexHtmlTransformHook;
    expect(await hook.call({} as never, '', {} as never)).toEqual([
      {
        tag: 'link',
        attrs: { rel: 'preload', href: '/feed.json', as: 'fetch', type: 'application/feed+json', crossorigin: 'anonymous' },
        injectTo: 'head',
      },
    ]);
  });
});

describe('prerendering', () => {
  it('builds its render entry as Vite’s ssr environment, into a folder of its own', () => {
    const hook = prerender().config as () => UserConfig;
    const ssr = hook().environments?.ssr?.build;
    expect(ssr?.rollupOptions?.input).toEqual({ prerender: RENDER_ENTRY });
    expect(ssr?.outDir).toMatch(/^node_modules\/\.cache\/bulletin-prerender-\d+$/);
    expect(ssr?.copyPublicDir).toBe(false);
  });

  it('writes each address as its folder’s index.html, and the not-found page as 404.html', () => {
    expect(pageFile('/out', '/')).toBe('/out/index.html');
    expect(pageFile('/out', '/news/a-1234567/')).toBe('/out/news/a-1234567/index.html');
    expect(pageFile('/out', '/events/')).toBe('/out/events/index.html');
    expect(pageFile('/out', '*')).toBe('/out/404.html');
    expect(() => pageFile('/out', '/news/../../etc/')).toThrow(/leave the build/);
  });
});

describe('offline', () => {
  const manifest = { name: 'A newsroom', short_name: 'News', description: 'd', lang: 'en-GB', theme_color: '#000000', background_color: '#ffffff' };

  it('leaves generating the service worker to the pipeline, not to the client bundle closing', () => {
    const { plugins, generateServiceWorker } = offline(manifest);
    const build = plugins.find((p: Plugin) => p.name === 'vite-plugin-pwa:build');
    expect(build).toBeDefined();
    expect(build?.closeBundle).toBeUndefined();
    expect(typeof generateServiceWorker).toBe('function');
  });
});
