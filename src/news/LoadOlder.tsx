/**
 * "Older news": shows more of what is loaded, then fetches the next feed page when everything
 * loaded is shown. A failed page keeps what is shown and offers a retry for that page alone.
 * Focus moves to the first item that arrived, once it is on screen.
 */
import { useEffect, useRef, useState } from 'react';
import { useIsClient } from '../lib/useIsClient';
import type { FeedQuery } from '../feed';
import { ITEM_LINK } from './ItemList';

/** How many items of a list are shown at first, and added each time the reader asks for more. */
const LIST_STEP = 50;

/**
 * Lists shown a step at a time: the first LIST_STEP of each (more after each `reveal`), how many
 * items that is in all, and how many loaded items are still held back (for LoadOlder).
 */
export function useInSteps<L extends readonly (readonly unknown[])[]>(...lists: L) {
  const [limit, setLimit] = useState(LIST_STEP);
  const shown = lists.map((list) => list.slice(0, limit)) as unknown as L;
  const count = shown.reduce((n, list) => n + list.length, 0);
  const hidden = lists.reduce((n, list) => n + list.length, 0) - count;
  return { shown, count, hidden, reveal: () => setLimit((l) => l + LIST_STEP) };
}

/** The items on screen, each known by its address (an item's address is unique to it). */
function shownItems(): Set<string> {
  return new Set(Array.from(document.querySelectorAll<HTMLAnchorElement>(ITEM_LINK), (a) => a.getAttribute('href') ?? ''));
}

/** Focuses the first item link that was not shown before; true when there was one. */
function focusFirstNew(before: ReadonlySet<string>): boolean {
  for (const link of document.querySelectorAll<HTMLAnchorElement>(ITEM_LINK)) {
    if (!before.has(link.getAttribute('href') ?? '')) {
      link.focus();
      return true;
    }
  }
  return false;
}

interface LoadOlderProps {
  /** Where the same items are without script (an older page's own address), if they have one. */
  href?: string;
  query: FeedQuery;
  label: string;
  /** Loaded items not yet shown: revealed before any page is fetched. */
  hidden: number;
  onReveal: () => void;
  /** Changes whenever the list on screen changes (e.g. the number shown). */
  shown: number;
}

export function LoadOlder({ href, query, label, hidden, onReveal, shown }: LoadOlderProps) {
  // Prerendered (and so without script): a real link to the older page. The app, once running,
  // loads the items in place instead.
  const client = useIsClient();
  // Items on screen when the reader asked for more; cleared once focus has moved to what arrived.
  const waiting = useRef<ReadonlySet<string> | null>(null);
  const fetching = query.isFetchingNextPage;
  const more = query.hasNextPage;

  useEffect(() => {
    const before = waiting.current;
    if (!before || fetching) return;
    // Runs after the new items are in the DOM. If nothing new arrived, focus stays put unless
    // the button it was on went away, in which case it goes to the last item.
    if (!focusFirstNew(before) && !more) {
      const links = document.querySelectorAll<HTMLAnchorElement>(ITEM_LINK);
      links[links.length - 1]?.focus();
    }
    waiting.current = null;
  }, [shown, fetching, more]);

  const load = async () => {
    waiting.current = shownItems();
    if (hidden > 0) {
      onReveal();
      return;
    }
    const result = await query.fetchNextPage();
    if (result.isError) waiting.current = null;
    // What arrived is shown at once, not held back behind the next press.
    else onReveal();
  };
  if (hidden === 0 && !more) return null;
  if (!client) {
    return href ? (
      <p className="older-page">
        <a className="button button--secondary" href={href}>
          {label}
        </a>
      </p>
    ) : null;
  }
  if (hidden === 0 && query.isFetchNextPageError) {
    return (
      <div className="notice notice--warning" role="alert">
        <p>We couldn't load older items. What is already shown is still here.</p>
        <button type="button" className="button" onClick={() => void load()}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <div className="load-older">
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={fetching}
        onClick={() => {
          if (!fetching) void load();
        }}
      >
        {fetching ? 'Loading…' : label}
      </button>
    </div>
  );
}
