/**
 * TanStack Query definitions for the feed, shared by every page: one cache entry per feed URL
 * holding the pages fetched so far. Older pages are fetched only when a reader asks for them
 * (or when an address names an item that is not on the pages already fetched).
 */
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { createContext, useContext, useMemo } from 'react';
import { combinePages } from './combine';
import { fetchFeedPage, isTransient } from './fetch-feed';
import type { FeedPage } from './types';

/** The most pages the reader will follow through `next_url`. */
export const MAX_PAGES = 250;
/** Transient faults are tried again twice, after 0.5 s and 1 s. */
const MAX_RETRIES = 2;

/** The URL of the page after the last one, unless it repeats a page already fetched or the bound is reached. */
export function nextPageUrl(pages: readonly FeedPage[], maxPages = MAX_PAGES): string | undefined {
  const last = pages.at(-1);
  if (!last?.nextUrl || pages.length >= maxPages) return undefined;
  const next = last.nextUrl;
  return pages.some((p) => p.url === next) ? undefined : next;
}

export function feedQueryOptions(feedUrl: string) {
  return infiniteQueryOptions({
    queryKey: ['feed', feedUrl],
    queryFn: ({ pageParam, signal }) => fetchFeedPage(pageParam, { signal }),
    initialPageParam: feedUrl,
    getNextPageParam: (_last: FeedPage, pages: FeedPage[]) => nextPageUrl(pages),
    staleTime: 5 * 60_000,
    // Run the request even when the browser says it is offline: the service worker may answer
    // from the copy it kept. Back online, fetch fresh news at once.
    networkMode: 'offlineFirst',
    refetchOnReconnect: 'always',
    // A feed that failed (after its retries) is not fetched again just because a page mounts:
    // src/boot/main.tsx fetches it before hydrating a prerendered page, and that attempt counts.
    // "Try again" and coming back online fetch it again.
    retryOnMount: false,
  });
}

/** Retry policy for the app's QueryClient: transient faults only, with backoff. */
export function retryFeed(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isTransient(error);
}
export function retryDelay(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 4000);
}

/** The feed URL in use; the app provides it, tests may point it anywhere. */
export const FeedUrlContext = createContext<string | null>(null);

function useFeedUrl(): string {
  const url = useContext(FeedUrlContext);
  if (!url) throw new Error('useFeed needs a FeedUrlContext provider');
  return url;
}

/** The feed as the pages see it: combined pages plus the query's state and controls. */
export function useFeed() {
  const query = useInfiniteQuery(feedQueryOptions(useFeedUrl()));
  const pages = query.data?.pages;
  const feed = useMemo(() => (pages ? combinePages(pages) : null), [pages]);
  return { ...query, feed };
}

/**
 * The feed page that holds what a prerendered page shows, when that is not the first page: the
 * build names it on the page (src/boot/), so that a direct load of a release on page 200 fetches
 * the first page and that one, not the 198 between.
 */
export interface FeedPageHint {
  /** The address the page was prerendered for: the hint holds there only. */
  path: string;
  /** The feed page's URL. */
  feedPage: string;
}
export const FeedPageHintContext = createContext<FeedPageHint | null>(null);

export function feedPageQueryOptions(url: string) {
  return queryOptions({
    queryKey: ['feed-page', url],
    queryFn: ({ signal }) => fetchFeedPage(url, { signal }),
    staleTime: 5 * 60_000,
    networkMode: 'offlineFirst',
    retryOnMount: false,
  });
}

/**
 * The feed page hinted for the address `path`, fetched only when `needed` (what the address shows
 * is not on the pages fetched in order). `pending` while it is on its way; `page` null without a
 * hint for this address or after a failure.
 */
export function useHintedPage(path: string, needed: boolean): { page: FeedPage | null; pending: boolean } {
  const hint = useContext(FeedPageHintContext);
  const enabled = needed && hint !== null && hint.path === path;
  const query = useQuery({ ...feedPageQueryOptions(hint?.feedPage ?? ''), enabled });
  return { page: enabled ? (query.data ?? null) : null, pending: enabled && query.isPending };
}

/** What useFeed gives: the feed (null until it is in) and the query's state and controls. */
export type FeedQuery = ReturnType<typeof useFeed>;
