/** The build as a whole: a source that cannot be read stops it at once and leaves dist/ as it was. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { JSDOM } from 'jsdom';
import { createBuilder } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function buildWith(env: Record<string, string>, outDir: string): Promise<unknown> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    const builder = await createBuilder({ root: ROOT, logLevel: 'silent', build: { outDir } });
    await builder.buildApp();
    return null;
  } catch (error) {
    return error;
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
    }
  }
}

describe('the build', () => {
  it('stops with one line naming a source it cannot read, and leaves the last build as it was', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'bulletin-pipeline-'));
    made.push(parent);
    const outDir = join(parent, 'dist');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'index.html'), 'the last good build');
    const missing = join(parent, 'no-such-feed.xml');
    const error = await buildWith({ BULLETIN_FEED: missing }, outDir);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`${missing}: no such file.`);
    expect((error as Error).stack, 'no stack trace for an editor to read').toBe((error as Error).message);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('the last good build');
    expect(readdirSync(parent)).toEqual(['dist']);
  }, 60_000);

  it('replaces the last build only once every step is done; every step tells the time by BULLETIN_NOW', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'bulletin-pipeline-'));
    made.push(parent);
    const outDir = join(parent, 'dist');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'stale.txt'), 'from the last build');
    expect(await buildWith({ BULLETIN_NOW: '2027-03-01T00:00:00Z' }, outDir)).toBeNull();
    expect(existsSync(join(outDir, 'stale.txt'))).toBe(false);
    for (const file of ['index.html', 'feed.json', 'sw.js', '404.html', '_headers', 'nginx-headers.conf', 'calendars/upcoming.ics']) {
      expect(existsSync(join(outDir, file)), file).toBe(true);
    }
    expect(readdirSync(parent)).toEqual(['dist']);
    // The calendars and the prerendered events page measure "upcoming" by the same injected clock.
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(join(outDir, 'calendars/upcoming.ics'), 'utf8')));
    const inCalendar = calendar.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('summary')));
    const page = new JSDOM(readFileSync(join(outDir, 'events/index.html'), 'utf8')).window.document;
    const onPage = [...page.querySelectorAll('ul[aria-label="Upcoming events"] .item-card__title')].map((h) => h.textContent);
    expect(inCalendar).toEqual(['PCSO drop-in at Guisborough Library', 'Youth diversion fun day in Hemlington']);
    expect(onPage).toEqual(inCalendar);
    expect(calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('dtstamp')?.toString()).toBe('2027-03-01T00:00:00Z');
  }, 120_000);
});
