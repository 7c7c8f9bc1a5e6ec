/**
 * Helpers for the offline, theme and print tests (support.ts is shared and left as it is):
 *
 * - `ownSite()`: a private copy of the production build served by its own `vite preview` on a port
 *   of its own, which a test can stop (so that nothing at all answers: really offline), change
 *   (a new feed, a new service worker) and start again on the same port (same origin, so the
 *   service worker and its caches carry over).
 * - Problem checks for a page on such a site (support.ts counts only the shared server as ours).
 * - Colour arithmetic for contrast checks (WCAG 2 relative luminance).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, afterEach, expect } from 'vitest';
import type { Session } from './support';
import { missingAssets } from '../../scripts/lib/missing-assets.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');

// ---------------------------------------------------------------------------------------------
// A site of our own.

export interface OwnSite {
  /** The private copy of dist/ that is served; change files in it freely. */
  dir: string;
  /** The port, fixed after the first start. */
  port: number;
  /** "http://127.0.0.1:<port>" */
  url: string;
  start(): Promise<void>;
  /** Stops the server and drops every open connection: nothing answers on the port any more. */
  stop(): Promise<void>;
  /** Reads, changes and writes back a JSON file of the copy (e.g. "feed.json"). */
  editJson(file: string, edit: (json: Record<string, unknown>) => void): void;
  dispose(): Promise<void>;
}

const sites = new Set<OwnSite>();
/** Copies of stopped sites, deleted once the file's pages are closed (see withOwnSites). */
const stoppedDirs: string[] = [];

/**
 * Call once at the top of a test file that uses ownSite(): stops the sites after each test and
 * deletes their copies after the file. Not sooner: this afterEach runs before support.ts closes
 * the test's pages, and a request already being answered (the manifest's icons, say) would open
 * a file that was just deleted, an uncaught ENOENT that fails the whole run.
 */
export function withOwnSites(): void {
  afterEach(async () => {
    await Promise.all([...sites].map((s) => s.dispose()));
  });
  afterAll(() => {
    for (const dir of stoppedDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
}

async function copyDist(): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    if (existsSync(join(DIST, 'index.html')) && existsSync(join(DIST, 'sw.js'))) {
      const copy = mkdtempSync(join(tmpdir(), 'bulletin-own-site-'));
      try {
        cpSync(DIST, copy, { recursive: true });
        if (missingAssets(copy).length === 0 && existsSync(join(copy, 'sw.js'))) return copy;
      } catch {
        // A build emptied dist/ while we copied: try again.
      }
      rmSync(copy, { recursive: true, force: true });
    }
    if (attempt >= 20) throw new Error(`No complete production build in ${DIST}: run vite build first.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** A private copy of the build, served at once on a free port. */
export async function ownSite(): Promise<OwnSite> {
  const dir = await copyDist();
  let server: PreviewServer | null = null;
  const site: OwnSite = {
    dir,
    port: 0,
    url: '',
    async start() {
      if (server) return;
      server = await preview({
        configFile: false,
        root: ROOT,
        logLevel: 'silent',
        build: { outDir: dir },
        preview: { host: '127.0.0.1', port: site.port, strictPort: site.port !== 0, open: false },
      });
      const address = server.httpServer.address() as AddressInfo | string | null;
      if (address === null || typeof address === 'string') throw new Error('The preview server has no TCP address.');
      site.port = address.port;
      site.url = `http://127.0.0.1:${address.port}`;
    },
    async stop() {
      const s = server;
      server = null;
      if (!s) return;
      // Keep-alive connections would otherwise go on answering after close().
      (s.httpServer as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await s.close();
    },
    editJson(file, edit) {
      const path = join(dir, file);
      const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      edit(json);
      writeFileSync(path, JSON.stringify(json, null, 2));
    },
    async dispose() {
      sites.delete(site);
      await site.stop();
      stoppedDirs.push(dir);
    },
  };
  sites.add(site);
  await site.start();
  return site;
}

// ---------------------------------------------------------------------------------------------
// Service worker.

/**
 * Waits for the service worker to be active, then reloads so that it controls the page
 * (the worker does not claim pages that are already open). Fails if it still does not control it.
 */
export async function waitForServiceWorkerControl(page: Page, afterReload: (page: Page) => Promise<void>): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await afterReload(page);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'no controller'), {
      message: 'the service worker should control the page after a reload',
    })
    .toBe('activated');
}

