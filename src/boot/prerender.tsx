/**
 * Build-time prerendering (the SSR entry of the build, build/prerender.ts; never shipped): renders
 * every address the reader can reach to static HTML, so a reader sees the page before any script
 * has run, and one without JavaScript can read it at all. In the browser, ./main.tsx hydrates it
 * once the feed is in.
 *
 * Nothing here reaches for browser globals: the window that bodies are sanitised in (a jsdom
 * window at build time) and "now" are passed in.
 */
import { QueryClient } from '@tanstack/react-query';
import { prerender } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { loadAlerts } from '../app/alerts';
import { AppProviders } from '../app/App';
import { siteChrome } from '../app/chrome';
import { LEAVE_QUICKLY_TITLE, loadLeaveQuickly } from '../app/leave-quickly';
import { loadAbout, loadLists } from '../app/lists';
import { loadSearch } from '../app/search';
import { AppRoutes } from '../app/routes';
import { STORAGE_PAGE_TITLE } from '../about';
import { loadSanitiser, releaseContent, shareIsland, type DomWindow, type Sanitiser } from '../article';
import { ANY_ADDRESS, type RenderedFor } from './after-paint';
import { itemHref, paths } from '../config/paths';
import { plainTextOf, releasesByYear, SEARCH_INDEX_KEY, searchIndexFile, type SearchIndexFile } from '../search';
import { combinePages, feedPageQueryOptions, feedQueryOptions, normaliseFeed, type FeedPage, type FeedPageHint } from '../feed';
import type { SafeStorage } from '../lib/storage';
import { nextSplitChange } from '../news';
import { optionsIsland } from '../preferences';
import { displayTitle } from '../ui/item-text';
import { quickExitUrl } from '../lib/quick-exit';
import { documentTitle } from '../ui/useDocumentTitle';

const noStorage: SafeStorage = { get: () => null, set: () => false, remove: () => undefined };


/** A page's address (`/`, /news/force-praised-…-0fnz0wq/, or ANY_ADDRESS for the not-found page), what it says about itself (src/boot/after-paint.ts), and its content. */
export interface PrerenderedPage extends Omit<RenderedFor, 'page'> {
  path: string;
  /** document.title as the app sets it. */
  title: string;
  description: string | null;
  /** The item a release's or event's page shows (its id, and its headline as the page gives it); null on lists and the not-found page. */
  item: { id: string; headline: string } | null;
  /** The markup inside #root. */
  html: string;
  /** Each area's view of this page's <main> (its inner markup), where areaViews is set. */
  views: readonly AreaView[];
}

/** One area's view of a page's <main>: written as a <template> after #root (build/page-template.ts). */
export interface AreaView {
  area: string;
  main: string;
}

/**
 * The markup inside the one <main> of a rendered page (the layout's). Lists only: their text is
 * escaped by React, so no `<main` or `</main>` can come from the feed.
 */
export function mainContent(html: string): string {
  const open = html.indexOf('<main');
  const start = open < 0 ? -1 : html.indexOf('>', open) + 1;
  const end = html.lastIndexOf('</main>');
  if (start <= 0 || end < start) throw new Error('A rendered list has no <main>');
  return html.slice(start, end);
}

/** The most items given a page of their own at build time; later ones are rendered by the app. */
export const MAX_PRERENDERED_ITEMS = 10_000;

export interface PrerenderInput {
  /** The feed's pages in order, as fetched: each page's address and its raw JSON (checked here by the feed boundary). */
  pages: readonly { url: string; json: unknown }[];
  /** "Now", for what depends on the day (which events are upcoming). */
  now: Date;
  /** A new DOM window to sanitise release bodies in (jsdom at build time): asked for again every PAGES_PER_WINDOW pages. */
  newWindow: () => DomWindow;
  /** Given the search index of every item (src/search), which the build writes beside the pages. */
  onSearchIndex?: (file: SearchIndexFile) => void;
}

/**
 * Sanitising many bodies in one jsdom window gets slower with each one (about 1.5 ms a body at
 * first, ten times that after 10,000): a fresh window every so many pages keeps it even.
 */
export const PAGES_PER_WINDOW = 100;

/** The sanitiser, each body's safe HTML kept after its first call (the same input gives the same output, whichever window). */
function onceEach(loaded: Sanitiser): Sanitiser {
  const done = new Map<string, string>();
  return {
    ...loaded,
    sanitiseHtml(html, options) {
      const key = `${options.base}\n${options.origin}\n${html}`;
      let safe = done.get(key);
      if (safe === undefined) {
        safe = loaded.sanitiseHtml(html, options);
        done.set(key, safe);
      }
      return safe;
    },
  };
}

