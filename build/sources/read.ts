/**
 * readSources: every page of the news source, plus the events source, as ONE JSON Feed 1.1 +
 * `_bulletin` object, with every problem found on the way. Follows JSON Feed `next_url`, RSS
 * `atom:link rel="next"` and Atom `link rel="next"` (RFC 5005) within a page bound, refusing a
 * page already read.
 */
import { fileURLToPath } from 'node:url';
import type { Site } from '../site/index.ts';
import { mapAtom } from './atom.ts';
import type { MapContext, MappedPage } from './context.ts';
import { detectFormat, type SourceFormat } from './detect.ts';
import { fetchDocument, locationUrl, type FetchOptions } from './fetch.ts';
import { mapICalendar, type RecurrenceWindow } from './ical.ts';
import { mapJsonFeed, type JsonFeedPage } from './json-feed.ts';
import { mapRss } from './rss.ts';
import { SourceError, type BulletinAlert, type BulletinArea, type JsonFeed, type JsonFeedItem, type Problem, type Stats } from './types.ts';
import { parseXmlFeed } from './xml.ts';

export interface ReadOptions extends FetchOptions {
  /** At most this many pages of the news source (default 50). */
  maxPages?: number;
  /** The build's "now", for the recurrence window (default: the clock). */
  now?: Date;
  recurrences?: Omit<RecurrenceWindow, 'now'>;
}

export interface ReadResult {
  feed: JsonFeed;
  problems: Problem[];
  stats: Stats;
}

export const DEFAULT_MAX_PAGES = 50;

const shown = (url: string) => (url.startsWith('file:') ? fileURLToPath(url) : url);

function context(site: Site, url: string, problems: Problem[], zone: string): MapContext {
  const categories = new Map(Object.entries(site.categories).map(([k, v]) => [k.trim().toLowerCase(), v]));
  return { source: shown(url), base: url, zone, categories, problems };
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SourceError(source, `is not valid JSON (${(e as Error).message}).`);
  }
}

interface NewsRead {
  pages: (MappedPage<JsonFeedItem> & Partial<Pick<JsonFeedPage, 'timezone' | 'areas' | 'alerts'>>)[];
}

async function readNews(site: Site, options: ReadOptions, problems: Problem[]): Promise<NewsRead> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const seen = new Set<string>();
  const pages: NewsRead['pages'] = [];
  let next: string | undefined = locationUrl(site.source, options.cwd);
  let zone = site.timezone;
  while (next) {
    const url: string = next;
    seen.add(url);
    const doc = await fetchDocument(url, options);
    const source = shown(url);
    const format = detectFormat(doc.text);
    const ctx = context(site, url, problems, zone);
    const page = withSource(source, () => mapPage(site, ctx, doc.text, format, url));
    // A JSON Feed's own zone wins, for its later pages' zone-less dates too.
    if (pages.length === 0 && page.timezone) zone = page.timezone;
    pages.push(page);
    next = nextPage(page.next, url, seen, pages.length, maxPages, source, problems);
  }
  return { pages };
}

/** Anything unexpected while reading a source still names the source, in one line. */
function withSource<T>(source: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(source, `could not be read (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`);
  }
}

/** One page of the news source, by the format its content shows. */
function mapPage(site: Site, ctx: MapContext, text: string, format: SourceFormat | null, url: string): NewsRead['pages'][number] {
  switch (format) {
    case 'json':
      // Relative links in a local JSON Feed resolve against the site's own address.
      return mapJsonFeed(ctx, parseJson(text, ctx.source), url.startsWith('file:') ? site.url ?? url : url, site.areas);
    case 'rss':
    case 'rdf':
      return mapRss(ctx, parseXmlFeed(text, format, ctx.source));
    case 'atom':
      return mapAtom(ctx, parseXmlFeed(text, format, ctx.source));
    case 'ical':
      throw new SourceError(ctx.source, 'is an iCalendar file; name it as the events source ("events" in the site file, or BULLETIN_EVENTS), not as the news source.');
    default:
      throw new SourceError(ctx.source, 'is not a feed: expected JSON Feed, RSS 2.0 or Atom 1.0.');
  }
}

