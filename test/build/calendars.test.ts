/**
 * The calendars the build writes (build/calendars.ts), read back with a real iCalendar parser
 * (ical.js, the one the build's own iCalendar source reader uses): the instants, not the text.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarEvents, calendarFile, writeCalendars } from '../../build/calendars.ts';
import { buildNow } from '../../build/clock.ts';
import { readEvents, readSources, type JsonFeed, type JsonFeedItem, type Problem } from '../../build/sources/index.ts';
import { paths, webcalHref } from '../../src/config/paths.ts';
import { makeSlug } from '../../src/lib/slug.ts';
import { normaliseFeed } from '../../src/feed/index.ts';
import { CORPUS, siteFor } from './sources-support.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-calendars-'));
  made.push(dir);
  return dir;
}

const SITE = siteFor('unused', { url: 'https://news.example.org/', name: 'Cleveland PCC' });
/** Before every event in the corpus calendar. */
const EARLY = new Date('2018-11-01T00:00:00Z');

function feedOf(items: JsonFeedItem[], timezone = 'Europe/London'): JsonFeed {
  return { version: 'https://jsonfeed.org/version/1.1', title: 'Test', items, _bulletin: { timezone, areas: SITE.areas, alerts: [] } };
}

/** The corpus calendar (test/corpus/sources/cleveland-events.ics, TZID=Europe/London wall times) as the build reads it. */
async function clevelandFeed(): Promise<JsonFeed> {
  const problems: Problem[] = [];
  const { items } = await readEvents(siteFor('unused', { events: join(CORPUS, 'cleveland-events.ics') }), { now: EARLY }, problems);
  return feedOf(items);
}

interface ReadEvent {
  uid: string;
  start: string;
  end: string;
  startIsDate: boolean;
  summary: unknown;
  location: unknown;
  url: unknown;
  description: unknown;
  status: unknown;
}

/** A written file parsed by ical.js: its VEVENTs, with DTSTART and DTEND as UTC instants. */
function parse(file: string): { calendar: ICAL.Component; events: ReadEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      startIsDate: event.startDate.isDate,
      summary: event.summary,
      location: event.location,
      url: vevent.getFirstPropertyValue('url'),
      description: event.description,
      status: vevent.getFirstPropertyValue('status'),
    };
  });
  return { calendar, events };
}

function written(outDir: string, feed: JsonFeed, now = EARLY): { byId: (id: string) => ReadEvent; slugOf: (id: string) => string } {
  writeCalendars(feed, SITE, outDir, { now });
  const events = calendarEvents(feed);
  const slugOf = (id: string) => events.find((e) => e.item.id === id)?.slug ?? 'missing';
  const byId = (id: string) => {
    const { events: read } = parse(calendarFile(outDir, paths.eventCalendar.href(slugOf(id))));
    expect(read).toHaveLength(1);
    return read[0] as ReadEvent;
  };
  return { byId, slugOf };
}

