/**
 * A build is complete when every file its index.html refers to is there. Used by the browser
 * tests (test/browser/global-setup.ts, own-site.ts) and the bench (scripts/bench/build.mjs)
 * before they serve a build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Files (a name with an extension: not the app's own addresses such as /news/<slug>) that
 * `<dir>/index.html` refers to by root-relative path, including those the boot script starts
 * after the first paint (the bulletin:after-paint meta), and that are missing.
 * @param {string} dir
 * @returns {string[]}
 */
export function missingAssets(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/([^"?#]+)"|(?:module|modulepreload|feed):\/([^\s"]+)/g)].map((m) => m[1] ?? m[2] ?? '');
  return refs.filter((ref) => /\.[a-z0-9]+$/i.test(ref) && !existsSync(join(dir, ref)));
}
