import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CORPUS = join(ROOT, 'test/corpus/sources');

function checkFeed(source: string) {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/check-feed.mjs'), source], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, BULLETIN_SITE: '', BULLETIN_FEED: '' } });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

// Each case starts Node and Vite's module runner (about a second): generous time, as a safety net only.
describe('npm run check-feed', { timeout: 30_000 }, () => {
  it('a good feed: a summary and exit 0', () => {
    const { status, out } = checkFeed('sample/feed.json');
    expect(out.trim()).toBe('Summary: 18 items read, 0 skipped, 0 warnings.');
    expect(status).toBe(0);
  });

  it('a broken feed: each problem in plain words with what to write instead; exit 1 when no item is usable', () => {
    const { status, out } = checkFeed(join(ROOT, 'test/corpus/feeds/03-influxdata-v1.1-missing-ids-rfc2822-dates.json'));
    expect(out).toMatch(/^Error: item ".+", field id: has no usable id, so it was skipped\. Write "id": "a-unique-id" \(a string that never changes\)\.$/m);
    expect(out).toMatch(/Summary: 0 items read, \d+ skipped, \d+ warnings\./);
    expect(out).toMatch(/Error: no item could be read, so this source is not usable\./);
    expect(status).toBe(1);
  });

  it('warnings keep a feed usable (exit 0), and an events file is checked as the events source', () => {
    const rss = checkFeed(join(CORPUS, 'icaljs-recur-instances.ics'));
    expect(rss.out).toMatch(/Summary: \d+ items read/);
    expect(rss.status).toBe(0);
    const events = checkFeed(join(CORPUS, 'cleveland-events.ics'));
    expect(events.out).toMatch(/^Summary: \d+ items read, 0 skipped, 0 warnings\.$/m);
    expect(events.status).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), 'bulletin-check-')), 'news.xml');
    writeFileSync(file, '<rss version="2.0"><channel><title>T</title><item><title>Fun day</title><guid>1</guid><pubDate>2027-05-29 14:00</pubDate></item></channel></rss>');
    const warned = checkFeed(file);
    expect(warned.out).toBe([
      'Warning: item "Fun day", field pubDate: "2027-05-29 14:00" has no time zone; it was read as Europe/London time (2027-05-29T14:00:00+01:00). Write the offset too, such as 2027-05-29T14:00:00+01:00.',
      'Summary: 1 items read, 0 skipped, 1 warnings.',
      '',
    ].join('\n'));
    expect(warned.status).toBe(0);
  });

  it('a hostile or unreadable source: one clear line, no stack trace, exit 1', () => {
    const cases: [string, string][] = [
      [join(CORPUS, 'hostile-xxe.xml'), 'the document declares an external XML entity'],
      [join(CORPUS, 'hostile-billion-laughs.xml'), '"billion laughs"'],
      ['no-such-feed.json', 'no-such-feed.json: no such file.'],
      ['http://127.0.0.1:59999/feed.xml', 'http://127.0.0.1:59999/feed.xml: cannot be fetched (ECONNREFUSED).'],
    ];
    for (const [source, line] of cases) {
      const { status, out, err } = checkFeed(source);
      expect(out, source).toContain(line);
      expect(out + err, source).not.toMatch(/\n\s+at /);
      expect(status, source).toBe(1);
    }
  });

  it('used wrongly: says how to use it, exit 2', () => {
    const { status, err } = checkFeed('');
    expect(err).toContain('Usage: npm run check-feed -- <path-or-url>');
    expect(status).toBe(2);
  });
});
