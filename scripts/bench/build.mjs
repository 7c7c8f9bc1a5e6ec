/**
 * The production build, made for the benchmark alone: Vite's app build (`createBuilder`, as `vite
 * build` runs it: the client, the prerendered pages, the service worker) with the project's own
 * vite.config.ts (mode production), its output sent to a private temporary directory. dist/ is
 * left to whoever else is building: a concurrent `vite build` empties dist/, and the browser
 * tests serve a copy of it, so the benchmark neither reads nor writes it.
 *
 * One plugin is added, which only reads: for every JS chunk it records which modules went into
 * it and the gzip size of their rendered code, so the report can say what takes the bytes.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createBuilder } from 'vite';
import { importTs, ROOT } from './lib.mjs';

/** "react-dom", "@tanstack/query-core", "src/feed", "(vite)" … for a module id. */
export function moduleGroup(id) {
  const clean = id.replace(/^\0+/, '').split('?')[0];
  const nm = clean.lastIndexOf(`node_modules${sep}`) >= 0 ? clean.lastIndexOf(`node_modules${sep}`) : clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = clean.slice(nm + 'node_modules/'.length).split(/[\\/]/);
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (clean.startsWith(ROOT)) {
    const parts = relative(ROOT, clean).split(/[\\/]/);
    return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts.join('/');
  }
  return '(vite runtime)';
}

function moduleSizes(chunks) {
  return {
    name: 'bulletin-bench-module-sizes',
    apply: 'build',
    // What the reader's browser gets, not the build's own render entry.
    applyToEnvironment: (environment) => environment.name === 'client',
    generateBundle(_options, bundle) {
      for (const [fileName, out] of Object.entries(bundle)) {
        if (out.type !== 'chunk') continue;
        const code = {};
        for (const [id, m] of Object.entries(out.modules)) {
          const g = moduleGroup(id);
          (code[g] ??= []).push(m.code ?? '');
        }
        // Each group's rendered code (before minification) gzipped on its own: a better guide to
        // its share of the shipped file than its length, since comments and names compress well.
        const groups = Object.fromEntries(
          Object.entries(code).map(([g, parts]) => {
            const text = parts.join('\n');
            return [g, text.length ? gzipSync(text, { level: 9 }).length : 0];
          }),
        );
        chunks[`/${fileName}`] = { isEntry: out.isEntry, isDynamicEntry: out.isDynamicEntry, groups };
      }
    },
  };
}

export async function buildApp() {
  const outDir = mkdtempSync(join(tmpdir(), 'bulletin-bench-'));
  const started = Date.now();
  const chunks = {};
  // Plugins that print with console.log (vite-plugin-pwa) go to stderr: stdout is for the table.
  const consoleLog = console.log;
  console.log = (...args) => console.error(...args);
  try {
    const builder = await createBuilder({
      root: ROOT,
      mode: 'production',
      logLevel: 'warn',
      plugins: [moduleSizes(chunks)],
      build: { outDir, emptyOutDir: true },
    });
    await builder.buildApp();
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`vite build failed: ${error?.message ?? error}`);
  } finally {
    console.log = consoleLog;
  }
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`vite build made no index.html in ${outDir}`);
  const { missingAssets } = await importTs('build/check.ts');
  const missing = missingAssets(outDir);
  if (missing.length) throw new Error(`The build is incomplete: index.html refers to missing ${missing.join(', ')}`);
  return { outDir, seconds: (Date.now() - started) / 1000, chunks };
}
