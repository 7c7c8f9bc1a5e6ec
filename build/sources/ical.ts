/**
 * iCalendar (RFC 5545) events to Bulletin event items, with ical.js for parsing and recurrence
 * rules. Wall-clock times are turned into instants here, through the IANA zone their TZID names
 * (ical.js reads a TZID without a VTIMEZONE block as floating time, which would be wrong by an
 * hour in a British summer).
 *
 * Recurrences: each series is expanded into one item per occurrence that starts within a window
 * around `now` (default: from one year back to one year ahead), at most `maxOccurrences` per
 * series (default 100), honouring EXDATE and overridden instances (RECURRENCE-ID). An occurrence's
 * id is the UID, "#", and its original start (the RECURRENCE-ID), so it is stable between builds.
 */
import ICAL from 'ical.js';
import { formatInZone, isValidTimeZone, wallTimeToInstant } from './dates.ts';
import { categoriesToAreas, itemLabel, report, type MapContext } from './context.ts';
import { compact, httpUrl, text } from './guards.ts';
import { SourceError, type BulletinEvent, type EventStatus, type JsonFeedItem } from './types.ts';

export interface RecurrenceWindow {
  now: Date;
  /** Days before `now` from which occurrences are kept (default 365). */
  daysBack?: number;
  /** Days after `now` up to which occurrences are kept (default 365). */
  daysAhead?: number;
  /** At most this many occurrences of one series (default 100). */
  maxOccurrences?: number;
}

const DAY = 86_400_000;
/** Steps through one rule before giving up (a daily rule from decades ago is still fine)… */
const MAX_STEPS = 50_000;
/** …and through all the rules of one file. */
const MAX_FILE_STEPS = 200_000;
/** Wall-clock fields read as UTC are within a day of the real instant, whatever the zone. */
const SLACK = 2 * DAY;
const POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})\b/i;

interface Zones {
  site: string;
  /** VTIMEZONE blocks by TZID, for TZIDs that are not IANA names. */
  own: Map<string, ICAL.Timezone>;
  warned: Set<string>;
  /** Rule steps taken so far in this file. */
  steps: number;
}

/** The TZID a time was written with (or that ical.js resolved from a VTIMEZONE). */
function tzidOf(t: ICAL.Time): string | undefined {
  const resolved = t.zone && t.zone.tzid !== 'floating' ? t.zone.tzid : undefined;
  return (t as ICAL.Time & { timezone?: string }).timezone ?? resolved;
}

function instantOf(ctx: MapContext, t: ICAL.Time, zones: Zones, label: string, field: string, seriesZone?: string): Date {
  if (t.isDate) return wallTimeToInstant(t.year, t.month, t.day, 0, 0, 0, zones.site);
  if (t.zone?.tzid === 'UTC') return new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second));
  // ical.js keeps the TZID parameter on the time even when it has no VTIMEZONE for it.
  const resolved = t.zone && t.zone.tzid !== 'floating' ? t.zone : undefined;
  const tzid = tzidOf(t) ?? seriesZone;
  if (tzid && isValidTimeZone(tzid)) return wallTimeToInstant(t.year, t.month, t.day, t.hour, t.minute, Math.min(t.second, 59), tzid);
  const own = (tzid ? zones.own.get(tzid) : undefined) ?? resolved;
  if (own) {
    const copy = t.clone();
    copy.zone = own;
    return new Date(copy.toUnixTime() * 1000);
  }
  const key = `${label}|${field}`;
  if (!zones.warned.has(key)) {
    zones.warned.add(key);
    report(ctx, {
      level: 'warning', item: label, field,
      message: tzid ? `names the time zone "${tzid}", which is not known; it was read as ${zones.site} time` : `has no time zone; it was read as ${zones.site} time`,
      fix: `write ${field};TZID=${zones.site}:${t.toICALString().replace(/Z$/, '')}`,
    });
  }
  return wallTimeToInstant(t.year, t.month, t.day, t.hour, t.minute, Math.min(t.second, 59), zones.site);
}

function status(value: unknown): EventStatus {
  return typeof value === 'string' && value.toUpperCase() === 'CANCELLED' ? 'cancelled' : 'scheduled';
}

function propText(component: ICAL.Component, name: string): string | undefined {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? text(value) : value instanceof ICAL.Time ? value.toString() : undefined;
}

function dateProp(ctx: MapContext, component: ICAL.Component, name: string, zones: Zones, label: string): string | undefined {
  const value = component.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) return undefined;
  return formatInZone(instantOf(ctx, value, zones, label, name.toUpperCase()), zones.site);
}

