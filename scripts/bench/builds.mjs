/**
 * Build figures: how long `vite build` takes and how big its output is for generated sources of
 * 50, 1,000 and 10,000 items, and the 10,000-item build itself, kept for the cases that need a
 * build of a long source (a release on its last feed page: Lighthouse and bytes).
 *
 * Each build is `node node_modules/vite/bin/vite.js build --outDir <temp>` in a process of its
 * own (the project's vite.config.ts, mode production: prerendering and the service worker
 * included), with BULLETIN_FEED naming the generated source, so the time is the wall-clock time
 * of a whole `vite build` as a newsroom would run it (Node's start and Vite's config included;
 * `npm run build`'s `tsc -b` before it is not). The source is written by feeds.mjs (makeItem: the
 * same items as the scale feeds, with `_bulletin.areas`) as JSON Feed pages of at most 1,000 items
 * linked by relative next_url: the build refuses a document over 32 MB (build/sources/fetch.ts), and a newsroom's feed of that size is paged,
 * and 10,000 items in one document are 12.3 MB.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pagedFeed } from './feeds.mjs';
import { importTs, log, median, ROOT } from './lib.mjs';

export const BUILD_SIZES = [50, 1000, 10_000];

/** Items per document of the generated source (a paged source, as a newsroom's large feed is). */
const SOURCE_PAGE_ITEMS = 1000;

/** Writes a generated source of `count` items into `dir`; returns the first document's path. */
export function writeSource(dir, count) {
  mkdirSync(dir, { recursive: true });
  const docs = pagedFeed(count, SOURCE_PAGE_ITEMS);
  let bytes = 0;
  for (const [path, text] of docs) {
    writeFileSync(join(dir, path.replace(/^\//, '')), text);
    bytes += Buffer.byteLength(text);
  }
  return { file: join(dir, 'feed.json'), documents: docs.size, bytes };
}

/** Sum of the sizes of every file under `dir`, and how many files. */
export function treeSize(dir) {
  let bytes = 0;
  let files = 0;
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) {
        bytes += statSync(p).size;
        files += 1;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

/** One `vite build` in its own process into `outDir`, reading `feedFile`. Resolves with its wall time. */
export function spawnBuild(feedFile, outDir) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--logLevel', 'warn'], {
      cwd: ROOT,
      env: { ...process.env, BULLETIN_FEED: feedFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code === 0) resolve({ seconds, output });
      else reject(new Error(`vite build of ${feedFile} failed (${signal ?? `exit ${code}`}):\n${output.trim().split('\n').slice(-15).join('\n')}`));
    });
  });
}

/** The build's JSON Feed pages in order, from feed.json along next_url. */
export function feedPagesOf(dir) {
  const pages = [];
  let name = 'feed.json';
  const seen = new Set();
  while (name && !seen.has(name)) {
    seen.add(name);
    const doc = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    pages.push({ name, doc });
    // next_url is absolute (the site's url) or relative; the file is its last path segment.
    name = doc.next_url ? new URL(doc.next_url, 'https://x/').pathname.split('/').pop() : null;
  }
  return pages;
}

/**
 * A release on the last feed page of a build: the last (oldest) item of the last page, its
 * address made by the app's own paths and slug modules, and whether the build prerendered it
 * (news/<slug>/index.html). Not fatal when it did not: the bench then measures what a reader gets
 * at that address from the bench's server (its fallback, index.html) and says so.
 */
export async function lastPageRelease(dir) {
  const [{ makeSlug }, { paths }] = await Promise.all([importTs('src/lib/slug.ts'), importTs('src/config/paths.ts')]);
  const pages = feedPagesOf(dir);
  const last = pages[pages.length - 1];
  const item = last.doc.items[last.doc.items.length - 1];
  if (!item) throw new Error(`The build's last feed page ${last.name} has no items`);
  const path = paths.release.href(makeSlug(item.id, item.title ?? null));
  const prerendered = existsSync(join(dir, path.replace(/^\//, ''), 'index.html'));
  return { path, title: item.title, id: item.id, feedPage: last.name, feedPages: pages.length, items: pages.reduce((t, p) => t + p.doc.items.length, 0), prerendered };
}

/** How many releases the build prerendered (news/<slug>/index.html; not news/page/<n>/). */
export function prerenderedReleases(dir) {
  try {
    return readdirSync(join(dir, 'news'), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'page' && existsSync(join(dir, 'news', e.name, 'index.html'))).length;
  } catch {
    return 0;
  }
}

/**
 * Times builds for each size (`runs` builds for 50 and 1,000 items, `bigRuns` for 10,000; the
 * median is reported) and measures the output of the last build of each. The last 10,000-item
 * build is kept (`big.dir`, removed by the caller) for the cases that serve it.
 */
export async function measureBuilds(runs, bigRuns) {
  const work = mkdtempSync(join(tmpdir(), 'bulletin-bench-builds-'));
  const out = { sizes: {}, big: null, work };
  try {
    for (const count of BUILD_SIZES) {
      const source = writeSource(join(work, `source-${count}`), count);
      const n = count >= 10_000 ? bigRuns : runs;
      const seconds = [];
      let size = null;
      let lastReleasePages = null;
      for (let i = 0; i < n; i++) {
        const dir = join(work, `dist-${count}-${i}`);
        const { seconds: s } = await spawnBuild(source.file, dir);
        seconds.push(s);
        size = treeSize(dir);
        lastReleasePages = prerenderedReleases(dir);
        log(`build ${i + 1}/${n} ${count.toLocaleString('en-GB')} items: ${s.toFixed(1)} s, ${(size.bytes / 1e6).toFixed(1)} MB in ${size.files.toLocaleString('en-GB')} files`);
        if (count === 10_000 && i === n - 1) out.big = { dir, items: count };
        else rmSync(dir, { recursive: true, force: true });
      }
      out.sizes[count] = {
        items: count,
        sourceBytes: source.bytes,
        sourceDocuments: source.documents,
        seconds: { median: median(seconds), min: Math.min(...seconds), max: Math.max(...seconds), runs: seconds },
        distBytes: size.bytes,
        distFiles: size.files,
        releasePages: lastReleasePages,
        bytesPerItem: size.bytes / count,
      };
    }
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  return out;
}

/** One 10,000-item build (when the build section is not run but a case needs it). */
export async function bigBuild(count = 10_000) {
  const work = mkdtempSync(join(tmpdir(), 'bulletin-bench-builds-'));
  try {
    const source = writeSource(join(work, `source-${count}`), count);
    const dir = join(work, `dist-${count}`);
    const { seconds } = await spawnBuild(source.file, dir);
    log(`build of ${count.toLocaleString('en-GB')} items: ${seconds.toFixed(1)} s`);
    return { work, big: { dir, items: count } };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

/** Bytes per item at 10,000 against 1,000, and the growth per item between the sizes. */
export function buildGrowth(sizes) {
  const a = sizes[50];
  const b = sizes[1000];
  const c = sizes[10_000];
  if (!b || !c) return null;
  return {
    perItem1k: b.bytesPerItem,
    perItem10k: c.bytesPerItem,
    ratio: c.bytesPerItem / b.bytesPerItem,
    marginalLow: a ? (b.distBytes - a.distBytes) / (b.items - a.items) : null,
    marginalHigh: (c.distBytes - b.distBytes) / (c.items - b.items),
  };
}
