import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUICK_EXIT, loadSite } from '../../build/site/index.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function siteDir(body: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-site-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'bulletin.site.json'), typeof body === 'string' ? body : JSON.stringify(body));
  return dir;
}

describe('the site file', () => {
  it('ships for the embedded sample and reads with no settings', () => {
    const site = loadSite({ env: {}, cwd: ROOT });
    expect(site).toMatchObject({
      file: join(ROOT, 'bulletin.site.json'), name: 'Police and Crime Commissioner for Cleveland', url: 'https://www.cleveland.pcc.police.uk/',
      timezone: 'Europe/London', themeColour: '#0b3d6b', source: join(ROOT, 'sample/feed.json'), quickExit: { url: DEFAULT_QUICK_EXIT }, images: 'self',
    });
    expect(site.areas.map((a) => a.id)).toEqual(['middlesbrough', 'redcar-cleveland', 'stockton', 'hartlepool']);
  });

  it('applies every default, and resolves paths against the file, not the working folder', () => {
    const dir = siteDir({ name: 'Newsroom', source: 'feeds/news.xml', events: 'https://example.org/events.ics', shareImage: 'share.png' });
    expect(loadSite({ env: { BULLETIN_SITE: join(dir, 'bulletin.site.json') }, cwd: ROOT })).toEqual({
      file: join(dir, 'bulletin.site.json'), name: 'Newsroom', shortName: 'Newsroom', language: 'en-GB', timezone: 'Europe/London',
      source: join(dir, 'feeds/news.xml'), events: 'https://example.org/events.ics', shareImage: join(dir, 'share.png'),
      areas: [], categories: {}, alerts: [], quickExit: { url: DEFAULT_QUICK_EXIT }, images: 'self', pageSize: 50,
    });
  });

  it('honours BULLETIN_FEED and BULLETIN_EVENTS (relative to where the command runs), and quickExit: false', () => {
    const dir = siteDir({ name: 'N', source: 'a.json', quickExit: false });
    const site = loadSite({ env: { BULLETIN_FEED: 'https://example.org/feed.xml', BULLETIN_EVENTS: 'cal/events.ics' }, cwd: dir });
    expect(site).toMatchObject({ source: 'https://example.org/feed.xml', events: join(dir, 'cal/events.ics'), quickExit: false });
  });

  it('says in one line which file and which field are wrong, and what to write', () => {
    const cases: [unknown, RegExp][] = [
      ['{ "name": ', /bulletin\.site\.json: not valid JSON/],
      [[], /bulletin\.site\.json: the site file must be a JSON object/],
      [{ source: 'feed.json' }, /bulletin\.site\.json: "name" is missing; write it as text$/],
      [{ name: 'N' }, /"source" is missing/],
      [{ name: 'N', source: 'f', timezone: 'Europe/Londres' }, /"timezone" "Europe\/Londres" is not a time zone; write an IANA zone such as "Europe\/London"$/],
      [{ name: 'N', source: 'f', url: 'javascript:alert(1)' }, /"url" must be an http\(s\) address/],
      [{ name: 'N', source: 'f', themeColour: 'blue' }, /"themeColour" "blue" is not a colour/],
      [{ name: 'N', source: 'f', areas: [{ id: 'Middlesbrough', name: 'M' }] }, /"areas\[0\]\.id" must be lowercase letters/],
      [{ name: 'N', source: 'f', areas: [{ id: 'm', name: 'M', postcodes: ['TS1', 'middle'] }] }, /"areas\[0\]\.postcodes\[1\]" "middle" is not a postcode/],
      [{ name: 'N', source: 'f', areas: [{ id: 'm', name: 'M' }], categories: { Stockton: 'stockton' } }, /"categories\.Stockton" names the area "stockton", which "areas" does not define$/],
      [{ name: 'N', source: 'f', images: 'all' }, /"images" must be "self" or "remote"$/],
      [{ name: 'N', source: 'f', pageSize: 0 }, /"pageSize" must be a whole number of items from 1 to 500/],
      [{ name: 'N', source: 'f', pageSize: 12.5 }, /"pageSize" must be a whole number/],
      [{ name: 'N', source: 'f', alerts: [{ id: 'a', title: 'A', level: 'urgent' }] }, /"alerts\[0\]\.level" must be "emergency", "warning" or "info"$/],
    ];
    for (const [body, message] of cases) {
      const dir = siteDir(body);
      let error: unknown;
      try {
        loadSite({ env: {}, cwd: dir });
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(body)).toBeInstanceOf(Error);
      expect((error as Error).message, JSON.stringify(body)).toMatch(message);
      expect((error as Error).message.startsWith(join(dir, 'bulletin.site.json')), JSON.stringify(body)).toBe(true);
      expect((error as Error).message.includes('\n')).toBe(false);
    }
  });

  it('names a missing file and who named it', () => {
    expect(() => loadSite({ env: { BULLETIN_SITE: 'nowhere.json' }, cwd: ROOT })).toThrow(/nowhere\.json: no site file there \(named by BULLETIN_SITE\)/);
  });
});