/** Offline for real: the browser says so, and the server is gone, so not even the service worker gets an answer. */
export async function goOffline(context: BrowserContext, site: OwnSite): Promise<void> {
  await site.stop();
  await context.setOffline(true);
}

/** Back online: the server answers again on the same port (same origin) and the browser says so. */
export async function goOnline(context: BrowserContext, site: OwnSite): Promise<void> {
  await site.start();
  await context.setOffline(false);
}

// ---------------------------------------------------------------------------------------------
// Problems in a page on our own site.

export interface SiteWatch {
  /** Requests to the site that failed or answered 4xx/5xx. */
  failed: string[];
}

/** Records failed requests to `site` in `session` (support.ts only watches the shared server). */
export function watchSite(session: Session, site: OwnSite): SiteWatch {
  const watch: SiteWatch = { failed: [] };
  const ours = (url: string) => url.startsWith(`${site.url}/`);
  session.context.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed';
    if (ours(request.url()) && failure !== 'net::ERR_ABORTED') watch.failed.push(`${request.method()} ${request.url()}: ${failure}`);
  });
  session.context.on('response', (response) => {
    if (ours(response.url()) && response.status() >= 400) {
      watch.failed.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
    }
  });
  return watch;
}

/** What a browser logs for a request that got no answer (expected while offline). */
const NETWORK_NOISE = /Failed to load resource|net::ERR_|FetchEvent|no-response|Failed to fetch/i;

/**
 * No uncaught errors, no CSP violations, nothing requested from any origin but the site, and no
 * console errors. With `offline: true`, failed requests and the console errors browsers log for
 * them are expected; everything else still counts.
 */
export function expectNoSiteProblems(session: Session, site: OwnSite, watch: SiteWatch, { offline = false } = {}): void {
  const { problems } = session;
  const foreign = problems.foreignRequests.filter((url) => !url.startsWith(`${site.url}/`));
  const consoleErrors = offline ? problems.consoleErrors.filter((m) => !NETWORK_NOISE.test(m)) : problems.consoleErrors;
  const found: [string, string[]][] = [
    ['pageErrors', problems.pageErrors],
    ['cspViolations', problems.cspViolations],
    ['foreignRequests', foreign],
    ['consoleErrors', consoleErrors],
    ['failedRequests', offline ? [] : watch.failed],
  ];
  const listed = found.filter(([, list]) => list.length > 0);
  const message = listed.map(([kind, list]) => `${kind}:\n  ${list.join('\n  ')}`).join('\n');
  expect(listed.length, `Problems in the page:\n${message}`).toBe(0);
}

// ---------------------------------------------------------------------------------------------
// Colour.

export type Rgba = [number, number, number, number];

/** Parses a computed colour ("rgb(1, 2, 3)", "rgba(1, 2, 3, 0.5)", "color(srgb 0.1 0.2 0.3)"). */
export function parseColour(value: string): Rgba | null {
  const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : parseFloat(rgb[4]);
    return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), alpha];
  }
  const srgb = /^color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s*\/\s*([\d.]+))?\s*\)$/.exec(value.trim());
  if (srgb) {
    return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, srgb[4] === undefined ? 1 : Number(srgb[4])];
  }
  return null;
}

/** WCAG 2 relative luminance of an opaque sRGB colour. */
export function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2 contrast ratio of two opaque colours (1 to 21). */
export function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `top` laid over an opaque `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}
