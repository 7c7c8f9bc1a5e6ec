/**
 * Share previews and structured data as a link-preview bot gets them: a whole `vite build` of the
 * sample (its site file, with a copy of its feed in which one release has a hostile headline and
 * an image and one event is cancelled), then each page's HTML read from the build with no script
 * run, and its meta and JSON-LD parsed. The site file is the sample's with `"images": "remote"`,
 * so the image's own address is what previews name (images served from the site: images.test.ts).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { createBuilder } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalUrl, itemHref, paths } from '../../src/config/paths';
import { makeSlug } from '../../src/lib/slug';
import { SEED, SITE, SITE_URL } from '../support/seed';

const ROOT = join(import.meta.dirname, '../..');
type RawItem = { id: string; title: string; summary: string; image?: string; date_published: string; _bulletin?: { kind?: string; event?: Record<string, unknown> } };
const sample = JSON.parse(readFileSync(join(ROOT, 'sample/feed.json'), 'utf8')) as { items: RawItem[] };
const HOSTILE = 'Survey: "safer" streets </script><script>alert(1)</script> <!-- & \'more\'';
const HOSTILE_ID = '2018-02-27-hartlepool-community-safety-survey-results';
const CANCELLED_ID = '2018-03-20-police-and-crime-panel-public-meeting';
const SUMMER_EVENT_ID = '2018-03-16-hemlington-youth-diversion-fun-day';
let temp = '';
let outDir = '';

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'bulletin-share-build-'));
  outDir = join(temp, 'dist');
  const source = join(temp, 'sample');
  cpSync(join(ROOT, 'sample'), source, { recursive: true });
  const feed = structuredClone(sample);
  for (const item of feed.items) {
    if (item.id === HOSTILE_ID) Object.assign(item, { title: HOSTILE, image: 'https://www.cleveland.pcc.police.uk/media/survey.jpg' });
    if (item.id === CANCELLED_ID && item._bulletin?.event) item._bulletin.event.status = 'cancelled';
  }
  writeFileSync(join(source, 'feed.json'), JSON.stringify(feed));
  const siteFile = join(temp, 'bulletin.site.json');
  writeFileSync(siteFile, JSON.stringify({ ...(JSON.parse(readFileSync(join(ROOT, 'bulletin.site.json'), 'utf8')) as object), images: 'remote' }));
  const saved = { feed: process.env.BULLETIN_FEED, site: process.env.BULLETIN_SITE };
  process.env.BULLETIN_FEED = join(source, 'feed.json');
  process.env.BULLETIN_SITE = siteFile;
  try {
    const builder = await createBuilder({ root: ROOT, logLevel: 'silent', build: { outDir } });
    await builder.buildApp();
  } finally {
    for (const [name, value] of [['BULLETIN_FEED', saved.feed], ['BULLETIN_SITE', saved.site]] as const) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  }
}, 120_000);

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

/** A page of the build as a bot reads it: the HTML alone (jsdom runs no script unless told to). */
function fetchPage(path: string) {
  const html = readFileSync(join(outDir, ...path.split('/').filter(Boolean), 'index.html'), 'utf8');
  const { document } = new JSDOM(html).window;
  const property = (name: string) => {
    const tags = document.querySelectorAll(`head meta[property="${name}"]`);
    expect(tags.length, `${name} tags on ${path}`).toBeLessThanOrEqual(1);
    return tags[0]?.getAttribute('content') ?? null;
  };
  const twitter = document.querySelector('head meta[name="twitter:card"]')?.getAttribute('content') ?? null;
  const canonical = Array.from(document.querySelectorAll('link[rel="canonical"]'), (l) => l.getAttribute('href'));
  const jsonLd = Array.from(document.querySelectorAll('script[type="application/ld+json"]'), (s) => JSON.parse(s.textContent ?? '') as Record<string, unknown>);
  return { html, document, property, twitter, canonical, jsonLd };
}

const item = (id: string) => {
  const found = sample.items.find((i) => i.id === id);
  if (!found) throw new Error(`${id} is not in sample/feed.json`);
  return found;
};
const eventPath = (id: string) => itemHref({ kind: 'event', slug: makeSlug(id, item(id).title) });
const SHARE_IMAGE = canonicalUrl('/share-image.png', SITE_URL);
const OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;

