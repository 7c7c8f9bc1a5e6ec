/** What every mapper needs to know and where it reports problems; the field checks they share. */
import { readDate } from './dates.ts';
import type { Problem } from './types.ts';

export interface MapContext {
  /** The source as the newsroom named it (path or URL), for messages. */
  source: string;
  /** Absolute URL of the page being read: relative links resolve against it. */
  base: string;
  /** The newsroom's time zone: dates without a zone are read in it. */
  zone: string;
  /** Category (trimmed, lower case) → area id, from the site file. */
  categories: ReadonlyMap<string, string>;
  problems: Problem[];
}

/** One page of a source, mapped. */
export interface MappedPage<Item> {
  title?: string;
  homePageUrl?: string;
  description?: string;
  language?: string;
  /** The next (older) page, as written (not yet resolved or checked). */
  next?: string;
  items: Item[];
  skipped: number;
}

export function report(ctx: MapContext, problem: Omit<Problem, 'source'>): void {
  ctx.problems.push({ source: ctx.source, ...problem });
}

/** A date field to RFC 3339, with a warning when it is unreadable or has no zone. */
export function dateField(ctx: MapContext, raw: string | undefined, field: string, item: string): string | undefined {
  if (raw === undefined) return undefined;
  const date = readDate(raw, ctx.zone);
  if (!date) {
    report(ctx, {
      level: 'warning', item, field,
      message: `"${raw.slice(0, 60)}" is not a date; the item is kept without it`,
      fix: 'write an RFC 3339 date such as 2018-03-22T10:00:00Z (or, in RSS, an RFC 822 date such as Thu, 22 Mar 2018 10:00:00 +0000)',
    });
    return undefined;
  }
  if (date.assumedZone) {
    report(ctx, {
      level: 'warning', item, field,
      message: `"${raw.slice(0, 60)}" has no time zone; it was read as ${ctx.zone} time (${date.iso})`,
      fix: `write the offset too, such as ${date.iso}`,
    });
  }
  return date.iso;
}

/** Categories to area ids (through the site file) and tags (the rest). */
export function categoriesToAreas(ctx: MapContext, names: readonly string[]): { areas: string[]; tags: string[] } {
  const areas = new Set<string>();
  const tags = new Set<string>();
  for (const name of names) {
    const area = ctx.categories.get(name.trim().toLowerCase());
    if (area) areas.add(area);
    else tags.add(name.trim());
  }
  return { areas: [...areas], tags: [...tags] };
}

/** How an item is named in messages: its title, else its id. */
export function itemLabel(title: string | undefined, id: string | undefined, position: number): string {
  return title ?? id ?? `item ${position}`;
}
