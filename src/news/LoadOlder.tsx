/**
 * "Older news": fetches the next feed page on request; a failure keeps what is shown and offers
 * a retry for that page alone. After loading, focus moves to the first item that arrived.
 */
import type { useFeed } from '../feed/queries';

type FeedQuery = ReturnType<typeof useFeed>;

function focusFirstNew(before: ReadonlySet<string>): void {
  requestAnimationFrame(() => {
    const links = document.querySelectorAll<HTMLAnchorElement>('a[data-item-link]');
    for (const link of links) {
      if (!before.has(link.dataset.itemLink ?? '')) {
        link.focus();
        return;
      }
    }
  });
}

export function LoadOlder({ query, label }: { query: FeedQuery; label: string }) {
  const load = async () => {
    const before = new Set(query.feed?.items.map((i) => i.id));
    const result = await query.fetchNextPage();
    if (!result.isError) focusFirstNew(before);
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
