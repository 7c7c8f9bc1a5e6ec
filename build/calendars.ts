/**
 * Calendars (iCalendar, RFC 5545), written by the build beside the pages (build/pipeline.ts):
 *
 * - every event's own file, for its "Add to calendar" link (paths.eventCalendar);
 * - one calendar of every upcoming event (paths.upcomingCalendar), and one per area with that
 *   area's upcoming events and the force-wide ones (paths.areaCalendar), to subscribe to.
 *
 * Written with ical-generator (see docs/calendars.md for why). Times are written in UTC
 * (`DTSTART:20181113T140000Z`), which RFC 5545 allows everywhere and which needs no VTIMEZONE;
 * an all-day event is written as dates (`VALUE=DATE`) in the feed's time zone. "Upcoming" is
 * measured against the build's clock (build/clock.ts), never the machine's own.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { paths } from '../src/config/paths.ts';
import { dayKey, parseRfc3339 } from '../src/lib/dates.ts';
import { makeSlug } from '../src/lib/slug.ts';
import type { Site } from './site/index.ts';
import { htmlToText } from './sources/html.ts';
import type { BulletinEvent, JsonFeed, JsonFeedItem } from './sources/index.ts';
import type { EventStatus } from './sources/types.ts';

/** An event as the calendars see it: an item the reader shows as an event, with its own address. */
export interface CalendarEvent {
  item: JsonFeedItem;
  event: BulletinEvent;
  slug: string;
  start: Date;
  end: Date | null;
}

export interface CalendarOptions {
  /** The build's "now": what is upcoming. */
  now: Date;
}

/** How long a calendar app may keep a subscribed calendar before asking again. */
const REFRESH_SECONDS = 60 * 60;
const DAY_MS = 24 * 60 * 60 * 1000;

const STATUS: Record<EventStatus, ICalEventStatus> = {
  scheduled: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
  // RFC 5545 has no "postponed": the stated time is no longer firm.
  postponed: ICalEventStatus.TENTATIVE,
};

const trimmed = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** The feed's events, each with the slug the reader gives it (src/feed/normalise.ts: title, else text). */
export function calendarEvents(feed: JsonFeed): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  for (const item of feed.items) {
    const event = item._bulletin?.kind === 'event' ? item._bulletin.event : undefined;
    const start = event ? parseRfc3339(event.start) : null;
    if (!event || !start || !event.location.trim()) continue;
    const end = event.end ? parseRfc3339(event.end) : null;
    events.push({
      item,
      event,
      slug: makeSlug(item.id, trimmed(item.title) ?? trimmed(item.content_text)),
      start,
      end: end && end.getTime() >= start.getTime() ? end : null,
    });
  }
  return events;
}

/** When an event is over: its end (an all-day event's last day, all of it), else its start. */
function finish(e: CalendarEvent): number {
  const last = (e.end ?? e.start).getTime();
  return e.event.allDay ? last + DAY_MS : last;
}

/** Upcoming at `now`, as the events page counts it: not yet over. Soonest first. */
export function upcomingEvents(events: readonly CalendarEvent[], now: Date): CalendarEvent[] {
  return events.filter((e) => finish(e) >= now.getTime()).sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** An area's calendar: its own events and the force-wide ones (no areas). */
export function areaEvents(events: readonly CalendarEvent[], areaId: string): CalendarEvent[] {
  return events.filter((e) => {
    const areas = e.item._bulletin?.areas ?? [];
    return areas.length === 0 || areas.includes(areaId);
  });
}

/** The site's address for a root-relative path, when the site file gives its URL. */
function siteAddress(site: Site, path: string): string | undefined {
  if (!site.url) return undefined;
  const base = site.url.endsWith('/') ? site.url : `${site.url}/`;
  return new URL(path.slice(1), base).href;
}

/** A date in the zone, as a Date at that day's UTC midnight (ical-generator writes VALUE=DATE from UTC parts). */
function zoneDay(date: Date, zone: string, addDays = 0): Date {
  const [y, m, d] = dayKey(date, zone).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + addDays));
}

function description(item: JsonFeedItem): string | null {
  const text = trimmed(item.summary) ?? trimmed(item.content_text) ?? (item.content_html ? trimmed(htmlToText(item.content_html)) : null);
  return text && text.length > 2000 ? `${text.slice(0, 1999)}…` : text;
}

function location(event: BulletinEvent): string {
  const place = event.location.trim();
  const postcode = event.postcode?.trim();
  return postcode && !place.toUpperCase().includes(postcode.toUpperCase()) ? `${place}, ${postcode}` : place;
}

function newCalendar(site: Site, name: string, subscription: boolean): ICalCalendar {
  const calendar = ical({
    name,
    prodId: { company: site.name, product: 'Bulletin', language: 'EN' },
    ...(subscription ? { ttl: REFRESH_SECONDS } : { method: ICalCalendarMethod.PUBLISH }),
    ...(site.description ? { description: site.description } : {}),
  });
  const home = siteAddress(site, paths.events.href());
  if (home) calendar.url(home);
  return calendar;
}

function addEvent(calendar: ICalCalendar, site: Site, zone: string, e: CalendarEvent, now: Date): void {
  const { item, event } = e;
  const url = siteAddress(site, paths.event.href(e.slug)) ?? item.url ?? null;
  const when = event.allDay
    ? { allDay: true, start: zoneDay(e.start, zone), end: zoneDay(e.end ?? e.start, zone, 1) }
    : { start: e.start, end: e.end ?? e.start };
  calendar.createEvent({
    id: item.id,
    ...when,
    stamp: now,
    summary: trimmed(item.title) ?? trimmed(item.content_text)?.slice(0, 200) ?? 'Event',
    location: location(event),
    description: description(item),
    url,
    status: STATUS[event.status],
    ...(item.date_published ? { created: new Date(item.date_published) } : {}),
    ...(item.date_modified ? { lastModified: new Date(item.date_modified) } : {}),
  });
}

/** A calendar's file for an address of paths (root-relative), under the build's output. */
export function calendarFile(outDir: string, href: string): string {
  const parts = href.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.some((part) => part === '.' || part === '..' || part.includes('/'))) throw new Error(`A calendar address may not leave the build: ${href}`);
  return join(outDir, ...parts);
}

function write(outDir: string, href: string, calendar: ICalCalendar): void {
  const file = calendarFile(outDir, href);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, calendar.toString());
}

/** Writes every calendar into the build's output; returns the addresses written. */
export function writeCalendars(feed: JsonFeed, site: Site, outDir: string, options: CalendarOptions): string[] {
  const { now } = options;
  const zone = feed._bulletin.timezone;
  const events = calendarEvents(feed);
  const written: string[] = [];
  const publish = (href: string, calendar: ICalCalendar) => {
    write(outDir, href, calendar);
    written.push(href);
  };
  for (const e of events) {
    const calendar = newCalendar(site, site.name, false);
    addEvent(calendar, site, zone, e, now);
    publish(paths.eventCalendar.href(e.slug), calendar);
  }
  const upcoming = upcomingEvents(events, now);
  const all = newCalendar(site, `${site.name}: events`, true);
  for (const e of upcoming) addEvent(all, site, zone, e, now);
  publish(paths.upcomingCalendar.href(), all);
  for (const area of feed._bulletin.areas) {
    const calendar = newCalendar(site, `${site.name}: events in ${area.name}`, true);
    for (const e of areaEvents(upcoming, area.id)) addEvent(calendar, site, zone, e, now);
    publish(paths.areaCalendar.href(area.id), calendar);
  }
  return written;
}
