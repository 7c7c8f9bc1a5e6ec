/**
 * The feed boundary: raw JSON (unknown) in, the app's own types out.
 * It never throws for a bad item or a bad extension part; it throws FeedError('not-a-feed')
 * only when the whole document is not a JSON Feed. The contract is ../shared/FEED-FORMAT.md;
 * how this reader reads it is docs/feed.md.
 */
import { normalisePostcodePrefix } from '../lib/postcode-prefix';
import { isValidTimeZone, parseRfc3339 } from '../lib/dates';
import { makeSlug } from '../lib/slug';
import { httpUrl } from '../lib/url';
import {
  DEFAULT_TIMEZONE,
  FeedError,
  type Alert,
  type Area,
  type Attachment,
  type EventDetails,
  type FeedDate,
  type FeedPage,
  type Item,
  type Person,
} from './types';

type Json = Record<string, unknown>;

const VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/;
const AREA_ID = /^[a-z0-9-]+$/;
/** Longest text we keep in any one field (10 MB feeds must stay usable). */
const MAX_TEXT = 1_000_000;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-blank string, trimmed; anything else is null. */
function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = value.trim();
  if (t === '') return null;
  return t.length > MAX_TEXT ? t.slice(0, MAX_TEXT) : t;
}

/** True when a field is present with a type that no reader could use (a "wrong type"). */
function wrongType(value: unknown, ...allowed: ('string' | 'number')[]): boolean {
  if (value === undefined || value === null) return false;
  return !allowed.includes(typeof value as 'string' | 'number');
}

function readId(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  return text(value);
}

function readDate(value: unknown): FeedDate {
  if (value === undefined || value === null) return { state: 'absent' };
  if (typeof value !== 'string') return { state: 'unknown', raw: String(JSON.stringify(value)).slice(0, 100) };
  const date = parseRfc3339(value);
  return date ? { state: 'known', date } : { state: 'unknown', raw: value.slice(0, 100) };
}

function readPerson(value: unknown, base: string): Person | null {
  if (!isRecord(value)) return null;
  const person: Person = { name: text(value.name), url: httpUrl(value.url, base), avatar: httpUrl(value.avatar, base) };
  return person.name || person.url || person.avatar ? person : null;
}

/** `authors` (1.1) is preferred over `author` (1.0) when both are present. */
function readAuthors(source: Json, base: string): Person[] {
  const list = Array.isArray(source.authors) ? source.authors : source.author !== undefined ? [source.author] : [];
  return list.map((a) => readPerson(a, base)).filter((p): p is Person => p !== null);
}

function readTags(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const tags = value.map(text).filter((t): t is string => t !== null);
  return [...new Set(tags)];
}

/** A finite, non-negative number, or null (Infinity can reach us from a JavaScript-made value). */
function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

function readAttachments(value: unknown, base: string): Attachment[] {
  if (!Array.isArray(value)) return [];
  const out: Attachment[] = [];
  for (const a of value) {
    if (!isRecord(a)) continue;
    const url = httpUrl(a.url, base);
    const mimeType = text(a.mime_type);
    if (!url || !mimeType) continue;
    out.push({
      url,
      mimeType,
      title: text(a.title),
      sizeInBytes: count(a.size_in_bytes),
      durationInSeconds: count(a.duration_in_seconds),
    });
  }
  return out;
}


function readAreas(value: unknown): Area[] {
  if (!Array.isArray(value)) return [];
  const areas: Area[] = [];
  const seen = new Set<string>();
  for (const a of value) {
    if (!isRecord(a)) continue;
    const id = typeof a.id === 'string' && AREA_ID.test(a.id) ? a.id : null;
    const name = text(a.name);
    if (!id || !name || seen.has(id)) continue;
    const postcodes = Array.isArray(a.postcodes)
      ? a.postcodes.map(normalisePostcodePrefix).filter((p): p is string => p !== null)
      : [];
    seen.add(id);
    areas.push({ id, name, postcodes: [...new Set(postcodes)] });
  }
  return areas;
}

/** RFC 3339 or absent; null for absent, undefined for present but unreadable (the alert is then ignored). */
function alertDate(value: unknown): Date | null | undefined {
  if (value === undefined || value === null) return null;
  return (typeof value === 'string' && parseRfc3339(value)) || undefined;
}

/** `_bulletin.alerts`: a malformed alert (no id or title, wrong types, end before start, a repeated id) is left out. */
function readAlerts(value: unknown, base: string): Alert[] {
  if (!Array.isArray(value)) return [];
  const out: Alert[] = [];
  for (const [position, a] of value.entries()) {
    if (!isRecord(a)) continue;
    const id = text(a.id);
    const title = text(a.title);
    const start = alertDate(a.start);
    const end = alertDate(a.end);
    const level = a.level ?? 'info';
    const areas = a.areas ?? null;
    if (
      !id || !title || start === undefined || end === undefined || (start && end && end < start) ||
      wrongType(a.text, 'string') || wrongType(a.url, 'string') ||
      (level !== 'emergency' && level !== 'warning' && level !== 'info') ||
      (areas !== null && !(Array.isArray(areas) && areas.every((x) => typeof x === 'string'))) ||
      out.some((other) => other.id === id)
    ) {
      continue;
    }
    const named = areas && [...new Set(areas.map(text).filter((x): x is string => x !== null))];
    out.push({ id, level, title, text: text(a.text), url: httpUrl(a.url, base), start, end, areas: named?.length ? named : null, position });
  }
  return out;
}

