import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEvents } from '../../build/sources/index.ts';
import type { JsonFeedItem, Problem } from '../../build/sources/index.ts';
import { CORPUS, siteFor } from './sources-support.ts';

/** Fixed "now" for the recurrence window: tests never depend on today's date. */
const NOW = new Date('2027-01-01T12:00:00Z');

async function events(file: string, now = NOW) {
  const problems: Problem[] = [];
  const { items, skipped } = await readEvents(siteFor('unused', { events: join(CORPUS, file) }), { now }, problems);
  const byId = (id: string) => items.find((i) => i.id === id) as JsonFeedItem;
  return { items, skipped, problems, byId };
}
const instant = (iso: string | undefined) => new Date(iso ?? NaN).toISOString();

describe('iCalendar events', () => {
  it('keeps a series in its own TZID (no VTIMEZONE) across daylight saving: 09:00 in New York is 14:00Z in winter, 13:00Z in summer', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'bulletin-ics-')), 'ny.ics');
    writeFileSync(file, ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:ny', 'DTSTART;TZID=America/New_York:20270301T090000', 'DTEND;TZID=America/New_York:20270301T100000', 'RRULE:FREQ=MONTHLY;COUNT=3', 'SUMMARY:Call', 'LOCATION:Online', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'));
    const problems: Problem[] = [];
    const { items } = await readEvents(siteFor('unused', { events: file }), { now: NOW }, problems);
    expect(items.map((i) => instant(i._bulletin?.event?.start))).toEqual(['2027-03-01T14:00:00.000Z', '2027-04-01T13:00:00.000Z', '2027-05-01T13:00:00.000Z']);
    expect(problems).toEqual([]);
  });

  it('turns TZID=Europe/London wall times into the right instants, in winter and in summer', async () => {
    const { byId } = await events('cleveland-events.ics', new Date('2018-11-01T00:00:00Z'));
    const winter = byId('surgery-hemlington-2018@cleveland.pcc.example')._bulletin?.event;
    expect(instant(winter?.start)).toBe('2018-11-13T14:00:00.000Z');
    expect(instant(winter?.end)).toBe('2018-11-13T16:00:00.000Z');
    const summer = byId('fun-day-2027@cleveland.pcc.example')._bulletin?.event;
    expect(instant(summer?.start)).toBe('2027-05-29T13:00:00.000Z');
    expect(summer?.start).toBe('2027-05-29T14:00:00+01:00');
  });

  it('maps SUMMARY, DESCRIPTION, LOCATION (with its postcode), CATEGORIES, CREATED and ORGANIZER', async () => {
    const { byId } = await events('cleveland-events.ics');
    expect(byId('surgery-hemlington-2018@cleveland.pcc.example')).toEqual({
      id: 'surgery-hemlington-2018@cleveland.pcc.example',
      title: "Commissioner's surgery, Hemlington",
      content_text: 'Drop in to meet the Commissioner. No appointment needed.',
      date_published: '2018-11-01T09:00:00+00:00',
      authors: [{ name: 'Office of the PCC' }],
      tags: ['Surgeries'],
      _bulletin: {
        kind: 'event', areas: ['middlesbrough'],
        event: { start: '2018-11-13T14:00:00+00:00', end: '2018-11-13T16:00:00+00:00', location: 'Community Safety Hub, Hemlington, Middlesbrough TS8 9GL', postcode: 'TS8 9GL', status: 'scheduled', allDay: false },
      },
    });
  });

  it('reads an all-day event as dates in the site zone, and a cancelled one as cancelled', async () => {
    const { byId } = await events('cleveland-events.ics');
    const day = byId('consultation-week-2027@cleveland.pcc.example')._bulletin;
    expect(day?.event).toMatchObject({ start: '2027-06-14T00:00:00+01:00', allDay: true });
    expect(day?.event?.end).toBeUndefined();
    expect(day?.areas).toEqual(['hartlepool']);
    expect(byId('panel-2027-02@cleveland.pcc.example')._bulletin?.event?.status).toBe('cancelled');
  });

  it('expands a weekly series into occurrences, honouring EXDATE and a moved instance', async () => {
    const { items } = await events('cleveland-events.ics');
    const series = items.filter((i) => i.id.startsWith('drop-in-guisborough@'));
    expect(series.map((i) => i.id.split('#')[1])).toEqual(['20270107T100000', '20270114T100000', '20270128T100000', '20270204T100000', '20270211T100000', '20270218T100000', '20270225T100000']);
    const moved = series.find((i) => i.id.endsWith('#20270204T100000'));
    expect(moved?.title).toBe('PCSO drop-in, Guisborough (afternoon this week)');
    expect(instant(moved?._bulletin?.event?.start)).toBe('2027-02-04T13:00:00.000Z');
    expect(series.every((i) => i._bulletin?.areas?.[0] === 'redcar-cleveland' || i.id.endsWith('#20270204T100000'))).toBe(true);
  });

  it('keeps only occurrences within a year either side of the build, at most 100 per series', async () => {
    // A Google Calendar all-day event repeating every weekday since 2012 (ical.js sample).
    const { items, problems } = await events('icaljs-day-long-recur-yearly.ics', new Date('2013-06-01T00:00:00Z'));
    expect(items.length).toBe(100);
    expect(items.every((i) => i._bulletin?.event === undefined || i._bulletin.event.allDay)).toBe(true);
    const starts = items.map((i) => Date.parse(i.id.split('#')[1]?.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3') ?? ''));
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(Date.parse('2012-06-01'));
    expect(problems.some((p) => p.field === 'RRULE' && p.message.includes('more than 100'))).toBe(true);
  });

  it('reads a real Zimbra series with RDATE, EXDATE and overridden instances (ical.js sample)', async () => {
    const { items } = await events('icaljs-recur-instances.ics', new Date('2012-12-01T00:00:00Z'));
    const ids = items.map((i) => i.id);
    expect(ids.length).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('623c13c0-6c2b-45d6-a12b-c33ad61c4868#20130402T100000');
    // The first occurrence (10:00 in Los Angeles) is moved to 15:00 there: 22:00 UTC; it keeps the series' LOCATION.
    const first = items.find((i) => i.id.endsWith('#20121002T100000'));
    expect(instant(first?._bulletin?.event?.start)).toBe('2012-10-02T22:00:00.000Z');
    expect(first?._bulletin?.event?.location).toBe('PLACE');
    // An ordinary one: 10:00 in Los Angeles in January is 18:00 UTC.
    expect(instant(items.find((i) => i.id.endsWith('#20130101T100000'))?._bulletin?.event?.start)).toBe('2013-01-01T18:00:00.000Z');
  });

  it('a rule that never ends, every second since 2000, is bounded: read quickly, at most 100 occurrences', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'bulletin-ics-')), 'every-second.ics');
    writeFileSync(file, ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:tick', 'DTSTART:20000101T000000Z', 'RRULE:FREQ=SECONDLY', 'SUMMARY:Tick', 'LOCATION:Everywhere', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'));
    const started = performance.now();
    const problems: Problem[] = [];
    const { items } = await readEvents(siteFor('unused', { events: file }), { now: NOW }, problems);
    expect(items.length).toBeLessThanOrEqual(100);
    expect(problems).toEqual([expect.objectContaining({ item: 'Tick', field: 'RRULE', message: expect.stringContaining('repeats too often') })]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('an events source that is not iCalendar fails in one line naming it', async () => {
    await expect(readEvents(siteFor('unused', { events: join(CORPUS, 'wordpress-appsemble-rss.xml') }), { now: NOW }, [])).rejects.toThrow(/wordpress-appsemble-rss\.xml: is not an iCalendar file \(it does not begin with BEGIN:VCALENDAR\)\.$/);
  });
});