function nextPage(next: string | undefined, from: string, seen: Set<string>, count: number, maxPages: number, source: string, problems: Problem[]): string | undefined {
  if (!next) return undefined;
  let url: URL;
  try {
    url = new URL(next, from);
  } catch {
    problems.push({ level: 'warning', source, field: 'next page', message: `"${next.slice(0, 80)}" is not an address; no more pages were read`, fix: 'write the next page\'s URL' });
    return undefined;
  }
  const allowed = url.protocol === 'http:' || url.protocol === 'https:' || (url.protocol === 'file:' && from.startsWith('file:'));
  if (!allowed) {
    problems.push({ level: 'warning', source, field: 'next page', message: `"${next.slice(0, 80)}" is not an http(s) address; it was not followed`, fix: 'write the next page\'s http(s) URL' });
    return undefined;
  }
  if (seen.has(url.href)) {
    problems.push({ level: 'warning', source, field: 'next page', message: `points back to ${shown(url.href)}, a page already read; paging stopped there`, fix: 'make each page point to the next older page, and the last page to none' });
    return undefined;
  }
  if (count >= maxPages) {
    problems.push({ level: 'warning', source, field: 'next page', message: `more than ${maxPages} pages; only the first ${maxPages} were read` });
    return undefined;
  }
  return url.href;
}

/** The events source alone (as readSources reads it): its items, with problems added to `problems`. */
export async function readEvents(site: Site, options: ReadOptions, problems: Problem[], zone = site.timezone): Promise<{ items: JsonFeedItem[]; skipped: number }> {
  if (!site.events) return { items: [], skipped: 0 };
  const url = locationUrl(site.events, options.cwd);
  const doc = await fetchDocument(url, options);
  if (detectFormat(doc.text) !== 'ical') throw new SourceError(shown(url), 'is not an iCalendar file (it does not begin with BEGIN:VCALENDAR).');
  const ctx = context(site, url, problems, zone);
  return withSource(ctx.source, () => mapICalendar(ctx, doc.text, { ...options.recurrences, now: options.now ?? new Date() }));
}

function sortKey(item: JsonFeedItem): number {
  const raw = item.date_published ?? item._bulletin?.event?.start;
  const t = raw ? Date.parse(raw) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

/** Reads the site's news source (every page) and events source into one feed. */
export async function readSources(site: Site, options: ReadOptions = {}): Promise<ReadResult> {
  const problems: Problem[] = [];
  const { pages } = await readNews(site, options, problems);
  const first = pages[0];
  const timezone = first?.timezone ?? site.timezone;
  const areas: BulletinArea[] = first?.areas && first.areas.length > 0 ? first.areas : site.areas;
  const events = await readEvents(site, options, problems, timezone);

  const seen = new Set<string>();
  const items: JsonFeedItem[] = [];
  let skipped = pages.reduce((n, p) => n + p.skipped, 0) + events.skipped;
  for (const item of [...pages.flatMap((p) => p.items), ...events.items]) {
    if (seen.has(item.id)) {
      problems.push({ level: 'warning', source: site.source, item: item.title ?? item.id, field: 'id', message: `repeats the id "${item.id.slice(0, 80)}" of an item already read; the first is kept`, fix: 'give each item its own id' });
      skipped += 1;
      continue;
    }
    seen.add(item.id);
    items.push(item);
  }
  const order = new Map(items.map((item, i) => [item, i]));
  items.sort((a, b) => sortKey(b) - sortKey(a) || (order.get(a) ?? 0) - (order.get(b) ?? 0));

  const alerts: BulletinAlert[] = [...(first?.alerts ?? []), ...site.alerts];
  const feed: JsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: site.name,
    ...(site.url ? { home_page_url: site.url } : first?.homePageUrl ? { home_page_url: first.homePageUrl } : {}),
    ...(site.description ?? first?.description ? { description: site.description ?? first?.description } : {}),
    language: site.language,
    items,
    _bulletin: { timezone, areas, alerts },
  };
  return { feed, problems, stats: { read: items.length, skipped, warnings: problems.filter((p) => p.level === 'warning').length } };
}
