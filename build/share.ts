/**
 * What a prerendered page says to other programs in its <head> (the page template's `head` slot,
 * build/page-template.ts): the link previews of chat apps and social sites (Open Graph, Twitter's
 * card), its canonical address, and for a release or an event its structured data
 * (build/structured-data.ts). A link-preview bot reads these from the HTML alone, with no script.
 *
 * Canonical addresses are the site file's `url` and the page's path (src/config/paths.ts). A
 * release or event previews with its own headline, summary and image; without an image, and on
 * the lists, with the newsroom's default share image (the site file's `shareImage`, copied into
 * the build at shareImageHref) and its own name and description. The not-found page, which
 * stands for every address, claims none.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { ANY_ADDRESS } from '../src/boot/after-paint.ts';
import { canonicalUrl, paths, shareImageHref } from '../src/config/paths.ts';
import { escapeAttribute } from './html.ts';
import type { Site } from './site/index.ts';
import type { JsonFeed, JsonFeedItem } from './sources/types.ts';
import { inZone, jsonLdScript, structuredData, type Newsroom } from './structured-data.ts';

/** The newsroom as previews name it. */
export interface ShareSite {
  name: string;
  description: string;
  /** The canonical address of the site (site file `url`); without it nothing can be canonical or absolute. */
  url: string | null;
  language: string;
  timezone: string;
  /** The default share image: a path on the site, or an http(s) address elsewhere. */
  shareImage: string | null;
}

/** A prerendered page as previews see it: its address, title and description, and its item as the build wrote it. */
export interface SharedPage {
  path: string;
  title: string;
  description: string | null;
  item: { headline: string; written: JsonFeedItem } | null;
}

/** Where the site's 512 px icon is (public/icons/): the publisher's logo in structured data. */
const LOGO = '/icons/icon-512.png';

/**
 * Copies the site file's share image into the build (a file: to shareImageHref with its own
 * extension) and gives its address on the site; an http(s) image is used where it is.
 */
export function publishShareImage(shareImage: string | undefined, outDir: string): string | null {
  if (shareImage === undefined) return null;
  if (/^https?:\/\//i.test(shareImage)) return shareImage;
  if (!existsSync(shareImage)) throw new Error(`${shareImage}: the site file's "shareImage" is not there; write the path of an image file (1200 × 630 px)`);
  const href = shareImageHref(extname(shareImage).toLowerCase());
  copyFileSync(shareImage, join(outDir, href.slice(1)));
  return href;
}

/** The newsroom for previews, from the site file and the feed as written (its zone wins, as the reader shows dates in it). */
export function shareSite(site: Site, feed: Pick<JsonFeed, 'description' | '_bulletin'>, shareImage: string | null): ShareSite {
  return {
    name: site.name,
    description: site.description ?? feed.description ?? `News and events from ${site.name}.`,
    url: site.url ?? null,
    language: site.language,
    timezone: feed._bulletin.timezone,
    shareImage,
  };
}

/** `en-GB` as Open Graph writes a locale: `en_GB`. */
export function ogLocale(language: string): string {
  return language.replace('-', '_');
}

function absolute(address: string | undefined | null, site: ShareSite): string | null {
  if (!address) return null;
  try {
    const url = site.url ? new URL(address, site.url) : new URL(address);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

const meta = (property: string, content: string) => `<meta property="${property}" content="${escapeAttribute(content)}">`;
const named = (name: string, content: string) => `<meta name="${name}" content="${escapeAttribute(content)}">`;

/** The markup of a page's `head` slot. */
export function shareHead(page: SharedPage, site: ShareSite): string {
  if (page.path === ANY_ADDRESS) return '';
  const canonical = site.url ? canonicalUrl(page.path, site.url) : null;
  const written = page.item?.written ?? null;
  const ownImage = absolute(written?.image ?? written?.banner_image, site);
  const image = ownImage ?? absolute(site.shareImage, site);
  const tags: string[] = [];
  if (canonical) tags.push(`<link rel="canonical" href="${escapeAttribute(canonical)}">`);
  tags.push(meta('og:type', page.item ? 'article' : 'website'));
  tags.push(meta('og:title', page.item?.headline ?? page.title));
  tags.push(meta('og:description', page.description ?? site.description));
  if (canonical) tags.push(meta('og:url', canonical));
  if (image) {
    tags.push(meta('og:image', image));
    // The newsroom's own picture says who it is from; an item's image has no words of its own in the feed.
    if (!ownImage) tags.push(meta('og:image:alt', site.name));
  }
  tags.push(meta('og:site_name', site.name));
  tags.push(meta('og:locale', ogLocale(written?.language ?? site.language)));
  if (written) {
    const published = inZone(written.date_published, site.timezone);
    const modified = inZone(written.date_modified, site.timezone) ?? published;
    if (published) tags.push(meta('article:published_time', published));
    if (modified) tags.push(meta('article:modified_time', modified));
  }
  tags.push(named('twitter:card', image ? 'summary_large_image' : 'summary'));
  if (page.item && written) {
    const newsroom: Newsroom = {
      name: site.name,
      url: site.url ? canonicalUrl(paths.news.href(), site.url) : null,
      logo: site.url ? canonicalUrl(LOGO, site.url) : null,
      timezone: site.timezone,
      language: site.language,
    };
    tags.push(jsonLdScript(structuredData({ item: written, headline: page.item.headline, canonical, image }, newsroom)));
  }
  return tags.map((tag) => `\n    ${tag}`).join('');
}

/** Every item the build wrote, by id (the first page it is on), from the written feed pages. */
export function writtenItems(pages: readonly { json: unknown }[]): Map<string, JsonFeedItem> {
  const items = new Map<string, JsonFeedItem>();
  for (const page of pages) {
    // The build's own output (build/sources/write.ts), read back from the staging folder.
    for (const item of (page.json as JsonFeed).items) if (!items.has(item.id)) items.set(item.id, item);
  }
  return items;
}
