/**
 * The build, step by step, in one place: what `vite build` does, in order.
 *
 * 1. Read the newsroom's sources (the site file's news feed and events) and check them. A source
 *    that cannot be fetched or read stops the build here, with one line naming it and why, before
 *    anything is written. Every problem found is printed, as `npm run check-feed` prints it.
 * 2. Build the client (Vite's `client` environment), then the render entry (`ssr`).
 *    With the site file's `"images": "self"` (the default), fetch every image the sources name,
 *    resized into images/ (build/images.ts), and point the feed at those copies; an image that
 *    cannot be fetched or is not an image is left out with a warning, never stopping the build.
 * 3. Write what was read as JSON Feed 1.1 pages (feed.json, feed-2.json, …): the one format the
 *    reader reads at run time, and the site's public JSON Feed; then the calendars (build/calendars.ts:
 *    each event's .ics, the upcoming events' and each area's), and the feeds for feed readers: Atom
 *    for all news and each area, and each area's JSON Feed (build/syndication.ts).
 * 4. Prerender every address (build/prerender.ts), each page linking the feeds that fit it; write
 *    sitemap.xml of those addresses and robots.txt naming it (build/sitemap.ts); then generate the
 *    service worker.
 * Every step measures time against one "now", read once (build/clock.ts: BULLETIN_NOW, else the clock).
 * 5. Swap the finished build into place. Everything is made in a staging folder beside the output
 *    folder; only a build that got through every step replaces it, so a failed build leaves
 *    dist/ as it was, never half-written.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin, ViteBuilder } from 'vite';
import { writeCalendars } from './calendars.ts';
import { buildNow } from './clock.ts';
import { selfHostImages, type ImageOptions } from './images.ts';
import type { Site } from './site/index.ts';
import { writeSitemap } from './sitemap.ts';
import { describeProblem, readSources, reportLines, writeFeedPages, type ReadOptions } from './sources/index.ts';
import { alternateLinksHtml, alternatesFor, readerFeed, subscriptions, writeSyndication } from './syndication.ts';

export interface PipelineOptions {
  site: Site;
  /** Prerenders every address (build/prerender.ts) at `now`; `head` gives what a page's <head> carries besides. Returns the addresses written. */
  writePages(builder: ViteBuilder, extra: { now: Date; head: (path: string) => string }): Promise<string[]>;
  generateServiceWorker(): Promise<void>;
  /** For tests: how sources are fetched. */
  read?: ReadOptions;
  /** For tests: how images are fetched, and their limits (build/images.ts). */
  images?: ImageOptions;
  /** The build's "now" (default: build/clock.ts, BULLETIN_NOW or the clock, read when the build starts). */
  now?: () => Date;
}

/** An error whose report is its one line, not a stack trace: the reader of a build log is an editor. */
function plainError(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}

export function pipeline(options: PipelineOptions): Plugin {
  let finalDir = '';
  let stagingDir = '';
  return {
    name: 'bulletin:pipeline',
    apply: 'build',
    config(config) {
      finalDir = resolve(config.root ?? process.cwd(), config.build?.outDir ?? 'dist');
      stagingDir = `${finalDir}.staging-${process.pid}`;
      return {
        build: { outDir: stagingDir, emptyOutDir: true },
        builder: {
          buildApp: async (builder) => {
            const log = (line: string) => builder.config.logger.warn(line);
            try {
              const now = (options.now ?? buildNow)();
              let read;
              try {
                read = await readSources(options.site, { now, ...options.read });
              } catch (error) {
                throw plainError(error instanceof Error ? error.message : String(error));
              }
              if (read.problems.length > 0) for (const line of reportLines(read.problems, read.stats)) log(line);
              const { client, ssr } = builder.environments;
              if (!client || !ssr) throw new Error('The build needs the client and ssr environments');
              await builder.build(client);
              await builder.build(ssr);
              const { site } = options;
              let { feed } = read;
              if (site.images === 'self') {
                const images = await selfHostImages(feed, stagingDir, options.images);
                for (const problem of images.problems) log(describeProblem(problem));
                if (images.served + images.failed > 0) log(`Images: ${images.served} served from the site, ${images.failed} left out.`);
                feed = images.feed;
              }
              writeFeedPages(feed, stagingDir, { perPage: site.pageSize });
              writeCalendars(feed, site, stagingDir, { now });
              const subs = subscriptions(readerFeed(feed));
              const atom = writeSyndication(feed, subs, stagingDir, { site, now }).length > 0;
              const alternates = alternatesFor(subs, { atom });
              const addresses = await options.writePages(builder, { now, head: (path) => alternateLinksHtml(alternates(path)) });
              writeSitemap(stagingDir, addresses, subs, site.url);
              await options.generateServiceWorker();
              swapIn(stagingDir, finalDir);
            } finally {
              rmSync(stagingDir, { recursive: true, force: true });
            }
          },
        },
      };
    },
  };
}

/** Puts the staging folder where the output goes, replacing what was there. */
function swapIn(staging: string, target: string): void {
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, old);
  renameSync(staging, target);
  rmSync(old, { recursive: true, force: true });
}