describe('the seed release, fetched with no script', () => {
  it('gives a whole preview card: Open Graph, its dates, Twitter’s card and its canonical address', () => {
    const page = fetchPage(SEED.path);
    const url = canonicalUrl(SEED.path, SITE_URL);
    expect(page.canonical).toEqual([url]);
    expect(page.property('og:title')).toBe(SEED.title);
    expect(page.property('og:description')).toBe(item(SEED.id).summary);
    expect(page.property('og:url')).toBe(url);
    expect(page.property('og:type')).toBe('article');
    expect(page.property('og:image')).toBe(SHARE_IMAGE);
    expect(page.property('og:site_name')).toBe(SITE);
    expect(page.property('og:locale')).toBe('en_GB');
    expect(page.property('article:published_time')).toBe(SEED.published);
    expect(page.property('article:modified_time')).toBe(SEED.published);
    expect(page.twitter).toBe('summary_large_image');
  });

  it('carries one NewsArticle: headline, description, dates with the London offset, the newsroom as author and publisher, image and page', () => {
    const page = fetchPage(SEED.path);
    const url = canonicalUrl(SEED.path, SITE_URL);
    expect(page.jsonLd).toHaveLength(1);
    const article = page.jsonLd[0];
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: SEED.title,
      description: item(SEED.id).summary,
      datePublished: SEED.published,
      dateModified: SEED.published,
      author: { '@type': 'Organization', name: SITE, url: SITE_URL },
      publisher: { '@type': 'Organization', name: SITE, url: SITE_URL, logo: { '@type': 'ImageObject', url: canonicalUrl('/icons/icon-512.png', SITE_URL) } },
      image: [SHARE_IMAGE],
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    });
    expect(article?.datePublished).toMatch(OFFSET);
    // The publisher's logo and the share image are in the build.
    expect(existsSync(join(outDir, 'icons/icon-512.png'))).toBe(true);
    const png = readFileSync(join(outDir, 'share-image.png'));
    expect([png.subarray(1, 4).toString('latin1'), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual(['PNG', 1200, 630]);
  });

  it('a release edited after it was posted says when, with its offset', () => {
    const budget = sample.items.find((i) => i.id === '2018-03-14-commissioner-sets-policing-budget-2018-19');
    const page = fetchPage(itemHref({ kind: 'news', slug: makeSlug(budget?.id ?? '', budget?.title ?? '') }));
    expect(page.property('article:published_time')).toBe('2018-03-14T10:00:00+00:00');
    expect(page.property('article:modified_time')).toBe('2018-03-15T16:20:00+00:00');
    expect(page.jsonLd[0]).toMatchObject({ datePublished: '2018-03-14T10:00:00+00:00', dateModified: '2018-03-15T16:20:00+00:00' });
  });
});

describe('an event, fetched with no script', () => {
  it('previews as an article and carries one Event: name, start and end in London’s summer time, status, place with postcode, organiser', () => {
    const path = eventPath(SUMMER_EVENT_ID);
    const page = fetchPage(path);
    const raw = item(SUMMER_EVENT_ID);
    expect(page.canonical).toEqual([canonicalUrl(path, SITE_URL)]);
    expect(page.property('og:title')).toBe(raw.title);
    expect(page.property('og:type')).toBe('article');
    expect(page.property('og:image')).toBe(SHARE_IMAGE);
    expect(page.jsonLd).toHaveLength(1);
    expect(page.jsonLd[0]).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: raw.title,
      startDate: '2027-05-29T11:00:00+01:00',
      endDate: '2027-05-29T15:00:00+01:00',
      eventStatus: 'https://schema.org/EventScheduled',
      location: {
        '@type': 'Place',
        name: 'Hemlington Recreation Centre, Hemlington, Middlesbrough',
        address: { '@type': 'PostalAddress', streetAddress: 'Hemlington Recreation Centre, Hemlington, Middlesbrough', postalCode: 'TS8 9DZ' },
      },
      organizer: { '@type': 'Organization', name: SITE, url: SITE_URL },
      url: canonicalUrl(path, SITE_URL),
    });
  });

  it('a cancelled event says so', () => {
    expect(fetchPage(eventPath(CANCELLED_ID)).jsonLd[0]).toMatchObject({ '@type': 'Event', eventStatus: 'https://schema.org/EventCancelled' });
  });
});

describe('a release with a hostile headline and an image of its own', () => {
  it('previews with the headline as text and its own image, and its JSON-LD cannot be broken out of', () => {
    const path = itemHref({ kind: 'news', slug: makeSlug(HOSTILE_ID, HOSTILE) });
    const page = fetchPage(path);
    expect(page.property('og:title')).toBe(HOSTILE);
    expect(page.property('og:image')).toBe('https://www.cleveland.pcc.police.uk/media/survey.jpg');
    expect(page.twitter).toBe('summary_large_image');
    expect(page.jsonLd).toHaveLength(1);
    expect(page.jsonLd[0]).toMatchObject({ '@type': 'NewsArticle', headline: HOSTILE, image: ['https://www.cleveland.pcc.police.uk/media/survey.jpg'] });
    // In the head: the inline boot script and the JSON-LD, nothing the headline opened.
    const scripts = Array.from(page.document.querySelectorAll('script'), (s) => s.getAttribute('type') ?? 'classic');
    expect(scripts).toEqual(['classic', 'application/ld+json']);
    expect(page.html).not.toContain('<script>alert(1)');
  });
});

describe('the lists and the not-found page', () => {
  it('each list carries the site’s own preview at its own canonical address, with no structured data', () => {
    for (const path of [paths.news.href(), paths.events.href(), paths.area.href('stockton'), paths.newsPage.href(2)]) {
      const page = fetchPage(path);
      expect(page.canonical, path).toEqual([canonicalUrl(path, SITE_URL)]);
      expect(page.property('og:type'), path).toBe('website');
      expect(page.property('og:image'), path).toBe(SHARE_IMAGE);
      expect(page.property('og:site_name'), path).toBe(SITE);
      expect(page.property('og:title'), path).toBe(page.document.title);
      expect(page.property('og:description'), path).toBeTruthy();
      expect(page.property('article:published_time'), path).toBeNull();
      expect(page.twitter, path).toBe('summary_large_image');
      expect(page.jsonLd, path).toEqual([]);
    }
  });

  it('the not-found page, served for any address, names no canonical address', () => {
    const { document } = new JSDOM(readFileSync(join(outDir, '404.html'), 'utf8')).window;
    expect(document.querySelector('link[rel="canonical"], meta[property^="og:"], script[type="application/ld+json"]')).toBeNull();
  });
});