function readEvent(value: unknown): EventDetails | null {
  if (!isRecord(value)) return null;
  const start = typeof value.start === 'string' ? parseRfc3339(value.start) : null;
  const location = text(value.location);
  if (!start || !location) return null;
  const endDate = typeof value.end === 'string' ? parseRfc3339(value.end) : null;
  return {
    start,
    end: endDate && endDate.getTime() >= start.getTime() ? endDate : null,
    location,
    postcode: text(value.postcode)?.toUpperCase().replace(/\s+/g, ' ') ?? null,
  };
}

interface ItemExtension {
  kind: Item['kind'];
  areas: string[];
  event: EventDetails | null;
}

function readItemExtension(value: unknown, areaIds: ReadonlySet<string>): ItemExtension {
  if (!isRecord(value)) return { kind: 'news', areas: [], event: null };
  const areas = Array.isArray(value.areas)
    ? [...new Set(value.areas.filter((a): a is string => typeof a === 'string' && areaIds.has(a)))]
    : [];
  const event = value.kind === 'event' ? readEvent(value.event) : null;
  return { kind: event ? 'event' : 'news', areas, event };
}

/** One item, or null when it must be skipped (no usable id; no content and no title; wrong types). */
export function normaliseItem(raw: unknown, base: string, areaIds: ReadonlySet<string>): Item | null {
  if (!isRecord(raw)) return null;
  const id = readId(raw.id);
  if (!id) return null;
  if (
    wrongType(raw.title, 'string') ||
    wrongType(raw.content_html, 'string') ||
    wrongType(raw.content_text, 'string')
  ) {
    return null;
  }
  const title = text(raw.title);
  const contentHtml = text(raw.content_html);
  const contentText = text(raw.content_text);
  if (!title && !contentHtml && !contentText) return null;
  const ext = readItemExtension(raw._bulletin, areaIds);
  return {
    id,
    pageUrl: base,
    slug: makeSlug(id, title ?? contentText ?? null),
    title,
    summary: text(raw.summary),
    contentHtml,
    contentText,
    url: httpUrl(raw.url, base),
    externalUrl: httpUrl(raw.external_url, base),
    image: httpUrl(raw.image, base),
    bannerImage: httpUrl(raw.banner_image, base),
    published: readDate(raw.date_published),
    modified: readDate(raw.date_modified),
    authors: readAuthors(raw, base),
    tags: readTags(raw.tags),
    language: text(raw.language),
    attachments: readAttachments(raw.attachments, base),
    ...ext,
  };
}

/**
 * Normalises one parsed page of a feed fetched from `pageUrl` (absolute).
 * Throws FeedError('not-a-feed') for a wrong version, a top level that is not a feed,
 * or `items` that is not an array.
 */
export function normaliseFeed(raw: unknown, pageUrl: string): FeedPage {
  if (!isRecord(raw)) throw new FeedError('not-a-feed', 'The top level is not a JSON object.');
  if (typeof raw.version !== 'string' || !VERSION.test(raw.version.trim())) {
    throw new FeedError('not-a-feed', 'The document does not declare a JSON Feed version.');
  }
  if (!Array.isArray(raw.items)) throw new FeedError('not-a-feed', 'The feed has no list of items.');

  const ext = isRecord(raw._bulletin) ? raw._bulletin : {};
  const zone = text(ext.timezone);
  const areas = readAreas(ext.areas);
  const areaIds = new Set(areas.map((a) => a.id));

  const items: Item[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const rawItem of raw.items) {
    const item = normaliseItem(rawItem, pageUrl, areaIds);
    if (!item || seen.has(item.id)) {
      skipped += 1;
      continue;
    }
    seen.add(item.id);
    items.push(item);
  }

  return {
    url: pageUrl,
    title: text(raw.title) ?? 'News',
    description: text(raw.description),
    homePageUrl: httpUrl(raw.home_page_url, pageUrl),
    language: text(raw.language),
    icon: httpUrl(raw.icon, pageUrl),
    favicon: httpUrl(raw.favicon, pageUrl),
    authors: readAuthors(raw, pageUrl),
    expired: raw.expired === true,
    timezone: zone && isValidTimeZone(zone) ? zone : DEFAULT_TIMEZONE,
    areas,
    alerts: readAlerts(ext.alerts, pageUrl),
    items,
    skipped,
    nextUrl: httpUrl(raw.next_url, pageUrl),
    fetchedAt: null,
  };
}
