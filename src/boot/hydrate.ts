/**
 * Taking over a prerendered page in the browser: what the page brings, when the app can render the
 * same page, and which of React's recoverable errors are expected. Everything is passed in and
 * returned; nothing is kept in this module.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ErrorInfo } from 'react';
import { readAlertsInPage } from '../app/alerts';
import { readPrerenderedBody, readPrerenderedContent, type BodySupply } from '../article';
import { feedPageQueryOptions, feedQueryOptions, type FeedPageHint } from '../feed';
import { AFTER_PAINT_META, AREA_SHOWN_ATTRIBUTE, readPageAndFeedPage } from './after-paint';

/** What the page in the browser brings, read before the app takes it over. */
export interface PageOnArrival {
  /** No markup, or markup the boot script marked stale (`<html data-stale>`): render afresh. */
  renderAfresh: boolean;
  /** For a release: its content and its body as prerendered on the page, if any. */
  body: Partial<BodySupply>;
  /** The feed page (beyond the first) that the page names for what it shows. */
  feedPageHint: FeedPageHint | null;
  /** The area whose view of <main> the boot script showed, or null. */
  areaShown: string | null;
  /** The keys of the alerts the page's markup shows (null: rendered afresh). */
  alertsInPage: string[] | null;
}

/** A root-relative address made absolute against the page's own. */
function absolute(address: string | null): string | null {
  if (address === null) return null;
  try {
    return new URL(address, window.location.href).href;
  } catch {
    return null;
  }
}

export function readPageOnArrival(root: HTMLElement, doc: Document = document): PageOnArrival {
  // Markup prerendered for another address, or grouped for no area when the reader has one: the
  // boot script has hidden its <main>. It is rendered afresh; React replaces the old markup in its
  // first commit, so the header (the same on every page) never blinks. (Layout shows <main> again.)
  const stale = 'stale' in doc.documentElement.dataset;
  const renderAfresh = stale || !root.hasChildNodes();
  const meta = doc.querySelector(`meta[name="${AFTER_PAINT_META}"]`);
  const renderedFor = meta ? readPageAndFeedPage((name) => meta.getAttribute(name)) : null;
  const feedPage = renderAfresh ? null : absolute(renderedFor?.feedPage ?? null);
  return {
    renderAfresh,
    body: renderAfresh ? { content: null, prerendered: null } : { content: readPrerenderedContent(root), prerendered: readPrerenderedBody(root) },
    feedPageHint: feedPage && renderedFor ? { path: renderedFor.page, feedPage } : null,
    areaShown: renderAfresh ? null : doc.documentElement.getAttribute(AREA_SHOWN_ATTRIBUTE),
    alertsInPage: renderAfresh ? null : readAlertsInPage(root),
  };
}

/**
 * Resolves once the app can render what the prerendered page shows: the feed has been fetched (or
 * has failed, after its retries and time limits) and the page named for what it shows, and, when needed, the sanitiser and the lists are in. Never
 * rejects: a failure is the app's to show.
 */
export async function whenReadyToHydrate(queryClient: QueryClient, feedUrl: string, page: PageOnArrival, chunks: Promise<unknown>): Promise<void> {
  const hinted = page.feedPageHint ? queryClient.prefetchQuery(feedPageQueryOptions(page.feedPageHint.feedPage)) : null;
  await Promise.allSettled([queryClient.prefetchInfiniteQuery(feedQueryOptions(feedUrl)), hinted, chunks]);
}

/**
 * The one recoverable error that is expected: the live feed no longer matches the prerendered page,
 * so React renders that part afresh (React's own wording in development, error #418 in production).
 * Anything else React recovered from is a real problem.
 */
export function isExpectedHydrationMismatch(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /^Minified React error #418[;:]/.test(error.message) || error.message.startsWith('Hydration failed because the server rendered');
}

/**
 * React's `onRecoverableError` for the root: the expected mismatch is silent; anything else goes to
 * `report` (the same report as the route's error boundary).
 */
export function recoverableErrorHandler(report: (what: string, error: unknown, componentStack?: string | null) => void) {
  return (error: unknown, info: ErrorInfo): void => {
    if (isExpectedHydrationMismatch(error)) return;
    report('Recovered from an error while taking over the page', error, info.componentStack);
  };
}
