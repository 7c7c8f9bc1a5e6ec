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
import { AppProviders } from '../app/App';
import { AppRoutes } from '../app/routes';
import { loadSanitiser, type DomWindow } from '../article';
import { ANY_ADDRESS } from './after-paint';
import { itemHref, paths } from '../config/paths';
import { combinePages, feedPageQueryOptions, feedQueryOptions, normaliseFeed, type FeedPage, type FeedPageHint } from '../feed';
import type { SafeStorage } from '../lib/storage';
import { nextSplitChange } from '../news';
import { displayTitle } from '../ui/item-text';
import { documentTitle } from '../ui/useDocumentTitle';

const noStorage: SafeStorage = { get: () => null, set: () => false, remove: () => undefined };


export interface PrerenderedPage {
  /** The page's address, e.g. `/`, /news/force-praised-…-0fnz0wq, or ANY_ADDRESS for the not-found page. */
  path: string;
  /** The page's content depends on the reader's postcode (the list groups their area first). */
  byArea: boolean;
  /** The feed page beyond the first that holds what the page shows. */
  feedPage: string | null;
  /** When the page stops being true (an upcoming event finishes). */
  validUntil: string | null;
  /** document.title as the app sets it. */
  title: string;
  description: string | null;
  /** The markup inside #root. */
  html: string;
}

export interface PrerenderInput {
  /** The feed's pages in order, as fetched: each page's address and its raw JSON (checked here by the feed boundary). */
  pages: readonly { url: string; json: unknown }[];
  /** "Now", for what depends on the day (which events are upcoming). */
  now: Date;
  /** A DOM window to sanitise release bodies in (jsdom at build time). */
  window: DomWindow;
}

/** Every address: latest news, events, every item on every page, and the not-found page. */
export async function prerenderPages({ pages: raw, now, window }: PrerenderInput): Promise<PrerenderedPage[]> {
  const pages: FeedPage[] = raw.map((p) => normaliseFeed(p.json, p.url));
  const first = pages[0];
  if (!first) throw new Error('Prerendering needs at least one feed page');
  const feedUrl = first.url;
  const feed = combinePages([first]);
  // The sanitiser is loaded on demand in the browser; here it must be in before rendering.
  const body = { sanitiser: await loadSanitiser(), window, origin: new URL(feedUrl).origin };

  const render = async (path: string, hint: FeedPageHint | null, hintedPage: FeedPage | null) => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(feedQueryOptions(feedUrl).queryKey, { pages: [first], pageParams: [feedUrl] });
    if (hint && hintedPage) queryClient.setQueryData(feedPageQueryOptions(hint.feedPage).queryKey, hintedPage);
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
  const home = paths.news.href();
  const events = paths.events.href();
  const validUntil = nextSplitChange(feed.items, now);
  const out: PrerenderedPage[] = [
    { path: home, byArea: true, feedPage: null, validUntil: null, title: documentTitle('Latest news', site), description: feed.description, html: await render(home, null, null) },
    {
      path: events,
      byArea: true,
      feedPage: null,
      validUntil: validUntil?.toISOString() ?? null,
      title: documentTitle('Events', site),
      description: feed.description,
      html: await render(events, null, null),
    },
    { path: ANY_ADDRESS, byArea: false, feedPage: null, validUntil: null, title: documentTitle('Page not found', null), description: null, html: await render(ANY_ADDRESS, null, null) },
  ];
  const seen = new Set<string>();
  for (const [index, page] of pages.entries()) {
    for (const item of page.items) {
      const path = itemHref(item);
      if (seen.has(path)) continue;
      seen.add(path);
      const hint = index === 0 ? null : { path, feedPage: page.url };
      out.push({
        path,
        byArea: false,
        feedPage: hint?.feedPage ?? null,
        validUntil: null,
        title: documentTitle(displayTitle(item), site),
        description: item.summary,
        html: await render(path, hint, page),
      });
    }
  }
  return out;
}
