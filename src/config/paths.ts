/**
 * Every address the reader has, spelled once: each route's pattern (for the router) beside the
 * function that builds its address (for links, prerendering, the bench and the tests).
 * Pure and dependency-free, so every layer may import it.
 */

/** What kind of page an item has: a release (news) or an event. */
export type ItemKind = 'news' | 'event';

export const paths = {
  /** Latest news. */
  news: { pattern: '/', href: (): string => '/' },
  /** Upcoming and past events. */
  events: { pattern: '/events', href: (): string => '/events' },
  /** One release: /news/<words>-<hash> (src/lib/slug.ts). */
  release: { pattern: '/news/:slug', href: (slug: string): string => `/news/${slug}` },
  /** One event: /events/<words>-<hash>. */
  event: { pattern: '/events/:slug', href: (slug: string): string => `/events/${slug}` },
  /** Anything else: the not-found page. */
  notFound: { pattern: '*' },
} as const;

/** The reader's own address for an item: /news/<slug> or /events/<slug>. */
export function itemHref(item: { kind: ItemKind; slug: string }): string {
  return item.kind === 'event' ? paths.event.href(item.slug) : paths.release.href(item.slug);
}

/** The list an item belongs to: latest news or events. */
export function listHref(kind: ItemKind): string {
  return kind === 'event' ? paths.events.href() : paths.news.href();
}

/** Whether an address (path only, without the app's base) is one item's page. */
export function isItemPath(pathname: string): boolean {
  return /^\/(news|events)\/[^/]+\/?$/.test(pathname);
}
