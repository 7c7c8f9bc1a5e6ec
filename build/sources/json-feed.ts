/**
 * A JSON Feed 1.0 / 1.1 source passes through a normalisation of its own: the same rules as the
 * reader's (docs/feed.md), but reporting each problem, and writing JSON Feed 1.1 back out.
 * Its own `_bulletin` timezone and areas win over the site file's.
 */
import { parseRfc3339 } from '../../src/lib/dates.ts';
import { normalisePostcodePrefix } from '../../src/lib/postcode-prefix.ts';
import { dateField, itemLabel, report, type MapContext, type MappedPage } from './context.ts';
import { compact, httpUrl, isRecord, list, rec, text } from './guards.ts';
import { isValidTimeZone } from './dates.ts';
import { absoluteLinks } from './html.ts';
import { SourceError, type BulletinAlert, type BulletinArea, type BulletinEvent, type BulletinItemExtension, type JsonFeedAttachment, type JsonFeedAuthor, type JsonFeedItem } from './types.ts';

const VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/;
const AREA_ID = /^[a-z0-9-]+$/;

export interface JsonFeedPage extends MappedPage<JsonFeedItem> {
  timezone?: string;
  areas?: BulletinArea[];
  alerts: BulletinAlert[];
}

export function readAreas(value: unknown): BulletinArea[] {
  const areas: BulletinArea[] = [];
  const seen = new Set<string>();
  for (const a of list(value).map(rec)) {
    const id = typeof a.id === 'string' && AREA_ID.test(a.id) ? a.id : undefined;
    const name = text(a.name);
    if (!id || !name || seen.has(id)) continue;
    seen.add(id);
    const postcodes = list(a.postcodes).map(normalisePostcodePrefix).filter((p): p is string => p !== null);
    areas.push({ id, name, postcodes: [...new Set(postcodes)] });
  }
  return areas;
}

export function readAlerts(value: unknown): BulletinAlert[] {
  const out: BulletinAlert[] = [];
  for (const a of list(value).map(rec)) {
    const id = text(a.id);
    const title = text(a.title);
    if (!id || !title) continue;
    const start = typeof a.start === 'string' ? parseRfc3339(a.start) : null;
    const end = typeof a.end === 'string' ? parseRfc3339(a.end) : null;
    // A date given but unreadable is a malformed alert, not one for all time.
    if ((a.start != null && !start) || (a.end != null && !end)) continue;
    if (start && end && end < start) continue;
    const level = a.level === 'emergency' || a.level === 'warning' ? a.level : 'info';
    out.push(compact({
      id, level, title, text: text(a.text), url: httpUrl(a.url),
      start: start ? text(a.start) : undefined, end: end ? text(a.end) : undefined,
      areas: list(a.areas).map(text).filter((x): x is string => x !== undefined),
    }));
  }
  return out;
}

function authors(source: Record<string, unknown>, base: string): JsonFeedAuthor[] {
  const raw = Array.isArray(source.authors) ? source.authors : source.author !== undefined ? [source.author] : [];
  return raw.map(rec).flatMap((a) => {
    const person = compact({ name: text(a.name), url: httpUrl(a.url, base), avatar: httpUrl(a.avatar, base) });
    return Object.keys(person).length > 0 ? [person] : [];
  });
}

function attachments(value: unknown, base: string): JsonFeedAttachment[] {
  return list(value).map(rec).flatMap((a) => {
    const url = httpUrl(a.url, base);
    const mime = text(a.mime_type);
    if (!url || !mime) return [];
    const size = typeof a.size_in_bytes === 'number' && Number.isFinite(a.size_in_bytes) && a.size_in_bytes >= 0 ? a.size_in_bytes : undefined;
    const duration = typeof a.duration_in_seconds === 'number' && Number.isFinite(a.duration_in_seconds) && a.duration_in_seconds >= 0 ? a.duration_in_seconds : undefined;
    return [compact({ url, mime_type: mime, title: text(a.title), size_in_bytes: size, duration_in_seconds: duration })];
  });
}

