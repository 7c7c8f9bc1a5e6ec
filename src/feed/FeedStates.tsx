/**
 * The feed's states as every page that shows the feed shows them (a release too): the error page
 * with "Try again" when the feed cannot be fetched or read, and the notice that the news shown was
 * saved earlier, offline. The lists' gate around them is ./FeedGate.tsx.
 *
 * With ./FeedGate.tsx, the only files in src/feed/ that present, so the words for the feed's states
 * (a FeedError's kind told to a reader, offline, skipped items) are here; the model beside them
 * (types, normalise, combine, queries) holds facts, never a reader's wording.
 */
import { useClock } from '../lib/clock';
import { dayKey, formatLongDate, formatTime } from '../lib/dates';
import { useOnline } from '../lib/useOnline';
import { PageHeading } from '../ui/PageHeading';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { FeedError, type Feed } from './types';

/** What a reader is told for each kind of fault (a FeedError's own message is for developers). */
export function describeFeedError(error: unknown): { title: string; body: string } {
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
