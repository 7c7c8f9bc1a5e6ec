/**
 * Vite wraps every dynamic import of the client in its preload helper (`__vitePreload`), which
 * fetches the chunk's own imports and stylesheets beside it. Here there are none to fetch: every
 * module the entry needs is in it (vite.config.ts) and every lazy chunk imports only the entry,
 * loaded already, and no CSS. Vite keeps the wrapper and the helper (about 0.7 KB gzip in the
 * entry) even so, `build.modulePreload: false` included (vitejs/vite#13952, #18551). This plugin
 * unwraps those imports, so the helper is left unused and the minifier drops it; and it fails the
 * build should a lazy chunk ever need the helper (imports of its own, or CSS).
 */
import type { Plugin } from 'vite';

/** `__vitePreload(() => import("./x.js"), __VITE_PRELOAD__)`: a dynamic import as Vite's import analysis wraps it, deps still to be filled in. */
const WRAPPED = /__vitePreload\(\s*\(\)\s*=>\s*(import\((["'`])[^"'`\n]+\2\))\s*,\s*__VITE_PRELOAD__\s*\)/g;

/** `code` with each wrapped dynamic import (WRAPPED) back to a plain `import()`. */
export function unwrapPreloads(code: string): string {
  return code.replace(WRAPPED, (_whole, plain: string) => plain);
}

/** The parts of an output chunk the check reads. */
export interface ChunkFacts {
  fileName: string;
  isEntry: boolean;
  imports: readonly string[];
  css: readonly string[];
}

/** What a lazy chunk would need the preload helper for: a chunk it imports other than an entry, or CSS. Empty when nothing. */
export function preloadsNeeded(chunks: readonly ChunkFacts[]): string[] {
  const entries = new Set(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
  const needs: string[] = [];
  for (const c of chunks) {
    if (c.isEntry) continue;
    for (const imported of c.imports) if (!entries.has(imported)) needs.push(`${c.fileName} imports ${imported}`);
    for (const sheet of c.css) needs.push(`${c.fileName} has CSS ${sheet}`);
  }
  return needs;
}

export function noPreloadHelper(): Plugin {
  return {
    name: 'bulletin-no-preload-helper',
    apply: 'build',
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
    renderChunk: {
      order: 'post',
      handler(code) {
        const plain = unwrapPreloads(code);
        return plain === code ? null : { code: plain, map: null };
      },
    },
    generateBundle(_options, bundle) {
      const chunks: ChunkFacts[] = [];
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        chunks.push({ fileName: out.fileName, isEntry: out.isEntry, imports: out.imports, css: [...(out.viteMetadata?.importedCss ?? [])] });
      }
      const needs = preloadsNeeded(chunks);
      if (needs.length) {
        this.error(`A lazy chunk needs Vite's preload helper, which build/preload-helper.ts removes: ${needs.join('; ')}. Keep every shared module in the entry (vite.config.ts) or drop this plugin.`);
      }
    },
  };
}