interface Occurrence {
  id: string;
  component: ICAL.Component;
  /** The series' own VEVENT: an overridden instance that leaves a property out keeps the series' value. */
  master?: ICAL.Component;
  /** The series' DTSTART zone: ical.js drops the TZID from the times its rule iterator makes. */
  seriesZone?: string;
  start: ICAL.Time;
  end: ICAL.Time | null;
}

const INHERITED = ['summary', 'description', 'location', 'url', 'categories', 'organizer', 'attach', 'created'];

/** The occurrence's component, with what an overridden instance leaves out taken from its series. */
function withInherited(occ: Occurrence): ICAL.Component {
  if (!occ.master || occ.master === occ.component) return occ.component;
  const c = ICAL.Component.fromString(occ.component.toString());
  for (const name of INHERITED) {
    if (!c.hasProperty(name)) for (const p of occ.master.getAllProperties(name)) c.addProperty(ICAL.Property.fromString(p.toICALString()));
  }
  return c;
}

function toItem(ctx: MapContext, occ: Occurrence, zones: Zones, position: number): JsonFeedItem | null {
  const c = withInherited(occ);
  const title = propText(c, 'summary');
  const label = itemLabel(title, occ.id, position);
  const description = propText(c, 'description');
  if (!title && !description) {
    report(ctx, { level: 'error', item: label, field: 'SUMMARY', message: 'has no SUMMARY and no DESCRIPTION, so it was skipped', fix: 'write SUMMARY:the event\'s name' });
    return null;
  }
  const allDay = occ.start.isDate;
  const start = instantOf(ctx, occ.start, zones, label, 'DTSTART', occ.seriesZone);
  let end: Date | undefined;
  if (occ.end) {
    // An all-day DTEND is exclusive (the day after); Bulletin's end is the last day itself.
    end = allDay
      ? wallTimeToInstant(occ.end.year, occ.end.month, occ.end.day - 1, 0, 0, 0, zones.site)
      : instantOf(ctx, occ.end, zones, label, 'DTEND', occ.seriesZone);
    // No end when it is not after the start (and so for a one-day all-day event).
    if (end.getTime() <= start.getTime()) end = undefined;
  }
  const location = propText(c, 'location');
  const categories = c.getAllProperties('categories').flatMap((p) => p.getValues()).map(text).filter((v): v is string => v !== undefined);
  const { areas, tags } = categoriesToAreas(ctx, categories);
  const organizer = c.getFirstProperty('organizer');
  const organizerName = text(organizer?.getParameter('cn'));
  const image = c.getAllProperties('attach').find((p) => /^image\//i.test(String(p.getParameter('fmttype') ?? '')));

  let event: BulletinEvent | undefined;
  if (location) {
    const postcode = POSTCODE.exec(location);
    event = compact({
      start: formatInZone(start, zones.site),
      end: end ? formatInZone(end, zones.site) : undefined,
      location,
      postcode: postcode ? `${postcode[1]} ${postcode[2]}`.toUpperCase() : undefined,
      status: status(c.getFirstPropertyValue('status')),
      allDay,
    });
  } else {
    report(ctx, { level: 'warning', item: label, field: 'LOCATION', message: 'has no LOCATION, so it is shown as news, not as an event', fix: 'write LOCATION:where it takes place, with its postcode' });
  }
  return compact({
    id: occ.id,
    url: httpUrl(propText(c, 'url')),
    title,
    content_text: description,
    date_published: dateProp(ctx, c, 'created', zones, label),
    date_modified: dateProp(ctx, c, 'last-modified', zones, label),
    authors: organizerName ? [{ name: organizerName }] : [],
    image: image ? httpUrl(image.getFirstValue()) : undefined,
    tags,
    _bulletin: compact({ kind: event ? 'event' as const : 'news' as const, areas, event }),
  });
}

function expand(ctx: MapContext, event: ICAL.Event, uid: string, zones: Zones, window: Required<RecurrenceWindow>): Occurrence[] {
  const from = window.now.getTime() - window.daysBack * DAY;
  const to = window.now.getTime() + window.daysAhead * DAY;
  const out: Occurrence[] = [];
  const iterator = event.iterator();
  const label = event.summary || uid;
  const seriesZone = tzidOf(event.startDate);
  for (let step = 0, value: unknown = iterator.next(); value; step += 1, value = iterator.next()) {
    zones.steps += 1;
    if (step >= MAX_STEPS || zones.steps > MAX_FILE_STEPS) {
      report(ctx, { level: 'warning', item: label, field: 'RRULE', message: 'repeats too often to be followed to the present; its later occurrences are not shown', fix: 'give the series a newer DTSTART, or an UNTIL or COUNT' });
      break;
    }
    // An RDATE;VALUE=PERIOD occurrence comes back as a Period: its start is the occurrence.
    const next = value instanceof ICAL.Time ? value : (value as { start?: unknown }).start;
    if (!(next instanceof ICAL.Time)) continue;
    // A cheap look first: most steps of an old series are far outside the window.
    const naive = Date.UTC(next.year, next.month - 1, next.day, next.hour, next.minute, next.second);
    if (naive < from - SLACK) continue;
    if (naive > to + SLACK) break;
    const at = instantOf(ctx, next, zones, label, 'DTSTART', seriesZone).getTime();
    if (at > to) break;
    const details = event.getOccurrenceDetails(next);
    const start = instantOf(ctx, details.startDate, zones, label, 'DTSTART', seriesZone).getTime();
    if (start < from && at < from) continue;
    if (out.length >= window.maxOccurrences) {
      report(ctx, { level: 'warning', item: label, field: 'RRULE', message: `repeats more than ${window.maxOccurrences} times in the two years around the build; only the first ${window.maxOccurrences} are shown` });
      break;
    }
    out.push({ id: `${uid}#${details.recurrenceId.toICALString()}`, component: details.item.component, master: event.component, start: details.startDate, end: details.endDate, seriesZone });
  }
  return out;
}

/** One iCalendar document to event items. Throws SourceError when it is not iCalendar. */
export function mapICalendar(ctx: MapContext, content: string, windowOptions: RecurrenceWindow): { items: JsonFeedItem[]; skipped: number } {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(content) as unknown[]);
  } catch (e) {
    throw new SourceError(ctx.source, `cannot be read as iCalendar (${(e as Error).message.split('\n')[0]}).`);
  }
  const window: Required<RecurrenceWindow> = { daysBack: 365, daysAhead: 365, maxOccurrences: 100, ...windowOptions };
  const zones: Zones = { site: ctx.zone, own: new Map(), warned: new Set(), steps: 0 };
  for (const vtz of root.getAllSubcomponents('vtimezone')) {
    const tzid = vtz.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string' && !isValidTimeZone(tzid)) zones.own.set(tzid, new ICAL.Timezone(vtz));
  }
  const masters = new Map<string, ICAL.Event>();
  const exceptions: ICAL.Event[] = [];
  const occurrences: Occurrence[] = [];
  let skipped = 0;
  root.getAllSubcomponents('vevent').forEach((vevent, i) => {
    const event = new ICAL.Event(vevent);
    const uid = text(event.uid);
    if (!uid || !(vevent.getFirstPropertyValue('dtstart') instanceof ICAL.Time)) {
      report(ctx, { level: 'error', item: itemLabel(text(event.summary), uid, i + 1), field: uid ? 'DTSTART' : 'UID', message: uid ? 'has no start, so it was skipped' : 'has no UID, so it was skipped', fix: uid ? 'write DTSTART;TZID=Europe/London:20181113T140000' : 'write UID:a-unique-id@your-domain' });
      skipped += 1;
      return;
    }
    if (event.isRecurrenceException()) exceptions.push(event);
    else if (masters.has(uid)) {
      report(ctx, { level: 'error', item: itemLabel(text(event.summary), uid, i + 1), field: 'UID', message: 'repeats the UID of another event, so it was skipped', fix: 'give each event its own UID' });
      skipped += 1;
    } else masters.set(uid, event);
  });
  for (const ex of exceptions) {
    const master = masters.get(ex.uid);
    if (master?.isRecurring()) master.relateException(ex);
    else occurrences.push({ id: `${ex.uid}#${ex.recurrenceId?.toICALString() ?? ''}`, component: ex.component, start: ex.startDate, end: ex.endDate ?? null });
  }
  for (const [uid, event] of masters) {
    if (event.isRecurring()) occurrences.push(...expand(ctx, event, uid, zones, window));
    else occurrences.push({ id: uid, component: event.component, start: event.startDate, end: event.component.hasProperty('dtend') || event.component.hasProperty('duration') ? event.endDate : null });
  }
  const items: JsonFeedItem[] = [];
  occurrences.forEach((occ, i) => {
    const item = toItem(ctx, occ, zones, i + 1);
    if (item) items.push(item);
    else skipped += 1;
  });
  return { items, skipped };
}
