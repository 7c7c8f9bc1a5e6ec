/**
 * Prerendering, as a step of Vite's own app build (build/pipeline.ts): an `ssr` environment builds
 * the render entry (src/boot/prerender.tsx) beside the client bundle, and once both are built
 * writePages renders every address into the client output, each at its own folder's index.html
 * (see pageFile).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import type { Plugin, ViteBuilder } from 'vite';
import { ANY_ADDRESS } from '../src/boot/after-paint.ts';
import { SEARCH_INDEX_FILE } from '../src/config/paths.ts';
import { pageTemplate } from './page-template.ts';
import { publishShareImage, shareHead, shareSite, writtenItems } from './share.ts';
import type { Site } from './site/index.ts';
import type { JsonFeed } from './sources/types.ts';

type RenderModule = typeof import('../src/boot/prerender');

export const RENDER_ENTRY = 'src/boot/prerender.tsx';
/**
 * Where the render entry is built: inside the project, so that it finds the project's
 * node_modules; one folder per process, so that two builds at once (a test run and the bench) do
 * not share it. Deleted once the pages are written.
 */
const RENDER_OUT_DIR = `node_modules/.cache/bulletin-prerender-${process.pid}`;
/** The origin pages are rendered at; addresses on it are written root-relative. */
const STAND_IN_ORIGIN = 'http://prerender.invalid';

/**
 * The file a page's address is written to: a folder's index.html (`/news/x/` is
 * news/x/index.html, `/` is index.html), which any static host serves at the address with no
 * rewrites; the not-found page (for any address) is 404.html, which hosts serve with status 404.
 */
export function pageFile(outDir: string, path: string): string {
  if (path === ANY_ADDRESS) return join(outDir, '404.html');
  const folder = path.split('/').filter(Boolean);
  if (folder.some((part) => part === '.' || part === '..')) throw new Error(`A page address may not leave the build: ${path}`);
  return join(outDir, ...folder.map(decodeURIComponent), 'index.html');
}

/** The most feed pages prerendering reads (at the default page size, 500,000 items). */
export const MAX_FEED_PAGES = 10_000;

/** The feed pages as written into the build: feed.json, then each next_url, within a bound and never twice. */
export function readFeedPages(outDir: string, origin: string, maxPages = MAX_FEED_PAGES): { url: string; json: unknown }[] {
  const pages: { url: string; json: unknown }[] = [];
  let url: string | null = `${origin}/feed.json`;
  while (url !== null && pages.length < maxPages && !pages.some((p) => p.url === url)) {
    const { pathname } = new URL(url);
    const json = JSON.parse(readFileSync(join(outDir, decodeURIComponent(pathname.slice(1))), 'utf8')) as { next_url?: unknown };
    pages.push({ url, json });
    const next: unknown = json.next_url;
    const nextUrl: URL | null = typeof next === 'string' ? new URL(next, url) : null;
    url = nextUrl && nextUrl.origin === origin ? nextUrl.href : null;
  }
  return pages;
}

/**
 * Renders every address into the client output (after both environments are built), each with
 * its share previews and structured data (build/share.ts) from the site file; `head` gives what
 * each page's <head> carries besides (the feeds that fit it). Returns the addresses written, but
 * the not-found page (it stands for every address).
 */
export async function writePages(
  builder: ViteBuilder,
  site: Site,
  { now = new Date(), head }: { now?: Date; head?: (path: string) => string } = {},
): Promise<string[]> {
  const { client, ssr } = builder.environments;
  if (!client || !ssr) throw new Error('Prerendering needs the client and ssr environments');
  const outDir = resolve(client.config.root, client.config.build.outDir);
  const renderDir = resolve(ssr.config.root, ssr.config.build.outDir);
  // A jsdom window to sanitise bodies in, a new one when asked (the old one closed).
  const current: { dom: JSDOM | null } = { dom: null };
  const newWindow = () => {
    current.dom?.window.close();
    current.dom = new JSDOM('<!doctype html><html><body></body></html>', { url: `${STAND_IN_ORIGIN}/` });
    // jsdom's window has the DOM constructors the sanitiser needs (its type is jsdom's own).
    return current.dom.window as unknown as typeof globalThis;
  };
  // Addresses rendered on the stand-in origin are written root-relative.
  const rootRelative = (text: string) => text.replaceAll(STAND_IN_ORIGIN, '');
  try {
    const { prerenderPages } = (await import(pathToFileURL(join(renderDir, 'prerender.js')).href)) as RenderModule;
    const template = pageTemplate(readFileSync(join(outDir, 'index.html'), 'utf8'));
    const feedPages = readFeedPages(outDir, STAND_IN_ORIGIN);
    const pages = await prerenderPages({
      pages: feedPages,
      now,
      newWindow,
      // The search index (src/search/documents.ts), fetched by search and the archive when first used.
      onSearchIndex: (file) => writeFileSync(join(outDir, SEARCH_INDEX_FILE.slice(1)), JSON.stringify(file)),
    });
    const written = writtenItems(feedPages);
    const shared = shareSite(site, feedPages[0]?.json as JsonFeed, publishShareImage(site.shareImage, outDir));
    for (const page of pages) {
      const file = pageFile(outDir, page.path);
      mkdirSync(dirname(file), { recursive: true });
      const item = page.item && written.get(page.item.id);
      const share = shareHead({ ...page, item: page.item && item ? { headline: page.item.headline, written: item } : null }, shared);
      const links = head?.(page.path) ?? '';
      writeFileSync(file, template.render({ ...page, html: rootRelative(page.html), feedPage: page.feedPage && rootRelative(page.feedPage) }, share + links));
    }
    return pages.map((page) => page.path).filter((path) => path !== ANY_ADDRESS);
  } finally {
    current.dom?.window.close();
    rmSync(renderDir, { recursive: true, force: true });
  }
}

/** The render entry's build: Vite's `ssr` environment (build/pipeline.ts builds it after the client). */
export function prerender(): Plugin {
  return {
    name: 'bulletin:prerender',
    apply: 'build',
    config: () => ({
      environments: {
        ssr: {
          build: {
            outDir: RENDER_OUT_DIR,
            emptyOutDir: true,
            copyPublicDir: false,
            minify: false,
            rollupOptions: { input: { prerender: RENDER_ENTRY } },
          },
        },
      },
    }),
  };
}