describe('each event’s own calendar file', () => {
  it('holds the right instants: 14:00 in London is 14:00Z on 13 November 2018 and 13:00Z on 29 May 2027', async () => {
    const { byId } = written(tempDir(), await clevelandFeed());
    const winter = byId('surgery-hemlington-2018@cleveland.pcc.example');
    expect(winter.start).toBe('2018-11-13T14:00:00.000Z');
    expect(winter.end).toBe('2018-11-13T16:00:00.000Z');
    const summer = byId('fun-day-2027@cleveland.pcc.example');
    expect(summer.start).toBe('2027-05-29T13:00:00.000Z');
    expect(summer.end).toBe('2027-05-29T15:00:00.000Z');
  });

  it('holds a New York newsroom’s 19:00 on 10 March 2024 (the day clocks go forward there) as 23:00Z', async () => {
    const dir = tempDir();
    const source = join(dir, 'ny.ics');
    writeFileSync(source, ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:town-hall@ny.example', 'DTSTART;TZID=America/New_York:20240310T190000', 'DTEND;TZID=America/New_York:20240310T203000', 'SUMMARY:Town hall', 'LOCATION:City Hall', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'));
    const site = siteFor('unused', { events: source, timezone: 'America/New_York', areas: [] });
    const { items } = await readEvents(site, { now: new Date('2024-01-01T00:00:00Z') }, []);
    const feed: JsonFeed = { ...feedOf(items, 'America/New_York'), _bulletin: { timezone: 'America/New_York', areas: [], alerts: [] } };
    const out = join(dir, 'dist');
    const { byId } = written(out, feed, new Date('2024-03-01T00:00:00Z'));
    const event = byId('town-hall@ny.example');
    expect(event.start).toBe('2024-03-10T23:00:00.000Z');
    expect(event.end).toBe('2024-03-11T00:30:00.000Z');
  });

  it('writes the times in UTC, so the file needs no VTIMEZONE', async () => {
    const dir = tempDir();
    const { slugOf } = written(dir, await clevelandFeed());
    const text = readFileSync(calendarFile(dir, paths.eventCalendar.href(slugOf('surgery-hemlington-2018@cleveland.pcc.example'))), 'utf8');
    expect(text).toMatch(/^DTSTART:20181113T140000Z\r$/m);
    expect(text).toMatch(/^DTEND:20181113T160000Z\r$/m);
    expect(text).not.toMatch(/TZID/);
  });

  it('carries a stable UID (the item’s id), LOCATION, URL (the event’s page on the site) and DESCRIPTION', async () => {
    const dir = tempDir();
    const feed = await clevelandFeed();
    const first = written(dir, feed);
    const event = first.byId('surgery-hemlington-2018@cleveland.pcc.example');
    const slug = first.slugOf('surgery-hemlington-2018@cleveland.pcc.example');
    expect(event).toMatchObject({
      uid: 'surgery-hemlington-2018@cleveland.pcc.example',
      summary: "Commissioner's surgery, Hemlington",
      location: 'Community Safety Hub, Hemlington, Middlesbrough TS8 9GL',
      url: `https://news.example.org${paths.event.href(slug)}`,
      description: 'Drop in to meet the Commissioner. No appointment needed.',
      status: 'CONFIRMED',
    });
    // A later build (another day, another clock) gives the event the same UID at the same address.
    const again = written(tempDir(), feed, new Date('2019-06-01T00:00:00Z'));
    expect(again.slugOf('surgery-hemlington-2018@cleveland.pcc.example')).toBe(slug);
    expect(again.byId('surgery-hemlington-2018@cleveland.pcc.example').uid).toBe(event.uid);
  });

  it('marks a cancelled event STATUS:CANCELLED', async () => {
    const { byId } = written(tempDir(), await clevelandFeed());
    expect(byId('panel-2027-02@cleveland.pcc.example').status).toBe('CANCELLED');
  });

  it('writes an all-day event as its dates in the feed’s zone (DTEND the day after, as RFC 5545 says)', async () => {
    const dir = tempDir();
    const { slugOf } = written(dir, await clevelandFeed());
    const text = readFileSync(calendarFile(dir, paths.eventCalendar.href(slugOf('consultation-week-2027@cleveland.pcc.example'))), 'utf8');
    expect(text).toMatch(/^DTSTART;VALUE=DATE:20270614\r$/m);
    expect(text).toMatch(/^DTEND;VALUE=DATE:20270615\r$/m);
    const event = parse(calendarFile(dir, paths.eventCalendar.href(slugOf('consultation-week-2027@cleveland.pcc.example')))).events[0];
    expect(event?.startIsDate).toBe(true);
  });

  it('writes one file for every event the reader shows, at the address its page links to', async () => {
    const site = siteFor(join(import.meta.dirname, '../../sample/feed.json'));
    const { feed } = await readSources(site, { now: EARLY });
    const dir = tempDir();
    writeCalendars(feed, site, dir, { now: EARLY });
    const { items } = normaliseFeed(JSON.parse(JSON.stringify(feed)), 'https://news.example.org/feed.json');
    const events = items.filter((i) => i.kind === 'event');
    expect(events.length).toBeGreaterThan(0);
    const files = readdirSync(join(dir, 'calendars', 'events')).sort();
    expect(files).toEqual(events.map((i) => `${i.slug}.ics`).sort());
    for (const item of events) expect(parse(calendarFile(dir, paths.eventCalendar.href(item.slug))).events[0]?.uid).toBe(item.id);
  });

  it('names an event without a title by its text, as the reader does', () => {
    const item: JsonFeedItem = { id: 'x', content_text: '  Coffee with a copper  ', _bulletin: { kind: 'event', event: { start: '2027-01-01T10:00:00Z', location: 'Cafe', status: 'scheduled', allDay: false } } };
    expect(calendarEvents(feedOf([item]))[0]?.slug).toBe(makeSlug('x', 'Coffee with a copper'));
  });
});

