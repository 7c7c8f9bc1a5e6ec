/**
 * sitemap.xml (the sitemaps.org 0.9 protocol) and robots.txt naming it, for search engines.
 *
 * The sitemap lists every address the build prerendered, and only those (not the not-found page),
 * each with its `lastmod`: an item's page its item's last change (modified, else published); an
 * area's page the newest change among that area's items; every other page (the lists, Subscribe)
 * the newest change of all. It is written by the small writer below rather than a package: it is
 * one element per address with two children, its text escaped (test/build/sitemap.test.ts reads
 * it back with a strict XML parser). A sitemap holds at most 50,000 addresses; the build
 * prerenders at most 10,000 items, so one file is always enough.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalUrl, feedFiles, itemHref } from '../src/config/paths.ts';
import type { Subscription } from './syndication.ts';

export const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const MAX_SITEMAP_URLS = 50_000;

export interface SitemapEntry {
  /** A whole URL. */
  loc: string;
  lastmod: Date | null;
}

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** The sitemap document (pure). */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  if (entries.length > MAX_SITEMAP_URLS) throw new Error(`A sitemap holds at most ${MAX_SITEMAP_URLS} addresses, not ${entries.length}`);
  const urls = entries.map(
    ({ loc, lastmod }) => `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NAMESPACE}">\n${urls.join('\n')}\n</urlset>\n`;
}

const changed = (item: { modified: Date | null; published: Date | null }): Date | null => item.modified ?? item.published;

const newest = (items: readonly { modified: Date | null; published: Date | null }[]): Date | null =>
  items.reduce<Date | null>((max, item) => {
    const date = changed(item);
    return date !== null && (max === null || date > max) ? date : max;
  }, null);

/** Each prerendered address (root-relative, as prerendering gives them) with its lastmod (pure). */
export function sitemapEntries(addresses: readonly string[], subs: readonly Subscription[], siteUrl: string): SitemapEntry[] {
  const [all, ...areas] = subs;
  const items = new Map((all?.items ?? []).map((item) => [itemHref(item), item]));
  const areaPages = new Map(areas.map((s) => [s.page, s]));
  const latest = newest(all?.items ?? []);
  return addresses.map((path) => {
    const item = items.get(path);
    const area = areaPages.get(path);
    const lastmod = item ? changed(item) : area ? newest(area.items) : latest;
    return { loc: canonicalUrl(path, siteUrl), lastmod };
  });
}

/** robots.txt: everything may be crawled; the sitemap is named by its whole URL. */
export function robotsTxt(siteUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${canonicalUrl(feedFiles.sitemap(), siteUrl)}\n`;
}

/**
 * Writes sitemap.xml and robots.txt into `outDir`. Without the site file's `url` there is no
 * sitemap (it needs whole URLs) and public/robots.txt stays as it is.
 */
export function writeSitemap(outDir: string, addresses: readonly string[], subs: readonly Subscription[], siteUrl: string | undefined): boolean {
  if (siteUrl === undefined) return false;
  writeFileSync(join(outDir, 'sitemap.xml'), sitemapXml(sitemapEntries(addresses, subs, siteUrl)));
  writeFileSync(join(outDir, 'robots.txt'), robotsTxt(siteUrl));
  return true;
}
