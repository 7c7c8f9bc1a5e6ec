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
import { missingAssets } from '../../scripts/lib/missing-assets.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the preview server, e.g. "http://127.0.0.1:41234" (no trailing slash). */
    baseURL: string;
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist');

/** Copies dist/ to a temporary directory, retrying briefly if a build is half-way through. */
async function snapshotDist(): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    if (!existsSync(join(dist, 'index.html'))) {
      if (attempt >= 10) {
        throw new Error(`Browser tests need the production build, but ${join(dist, 'index.html')} is missing: run vite build first (or use \`npm run test:browser\`).`);
      }
    } else {
      const copy = mkdtempSync(join(tmpdir(), 'bulletin-browser-'));
      try {
        cpSync(dist, copy, { recursive: true });
        const missing = missingAssets(copy);
        if (missing.length === 0) return copy;
        if (attempt >= 10) throw new Error(`dist/ is incomplete (missing ${missing.join(', ')}): run vite build first.`);
      } catch (error) {
        if (attempt >= 10) throw error;
      }
      rmSync(copy, { recursive: true, force: true });
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await snapshotDist();
  const server = await preview({
    root,
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
