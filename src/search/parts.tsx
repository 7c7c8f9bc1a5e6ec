/** What the search pages share: marked text, an item's date and labels, the index's problems. */
import type { ReactNode } from 'react';
import { formatShortDate } from '../lib/dates';
import type { SearchDoc } from './documents';
import { SearchIndexError } from './queries';
import type { SnippetPart } from './snippet';

/** Text with its matched words in <mark>. */
export function Marked({ parts }: { parts: readonly SnippetPart[] }) {
  return <>{parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}

/** A document's date in the newsroom's zone, or "date unknown". */
export function DocDate({ doc, zone }: { doc: SearchDoc; zone: string }) {
  if (!doc.date) return <>date unknown</>;
  return <time dateTime={doc.date}>{formatShortDate(new Date(doc.date), zone)}</time>;
}

/** What the reader is told when the index is not in, and what they can do. */
export function IndexProblem({ error, onRetry, archive }: { error: unknown; onRetry: () => void; archive: ReactNode }) {
  const offline = error instanceof SearchIndexError && error.kind === 'offline';
  return (
    <div className="problem" role="alert">
      <p>
        {offline
          ? 'You’re offline, and search has not been saved on this device yet. Once you have searched while online, search works offline too.'
          : 'Search could not be loaded. Check your connection and try again.'}
      </p>
      {offline ? null : (
        <p>
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </p>
      )}
      {archive}
    </div>
  );
}
