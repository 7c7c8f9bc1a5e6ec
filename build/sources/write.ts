/**
 * Writes a feed as JSON Feed 1.1 pages into a folder: feed.json, feed-2.json, … each with at most
 * `perPage` items and a relative next_url. Pages are written into a temporary folder beside the
 * output and renamed into place only when all are written, so nothing is half-written.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { JsonFeed } from './types.ts';

export interface WriteOptions {
  perPage?: number;
  /** The first page's file name (default feed.json); later pages are <name>-2.json, <name>-3.json, … */
  feedPath?: string;
}

export function pageNames(count: number, feedPath = 'feed.json'): string[] {
  const stem = feedPath.replace(/\.json$/i, '');
  return Array.from({ length: Math.max(1, count) }, (_, i) => (i === 0 ? feedPath : `${stem}-${i + 1}.json`));
}

/** The feed split into pages (pure). */
export function feedPages(feed: JsonFeed, perPage = 50, feedPath = 'feed.json'): { name: string; page: JsonFeed }[] {
  if (!Number.isInteger(perPage) || perPage < 1) throw new Error(`perPage must be a whole number of at least 1, not ${perPage}`);
  const count = Math.max(1, Math.ceil(feed.items.length / perPage));
  const names = pageNames(count, feedPath);
  return names.map((name, i) => {
    const next = names[i + 1];
    // JSON.stringify leaves out a next_url that is undefined: the last page has none.
    return { name, page: { ...feed, next_url: next ? basename(next) : undefined, items: feed.items.slice(i * perPage, (i + 1) * perPage) } };
  });
}

/** Writes the pages into `outDir` (created if missing); returns the file names written. */
export function writeFeedPages(feed: JsonFeed, outDir: string, { perPage = 50, feedPath = 'feed.json' }: WriteOptions = {}): string[] {
  const pages = feedPages(feed, perPage, feedPath);
  const target = resolve(outDir);
  mkdirSync(target, { recursive: true });
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}-feed-`));
  try {
    for (const { name, page } of pages) {
      mkdirSync(dirname(join(staging, name)), { recursive: true });
      writeFileSync(join(staging, name), `${JSON.stringify(page, null, 1)}\n`);
    }
    // Renames within one file system are atomic: each page is either the old or the new file.
    for (const { name } of pages) {
      mkdirSync(dirname(join(target, name)), { recursive: true });
      renameSync(join(staging, name), join(target, name));
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return pages.map((p) => p.name);
}