function event(ctx: MapContext, value: unknown, label: string): BulletinEvent | undefined {
  const e = rec(value);
  const start = typeof e.start === 'string' ? parseRfc3339(e.start) : null;
  const location = text(e.location);
  if (!start || !location) {
    report(ctx, {
      level: 'warning', item: label, field: '_bulletin.event',
      message: !start ? 'the event has no RFC 3339 start, so it is shown as news' : 'the event has no location, so it is shown as news',
      fix: !start ? 'write "start": "2018-11-13T14:00:00+00:00"' : 'write "location": "where it takes place"',
    });
    return undefined;
  }
  const end = typeof e.end === 'string' ? parseRfc3339(e.end) : null;
  if (typeof e.end === 'string' && (!end || end < start)) {
    report(ctx, { level: 'warning', item: label, field: '_bulletin.event.end', message: `"${e.end.slice(0, 40)}" is not a date after the start; it is dropped`, fix: 'write an RFC 3339 date not before the start' });
  }
  const status: BulletinEvent['status'] = e.status === 'cancelled' || e.status === 'postponed' ? e.status : 'scheduled';
  return compact({
    start: text(e.start) ?? '', end: end && end >= start ? text(e.end) : undefined, location,
    postcode: text(e.postcode)?.toUpperCase().replace(/\s+/g, ' '), status, allDay: e.allDay === true,
  });
}

function extension(ctx: MapContext, value: unknown, areaIds: ReadonlySet<string>, label: string): BulletinItemExtension {
  if (!isRecord(value)) return { kind: 'news' };
  const areas = [...new Set(list(value.areas).filter((a): a is string => typeof a === 'string'))];
  const unknown = areas.filter((a) => !areaIds.has(a));
  if (unknown.length > 0) {
    report(ctx, { level: 'warning', item: label, field: '_bulletin.areas', message: `names ${unknown.map((a) => `"${a}"`).join(', ')}, which the feed does not define; ignored`, fix: `use one of: ${[...areaIds].join(', ') || '(no areas are defined)'}` });
  }
  const known = areas.filter((a) => areaIds.has(a));
  const ev = value.kind === 'event' ? event(ctx, value.event, label) : undefined;
  return compact({ kind: ev ? 'event' : 'news', areas: known, event: ev });
}

function wrongType(value: unknown): boolean {
  return value !== undefined && value !== null && typeof value !== 'string';
}

