/**
 * Build-time prerendering (the SSR entry of the build, build/prerender.ts; never shipped): renders
 * latest news and each release of the feed's first page to static HTML, so a reader sees the page
 * before any script has run, and one without JavaScript can read it at all. In the browser,
 * ./main.tsx hydrates it once the feed is in.
 *
 * Nothing here reaches for browser globals: the window that bodies are sanitised in (a jsdom
 * window at build time) and "now" are passed in.
 */
import { QueryClient } from '@tanstack/react-query';
import { prerender } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { AppProviders } from '../app/App';
import { AppRoutes } from '../app/routes';
import { loadSanitiser } from '../article';
import { itemHref, paths } from '../config/paths';
import { feedQueryOptions, normaliseFeed } from '../feed';
import type { SafeStorage } from '../lib/storage';
import type { DomWindow } from '../article';
import { displayTitle } from '../ui/item-text';
import { documentTitle } from '../ui/useDocumentTitle';

const noStorage: SafeStorage = { get: () => null, set: () => false, remove: () => undefined };

export interface PrerenderedPage {
  /** The page's address: `/` (latest news) or an item's, e.g. /news/force-praised-…-0fnz0wq */
  path: string;
  /** The page's content depends on the reader's postcode (the list groups their area first). */
  byArea: boolean;
  /** document.title as the app sets it. */
  title: string;
  description: string | null;
  /** The markup inside #root. */
  html: string;
}

export interface PrerenderInput {
  /** The feed's first page as fetched (raw JSON, checked by the feed boundary here). */
  feed: unknown;
  /** The address the feed is read from; relative links in bodies resolve against it. */
  feedUrl: string;
  /** "Now", for wording that depends on the day. */
  now: Date;
  /** A DOM window to sanitise release bodies in (jsdom at build time). */
  window: DomWindow;
}

/**
 * Latest news (`/`) and every release on the feed's first page. Events stay client-side: which are
 * upcoming depends on the day the reader looks.
 */
export async function prerenderPages({ feed, feedUrl, now, window }: PrerenderInput): Promise<PrerenderedPage[]> {
  const page = normaliseFeed(feed, feedUrl);
  // The sanitiser is loaded on demand in the browser; here it must be in before rendering.
  const body = { sanitiser: await loadSanitiser(), window, origin: new URL(feedUrl).origin };
  const render = async (path: string) => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(feedQueryOptions(feedUrl).queryKey, { pages: [page], pageParams: [feedUrl] });
    const { prelude } = await prerender(
      <AppProviders feedUrl={feedUrl} queryClient={queryClient} clock={() => now} storage={noStorage} body={body}>
        <StaticRouter location={path}>
          <AppRoutes />
        </StaticRouter>
      </AppProviders>,
    );
    const html = await new Response(prelude).text();
    queryClient.clear();
    return html;
  };
  const home = paths.news.href();
  const pages: PrerenderedPage[] = [
    { path: home, byArea: true, title: documentTitle('Latest news', page.title), description: page.description, html: await render(home) },
  ];
  for (const item of page.items) {
    const path = itemHref(item);
    pages.push({ path, byArea: false, title: documentTitle(displayTitle(item), page.title), description: item.summary, html: await render(path) });
  }
  return pages;
}
