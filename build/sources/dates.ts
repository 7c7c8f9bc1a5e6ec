/**
 * Dates from feeds to RFC 3339 with an offset. Pure: the zone is always passed in, never the
 * machine's. RSS uses RFC 822 dates; Atom and JSON Feed RFC 3339; a date without a zone is
 * read in the newsroom's zone and the caller says so in a warning.
 */
import { isValidTimeZone, parseRfc3339 } from '../../src/lib/dates.ts';

export { isValidTimeZone };

export interface ReadDate {
  /** RFC 3339 with the zone's offset at that instant. */
  iso: string;
  instant: Date;
  /** True when the source gave no zone and the newsroom's zone was assumed. */
  assumedZone: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(instant: number, zone: string): number[] {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(zone, f);
  }
  const parts = f.formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return [get('year'), get('month'), get('day'), get('hour') % 24, get('minute'), get('second')];
}

/** The zone's offset from UTC at an instant, in minutes (Europe/London in summer: 60). */
export function offsetMinutes(instant: number, zone: string): number {
  const [y, mo, d, h, mi, s] = partsIn(instant, zone) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant a wall-clock time in `zone` names (in a spring-forward gap, the later reading). */
export function wallTimeToInstant(y: number, mo: number, d: number, h: number, mi: number, s: number, zone: string): Date {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  let t = wall - offsetMinutes(wall, zone) * 60_000;
  t = wall - offsetMinutes(t, zone) * 60_000;
  return new Date(t);
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** "2018-11-13T14:00:00+00:00": the instant as the zone's wall clock, with its offset. */
export function formatInZone(instant: Date, zone: string): string {
  const [y, mo, d, h, mi, s] = partsIn(instant.getTime(), zone) as [number, number, number, number, number, number];
  const off = offsetMinutes(instant.getTime(), zone);
  const sign = off < 0 ? '-' : '+';
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

function valid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** RFC 822 zone names, and the British and central European ones real feeds use, in minutes east of UTC. */
const NAMED_ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, BST: 60, CET: 60, CEST: 120, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};
const RFC822 = /^(?:[a-z]{3,},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{4}|[a-z]{1,4}))?)?$/i;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

function fromParts(p: number[], offset: number | null, zone: string): ReadDate | null {
  const [y, mo, d, h, mi, s] = p as [number, number, number, number, number, number];
  if (!valid(y, mo, d, h, mi, s)) return null;
  const instant = offset === null
    ? wallTimeToInstant(y, mo, d, h, mi, Math.min(s, 59), zone)
    : new Date(Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59)) - offset * 60_000);
  return { iso: formatInZone(instant, zone), instant, assumedZone: offset === null };
}

/**
 * Reads an RFC 3339, RFC 822 (RSS) or zone-less ISO date (date-only included). Null when it is
 * not a date at all. The result is written in `zone`.
 */
export function readDate(raw: string, zone: string): ReadDate | null {
  const value = raw.trim();
  const rfc3339 = parseRfc3339(value);
  if (rfc3339) return { iso: formatInZone(rfc3339, zone), instant: rfc3339, assumedZone: false };
  const iso = ISO_LOCAL.exec(value);
  if (iso) return fromParts(iso.slice(1, 7).map((v) => Number(v ?? 0)), null, zone);
  const m = RFC822.exec(value);
  if (!m) return null;
  const month = MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1;
  if (month === 0) return null;
  let year = Number(m[3]);
  if (year < 100) year += year < 50 ? 2000 : 1900;
  const zoneText = m[7];
  let offset: number | null = null;
  if (zoneText !== undefined) {
    if (/^[+-]\d{4}$/.test(zoneText)) {
      const sign = zoneText.startsWith('-') ? -1 : 1;
      offset = sign * (Number(zoneText.slice(1, 3)) * 60 + Number(zoneText.slice(3, 5)));
    } else {
      const named = NAMED_ZONES[zoneText.toUpperCase()];
      if (named === undefined) return null;
      offset = named;
    }
  }
  return fromParts([year, month, Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)], offset, zone);
}
