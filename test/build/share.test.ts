/**
 * Share previews (build/share.ts): the head a link-preview bot reads, for a release, a list, the
 * not-found page and a site without a canonical address; and the share image copied into the build.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ogLocale, publishShareImage, shareHead, shareSite, writtenItems, type ShareSite, type SharedPage } from '../../build/share';
import { parseSite } from '../../build/site/index';
import type { JsonFeedItem } from '../../build/sources/types';
import { ANY_ADDRESS } from '../../src/boot/after-paint';
import { paths } from '../../src/config/paths';

const site: ShareSite = {
  name: 'Police and Crime Commissioner for Cleveland',
  description: 'News and events from the Police and Crime Commissioner for Cleveland.',
  url: 'https://www.cleveland.pcc.police.uk/',
  language: 'en-GB',
  timezone: 'Europe/London',
  shareImage: '/share-image.png',
};

const written: JsonFeedItem = {
  id: 'b',
  title: 'Budget',
  summary: 'The budget for 2018/19.',
  content_html: '<p>x</p>',
  date_published: '2018-03-14T10:00:00+00:00',
  date_modified: '2018-03-15T16:20:00Z',
  _bulletin: { kind: 'news' },
};
const release: SharedPage = { path: paths.release.href('budget-0000000'), title: 'Budget | PCC', description: written.summary ?? null, item: { headline: 'Budget', written } };

/** The head as a bot reads it: no script, just the tags. */
function read(head: string) {
  const document = new JSDOM(`<!doctype html><html><head>${head}</head><body></body></html>`).window.document;
  const property = (name: string) => document.querySelector(`meta[property="${name}"]`)?.getAttribute('content') ?? null;
  const name = (n: string) => document.querySelector(`meta[name="${n}"]`)?.getAttribute('content') ?? null;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const jsonLd = Array.from(document.querySelectorAll('script[type="application/ld+json"]'), (s) => JSON.parse(s.textContent ?? '') as Record<string, unknown>);
  return { document, property, name, canonical, jsonLd };
}

describe('a release’s share preview', () => {
  it('has every Open Graph tag, its dates with offset, the card, the canonical link and its NewsArticle', () => {
    const head = read(shareHead(release, site));
    const url = 'https://www.cleveland.pcc.police.uk/news/budget-0000000/';
    expect(head.canonical).toBe(url);
    expect(head.property('og:type')).toBe('article');
    expect(head.property('og:title')).toBe('Budget');
    expect(head.property('og:description')).toBe('The budget for 2018/19.');
    expect(head.property('og:url')).toBe(url);
    expect(head.property('og:image')).toBe('https://www.cleveland.pcc.police.uk/share-image.png');
    expect(head.property('og:image:alt')).toBe(site.name);
    expect(head.property('og:site_name')).toBe(site.name);
    expect(head.property('og:locale')).toBe('en_GB');
    expect(head.property('article:published_time')).toBe('2018-03-14T10:00:00+00:00');
    expect(head.property('article:modified_time')).toBe('2018-03-15T16:20:00+00:00');
    expect(head.name('twitter:card')).toBe('summary_large_image');
    expect(head.jsonLd).toHaveLength(1);
    expect(head.jsonLd[0]).toMatchObject({ '@type': 'NewsArticle', headline: 'Budget', mainEntityOfPage: { '@id': url }, image: ['https://www.cleveland.pcc.police.uk/share-image.png'] });
  });

  it('shows the item’s own image (resolved on the site), with no words claimed for it', () => {
    const head = read(shareHead({ ...release, item: { headline: 'Budget', written: { ...written, image: '/media/budget.jpg' } } }, site));
    expect(head.property('og:image')).toBe('https://www.cleveland.pcc.police.uk/media/budget.jpg');
    expect(head.property('og:image:alt')).toBeNull();
    expect(head.jsonLd[0]).toMatchObject({ image: ['https://www.cleveland.pcc.police.uk/media/budget.jpg'] });
  });

  it('escapes a hostile headline in every tag, and it stays one element each', () => {
    const hostile = 'A "quoted" <b>title</b> </script><script>alert(1)</script> & \'more\'';
    const html = shareHead({ ...release, description: hostile, item: { headline: hostile, written: { ...written, title: hostile } } }, site);
    const head = read(html);
    expect(head.property('og:title')).toBe(hostile);
    expect(head.property('og:description')).toBe(hostile);
    expect(head.document.querySelectorAll('script')).toHaveLength(1);
    expect(head.document.querySelectorAll('b')).toHaveLength(0);
    expect(head.jsonLd[0]).toMatchObject({ headline: hostile, description: 'The budget for 2018/19.' });
    expect(html).not.toContain('<b>');
  });
});

