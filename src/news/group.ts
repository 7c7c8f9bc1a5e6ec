/** Ordering and grouping for the lists. Pure; "now" is passed in. */
import type { Item } from '../feed';

export interface Grouped {
  /** Items for the reader's area, in the order given. Empty when no area is set. */
  local: Item[];
  /** Everything else, in the order given. Personalising reorders; it never hides. */
  others: Item[];
}

export function groupByArea(items: readonly Item[], areaId: string | null): Grouped {
  if (!areaId) return { local: [], others: [...items] };
  const local: Item[] = [];
  const others: Item[] = [];
  for (const item of items) (item.areas.includes(areaId) ? local : others).push(item);
  return { local, others };
}

export interface EventSplit {
  /** Not yet finished, soonest first. */
  upcoming: Item[];
  /** Finished, most recent first. */
  past: Item[];
}

export function splitEvents(items: readonly Item[], now: Date): EventSplit {
  const events = items.filter((i) => i.kind === 'event' && i.event !== null);
  const start = (i: Item) => i.event?.start.getTime() ?? 0;
  const finish = (i: Item) => (i.event?.end ?? i.event?.start)?.getTime() ?? 0;
  const t = now.getTime();
  return {
    upcoming: events.filter((i) => finish(i) >= t).sort((a, b) => start(a) - start(b)),
    past: events.filter((i) => finish(i) < t).sort((a, b) => start(b) - start(a)),
  };
}

export function newsOnly(items: readonly Item[]): Item[] {
  return items.filter((i) => i.kind === 'news');
}

/** When splitEvents(items, now) next changes: the first finish of an upcoming event, or null when none is upcoming. */
export function nextSplitChange(items: readonly Item[], now: Date): Date | null {
  const finishes = splitEvents(items, now).upcoming.map((i) => (i.event?.end ?? i.event?.start)?.getTime() ?? Number.POSITIVE_INFINITY);
  const first = Math.min(...finishes);
  // Upcoming until its finish has passed: the split changes just after it.
  return Number.isFinite(first) ? new Date(first + 1) : null;
}
