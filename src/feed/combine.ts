/** Joins the pages fetched so far into one feed the pages can show. Pure. */
import { slugHash } from '../lib/slug';
import { DEFAULT_TIMEZONE, type Feed, type FeedPage, type Item } from './types';

function publishedTime(item: Item): number {
  return item.published.state === 'known' ? item.published.date.getTime() : Number.NEGATIVE_INFINITY;
}

/** Newest first; items with no readable date keep their feed order, after the dated ones. */
function newestFirst(items: readonly Item[]): Item[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => publishedTime(b.item) - publishedTime(a.item) || a.index - b.index)
    .map(({ item }) => item);
}

export function combinePages(pages: readonly FeedPage[]): Feed {
  const first = pages[0];
  const seen = new Set<string>();
  const items: Item[] = [];
  let skipped = 0;
  for (const page of pages) {
    skipped += page.skipped;
    for (const item of page.items) {
      if (seen.has(item.id)) {
        skipped += 1;
        continue;
      }
      seen.add(item.id);
      items.push(item);
    }
  }
  return {
    title: first?.title ?? 'News',
    description: first?.description ?? null,
    homePageUrl: first?.homePageUrl ?? null,
    // The first page speaks for the feed: its zone and areas apply to every page.
    timezone: first?.timezone ?? DEFAULT_TIMEZONE,
    areas: first?.areas ?? [],
    alerts: first?.alerts ?? [],
    items: newestFirst(items),
    skipped,
    pageCount: pages.length,
    savedAt: first?.fetchedAt ?? null,
  };
}

export type SlugMatch = { item: Item; canonical: boolean } | null;

/** Finds an item by the id hash at the end of its slug; `canonical` is false when the words differ (a renamed headline). */
export function findBySlug(items: readonly Item[], slug: string): SlugMatch {
  const exact = items.find((i) => i.slug === slug);
  if (exact) return { item: exact, canonical: true };
  const hash = slugHash(slug);
  if (!hash) return null;
  const moved = items.find((i) => slugHash(i.slug) === hash);
  return moved ? { item: moved, canonical: false } : null;
}
