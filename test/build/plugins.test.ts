/** The small build plugins wired in vite.config.ts: what each contributes to Vite's build. */
import type { IndexHtmlTransformHook, Plugin, UserConfig, ViteBuilder } from 'vite';
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
  function config(enabled: boolean): UserConfig {
    const hook = prerender({ enabled }).config as () => UserConfig;
    return hook();
  }
  function fakeBuilder() {
    const built: string[] = [];
    const environments = { client: { name: 'client' }, ssr: { name: 'ssr' } };
    const builder = { environments, build: async (env: { name: string }) => void built.push(env.name) } as unknown as ViteBuilder;
    return { builder, built };
  }

  it('builds its render entry as Vite’s ssr environment, after the client', async () => {
    const c = config(true);
    expect(c.environments?.ssr?.build?.rollupOptions?.input).toEqual({ prerender: RENDER_ENTRY });
    const { builder, built } = fakeBuilder();
    await c.builder?.buildApp?.(builder);
    expect(built).toEqual(['client', 'ssr']);
  });

  it('builds only the client when nothing is prerendered', async () => {
    const { builder, built } = fakeBuilder();
    await config(false).builder?.buildApp?.(builder);
    expect(built).toEqual(['client']);
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

  it('generates the service worker once, at the end of the app build, not when the client bundle closes', () => {
    const plugins = offline(manifest);
    const build = plugins.find((p) => p.name === 'vite-plugin-pwa:build');
    expect(build).toBeDefined();
    expect(build?.closeBundle).toBeUndefined();
    const last = plugins.at(-1) as Plugin;
    expect(last.name).toBe('bulletin:service-worker');
    expect(last.buildApp).toMatchObject({ order: 'post' });
  });
});
