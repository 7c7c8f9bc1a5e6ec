/**
 * check-feed: reads a source exactly as the build does and tells a newsroom's editors, in plain
 * words, what is wrong and what to write instead. Used by scripts/check-feed.mjs.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_PAGE_SIZE, loadSite, type Site } from '../site/index.ts';
import { detectFormat } from './detect.ts';
import { fetchDocument, locationUrl } from './fetch.ts';
import { readEvents, readSources, type ReadOptions } from './read.ts';
import { SourceError, type Problem, type Stats } from './types.ts';

export interface CheckResult {
  usable: boolean;
  lines: string[];
  stats: Stats;
}

export function describeProblem(p: Problem): string {
  const where = [p.item ? `item "${p.item.slice(0, 80)}"` : null, p.field ? `field ${p.field}` : null].filter(Boolean).join(', ');
  const head = `${p.level === 'error' ? 'Error' : 'Warning'}: ${where ? `${where}: ` : ''}${p.message}.`;
  return p.fix ? `${head} ${p.fix.charAt(0).toUpperCase()}${p.fix.slice(1)}.` : head;
}

/** What the build and check-feed print: each problem, then the summary. */
export function reportLines(problems: readonly Problem[], stats: Stats): string[] {
  return [...problems.map(describeProblem), summaryLine(stats)];
}

function summaryLine(stats: Stats): string {
  return `Summary: ${stats.read} items read, ${stats.skipped} skipped, ${stats.warnings} warnings.`;
}

/** The site to check against: the site file when there is one (its categories and areas), else a bare one. */
function siteFor(location: string, options: { env?: Record<string, string | undefined>; cwd?: string }): Site {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const hasFile = existsSync(resolve(cwd, env.BULLETIN_SITE?.trim() || 'bulletin.site.json'));
  const base: Site = hasFile
    ? loadSite({ env: { ...env, BULLETIN_FEED: undefined, BULLETIN_EVENTS: undefined }, cwd })
    : { file: null, name: 'News', shortName: 'News', language: 'en-GB', timezone: 'Europe/London', source: location, areas: [], categories: {}, alerts: [], quickExit: false, images: 'remote', pageSize: DEFAULT_PAGE_SIZE };
  return { ...base, source: location, events: undefined };
}

/** Checks one news or events source. Never throws for bad input: the reason is a line of the result. */
export async function checkFeed(location: string, options: ReadOptions & { env?: Record<string, string | undefined> } = {}): Promise<CheckResult> {
  const stats: Stats = { read: 0, skipped: 0, warnings: 0 };
  try {
    const site = siteFor(location, options);
    // An iCalendar file is checked as the events source.
    const doc = await fetchDocument(locationUrl(location, options.cwd), options);
    const isEvents = detectFormat(doc.text) === 'ical';
    const result = isEvents ? await readEventsOnly({ ...site, events: location }, options) : await readSources(site, options);
    const usable = result.stats.read > 0;
    const lines = reportLines(result.problems, result.stats);
    if (!usable) lines.splice(lines.length - 1, 0, 'Error: no item could be read, so this source is not usable.');
    return { usable, lines, stats: result.stats };
  } catch (e) {
    const message = e instanceof SourceError ? e.message : `${location}: could not be read (${e instanceof Error ? e.message : String(e)}).`;
    return { usable: false, lines: [`Error: ${message}`, summaryLine(stats)], stats };
  }
}

async function readEventsOnly(site: Site, options: ReadOptions): Promise<{ problems: Problem[]; stats: Stats }> {
  const problems: Problem[] = [];
  const { items, skipped } = await readEvents(site, options, problems);
  return { problems, stats: { read: items.length, skipped, warnings: problems.filter((p) => p.level === 'warning').length } };
}
