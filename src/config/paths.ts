/**
 * Every address the reader has, spelled once: each route's pattern (for the router) beside the
 * function that builds its address (for links, prerendering, the bench and the tests).
 * Pure and dependency-free, so every layer may import it.
 *
 * Every page's address but `/` ends in a slash: the build writes each page as a folder's
 * index.html (`news/<slug>/index.html`), which every static host serves at that address with no
 * rewrite rules and no redirect. The address without the slash works too (hosts redirect it; the
 * router matches both).
 */

/** What kind of page an item has: a release (news) or an event. */
export type ItemKind = 'news' | 'event';

export const paths = {
  /** Latest news. */
  news: { pattern: '/', href: (): string => '/' },
  /** An older page of latest news: the news on the feed's page N (N ≥ 2; page 1 is `/`). */
  newsPage: { pattern: '/news/page/:page', href: (page: number): string => (page <= 1 ? '/' : `/news/page/${page}/`) },
  /** Latest news as a reader in one area sees it, their area's news first ("News for Middlesbrough"). */
  area: { pattern: '/area/:area', href: (areaId: string): string => `/area/${encodeURIComponent(areaId)}/` },
  /** Upcoming and past events. */
  events: { pattern: '/events', href: (): string => '/events/' },
  /** One release: /news/<words>-<hash>/ (src/lib/slug.ts). */
  release: { pattern: '/news/:slug', href: (slug: string): string => `/news/${slug}/` },
  /** One event: /events/<words>-<hash>/. */
  event: { pattern: '/events/:slug', href: (slug: string): string => `/events/${slug}/` },
  /** What a reader can subscribe to: the feeds (build/syndication.ts), and room for calendars. */
  subscribe: { pattern: '/subscribe', href: (): string => '/subscribe/' },
  /** The accessibility statement. */
  accessibility: { pattern: '/accessibility', href: (): string => '/accessibility/' },
  /** What this site keeps on the reader's device (no cookies): src/about/storage-inventory.ts. */
  whatWeKeep: { pattern: '/what-we-keep', href: (): string => '/what-we-keep/' },
  /** One event's own calendar file (iCalendar, RFC 5545), written by build/calendars.ts: /calendars/events/<slug>.ics. */
  eventCalendar: { href: (slug: string): string => `/calendars/events/${slug}.ics` },
  /** The calendar of every upcoming event, to subscribe to. */
  upcomingCalendar: { href: (): string => '/calendars/upcoming.ics' },
  /** One area's calendar to subscribe to: its upcoming events and the force-wide ones. */
  areaCalendar: { href: (areaId: string): string => `/calendars/area/${encodeURIComponent(areaId)}.ics` },
  /** How "Leave this site" works, what it does not erase, and clearing this site's data from the device (only when the site file has quickExit). */
  leaveQuickly: { pattern: '/leave-quickly', href: (): string => '/leave-quickly/' },
  /**
   * Search every item of the source (src/search): the query and its filters in the address
   * (`?q=&area=&kind=&year=`), so a search can be shared.
   */
  search: {
    pattern: '/search',
    href: (params?: URLSearchParams): string => (params && params.size > 0 ? `/search/?${params.toString()}` : '/search/'),
  },
  /** The archive's index: every year that has releases. */
  archive: { pattern: '/archive', href: (): string => '/archive/' },
  /**
   * One year's releases: /news/<year>/. It shares `/news/:slug` with a release (react-router has
   * no pattern for digits): a release's slug ends in `-<7 characters>` (src/lib/slug.ts), so a
   * segment of four digits alone is a year (isArchiveYear).
   */
  archiveYear: { pattern: '/news/:slug', href: (year: number): string => `/news/${year}/` },
  /** Anything else: the not-found page. */
  notFound: { pattern: '*' },
} as const;

/**
 * The service worker's file, at the site's root, so that its scope is the whole site: written by
 * build/offline.ts, registered by src/app/service-worker.ts.
 */
export const SERVICE_WORKER_FILE = 'sw.js';

/**
 * The newsroom's default share image (the site file's `shareImage`, copied with its extension:
 * `.png`). Apart from `paths`, which the inline boot script carries whole.
 */
export function shareImageHref(extension: string): string {
  return `/share-image${extension}`;
}

/**
 * A page's canonical address: its path on the published site, the site file's `url` (the site is
 * served from that origin's root, as every path here is root-relative).
 */
export function canonicalUrl(path: string, siteUrl: string): string {
  return new URL(path, siteUrl).href;
}

/**
 * The feeds the build writes for feed readers (files, not pages; build/syndication.ts): all news
 * (`/feed.atom`, and `/feed.json`, the feed the reader itself reads), and one of each per area:
 * that area's items and the force-wide ones.
 */
export const feedFiles = {
  atom: (areaId?: string): string => (areaId === undefined ? '/feed.atom' : `/feeds/area/${encodeURIComponent(areaId)}.atom`),
  json: (areaId?: string): string => (areaId === undefined ? '/feed.json' : `/feeds/area/${encodeURIComponent(areaId)}.json`),
  /** Every address prerendered, with its last change (build/sitemap.ts). */
  sitemap: (): string => '/sitemap.xml',
} as const;

/**
 * The search index of every item (src/search/documents.ts), written by the build (build/prerender.ts)
 * and fetched by search and the archive when first used: a file, not a page (apart from `paths`,
 * which the entry and the inline boot script carry whole).
 */
export const SEARCH_INDEX_FILE = '/search-index.json';

/** The reader's own address for an item: /news/<slug>/ or /events/<slug>/. */
export function itemHref(item: { kind: ItemKind; slug: string }): string {
  return item.kind === 'event' ? paths.event.href(item.slug) : paths.release.href(item.slug);
}

/** The list an item belongs to: latest news or events. */
export function listHref(kind: ItemKind): string {
  return kind === 'event' ? paths.events.href() : paths.news.href();
}

/** Whether a segment after /news/ names a year's archive (four digits) rather than a release. */
export function isArchiveYear(segment: string | undefined): boolean {
  return segment !== undefined && /^\d{4}$/.test(segment);
}

/** Whether an address (path only, without the app's base) is one item's page. */
export function isItemPath(pathname: string): boolean {
  return /^\/(news|events)\/[^/]+\/?$/.test(pathname) && !isArchiveYear(/^\/news\/([^/]+)\/?$/.exec(pathname)?.[1]);
}

/** Whether two addresses name the same page: with or without the trailing slash. */
export function samePage(a: string, b: string): boolean {
  const bare = (path: string) => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);
  return bare(a) === bare(b);
}

/** A calendar's address to subscribe to: the same file on the webcal: scheme, which calendar apps open as a subscription. */
export function webcalHref(httpsUrl: string): string {
  return httpsUrl.replace(/^https?:/, 'webcal:');
}
