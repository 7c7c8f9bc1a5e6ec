/**
 * The feed's state, as every list shows it (src/news; in the lists' chunk, so a release does not
 * pay for it): a loading state that holds its space, the error page when the feed cannot be shown at
 * all, and, when a refresh fails after news was shown, the news stays with a quiet notice. The error
 * page and the offline notice, which a release shows too, are ./FeedStates.tsx.
 *
 * With ./FeedStates.tsx, the only files in src/feed/ that present, so the words for the feed's
 * states (a FeedError's kind told to a reader, offline, skipped items) are here; the model beside
 * them (types, normalise, combine, queries) holds facts, never a reader's wording.
 */
import type { ReactNode } from 'react';
import { useOnline } from '../lib/useOnline';
import { Loading } from '../ui/Loading';
import { PageHeading } from '../ui/PageHeading';
import { describeFeedError, FeedErrorPage, OfflineNotice } from './FeedStates';
import { useFeed, type FeedQuery } from './queries';
import type { Feed } from './types';

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
