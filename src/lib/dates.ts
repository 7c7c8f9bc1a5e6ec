/**
 * Date wording for readers. Every function takes the newsroom's time zone: a date is
 * always shown in the feed's zone, never in the zone of the reader's device.
 */

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses an RFC 3339 date-time. Anything else (RFC 2822, date only, impossible dates) gives null. */
export function parseRfc3339(value: string): Date | null {
  const m = RFC3339.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return null;
  // Rebuilt in the one form every engine must parse (ECMAScript's date-time string format):
  // upper-case T and Z, and a leap second (:60) read as the last second of the minute.
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const fraction = (m[7] ?? '').slice(0, 4);
  const offset = m[8]?.toUpperCase() ?? 'Z';
  const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(Math.min(second, 59))}${fraction}${offset}`;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time);
}

const zoneCache = new Map<string, boolean>();

/** True when this browser knows the IANA zone. */
export function isValidTimeZone(zone: string): boolean {
  let ok = zoneCache.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: zone });
      ok = zone.length > 0;
    } catch {
      ok = false;
    }
    zoneCache.set(zone, ok);
  }
  return ok;
}

/** 1st 2nd 3rd 4th … 11th 12th 13th … 21st 22nd 23rd … 31st */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

interface ZonedParts {
  weekday: string;
  day: number;
  month: string;
  year: number;
  hour: number;
  minute: number;
}

function zonedParts(date: Date, zone: string): ZonedParts {
  const parts = formatter(zone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    weekday: get('weekday'),
    day: Number(get('day')),
    month: get('month'),
    year: Number(get('year')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
  };
}

/** "Thursday 22nd March 2018" */
export function formatLongDate(date: Date, zone: string): string {
  const p = zonedParts(date, zone);
  return `${p.weekday} ${ordinal(p.day)} ${p.month} ${p.year}`;
}

/** "22 March 2018": for lists, where the weekday is noise. */
export function formatShortDate(date: Date, zone: string): string {
  const p = zonedParts(date, zone);
  return `${p.day} ${p.month} ${p.year}`;
}

/** "March 2018": a month's heading (the archive's year pages). */
export function formatMonth(date: Date, zone: string): string {
  const p = zonedParts(date, zone);
  return `${p.month} ${p.year}`;
}

/** GOV.UK style times: "9am", "2:30pm", "midday", "midnight". */
export function formatTime(date: Date, zone: string): string {
  const { hour, minute } = zonedParts(date, zone);
  if (minute === 0 && hour === 0) return 'midnight';
  if (minute === 0 && hour === 12) return 'midday';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const suffix = hour < 12 ? 'am' : 'pm';
  return minute === 0 ? `${h12}${suffix}` : `${h12}:${String(minute).padStart(2, '0')}${suffix}`;
}

/** A calendar day in the zone, as "YYYY-MM-DD", for comparing days. */
export function dayKey(date: Date, zone: string): string {
  const parts = formatter(zone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "Tuesday 13th November 2018, 2pm to 4pm" or across days "… 9am to Wednesday 14th November 2018, 5pm". */
export function formatEventWhen(start: Date, end: Date | null, zone: string): string {
  const first = `${formatLongDate(start, zone)}, ${formatTime(start, zone)}`;
  if (!end) return first;
  if (dayKey(start, zone) === dayKey(end, zone)) return `${first} to ${formatTime(end, zone)}`;
  return `${first} to ${formatLongDate(end, zone)}, ${formatTime(end, zone)}`;
}
