/**
 * Build-time prerendering (used by vite.config.ts, never shipped): renders each release of the
 * embedded feed's first page to static HTML, so a reader sees the release before any script has
 * run, and one without JavaScript can read it at all. In the browser, src/main.tsx renders the
 * app over it once the feed and the article chunk are ready.
 */
import { QueryClient } from '@tanstack/react-query';
import { prerender } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { AppProviders } from './app/App';
import { AppRoutes } from './app/routes';
import { loadSanitiser } from './article';
import { normaliseFeed } from './feed/normalise';
import { displayTitle, itemPath } from './feed/paths';
import { feedQueryOptions } from './feed/queries';
import type { SafeStorage } from './lib/storage';

const noStorage: SafeStorage = { get: () => null, set: () => false, remove: () => undefined };

export interface PrerenderedPage {
  /** The item's address, e.g. /news/force-praised-…-0fnz0wq */
  path: string;
  /** document.title as the app sets it. */
  title: string;
  description: string | null;
  /** The markup inside #root. */
  html: string;
}

export async function prerenderReleases(feedJson: unknown, feedUrl: string, now: Date): Promise<PrerenderedPage[]> {
  const page = normaliseFeed(feedJson, feedUrl);
  // The sanitiser is loaded on demand in the browser; here it must be in before rendering.
  await loadSanitiser();
  const pages: PrerenderedPage[] = [];
  for (const item of page.items) {
    const queryClient = new QueryClient();
    queryClient.setQueryData(feedQueryOptions(feedUrl).queryKey, { pages: [page], pageParams: [feedUrl] });
    const path = itemPath(item);
    const { prelude } = await prerender(
      <AppProviders feedUrl={feedUrl} queryClient={queryClient} clock={() => now} storage={noStorage}>
        <StaticRouter location={path}>
          <AppRoutes />
        </StaticRouter>
      </AppProviders>,
    );
    pages.push({
      path,
      title: `${displayTitle(item)} | ${page.title}`,
      description: item.summary,
      html: await new Response(prelude).text(),
    });
    queryClient.clear();
  }
  return pages;
}
