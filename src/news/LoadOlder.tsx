/**
 * "Older news": fetches the next feed page on request; a failure keeps what is shown and offers
 * a retry for that page alone. After loading, focus moves to the first item that arrived.
 */
import { useEffect, useRef } from 'react';
import type { useFeed } from '../feed/queries';

type FeedQuery = ReturnType<typeof useFeed>;

/** Focuses the first item link that was not shown before; true when there was one. */
function focusFirstNew(before: ReadonlySet<string>): boolean {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-item-link]')) {
    if (!before.has(link.dataset.itemLink ?? '')) {
      link.focus();
      return true;
    }
  }
  return false;
}

export function LoadOlder({ query, label }: { query: FeedQuery; label: string }) {
  // Ids shown when the reader asked for more; cleared once focus has moved to what arrived.
  const waiting = useRef<ReadonlySet<string> | null>(null);
  const items = query.feed?.items;
  const fetching = query.isFetchingNextPage;
  const more = query.hasNextPage;

  useEffect(() => {
    const before = waiting.current;
    if (!before || fetching) return;
    // Runs after the new items are in the DOM. If the page brought nothing new, focus stays put
    // unless the button it was on went away, in which case it goes to the last item.
    if (!focusFirstNew(before) && !more) {
      const links = document.querySelectorAll<HTMLAnchorElement>('a[data-item-link]');
      links[links.length - 1]?.focus();
    }
    waiting.current = null;
  }, [items, fetching, more]);

  const load = async () => {
    waiting.current = new Set(items?.map((i) => i.id));
    const result = await query.fetchNextPage();
    if (result.isError) waiting.current = null;
  };
  if (!query.hasNextPage) return null;
  if (query.isFetchNextPageError) {
    return (
      <div className="notice notice--warning" role="alert">
        <p>We couldn't load older items. What is already shown is still here.</p>
        <button type="button" className="button" onClick={() => void load()}>
          Try again
        </button>
      </div>
    );
  }
  const busy = query.isFetchingNextPage;
  return (
    <div className="load-older">
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={busy}
        onClick={() => {
          if (!busy) void load();
        }}
      >
        {busy ? 'Loading…' : label}
      </button>
    </div>
  );
}
