/**
 * Build-time prerendering (used by vite.config.ts, never shipped): renders latest news and each
 * release of the embedded feed's first page to static HTML, so a reader sees the page before any
 * script has run, and one without JavaScript can read it at all. In the browser, src/main.tsx
 * hydrates it once the feed is in.
 */
import { QueryClient } from '@tanstack/react-query';
import { prerender } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { AppProviders } from './app/App';
import { AppRoutes } from './app/routes';
import { loadSanitiser } from './article';
import { itemHref as itemPath } from './config/paths';
import { feedQueryOptions, normaliseFeed } from './feed';
import type { SafeStorage } from './lib/storage';
import { displayTitle } from './ui/item-text';
import { documentTitle } from './ui/useDocumentTitle';

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

/**
 * Latest news (`/`) and every release on the feed's first page. Events stay client-side: which are
 * upcoming depends on the day the reader looks.
 */
export async function prerenderPages(feedJson: unknown, feedUrl: string, now: Date): Promise<PrerenderedPage[]> {
  const page = normaliseFeed(feedJson, feedUrl);
  // The sanitiser is loaded on demand in the browser; here it must be in before rendering.
  await loadSanitiser();
  const render = async (path: string) => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(feedQueryOptions(feedUrl).queryKey, { pages: [page], pageParams: [feedUrl] });
    const { prelude } = await prerender(
      <AppProviders feedUrl={feedUrl} queryClient={queryClient} clock={() => now} storage={noStorage}>
        <StaticRouter location={path}>
          <AppRoutes />
        </StaticRouter>
      </AppProviders>,
    );
    const html = await new Response(prelude).text();
    queryClient.clear();
    return html;
  };
  const pages: PrerenderedPage[] = [
    { path: '/', byArea: true, title: documentTitle('Latest news', page.title), description: page.description, html: await render('/') },
  ];
  for (const item of page.items) {
    const path = itemPath(item);
    pages.push({ path, byArea: false, title: documentTitle(displayTitle(item), page.title), description: item.summary, html: await render(path) });
  }
  return pages;
}
