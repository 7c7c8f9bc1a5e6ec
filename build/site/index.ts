/**
 * The site file (bulletin.site.json, or BULLETIN_SITE): read and checked once, parsed, not cast.
 * Every default from ../shared/FEED-FORMAT.md is applied; paths are resolved against the file.
 * A bad file is an Error whose message is one plain line naming the file and the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { isValidTimeZone } from '../../src/lib/dates.ts';
import { normalisePostcodePrefix } from '../../src/lib/postcode-prefix.ts';
import type { BulletinAlert, BulletinArea } from '../sources/types.ts';

/** Areas and alerts in the site file have the feed's own shapes (FEED-FORMAT.md). */
export type SiteArea = BulletinArea;
export type SiteAlert = BulletinAlert;

export interface Site {
  /** The file read, or null for the built-in sample (no file). */
  file: string | null;
  name: string;
  shortName: string;
  description?: string;
  url?: string;
  language: string;
  timezone: string;
  themeColour?: string;
  /** Absolute path, or an http(s) URL. */
  shareImage?: string;
  /** The news source: absolute path or http(s) URL (BULLETIN_FEED wins). */
  source: string;
  /** The events source: absolute path or http(s) URL (BULLETIN_EVENTS wins), if any. */
  events?: string;
  areas: SiteArea[];
  /** Category → area id, as written. */
  categories: Record<string, string>;
  alerts: SiteAlert[];
  quickExit: { url: string } | false;
  contact?: { email?: string; phone?: string; address?: string };
  privacyUrl?: string;
  images: 'self' | 'remote';
  /** Items per page of the feed the build writes (Bulletin's own setting; default 50). */
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 50;

export const DEFAULT_QUICK_EXIT = 'https://www.bbc.co.uk/weather';
export const SITE_FILE = 'bulletin.site.json';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

class Reader {
  constructor(readonly file: string) {}
  fail(field: string, problem: string): never {
    throw new Error(`${this.file}: "${field}" ${problem}`);
  }
  text(o: Json, field: string, required: true): string;
  text(o: Json, field: string, required?: false): string | undefined;
  text(o: Json, field: string, required = false): string | undefined {
    const v = o[field];
    if (v === undefined || v === null) return required ? this.fail(field, 'is missing; write it as text') : undefined;
    if (typeof v !== 'string' || v.trim() === '') this.fail(field, 'must be non-empty text');
    return v.trim();
  }
  httpUrl(o: Json, field: string): string | undefined {
    const v = this.text(o, field);
    if (v === undefined) return undefined;
    try {
      const u = new URL(v);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch {
      // fall through
    }
    return this.fail(field, `must be an http(s) address, not "${v}"`);
  }
  /** A path (resolved against the file's folder) or an http(s) URL. */
  location(o: Json, field: string, required: boolean): string | undefined {
    const v = required ? this.text(o, field, true) : this.text(o, field);
    return v === undefined ? undefined : resolveLocation(v, dirname(this.file));
  }
}

function resolveLocation(value: string, dir: string): string {
  if (/^https?:\/\//i.test(value)) return value;
  return isAbsolute(value) ? value : resolve(dir, value);
}

const AREA_ID = /^[a-z0-9-]+$/;

function readAreas(r: Reader, value: unknown): SiteArea[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return r.fail('areas', 'must be a list of { "id", "name", "postcodes" }');
  const seen = new Set<string>();
  return value.map((a, i) => {
    const field = `areas[${i}]`;
    if (!isRecord(a)) return r.fail(field, 'must be an object { "id", "name", "postcodes" }');
    if (typeof a.id !== 'string' || !AREA_ID.test(a.id)) return r.fail(`${field}.id`, 'must be lowercase letters, digits and "-", such as "middlesbrough"');
    if (seen.has(a.id)) return r.fail(`${field}.id`, `repeats "${a.id}"; each area needs its own id`);
    seen.add(a.id);
    const name = r.text(a, 'name');
    if (!name) return r.fail(`${field}.name`, 'is missing; write the area\'s name');
    const postcodes = a.postcodes === undefined ? [] : Array.isArray(a.postcodes) ? a.postcodes : r.fail(`${field}.postcodes`, 'must be a list such as ["TS1", "TS2 1"]');
    return {
      id: a.id,
      name,
      postcodes: postcodes.map((p, j) => normalisePostcodePrefix(p) ?? r.fail(`${field}.postcodes[${j}]`, `"${String(p)}" is not a postcode area, district or sector such as "TS", "TS1" or "TS2 1"`)),
    };
  });
}

function readCategories(r: Reader, value: unknown, areaIds: ReadonlySet<string>): Record<string, string> {
  if (value === undefined) return {};
  if (!isRecord(value)) return r.fail('categories', 'must be an object such as { "Middlesbrough": "middlesbrough" }');
  const out: Record<string, string> = {};
  for (const [name, id] of Object.entries(value)) {
    if (typeof id !== 'string' || !AREA_ID.test(id)) r.fail(`categories.${name}`, 'must name an area id, such as "middlesbrough"');
    if (areaIds.size > 0 && !areaIds.has(id)) r.fail(`categories.${name}`, `names the area "${id}", which "areas" does not define`);
    out[name] = id;
  }
  return out;
}

function readAlerts(r: Reader, value: unknown): SiteAlert[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return r.fail('alerts', 'must be a list');
  return value.map((a, i) => {
    const field = `alerts[${i}]`;
    if (!isRecord(a)) return r.fail(field, 'must be an object with "id" and "title"');
    const level = a.level === undefined ? 'info' : a.level;
    if (level !== 'emergency' && level !== 'warning' && level !== 'info') return r.fail(`${field}.level`, 'must be "emergency", "warning" or "info"');
    const areas = a.areas === undefined ? undefined : Array.isArray(a.areas) && a.areas.every((x) => typeof x === 'string') ? (a.areas as string[]) : r.fail(`${field}.areas`, 'must be a list of area ids');
    const alert: SiteAlert = { id: r.text(a, 'id', true), level, title: r.text(a, 'title', true) };
    const t = r.text(a, 'text');
    const url = r.httpUrl(a, 'url');
    const start = r.text(a, 'start');
    const end = r.text(a, 'end');
    for (const [k, v] of [['start', start], ['end', end]] as const) {
      if (v !== undefined && Number.isNaN(Date.parse(v))) r.fail(`${field}.${k}`, `"${v}" is not a date; write one such as 2018-11-20T16:00:00+00:00`);
    }
    return { ...alert, ...(t ? { text: t } : {}), ...(url ? { url } : {}), ...(start ? { start } : {}), ...(end ? { end } : {}), ...(areas ? { areas } : {}) };
  });
}

/** Sources named outside the file (BULLETIN_FEED, BULLETIN_EVENTS), already resolved. */
export interface SourceOverrides {
  feed?: string;
  events?: string;
}

/** Checks a parsed site file. `file` is its absolute path (paths in it resolve against its folder). */
export function parseSite(raw: unknown, file: string, overrides: SourceOverrides = {}): Site {
  const r = new Reader(file);
  if (!isRecord(raw)) throw new Error(`${file}: the site file must be a JSON object such as { "name": "…", "source": "feed.json" }`);
  const name = r.text(raw, 'name', true);
  const language = r.text(raw, 'language') ?? 'en-GB';
  const timezone = r.text(raw, 'timezone') ?? 'Europe/London';
  if (!isValidTimeZone(timezone)) r.fail('timezone', `"${timezone}" is not a time zone; write an IANA zone such as "Europe/London"`);
  const themeColour = r.text(raw, 'themeColour');
  if (themeColour !== undefined && !/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(themeColour)) r.fail('themeColour', `"${themeColour}" is not a colour; write one such as "#0b3d6b"`);
  const source = overrides.feed ?? r.location(raw, 'source', true);
  if (!source) return r.fail('source', 'is missing; write the news feed\'s path or URL');
  const events = overrides.events ?? r.location(raw, 'events', false);
  const areas = readAreas(r, raw.areas);
  let quickExit: Site['quickExit'] = { url: DEFAULT_QUICK_EXIT };
  if (raw.quickExit === false) quickExit = false;
  else if (raw.quickExit !== undefined) {
    const q = raw.quickExit;
    if (!isRecord(q)) return r.fail('quickExit', 'must be false or { "url": "https://…" }');
    quickExit = { url: r.httpUrl(q, 'url') ?? DEFAULT_QUICK_EXIT };
  }
  let contact: Site['contact'];
  if (raw.contact !== undefined) {
    const c = raw.contact;
    if (!isRecord(c)) return r.fail('contact', 'must be an object with "email", "phone" and/or "address"');
    contact = Object.fromEntries((['email', 'phone', 'address'] as const).flatMap((k) => {
      const v = r.text(c, k);
      return v ? [[k, v]] : [];
    }));
  }
  const images = raw.images === undefined ? 'self' : raw.images;
  if (images !== 'self' && images !== 'remote') return r.fail('images', 'must be "self" or "remote"');
  const shareImage = r.location(raw, 'shareImage', false);
  const description = r.text(raw, 'description');
  const url = r.httpUrl(raw, 'url');
  const privacyUrl = r.httpUrl(raw, 'privacyUrl');
  const pageSize = raw.pageSize === undefined ? DEFAULT_PAGE_SIZE : raw.pageSize;
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500) {
    return r.fail('pageSize', 'must be a whole number of items from 1 to 500, such as 50');
  }
  return {
    file,
    name,
    shortName: r.text(raw, 'shortName') ?? name,
    ...(description ? { description } : {}),
    ...(url ? { url } : {}),
    language,
    timezone,
    ...(themeColour ? { themeColour } : {}),
    ...(shareImage ? { shareImage } : {}),
    source,
    ...(events ? { events } : {}),
    areas,
    categories: readCategories(r, raw.categories, new Set(areas.map((a) => a.id))),
    alerts: readAlerts(r, raw.alerts),
    quickExit,
    ...(contact ? { contact } : {}),
    ...(privacyUrl ? { privacyUrl } : {}),
    images,
    pageSize,
  };
}

export interface LoadSiteOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** Reads the site file: BULLETIN_SITE, else bulletin.site.json in `cwd`. */
export function loadSite({ env = process.env, cwd = process.cwd() }: LoadSiteOptions = {}): Site {
  const named = env.BULLETIN_SITE?.trim();
  const file = resolve(cwd, named || SITE_FILE);
  if (!existsSync(file)) throw new Error(`${file}: no site file there${named ? ' (named by BULLETIN_SITE)' : ''}; write one (see FEED-FORMAT.md, "The site file")`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  // Overrides given as relative paths are read from where the command runs.
  const feed = env.BULLETIN_FEED?.trim();
  const events = env.BULLETIN_EVENTS?.trim();
  return parseSite(raw, file, { feed: feed ? resolveLocation(feed, cwd) : undefined, events: events ? resolveLocation(events, cwd) : undefined });
}
