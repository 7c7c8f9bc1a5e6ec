/**
 * Helpers for the offline and print tests:
 *
 * - `ownSite()`: a private copy of the production build served by its own `vite preview` on a port
 *   of its own, which a test can stop (so that nothing at all answers: really offline), change
 *   (a new feed, a new service worker) and start again on the same port (same origin, so the
 *   service worker and its caches carry over).
 * - The service worker taking control, and going offline and back online for real.
 *
 * A page on such a site is watched by support.ts as on the shared server: `newPage({ baseURL: site.url })`.
 */
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, afterEach, expect } from 'vitest';
import { ROOT, snapshotDist } from './global-setup';
import { freePort, startNginx, type Nginx } from './nginx-host';
import { newPage, ready, visit } from './support';

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

export interface OwnSiteOptions {
  /**
   * The time the server says it sent each feed document (its Date header), which the app shows as
   * the time the news was saved; by default the real time.
   */
  feedDate?: Date;
  /**
   * What serves it: `vite preview` (the default), or a real nginx with the shipped configuration
   * (deploy/nginx/bulletin.conf and the build's nginx-headers.conf).
   */
  host?: 'preview' | 'nginx';
}

/** What serves a copy: started on a port (0: any free one), it says the port it listens on. */
interface Host {
  start(port: number): Promise<number>;
  stop(): Promise<void>;
}

function previewHost(dir: string, feedDate: Date | undefined): Host {
  let server: PreviewServer | null = null;
  return {
    async start(port) {
      server ??= await preview({
        configFile: false,
        root: ROOT,
        logLevel: 'silent',
        build: { outDir: dir },
        preview: { host: '127.0.0.1', port, strictPort: port !== 0, open: false },
        plugins: feedDate
          ? [
              {
                name: 'bulletin-test-feed-date',
                configurePreviewServer(previewServer) {
                  previewServer.middlewares.use((request, response, next) => {
                    if (/^\/feed(-\d+)?\.json(\?|$)/.test(request.url ?? '')) response.setHeader('Date', feedDate.toUTCString());
                    next();
                  });
                },
              },
            ]
          : [],
      });
      const address = server.httpServer.address() as AddressInfo | string | null;
      if (address === null || typeof address === 'string') throw new Error('The preview server has no TCP address.');
      return address.port;
    },
    async stop() {
      const s = server;
      server = null;
      if (!s) return;
      // Keep-alive connections would otherwise go on answering after close().
      (s.httpServer as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await s.close();
    },
  };
}

/** nginx with the shipped configuration, started and stopped by its own process id. */
function nginxHost(dir: string): Host {
  let server: Nginx | null = null;
  return {
    async start(port) {
      const fixed = port || (await freePort());
      server ??= await startNginx(dir, fixed);
      return fixed;
    },
    async stop() {
      const s = server;
      server = null;
      await s?.stop();
    },
  };
}

/** A private copy of the build, served at once on a free port. */
export async function ownSite({ feedDate, host = 'preview' }: OwnSiteOptions = {}): Promise<OwnSite> {
  // The service worker too: the offline tests need it.
  const dir = await snapshotDist('bulletin-own-site-', ['sw.js']);
  const server = host === 'nginx' ? nginxHost(dir) : previewHost(dir, feedDate);
  const site: OwnSite = {
    dir,
    port: 0,
    url: '',
    async start() {
      site.port = await server.start(site.port);
      site.url = `http://127.0.0.1:${site.port}`;
    },
    stop: () => server.stop(),
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

/** A page on the site with the service worker in control (after one reload). */
export async function controlledSession(site: OwnSite, now?: Date) {
  const session = await newPage({ baseURL: site.url });
  if (now) await session.page.clock.setFixedTime(now);
  await visit(session.page, '/');
  await waitForServiceWorkerControl(session.page, ready);
  return { session, page: session.page, context: session.context };
}

/** The built service worker, answering which version it is ("v1", "v2") when asked. */
function versionedWorker(built: string, version: string): string {
  return `${built}\n// ${version}\nself.addEventListener('message', (event) => {\n  if (event.data && event.data.type === 'BULLETIN_TEST_VERSION') event.ports[0]?.postMessage('${version}');\n});\n`;
}

/**
 * Publishes a version of the site's service worker, as a deploy does: new content and a newer
 * modification time. The versions are the same size, and nginx's validators (ETag is mtime and
 * size, Last-Modified is whole seconds) would call two written within one second the same file:
 * the browser's update check would get 304 and never see the new worker.
 */
export function publishWorker(site: OwnSite, built: string, version: string): void {
  const swPath = join(site.dir, 'sw.js');
  let previous = 0;
  try {
    previous = statSync(swPath).mtimeMs / 1000;
  } catch {
    // No worker yet.
  }
  writeFileSync(swPath, versionedWorker(built, version));
  const modified = Math.floor(previous) + 2;
  utimesSync(swPath, modified, modified);
}

/** Asks the controlling worker which version it is. */
export function workerVersion(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const worker = navigator.serviceWorker.controller;
        if (!worker) {
          resolve('no controller');
          return;
        }
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(String(event.data));
        worker.postMessage({ type: 'BULLETIN_TEST_VERSION' }, [channel.port2]);
      }),
  );
}

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
