/**
 * Any newsroom: a whole `vite build` for a second site file (a fire service in another time zone,
 * with two areas, reading a WordPress RSS feed) leaves nothing of the sample's newsroom in the
 * build, and names the new one everywhere.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { JSDOM } from 'jsdom';
import { createBuilder } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../src/config/paths';

const ROOT = join(import.meta.dirname, '../..');
const SITE_FILE = join(import.meta.dirname, 'fixtures/fire.site.json');
const site = JSON.parse(readFileSync(SITE_FILE, 'utf8')) as { name: string; shortName: string; language: string; timezone: string; themeColour: string };
let outDir = '';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

beforeAll(async () => {
  outDir = join(mkdtempSync(join(tmpdir(), 'bulletin-second-site-')), 'dist');
  const saved = process.env.BULLETIN_SITE;
  process.env.BULLETIN_SITE = SITE_FILE;
  try {
    const builder = await createBuilder({ root: ROOT, logLevel: 'silent', build: { outDir } });
    await builder.buildApp();
  } finally {
    if (saved === undefined) delete process.env.BULLETIN_SITE;
    else process.env.BULLETIN_SITE = saved;
  }
}, 120_000);

afterAll(() => {
  rmSync(join(outDir, '..'), { recursive: true, force: true });
});

describe('a build for another newsroom', () => {
  it('leaves nothing of Cleveland anywhere in the build', () => {
    const all = files(outDir);
    expect(all.length).toBeGreaterThan(10);
    const mentions = all.filter((file) => /cleveland|middlesbrough|hartlepool/i.test(readFileSync(file, 'latin1'))).map((file) => relative(outDir, file));
    expect(mentions).toEqual([]);
  });

  it('has no "Leave this site" and no safety advice page when the site file says "quickExit": false', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const document = new JSDOM(html).window.document;
    expect(document.querySelector('a[data-quick-exit]')).toBeNull();
    expect(html).not.toContain('Leave this site');
    expect(html).not.toContain(paths.leaveQuickly.href());
    expect(files(outDir).map((file) => relative(outDir, file))).not.toContain(join(paths.leaveQuickly.href().slice(1), 'index.html'));
  });

  it('says what it keeps on the device from its own site file: its privacy notice, and no note of "Leave this site"', () => {
    const document = new JSDOM(readFileSync(join(outDir, paths.whatWeKeep.href().slice(1), 'index.html'), 'utf8')).window.document;
    const main = document.querySelector('main');
    const links = Array.from(main?.querySelectorAll('a') ?? [], (a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toContainEqual(['privacy notice', 'https://fire.example.org/privacy-notice']);
    expect(links.map(([, href]) => href)).not.toContain(paths.leaveQuickly.href());
    expect(Array.from(main?.querySelectorAll('h2') ?? [], (h) => h.textContent)).toContain('Your options');
    expect(main?.textContent).not.toContain('bulletin:left');
    expect(main?.textContent).toContain('None of it is sent to Example Fire and Emergency Service or to anyone else.');
  });

  it('names the newsroom in the page, its title, description, language and theme, and the manifest', () => {
    const document = new JSDOM(readFileSync(join(outDir, 'index.html'), 'utf8')).window.document;
    expect(document.documentElement.lang).toBe(site.language);
    expect(document.title).toBe(`Latest news | ${site.name}`);
    expect(document.querySelector('.site-header__name')?.textContent).toBe(site.name);
    expect(document.querySelector('meta[name="theme-color"]')?.getAttribute('content')).toBe(site.themeColour);
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.webmanifest'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: site.name, short_name: site.shortName, lang: site.language, theme_color: site.themeColour });
  });

  it('writes the RSS it read as JSON Feed pages, in the site’s time zone, with its areas, and prerenders every item', () => {
    const feed = JSON.parse(readFileSync(join(outDir, 'feed.json'), 'utf8')) as {
      version: string;
      title: string;
      items: { id: string; title: string; url?: string }[];
      _bulletin: { timezone: string; areas: { id: string }[] };
    };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe(site.name);
    expect(feed._bulletin.timezone).toBe(site.timezone);
    expect(feed._bulletin.areas.map((a) => a.id)).toEqual(['north', 'south']);
    expect(feed.items.length).toBeGreaterThan(0);
    // news/ holds the releases, the older pages (page/) and the archive's years (news/2019/).
    const names = readdirSync(join(outDir, 'news'));
    const releases = names.filter((name) => name !== 'page' && !/^\d{4}$/.test(name));
    expect(releases).toHaveLength(feed.items.length);
    const years = names.filter((name) => /^\d{4}$/.test(name));
    expect(years.length).toBeGreaterThan(0);
    for (const year of years) expect(statSync(join(outDir, 'news', year, 'index.html')).isFile()).toBe(true);
    for (const area of ['north', 'south']) {
      expect(statSync(join(outDir, paths.area.href(area).slice(1), 'index.html')).isFile()).toBe(true);
    }
  });
});