describe('the other pages’ previews', () => {
  it('a list carries the site’s own: its description and share image, as a website, with no article dates or structured data', () => {
    const head = read(shareHead({ path: paths.events.href(), title: 'Events | PCC', description: null, item: null }, site));
    expect(head.canonical).toBe('https://www.cleveland.pcc.police.uk/events/');
    expect(head.property('og:type')).toBe('website');
    expect(head.property('og:title')).toBe('Events | PCC');
    expect(head.property('og:description')).toBe(site.description);
    expect(head.property('og:image')).toBe('https://www.cleveland.pcc.police.uk/share-image.png');
    expect(head.property('article:published_time')).toBeNull();
    expect(head.jsonLd).toEqual([]);
  });

  it('the not-found page, which stands for every address, claims none', () => {
    expect(shareHead({ path: ANY_ADDRESS, title: 'Page not found', description: null, item: null }, site)).toBe('');
  });

  it('a site file without a url names no canonical address, and a share image it cannot make absolute is left out', () => {
    const head = read(shareHead(release, { ...site, url: null }));
    expect(head.canonical).toBeNull();
    expect(head.property('og:url')).toBeNull();
    expect(head.property('og:image')).toBeNull();
    expect(head.name('twitter:card')).toBe('summary');
    expect(head.property('og:title')).toBe('Budget');
    expect(head.jsonLd[0]).not.toHaveProperty('mainEntityOfPage');
    // An image elsewhere is already absolute.
    expect(read(shareHead(release, { ...site, url: null, shareImage: 'https://cdn.example.org/share.png' })).property('og:image')).toBe('https://cdn.example.org/share.png');
  });

  it('writes a locale as Open Graph does', () => {
    expect(ogLocale('en-GB')).toBe('en_GB');
    expect(ogLocale('cy')).toBe('cy');
  });
});

describe('the newsroom for previews', () => {
  it('comes from the site file, its share image copied into the build; the feed’s zone is the one dates are given in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulletin-share-'));
    try {
      const parsed = parseSite({ name: 'Example Fire', url: 'https://fire.example.org/', source: 'feed.json', shareImage: '../../../sample/share.png' }, join(import.meta.dirname, 'fixtures', 'x.site.json'));
      const href = publishShareImage(parsed.shareImage, dir);
      expect(href).toBe('/share-image.png');
      expect(readFileSync(join(dir, 'share-image.png')).equals(readFileSync('sample/share.png'))).toBe(true);
      const made = shareSite(parsed, { description: 'From the feed', _bulletin: { timezone: 'Pacific/Auckland', areas: [], alerts: [] } }, href);
      expect(made).toEqual({ name: 'Example Fire', description: 'From the feed', url: 'https://fire.example.org/', language: 'en-GB', timezone: 'Pacific/Auckland', shareImage: '/share-image.png' });
      expect(publishShareImage('https://cdn.example.org/a.png', dir)).toBe('https://cdn.example.org/a.png');
      expect(publishShareImage(undefined, dir)).toBeNull();
      expect(() => publishShareImage(join(dir, 'missing.png'), dir)).toThrow(/"shareImage" is not there/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds each written item by id, on the first page it is on', () => {
    const items = writtenItems([{ json: { items: [written] } }, { json: { items: [{ ...written, title: 'Again' }, { ...written, id: 'c' }] } }]);
    expect(items.get('b')?.title).toBe('Budget');
    expect([...items.keys()]).toEqual(['b', 'c']);
  });
});

describe('the default share image of the sample', () => {
  it('is a PNG of 1200 × 630', () => {
    const png = readFileSync('sample/share.png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});
