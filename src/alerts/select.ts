/** Which alerts a reader sees, in which order, and the key a dismissal is kept under. Pure. */
import type { Alert, AlertLevel } from '../feed';
import { hashId } from '../lib/slug';

const SEVERITY: Record<AlertLevel, number> = { emergency: 0, warning: 1, info: 2 };

/** `<hash of id>.<hash of content>`: a dismissal holds for this id with this content only. */
export function alertKey(alert: Alert): string {
  const { level, title, text, url, start, end, areas } = alert;
  return `${hashId(alert.id)}.${hashId(JSON.stringify([level, title, text, url, start?.getTime(), end?.getTime(), areas]))}`;
}

/** Between its start and its end (an open end is for ever). */
export function isCurrent(alert: Alert, now: Date): boolean {
  const t = now.getTime();
  return (!alert.start || alert.start.getTime() <= t) && (!alert.end || t < alert.end.getTime());
}

/** Most severe first, then the newest (by start; without one, later in the feed is newer). */
export function orderAlerts(alerts: readonly Alert[]): Alert[] {
  const newness = (a: Alert) => a.start?.getTime() ?? Number.NEGATIVE_INFINITY;
  return [...alerts].sort((a, b) => SEVERITY[a.level] - SEVERITY[b.level] || newness(b) - newness(a) || b.position - a.position);
}

/** What the app knows of the reader's area (src/preferences' useReaderArea). */
export interface ReaderPlace {
  postcode: string | null;
  area: { id: string } | null;
  choices: readonly { id: string }[] | null;
}

/**
 * For everyone without areas; with areas, for a reader with no postcode and a reader in one of
 * them (where their postcode could be in more than one area and they have yet to choose, for any
 * of those); not for readers elsewhere.
 */
export function isForReader(alert: Alert, reader: ReaderPlace): boolean {
  if (!alert.areas || !reader.postcode) return true;
  const places = reader.area ? [reader.area] : (reader.choices ?? []);
  return places.some((p) => alert.areas?.includes(p.id));
}

/** "3 hours", "1 day", "less than a minute": how long ago a saved copy was current. */
export function ageWords(then: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - then.getTime()) / 60_000);
  const [n, unit] = minutes >= 2 * 24 * 60 ? [Math.floor(minutes / 1440), 'day'] : minutes >= 120 ? [Math.floor(minutes / 60), 'hour'] : [minutes, 'minute'];
  if (n < 1) return 'less than a minute';
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