describe('the calendars to subscribe to', () => {
  /** Between the events: the surgery (2018) and the Guisborough drop-ins (January) are over. */
  const NOW = new Date('2027-02-01T12:00:00Z');

  it('hold the upcoming events only, by the build’s clock', async () => {
    const dir = tempDir();
    writeCalendars(await clevelandFeed(), SITE, dir, { now: NOW });
    const { calendar, events } = parse(calendarFile(dir, paths.upcomingCalendar.href()));
    expect(events.map((e) => e.start)).toEqual([...events.map((e) => e.start)].sort());
    expect(events.map((e) => e.uid)).not.toContain('surgery-hemlington-2018@cleveland.pcc.example');
    expect(events.every((e) => new Date(e.end).getTime() >= NOW.getTime())).toBe(true);
    expect(events.map((e) => e.uid)).toEqual(expect.arrayContaining(['fun-day-2027@cleveland.pcc.example', 'panel-2027-02@cleveland.pcc.example', 'consultation-week-2027@cleveland.pcc.example']));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Cleveland PCC: events');
    // Earlier, the surgery was upcoming too.
    writeCalendars(await clevelandFeed(), SITE, dir, { now: EARLY });
    expect(parse(calendarFile(dir, paths.upcomingCalendar.href())).events.map((e) => e.uid)).toContain('surgery-hemlington-2018@cleveland.pcc.example');
  });

  it('give each area its own events and the force-wide ones, and no other area’s', () => {
    const event = (id: string, areas?: string[]): JsonFeedItem => ({
      id, title: id, _bulletin: { kind: 'event', ...(areas ? { areas } : {}), event: { start: '2027-03-01T10:00:00Z', location: 'Hall', status: 'scheduled', allDay: false } },
    });
    const dir = tempDir();
    writeCalendars(feedOf([event('boro', ['middlesbrough']), event('redcar', ['redcar-cleveland']), event('everyone'), event('both', ['middlesbrough', 'redcar-cleveland'])]), SITE, dir, { now: NOW });
    const uids = (href: string) => parse(calendarFile(dir, href)).events.map((e) => e.uid).sort();
    expect(uids(paths.areaCalendar.href('middlesbrough'))).toEqual(['boro', 'both', 'everyone']);
    expect(uids(paths.areaCalendar.href('redcar-cleveland'))).toEqual(['both', 'everyone', 'redcar']);
    expect(uids(paths.areaCalendar.href('hartlepool'))).toEqual(['everyone']);
    expect(uids(paths.upcomingCalendar.href())).toEqual(['boro', 'both', 'everyone', 'redcar']);
  });

  it('are offered on the webcal: scheme beside the https: one', () => {
    expect(webcalHref('https://news.example.org/calendars/upcoming.ics')).toBe('webcal://news.example.org/calendars/upcoming.ics');
    expect(webcalHref('http://127.0.0.1:4173/calendars/area/middlesbrough.ics')).toBe('webcal://127.0.0.1:4173/calendars/area/middlesbrough.ics');
  });
});

describe('the build’s clock', () => {
  it('is BULLETIN_NOW when set, else the clock', () => {
    expect(buildNow({ BULLETIN_NOW: '2018-11-13T12:00:00Z' }).toISOString()).toBe('2018-11-13T12:00:00.000Z');
    expect(buildNow({ BULLETIN_NOW: '2027-05-29T14:00:00+01:00' }).toISOString()).toBe('2027-05-29T13:00:00.000Z');
    const clock = new Date('2030-01-01T00:00:00Z');
    expect(buildNow({}, () => clock)).toBe(clock);
  });

  it('refuses a BULLETIN_NOW without an offset or that is not a date', () => {
    expect(() => buildNow({ BULLETIN_NOW: '2018-11-13 12:00' })).toThrow(/BULLETIN_NOW/);
    expect(() => buildNow({ BULLETIN_NOW: 'tomorrow' })).toThrow(/BULLETIN_NOW/);
  });
});
