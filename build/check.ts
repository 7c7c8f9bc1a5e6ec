/**
 * A build is complete when every file its index.html refers to is there, including what the boot
 * script starts after the first paint (the after-paint meta, src/boot/after-paint.ts). Used by the
 * browser tests (test/browser/) and the bench (scripts/bench/build.mjs) before they serve a build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { AFTER_PAINT_META, parseStarts } from '../src/boot/after-paint.ts';

/** Root-relative addresses of files (a name with an extension: not the app's own addresses such as /news/<slug>). */
function localFile(address: string): string | null {
  if (!address.startsWith('/') || address.startsWith('//')) return null;
  const path = decodeURIComponent(address.slice(1).split(/[?#]/)[0] ?? '');
  return /\.[a-z0-9]+$/i.test(path) ? path : null;
}

/** The files `<dir>/index.html` refers to that are missing. */
export function missingAssets(dir: string): string[] {
  const dom = new JSDOM(readFileSync(join(dir, 'index.html'), 'utf8'));
  const { document } = dom.window;
  const addresses = [
    ...Array.from(document.querySelectorAll('[src]'), (e) => e.getAttribute('src') ?? ''),
    ...Array.from(document.querySelectorAll('link[href], a[href]'), (e) => e.getAttribute('href') ?? ''),
    ...Array.from(document.querySelectorAll<HTMLMetaElement>(`meta[name="${AFTER_PAINT_META}"]`), (m) => parseStarts(m.content).map((s) => s.href)).flat(),
  ];
  dom.window.close();
  const files = addresses.map(localFile).filter((f): f is string => f !== null);
  return [...new Set(files)].filter((file) => !existsSync(join(dir, file)));
}
