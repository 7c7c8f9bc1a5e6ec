/**
 * Serves the production build with Vite's preview server on 127.0.0.1 and a free port, and hands
 * its address to the tests as `inject('baseURL')`. `npm run test:browser` builds first.
 *
 * The build is served from a private copy of dist/ taken at the start, so a `vite build` run by
 * someone else during the tests (it empties dist/) cannot pull files out from under the browser.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { missingAssets } from '../../build/check.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the preview server, e.g. "http://127.0.0.1:41234" (no trailing slash). */
    baseURL: string;
  }
}

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');

/**
 * Copies dist/ to a new temporary directory (named `<prefix>…`), retrying briefly while a build is
 * half-way through, until the copy is complete: every asset index.html refers to is there, and so
 * is every file named in `required` (e.g. "sw.js"). Also used for a test's own site (own-site.ts).
 */
export async function snapshotDist(prefix: string, required: readonly string[] = []): Promise<string> {
  const attempts = 20;
  for (let attempt = 1; ; attempt++) {
    const last = attempt >= attempts;
    if (!existsSync(join(DIST, 'index.html'))) {
      if (last) {
        throw new Error(`Browser tests need the production build, but ${join(DIST, 'index.html')} is missing: run vite build first (or use \`npm run test:browser\`).`);
      }
    } else {
      const copy = mkdtempSync(join(tmpdir(), prefix));
      try {
        cpSync(DIST, copy, { recursive: true });
        const missing = [...missingAssets(copy), ...required.filter((file) => !existsSync(join(copy, file)))];
        if (missing.length === 0) return copy;
        if (last) throw new Error(`dist/ is incomplete (missing ${missing.join(', ')}): run vite build first.`);
      } catch (error) {
        // A build emptied dist/ while we copied: try again, but not for ever.
        if (last) {
          rmSync(copy, { recursive: true, force: true });
          throw error;
        }
      }
      rmSync(copy, { recursive: true, force: true });
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await snapshotDist('bulletin-browser-');
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    // Port 0: the operating system picks a free port, so a developer's own preview on 4173 is left alone.
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address() as AddressInfo | string | null;
  if (address === null || typeof address === 'string') {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`The preview server did not report a TCP address (got ${String(address)}).`);
  }
  project.provide('baseURL', `http://127.0.0.1:${address.port}`);
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
