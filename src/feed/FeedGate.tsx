/**
 * The feed's state, as every page shows it. Every page that shows the feed goes through this
 * gate: a loading state that holds its space, a clear error page with "Try again" when the feed
 * cannot be fetched or read, and, when a refresh fails after news was shown, the news stays with
 * a quiet notice.
 *
 * This is the one file in src/feed/ that presents, so the words for the feed's states (a
 * FeedError's kind told to a reader, offline, skipped items) are here; the model beside it
 * (types, normalise, combine, queries) holds facts, never a reader's wording.
 */
import type { ReactNode } from 'react';
import { useClock } from '../lib/clock';
import { dayKey, formatLongDate, formatTime } from '../lib/dates';
import { useOnline } from '../lib/useOnline';
import { Loading } from '../ui/Loading';
import { PageHeading } from '../ui/PageHeading';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useFeed, type FeedQuery } from './queries';
import { FeedError, type Feed } from './types';

/** What a reader is told for each kind of fault (a FeedError's own message is for developers). */
function describeFeedError(error: unknown): { title: string; body: string } {
  const kind = error instanceof FeedError ? error.kind : 'network';
  switch (kind) {
    case 'offline':
      return { title: "You're offline", body: 'Check your connection, then try again.' };
    case 'timeout':
    case 'network':
      return { title: "We couldn't reach the news feed", body: 'The connection failed or took too long. Try again in a moment.' };
    case 'http':
    case 'not-found':
      return { title: "The news feed isn't available right now", body: 'The newsroom’s server did not send the news. Try again later.' };
    case 'invalid-json':
    case 'not-a-feed':
      return {
        title: "The news feed can't be read",
        body: 'The newsroom’s feed is damaged, so nothing from it is shown. Try again later.',
      };
  }
}

export function FeedErrorPage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { title, body } = describeFeedError(error);
  useDocumentTitle(title, null);
  return (
    <div className="problem">
      <PageHeading>{title}</PageHeading>
      <p>{body}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

/** "You're offline. Showing news saved at 10:42am." (or "on <date> at <time>" when older than today). */
export function OfflineNotice({ feed }: { feed: Feed }) {
  const online = useOnline();
  const now = useClock()();
  if (online) return null;
  const saved = feed.savedAt;
  let when = '';
  if (saved) {
    const sameDay = dayKey(saved, feed.timezone) === dayKey(now, feed.timezone);
    when = sameDay
      ? ` saved at ${formatTime(saved, feed.timezone)}`
      : ` saved on ${formatLongDate(saved, feed.timezone)} at ${formatTime(saved, feed.timezone)}`;
  }
  return (
    <div className="notice" role="status">
      <p>
        You're offline. Showing news{when || ' saved earlier'}.
      </p>
    </div>
  );
}

/**
 * The page's h1 is shown with the news and while it loads; when the feed cannot be shown at all,
 * the error page (with its own h1) takes the page's place.
 */
export function FeedGate({
  heading,
  loadingLabel,
  children,
}: {
  heading: string;
  loadingLabel: string;
  children: (feed: Feed, query: FeedQuery) => ReactNode;
}) {
  const query = useFeed();
  const online = useOnline();
  if (query.feed) {
    return (
      <>
        <PageHeading>{heading}</PageHeading>
        <OfflineNotice feed={query.feed} />
        {query.isRefetchError && online && (
          <div className="notice" role="status">
            <p>{describeFeedError(query.error).title}. Showing the news loaded earlier.</p>
          </div>
        )}
        {children(query.feed, query)}
      </>
    );
  }
  if (query.isError) return <FeedErrorPage error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <Loading label={loadingLabel} lines={6} />
    </>
  );
}

/** A quiet note that some items could not be read (FEED-FORMAT: the count is available to the reader). */
export function SkippedNote({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p className="quiet-note">
      {count === 1 ? '1 item in this feed could not be read and is not shown.' : `${count} items in this feed could not be read and are not shown.`}
    </p>
  );
}