function item(ctx: MapContext, raw: unknown, position: number, linkBase: string, areaIds: ReadonlySet<string>): JsonFeedItem | null {
  if (!isRecord(raw)) {
    report(ctx, { level: 'error', item: `item ${position}`, message: 'is not an object, so it was skipped', fix: 'write each item as { "id": …, "title": … }' });
    return null;
  }
  const id = typeof raw.id === 'number' ? (Number.isFinite(raw.id) ? String(raw.id) : undefined) : text(raw.id);
  const title = typeof raw.title === 'string' ? text(raw.title) : undefined;
  const label = itemLabel(title, id, position);
  if (!id) {
    report(ctx, { level: 'error', item: label, field: 'id', message: 'has no usable id, so it was skipped', fix: 'write "id": "a-unique-id" (a string that never changes)' });
    return null;
  }
  for (const field of ['title', 'content_html', 'content_text', 'summary'] as const) {
    if (wrongType(raw[field])) {
      report(ctx, { level: 'error', item: label, field, message: `is a ${Array.isArray(raw[field]) ? 'list' : typeof raw[field]}, not text, so the item was skipped`, fix: `write "${field}" as a string` });
      return null;
    }
  }
  // A remote page's relative links are made absolute; a local file's are the site's own and stay.
  const rawHtml = text(raw.content_html);
  const contentHtml = rawHtml !== undefined && !ctx.base.startsWith('file:') ? absoluteLinks(rawHtml, ctx.base) : rawHtml;
  const contentText = text(raw.content_text);
  if (!title && !contentHtml && !contentText) {
    report(ctx, { level: 'error', item: label, field: 'title', message: 'has no title and no content, so it was skipped', fix: 'write "title" and "content_html"' });
    return null;
  }
  const dates: Record<'date_published' | 'date_modified', string | undefined> = { date_published: undefined, date_modified: undefined };
  for (const field of ['date_published', 'date_modified'] as const) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && parseRfc3339(value)) {
      dates[field] = value.trim();
      continue;
    }
    if (typeof value !== 'string') {
      report(ctx, { level: 'warning', item: label, field, message: 'is not a date; the item is kept without it', fix: 'write an RFC 3339 date such as 2018-03-22T10:00:00Z' });
      continue;
    }
    const read = dateField(ctx, value, field, label);
    if (read && !ctx.problems.some((p) => p.item === label && p.field === field)) {
      report(ctx, { level: 'warning', item: label, field, message: `"${value.slice(0, 60)}" is not RFC 3339; it was read as ${read}`, fix: `write ${read}` });
    }
    dates[field] = read;
  }
  return compact({
    id,
    url: httpUrl(raw.url, linkBase),
    external_url: httpUrl(raw.external_url, linkBase),
    title,
    summary: text(raw.summary),
    content_html: contentHtml,
    content_text: contentText,
    image: httpUrl(raw.image, linkBase),
    banner_image: httpUrl(raw.banner_image, linkBase),
    ...dates,
    authors: authors(raw, linkBase),
    tags: [...new Set(list(raw.tags).map(text).filter((t): t is string => t !== undefined))],
    language: text(raw.language),
    attachments: attachments(raw.attachments, linkBase),
    _bulletin: extension(ctx, raw._bulletin, areaIds, label),
  });
}

/**
 * One JSON Feed page (parsed JSON, unknown until read here). `linkBase` resolves relative item
 * links (the page's own URL, or the site's address when the page is a local file).
 * `siteAreas` are used when the feed defines none.
 */
export function mapJsonFeed(ctx: MapContext, raw: unknown, linkBase: string, siteAreas: readonly BulletinArea[]): JsonFeedPage {
  if (!isRecord(raw)) throw new SourceError(ctx.source, 'is JSON, but not a JSON Feed (the top level is not an object).');
  if (typeof raw.version !== 'string' || !VERSION.test(raw.version.trim())) {
    throw new SourceError(ctx.source, `is JSON, but not a JSON Feed: "version" must be "https://jsonfeed.org/version/1.1"${typeof raw.version === 'string' ? `, not "${raw.version.slice(0, 40)}"` : ''}.`);
  }
  if (!Array.isArray(raw.items)) throw new SourceError(ctx.source, 'is a JSON Feed without a list of "items".');
  const ext = rec(raw._bulletin);
  const zone = text(ext.timezone);
  if (zone && !isValidTimeZone(zone)) {
    report(ctx, { level: 'warning', field: '_bulletin.timezone', message: `"${zone}" is not a time zone; the site file's is used`, fix: 'write an IANA zone such as "Europe/London"' });
  }
  const areas = Array.isArray(ext.areas) ? readAreas(ext.areas) : undefined;
  const areaIds = new Set((areas ?? siteAreas).map((a) => a.id));
  const items: JsonFeedItem[] = [];
  let skipped = 0;
  raw.items.forEach((r: unknown, i: number) => {
    const it = item(ctx, r, i + 1, linkBase, areaIds);
    if (it) items.push(it);
    else skipped += 1;
  });
  return {
    title: text(raw.title),
    homePageUrl: httpUrl(raw.home_page_url, linkBase),
    description: text(raw.description),
    language: text(raw.language),
    next: text(raw.next_url),
    items,
    skipped,
    timezone: zone && isValidTimeZone(zone) ? zone : undefined,
    areas,
    alerts: readAlerts(ext.alerts),
  };
}
