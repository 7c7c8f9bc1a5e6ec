/** Vite's preload helper is left out where it has nothing to preload (build/preload-helper.ts). */
import { describe, expect, it } from 'vitest';
import { preloadsNeeded, unwrapPreloads, type ChunkFacts } from '../../build/preload-helper';

describe('unwrapPreloads', () => {
  it('gives back the plain dynamic import of each import Vite wrapped', () => {
    const code = [
      'var lists = chunk(() => __vitePreload(() => import("./news-!~{006}~.js"), __VITE_PRELOAD__));',
      "const about = chunk(() => __vitePreload(\n\t() => import('./about-!~{007}~.js'),\n\t__VITE_PRELOAD__\n));",
    ].join('\n');
    expect(unwrapPreloads(code)).toBe(["var lists = chunk(() => import(\"./news-!~{006}~.js\"));", "const about = chunk(() => import('./about-!~{007}~.js'));"].join('\n'));
  });

  it('leaves alone what is not a wrapped import with its deps still to fill in', () => {
    const code = 'f(() => __vitePreload(() => import("./a.js"), [], import.meta.url)); g(() => import("./b.js")); __vitePreload(() => import(name), __VITE_PRELOAD__);';
    expect(unwrapPreloads(code)).toBe(code);
  });
});

describe('preloadsNeeded', () => {
  const entry: ChunkFacts = { fileName: 'assets/index.js', isEntry: true, imports: [], css: ['assets/index.css'] };
  const lazy = (over: Partial<ChunkFacts>): ChunkFacts => ({ fileName: 'assets/news.js', isEntry: false, imports: ['assets/index.js'], css: [], ...over });

  it('is empty while every lazy chunk imports only the entry, and no CSS', () => {
    expect(preloadsNeeded([entry, lazy({}), lazy({ fileName: 'assets/sanitise.js', imports: [] })])).toEqual([]);
  });

  it('names a lazy chunk that imports a shared chunk, or has CSS of its own', () => {
    expect(preloadsNeeded([entry, lazy({ imports: ['assets/index.js', 'assets/jsx-runtime.js'] }), lazy({ fileName: 'assets/about.js', css: ['assets/about.css'] })])).toEqual([
      'assets/news.js imports assets/jsx-runtime.js',
      'assets/about.js has CSS assets/about.css',
    ]);
  });
});
