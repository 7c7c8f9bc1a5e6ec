/**
 * The feeds people subscribe to in a feed reader, written by the build beside the pages:
 *
 * - all news: `feed.atom` (Atom 1.0, RFC 4287) and `feed.json` (JSON Feed 1.1: the very pages the
 *   reader itself reads, written by build/sources/write.ts, not again here);
 * - one of each per area (`feeds/area/<id>.atom`, `feeds/area/<id>.json`): that area's items and
 *   the force-wide ones (an item for no area, or only for areas the feed does not define).
 *
 * Releases and events both, as in `feed.json`. Atom is written by the `feed` package (well kept;
 * build-only); an Atom file holds the newest ATOM_ENTRIES entries (a feed reader polls it, older
 * ones are on the site). An area's JSON Feed has feed.json's own shape and paging (`next_url`), so it
 * carries every item of the area. An item's address and areas are read as the reader reads them
 * (src/feed/normalise.ts: the slug from the trimmed title, else the text; area ids the feed does
 * not define ignored), from the feed the build has already checked (build/sources); the feed's
 * own module is not imported here, as it would put React into the loading of vite.config.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Feed, type Item as AtomItem } from 'feed';
import { canonicalUrl, feedFiles, itemHref, paths, type ItemKind } from '../src/config/paths.ts';
import { makeSlug } from '../src/lib/slug.ts';
import { displayTitle } from '../src/ui/item-text.ts';
import { escapeHtml } from './html.ts';
import type { Site } from './site/index.ts';
import { writeFeedPages } from './sources/write.ts';
import type { JsonFeed } from './sources/types.ts';

/** The most entries an Atom file holds: the newest. */
export const ATOM_ENTRIES = 50;

/** One subscription: all news (area null) or one area's. */
export interface Subscription {
  area: { id: string; name: string } | null;
  title: string;
  /** Addresses (src/config/paths.ts): the Atom file, the JSON Feed's first page, the page it follows. */
  atom: string;
  json: string;
  page: string;
  /** The items, newest first (as the reader orders them). */
  items: Item[];
}

/** An item as the feeds need it: its address, areas and dates read as the reader reads them. */
export interface Item {
  id: string;
  slug: string;
  kind: ItemKind;
  /** Ids of areas the feed defines; empty means force-wide. */
  areas: string[];
  title: string | null;
  summary: string | null;
  contentHtml: string | null;
  contentText: string | null;
  published: Date | null;
  modified: Date | null;
  authors: { name: string; url?: string }[];
}

/** The feed's items and areas, as the reader reads them. */
export interface ReaderFeed {
  title: string;
  areas: { id: string; name: string }[];
  /** Newest first; items with no date keep their order, after the dated ones (src/feed/combine.ts). */
  items: Item[];
}

/** Whether an item is in an area's feed: it is for that area, or for the whole patch. */
export function inArea(item: { areas: readonly string[] }, areaId: string): boolean {
  return item.areas.length === 0 || item.areas.includes(areaId);
}

const text = (value: string | undefined): string | null => {
  const t = value?.trim() ?? '';
  return t === '' ? null : t;
};

const date = (value: string | undefined): Date | null => {
  if (value === undefined) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** The feed as the reader reads it (pure). */
export function readerFeed(feed: JsonFeed): ReaderFeed {
  const defined = new Set(feed._bulletin.areas.map((a) => a.id));
  const items = feed.items.map((raw): Item => {
    const title = text(raw.title);
    const contentText = text(raw.content_text);
    return {
      id: raw.id,
      slug: makeSlug(raw.id, title ?? contentText ?? null),
      kind: raw._bulletin?.kind === 'event' && raw._bulletin.event ? 'event' : 'news',
      areas: [...new Set((raw._bulletin?.areas ?? []).filter((a) => defined.has(a)))],
      title,
      summary: text(raw.summary),
      contentHtml: text(raw.content_html),
      contentText,
      published: date(raw.date_published),
      modified: date(raw.date_modified),
      authors: (raw.authors ?? []).flatMap((a) => (a.name ? [{ name: a.name, ...(a.url ? { url: a.url } : {}) }] : [])),
    };
  });
  const time = (item: Item) => item.published?.getTime() ?? Number.NEGATIVE_INFINITY;
  const newestFirst = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => time(b.item) - time(a.item) || a.index - b.index)
    .map(({ item }) => item);
  return { title: feed.title, areas: feed._bulletin.areas.map((a) => ({ id: a.id, name: a.name })), items: newestFirst };
}

/** Every subscription the build writes: all news, then each area's, in the feed's order of areas (pure). */
export function subscriptions(feed: ReaderFeed): Subscription[] {
  return [
    { area: null, title: feed.title, atom: feedFiles.atom(), json: feedFiles.json(), page: paths.news.href(), items: feed.items },
    ...feed.areas.map((area) => ({
      area: { id: area.id, name: area.name },
      title: `${feed.title}: ${area.name}`,
      atom: feedFiles.atom(area.id),
      json: feedFiles.json(area.id),
      page: paths.area.href(area.id),
      items: feed.items.filter((item) => inArea(item, area.id)),
    })),
  ];
}

/** An Atom id is an IRI: an item id that is an absolute URL is one; any other is made a tag URI (RFC 4151). */
export function entryId(id: string, siteUrl: string): string {
  if (/^(https?|urn|tag):/i.test(id)) {
    try {
      return new URL(id).href;
    } catch {
      // not a URL after all: a tag URI below
    }
  }
  return `tag:${new URL(siteUrl).hostname},2000:${encodeURIComponent(id)}`;
}

