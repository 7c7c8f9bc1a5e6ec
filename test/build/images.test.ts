/**
 * Images from our own host (build/images.ts): a local host on 127.0.0.1 serves real images and
 * hostile ones; the build fetches, checks and resizes each, rewrites the feed to name only its
 * copies, and leaves out (with a warning) whatever cannot be fetched or is not an image.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGES_DIR, IMAGE_SIZES, selfHostImages, widthsFor, type SelfHosted } from '../../build/images';
import type { JsonFeed, JsonFeedItem } from '../../build/sources';
import { bomb, photo, startImageHost, SVG_WITH_SCRIPT, transparentPng, type ImageHost } from '../support/image-host';

let host: ImageHost;
let temp = '';
let outDir = '';
let cacheDir = '';
let result: SelfHosted;

const feedOf = (items: JsonFeedItem[]): JsonFeed => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'News',
  items,
  _bulletin: { timezone: 'Europe/London', areas: [], alerts: [] },
});

let feed: JsonFeed;
const at = (path: string) => `${host.origin}${path}`;

beforeAll(async () => {
  host = await startImageHost({
    '/photo.jpg': { type: 'image/jpeg', body: await photo(1600, 1200) },
    '/same-photo.jpg': { type: 'image/jpeg', body: await photo(1600, 1200) },
    '/logo.png': { type: 'image/png', body: await transparentPng(200, 100) },
    '/page.jpg': { type: 'image/jpeg', body: '<!doctype html><html><body><script>alert(1)</script></body></html>' },
    '/drawing.svg': { type: 'image/svg+xml', body: SVG_WITH_SCRIPT },
    '/drawing.png': { type: 'image/png', body: SVG_WITH_SCRIPT },
    '/bomb.png': { type: 'image/png', body: await bomb(60_000, 60_000) },
    '/big.jpg': { type: 'image/jpeg', body: Buffer.alloc(300_000, 0xff) },
    '/slow.jpg': 'hang',
    '/gone.jpg': { status: 404 },
  });
  temp = mkdtempSync(join(tmpdir(), 'bulletin-images-'));
  outDir = join(temp, 'dist');
  cacheDir = join(temp, 'cache');
  feed = feedOf([
    {
      id: 'good',
      title: 'With pictures',
      image: at('/photo.jpg'),
      banner_image: at('/logo.png'),
      content_html:
        `<p>Before</p><p><img src="${at('/photo.jpg')}" alt="The new station" class="wide" title="Opened &quot;today&quot;" width="99999" loading="eager"></p>` +
        `<figure><img src="${at('/same-photo.jpg')}" alt=""><figcaption>Caption</figcaption></figure>` +
        `<picture><source srcset="${at('/photo.webp')}" type="image/webp"><img src="${at('/logo.png')}" alt="Logo"></picture><p>After</p>`,
    },
    {
      id: 'bad',
      title: 'With hostile pictures',
      image: at('/gone.jpg'),
      banner_image: at('/page.jpg'),
      content_html: [
        `<p><img src="${at('/gone.jpg')}" alt="A map of the route"></p>`,
        `<p><img src="${at('/page.jpg')}" alt="Page &amp; more"></p>`,
        `<p><img src="${at('/drawing.svg')}"></p>`,
        `<p><img src="${at('/drawing.png')}" alt="Drawing"></p>`,
        `<p><img src="${at('/bomb.png')}" alt="Bomb"></p>`,
        `<p><img src="${at('/big.jpg')}" alt="Big"></p>`,
        `<p><img src="${at('/slow.jpg')}" alt="Slow"></p>`,
        `<p><img src="ftp://example.org/x.jpg" alt="Elsewhere"></p>`,
      ].join(''),
    },
    { id: 'plain', title: 'No pictures', content_html: '<p>Just words &amp; more.</p>' },
  ]);
  result = await selfHostImages(feed, outDir, { timeoutMs: 1_500, maxBytes: 200_000, cacheDir });
}, 60_000);

afterAll(async () => {
  await host.stop();
  rmSync(temp, { recursive: true, force: true });
});

const item = (id: string) => {
  const found = result.feed.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
const body = (id: string) => new JSDOM(`<body>${item(id).content_html ?? ''}`).window.document.body;
const file = (url: string) => readFileSync(join(outDir, ...url.split('/').filter(Boolean)));

describe('images a source names, served from the site', () => {
  it('refuses an image over the pixel limit by its header alone, before decoding it', async () => {
    const small = await selfHostImages(feedOf([{ id: 'x', image: at('/photo.jpg') }]), join(temp, 'dist-limit'), { maxPixels: 1_000_000, cacheDir: null });
    expect(small.problems.map((p) => p.message)).toEqual([`the image ${at('/photo.jpg')} was left out: it declares more pixels than the limit of 1 million`]);
  });

  it('makes the widths below an image’s own, and its own capped at 1024', () => {
    expect(widthsFor(1600)).toEqual([320, 640, 1024]);
    expect(widthsFor(700)).toEqual([320, 640, 700]);
    expect(widthsFor(200)).toEqual([200]);
  });

  it('points image and banner_image at the widest copy: JPEG for a photo, PNG for an image with transparency', async () => {
    const { image, banner_image } = item('good');
    expect(image).toMatch(new RegExp(`^/${IMAGES_DIR}/[0-9a-f]{20}-1024\\.jpg$`));
    expect(banner_image).toMatch(new RegExp(`^/${IMAGES_DIR}/[0-9a-f]{20}-200\\.png$`));
    expect(await sharp(file(image ?? '')).metadata()).toMatchObject({ format: 'jpeg', width: 1024, height: 768 });
    expect(await sharp(file(banner_image ?? '')).metadata()).toMatchObject({ format: 'png', width: 200, height: 100, hasAlpha: true });
  });

  it('turns each <img> into a <picture>: WebP copies, then the fallback with src, srcset, sizes, width and height', async () => {
    const [first, second] = Array.from(body('good').querySelectorAll('picture'));
    const source = first?.querySelector('source');
    const img = first?.querySelector('img');
    expect(source?.getAttribute('type')).toBe('image/webp');
    const webp = (source?.getAttribute('srcset') ?? '').split(', ');
    expect(webp.map((c) => c.split(' ')[1])).toEqual(['320w', '640w', '1024w']);
    for (const candidate of webp) {
      const [url = '', width = ''] = candidate.split(' ');
      expect(await sharp(file(url)).metadata()).toMatchObject({ format: 'webp', width: Number.parseInt(width, 10) });
    }
    expect(img?.getAttribute('src')).toBe(item('good').image);
    expect(img?.getAttribute('srcset')?.split(', ').map((c) => c.split(' ')[1])).toEqual(['320w', '640w', '1024w']);
    expect([img?.getAttribute('width'), img?.getAttribute('height'), img?.getAttribute('sizes')]).toEqual(['1024', '768', IMAGE_SIZES]);
    // The author's alt, title and class are kept; their width and loading are the build's.
    expect([img?.getAttribute('alt'), img?.getAttribute('title'), img?.getAttribute('class')]).toEqual(['The new station', 'Opened "today"', 'wide']);
    expect(img?.hasAttribute('loading')).toBe(false);
    // The same bytes at another address are the same files.
    expect(second?.querySelector('img')?.getAttribute('src')).toBe(img?.getAttribute('src'));
    expect(body('good').querySelector('figure figcaption')?.textContent).toBe('Caption');
  });

  it('keeps an existing <picture> one deep, without the source’s own <source>', () => {
    const pictures = body('good').querySelectorAll('picture');
    const last = pictures[pictures.length - 1];
    expect(last?.querySelector('picture')).toBeNull();
    expect(Array.from(last?.querySelectorAll('source') ?? [], (s) => s.getAttribute('srcset'))).toEqual([expect.stringMatching(/^\/images\/.*-200\.webp 200w$/)]);
    expect(last?.querySelector('img')?.getAttribute('alt')).toBe('Logo');
  });

  it('names no other host anywhere in the feed it gives, and leaves the rest of a body as written', () => {
    expect(JSON.stringify(result.feed)).not.toContain(host.origin);
    expect(item('good').content_html).toMatch(/^<p>Before<\/p><p><picture>/);
    expect(item('good').content_html).toMatch(/<p>After<\/p>$/);
    expect(item('plain').content_html).toBe('<p>Just words &amp; more.</p>');
  });

  it('writes only real images, each named by a hash of what it holds', async () => {
    const names = readdirSync(join(outDir, IMAGES_DIR));
    // photo: 3 widths × (WebP, JPEG); logo: 1 width × (WebP, PNG).
    expect(names).toHaveLength(8);
    for (const name of names) {
      const meta = await sharp(readFileSync(join(outDir, IMAGES_DIR, name))).metadata();
      expect(['webp', 'jpeg', 'png'], name).toContain(meta.format);
      expect(readFileSync(join(outDir, IMAGES_DIR, name), 'latin1')).not.toMatch(/<svg|<script|<html/i);
    }
    expect(result).toMatchObject({ served: 3 });
  });
});

describe('an image that cannot be fetched or is not an image', () => {
  it('is left out: an <img> becomes its alt text, or nothing without one; the image fields are dropped', () => {
    const bad = item('bad');
    expect(bad.image).toBeUndefined();
    expect(bad.banner_image).toBeUndefined();
    const paragraphs = Array.from(body('bad').querySelectorAll('p'), (p) => p.innerHTML);
    expect(paragraphs).toEqual(['A map of the route', 'Page &amp; more', '', 'Drawing', 'Bomb', 'Big', 'Slow', 'Elsewhere']);
    expect(body('bad').querySelector('img, picture')).toBeNull();
  });

  it('is named in a warning saying why, for each place it was named', () => {
    const why = (path: string) => result.problems.filter((p) => p.source === at(path)).map((p) => `${p.field}: ${p.message}`);
    expect(why('/gone.jpg')).toEqual([
      `image: the image ${at('/gone.jpg')} was left out: the server answered 404 Not Found`,
      `content_html: the image ${at('/gone.jpg')} was left out: the server answered 404 Not Found`,
    ]);
    expect(why('/page.jpg')[0]).toMatch(/banner_image: .* was left out: it is not an image \(it is text such as HTML or SVG\)$/);
    expect(why('/drawing.svg')[0]).toMatch(/it is not an image \(it is text such as HTML or SVG\)$/);
    expect(why('/drawing.png')[0]).toMatch(/it is not an image \(it is text such as HTML or SVG\)$/);
    expect(why('/bomb.png')[0]).toMatch(/it declares more pixels than the limit of 40 million$/);
    expect(why('/big.jpg')[0]).toMatch(/more than the limit of 0\.2 MB$/);
    expect(why('/slow.jpg')[0]).toMatch(/not fully received within 1\.5 s$/);
    expect(result.problems.find((p) => p.source === 'ftp://example.org/x.jpg')?.message).toMatch(/is not an http\(s\) address$/);
    expect(result.problems.every((p) => p.level === 'warning' && p.item === 'With hostile pictures')).toBe(true);
    expect(result.failed).toBe(7);
  });
});

describe('between builds', () => {
  it('keeps the resized copies: a second build gives the same files and the same feed', async () => {
    const second = join(temp, 'dist-2');
    const again = await selfHostImages(feed, second, { timeoutMs: 1_500, maxBytes: 200_000, cacheDir });
    expect(again.feed).toEqual(result.feed);
    expect(readdirSync(join(second, IMAGES_DIR)).sort()).toEqual(readdirSync(join(outDir, IMAGES_DIR)).sort());
    expect(readdirSync(cacheDir).filter((n) => n.endsWith('.json'))).toHaveLength(2);
  }, 60_000);
});