/** Every address: latest news (and each area's view of it, and its older pages), events, every item on every page, and the not-found page. */
export async function prerenderPages({ pages: raw, now, newWindow, onSearchIndex }: PrerenderInput): Promise<PrerenderedPage[]> {
  const pages: FeedPage[] = raw.map((p) => normaliseFeed(p.json, p.url));
  const first = pages[0];
  if (!first) throw new Error('Prerendering needs at least one feed page');
  const feedUrl = first.url;
  const feed = combinePages([first]);
  // The sanitiser, a release's content and the lists are loaded on demand in the browser; here they must be in before rendering.
  // So are the islands' (src/lib/island.tsx), which the page has whole, and the chrome's (src/app/chrome.tsx).
  await Promise.all([loadLists(), loadAbout(), loadAlerts(), loadSearch(), optionsIsland.load(), shareIsland.load(), releaseContent.load(), siteChrome.load()]);
  const leaveQuickly = quickExitUrl() !== null;
  if (leaveQuickly) await loadLeaveQuickly();
  // Each body is sanitised once: for the search index, and the same HTML again for its page
  // (sanitising is most of a large source's build time).
  const sanitiser = onceEach(await loadSanitiser());
  const origin = new URL(feedUrl).origin;
  let body = { sanitiser, window: newWindow(), origin };
  let rendered = 0;

  // The search index: every item's body as plain text, from the sanitised body (as the reader sees it).
  let sanitised = 0;
  const search = searchIndexFile(pages, (item) => {
    if (!item.contentHtml) return item.contentText ?? '';
    if (++sanitised % PAGES_PER_WINDOW === 0) body = { sanitiser, window: newWindow(), origin };
    const holder = body.window.document.createElement('template');
    holder.innerHTML = sanitiser.sanitiseHtml(item.contentHtml, { base: item.pageUrl, origin, window: body.window });
    return plainTextOf(holder.content);
  });
  onSearchIndex?.(search);

  const render = async (path: string, hint: FeedPageHint | null, hintedPage: FeedPage | null): Promise<string> => {
    if (++rendered % PAGES_PER_WINDOW === 0) body = { sanitiser, window: newWindow(), origin };
    const queryClient = new QueryClient();
    queryClient.setQueryData(feedQueryOptions(feedUrl).queryKey, { pages: [first], pageParams: [feedUrl] });
    if (hint && hintedPage) queryClient.setQueryData(feedPageQueryOptions(hint.feedPage).queryKey, hintedPage);
    queryClient.setQueryData(SEARCH_INDEX_KEY, search);
    const { prelude } = await prerender(
      <AppProviders feedUrl={feedUrl} queryClient={queryClient} clock={() => now} storage={noStorage} body={body} feedPageHint={hint}>
        <StaticRouter location={path === ANY_ADDRESS ? '/404' : path}>
          <AppRoutes />
        </StaticRouter>
      </AppProviders>,
    );
    const html = await new Response(prelude).text();
    queryClient.clear();
    return html;
  };

  const site = feed.title;
  const areas = feed.areas.map((a) => ({ id: a.id, postcodes: a.postcodes }));
  const plain = { byArea: false, areas: null, areaViews: false, feedPage: null, validUntil: null, views: [], item: null };
  const out: PrerenderedPage[] = [];
  const add = async (page: Omit<PrerenderedPage, 'html'>, hinted: FeedPage | null = null) => {
    const hint = page.feedPage ? { path: page.path, feedPage: page.feedPage } : null;
    out.push({ ...page, html: await render(page.path, hint, hinted) });
  };

  // Latest news, carrying each area's view of it (which the boot script shows a reader of that
  // area); each area's view at its own address too ("News for Middlesbrough"); the older pages.
  const newsHtml = await render(paths.news.href(), null, null);
  const areaPages: PrerenderedPage[] = [];
  for (const area of feed.areas) {
    const path = paths.area.href(area.id);
    areaPages.push({ ...plain, path, title: documentTitle(`News for ${area.name}`, site), description: feed.description, html: await render(path, null, null) });
  }
  const views = areaPages.map((page, i) => ({ area: feed.areas[i]?.id ?? '', main: mainContent(page.html) }));
  out.push(
    { ...plain, path: paths.news.href(), byArea: true, areas, areaViews: views.length > 0, views, title: documentTitle('Latest news', site), description: feed.description, html: newsHtml },
    ...areaPages,
  );
  for (const [index, page] of pages.entries()) {
    if (index === 0) continue;
    const n = index + 1;
    await add({ ...plain, path: paths.newsPage.href(n), feedPage: page.url, title: documentTitle(`Latest news: page ${n}`, site), description: null }, page);
  }
  // Events: which are upcoming depends on the day, so the page says when it expires.
  const validUntil = nextSplitChange(feed.items, now)?.toISOString() ?? null;
  await add({ ...plain, path: paths.events.href(), byArea: true, areas, validUntil, title: documentTitle('Events', site), description: feed.description });
  await add({ ...plain, path: paths.subscribe.href(), title: documentTitle('Subscribe', site), description: `Follow ${site} in a feed reader: the addresses of its feeds.` });
  await add({ ...plain, path: paths.accessibility.href(), title: documentTitle('Accessibility statement', site), description: null });
  await add({ ...plain, path: paths.whatWeKeep.href(), title: documentTitle(STORAGE_PAGE_TITLE, site), description: `What ${site} keeps on your device, and why: no cookies.` });
  if (leaveQuickly) await add({ ...plain, path: paths.leaveQuickly.href(), title: documentTitle(LEAVE_QUICKLY_TITLE, site), description: null });
  // Search (its no-script message; the app replaces it), the archive's index and each year's releases.
  await add({ ...plain, path: paths.search.href(), title: documentTitle('Search', site), description: `Search every release and event of ${site}.` });
  await add({ ...plain, path: paths.archive.href(), title: documentTitle('Archive', site), description: `Every release of ${site}, year by year.` });
  for (const year of releasesByYear(search).keys()) {
    await add({ ...plain, path: paths.archiveYear.href(year), title: documentTitle(`News from ${year}`, site), description: null });
  }
  await add({ ...plain, path: ANY_ADDRESS, title: documentTitle('Page not found', null), description: null });

  // Every item on every page; one beyond the first page names its page for the app to fetch alone.
  const seen = new Set<string>();
  for (const [index, page] of pages.entries()) {
    for (const item of page.items) {
      const path = itemHref(item);
      if (seen.has(path) || seen.size >= MAX_PRERENDERED_ITEMS) continue;
      seen.add(path);
      const headline = displayTitle(item);
      await add({ ...plain, path, feedPage: index === 0 ? null : page.url, title: documentTitle(headline, site), description: item.summary, item: { id: item.id, headline } }, page);
    }
  }
  return out;
}