/** Atom's html text: CDATA cannot hold `]]>`, which in HTML reads the same as `]]&gt;`. */
const htmlText = (html: string): string => html.replaceAll(']]>', ']]&gt;');

export interface AtomOptions {
  site: Pick<Site, 'name' | 'language' | 'description'> & { url: string };
  /** The build's "now": an entry or a feed with no date is updated now. */
  now: Date;
  /** The most entries written (the newest). */
  limit: number;
}

/** One subscription as an Atom 1.0 document (pure). */
export function atomDocument(subscription: Subscription, { site, now, limit }: AtomOptions): string {
  const entries = subscription.items.slice(0, limit);
  const updated = (item: Item) => item.modified ?? item.published ?? now;
  const newest = entries.reduce<Date | null>((max, item) => (max === null || updated(item) > max ? updated(item) : max), null);
  const atom = new Feed({
    id: canonicalUrl(subscription.atom, site.url),
    title: subscription.title,
    ...(site.description ? { description: site.description } : {}),
    link: canonicalUrl(subscription.page, site.url),
    feed: canonicalUrl(subscription.atom, site.url),
    language: site.language,
    updated: newest ?? now,
    generator: false,
    // Atom needs an author on the feed or on every entry: the newsroom is the feed's.
    author: { name: site.name, link: site.url },
  });
  for (const item of entries) {
    const authors = item.authors.map((a) => ({ name: a.name, ...(a.url ? { link: a.url } : {}) }));
    const summary = item.summary;
    const content = item.contentHtml ?? (item.contentText === null ? null : escapeHtml(item.contentText));
    const { published } = item;
    const entry: AtomItem = {
      // Titles and summaries are plain text; Atom gets them as html, so they are escaped once.
      title: escapeHtml(displayTitle(item)),
      id: entryId(item.id, site.url),
      link: canonicalUrl(itemHref(item), site.url),
      date: updated(item),
      ...(published ? { published } : {}),
      ...(summary ? { description: escapeHtml(summary) } : {}),
      ...(content ? { content: htmlText(content) } : {}),
      ...(authors.length > 0 ? { author: authors } : {}),
    };
    atom.addItem(entry);
  }
  return `${atom.atom1()}\n`;
}

/** One area's JSON Feed: feed.json's own shape, that area's items and the force-wide ones, in feed.json's order (pure). */
export function areaJsonFeed(feed: JsonFeed, subscription: Subscription, siteUrl: string): JsonFeed {
  const ids = new Set(subscription.items.map((item) => item.id));
  return {
    ...feed,
    title: subscription.title,
    home_page_url: canonicalUrl(subscription.page, siteUrl),
    feed_url: canonicalUrl(subscription.json, siteUrl),
    next_url: undefined,
    items: feed.items.filter((item) => ids.has(item.id)),
  };
}

export interface SyndicationOptions {
  site: Pick<Site, 'name' | 'language' | 'description' | 'url' | 'pageSize'>;
  now: Date;
}

/**
 * Writes feed.atom and each area's Atom and JSON Feed into `outDir` (feed.json is already there);
 * returns the addresses written. A site file without `url` gets none: a feed reader needs whole
 * addresses.
 */
export function writeSyndication(feed: JsonFeed, subs: readonly Subscription[], outDir: string, { site, now }: SyndicationOptions): string[] {
  if (site.url === undefined) return [];
  const siteUrl = site.url;
  const written: string[] = [];
  for (const subscription of subs) {
    const atom = join(outDir, subscription.atom.slice(1));
    mkdirSync(dirname(atom), { recursive: true });
    writeFileSync(atom, atomDocument(subscription, { site: { ...site, url: siteUrl }, now, limit: ATOM_ENTRIES }));
    written.push(subscription.atom);
    if (subscription.area === null) continue;
    const names = writeFeedPages(areaJsonFeed(feed, subscription, siteUrl), outDir, { perPage: site.pageSize, feedPath: subscription.json.slice(1) });
    written.push(...names.map((name) => `/${name}`));
  }
  return written;
}

/** A `<link rel="alternate">` to a feed. */
export interface Alternate {
  type: 'application/atom+xml' | 'application/feed+json';
  title: string;
  href: string;
}

/**
 * The feeds that fit a page, as `<link rel="alternate">` for feed readers and browsers to find:
 * an area's page its area's; an item's page its areas'; every page all news. Without Atom files
 * (a site file without `url`) only feed.json.
 */
export function alternatesFor(subs: readonly Subscription[], { atom }: { atom: boolean }): (path: string) => Alternate[] {
  const [all, ...areas] = subs;
  const itemAreas = new Map((all?.items ?? []).map((item) => [itemHref(item), item.areas]));
  const links = (s: Subscription): Alternate[] => [
    ...(atom ? [{ type: 'application/atom+xml' as const, title: `${s.title} (Atom)`, href: s.atom }] : []),
    ...(atom || s.area === null ? [{ type: 'application/feed+json' as const, title: `${s.title} (JSON Feed)`, href: s.json }] : []),
  ];
  return (path) => {
    if (!all) return [];
    const ofItem = itemAreas.get(path) ?? [];
    const fitting = areas.filter((s) => s.area !== null && (s.page === path || ofItem.includes(s.area.id)));
    return [...fitting, all].flatMap(links);
  };
}

/** The links as HTML for a page's <head>. */
export function alternateLinksHtml(alternates: readonly Alternate[]): string {
  return alternates
    .map((a) => `<link rel="alternate" type="${a.type}" title="${escapeHtml(a.title)}" href="${escapeHtml(a.href)}">`)
    .join('');
}
