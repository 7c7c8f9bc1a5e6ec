/**
 * Images from our own host through the whole build (`vite build`, build/pipeline.ts): the sample
 * with a photo and a missing image in the seed release, its images on a host at 127.0.0.1. The
 * build succeeds, prints a warning for the missing one beside the sources' warnings, serves the
 * photo from images/, and every page, feed and policy it writes says so.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { createBuilder, createLogger } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/config/paths';
import { SEED, SITE_URL } from '../support/seed';
import { photo, sampleWithPhoto, startImageHost, withEnv, type ImageHost } from '../support/image-host';

const ROOT = join(import.meta.dirname, '../..');
const ALT = 'The new crime prevention hub';
let host: ImageHost;
let temp = '';
let outDir = '';
const warnings: string[] = [];

beforeAll(async () => {
  host = await startImageHost({ '/hub.jpg': { type: 'image/jpeg', body: await photo(800, 500) } });
  temp = mkdtempSync(join(tmpdir(), 'bulletin-images-build-'));
  outDir = join(temp, 'dist');
  const siteFile = sampleWithPhoto(temp, { root: ROOT, seedId: SEED.id, photoUrl: `${host.origin}/hub.jpg`, alt: ALT, images: 'self' });
  // The same seed release names a second image, which its host does not have, and the photo as its banner.
  const feedFile = join(temp, 'sample', 'feed.json');
  const feed = JSON.parse(readFileSync(feedFile, 'utf8')) as { items: { id: string; image?: string }[] };
  const seed = feed.items.find((i) => i.id === SEED.id);
  if (seed) Object.assign(seed, { image: `${host.origin}/gone.jpg`, banner_image: `${host.origin}/hub.jpg` });
  writeFileSync(feedFile, JSON.stringify(feed));
  const logger = createLogger('warn');
  logger.warn = (message) => void warnings.push(message);
  logger.warnOnce = logger.warn;
  logger.info = () => undefined;
  await withEnv({ BULLETIN_SITE: siteFile }, async () => {
    const builder = await createBuilder({ root: ROOT, customLogger: logger, build: { outDir } });
    await builder.buildApp();
  });
}, 180_000);

afterAll(async () => {
  await host.stop();
  rmSync(temp, { recursive: true, force: true });
});

describe('a build with "images": "self"', () => {
  it('goes on past an image it cannot fetch, and says so in one warning with a count', () => {
    expect(warnings).toContain(
      `Warning: item "${SEED.title}", field image: the image ${host.origin}/gone.jpg was left out: the server answered 404 Not Found. Publish the image as a JPEG, PNG, WebP, AVIF or GIF at an http(s) address that answers.`,
    );
    expect(warnings).toContain('Images: 1 served from the site, 1 left out.');
    expect(host.requests.sort()).toEqual(['/gone.jpg', '/hub.jpg']);
  });

  it('writes the feed, the prerendered release and the Atom feed with the site’s own copies only', () => {
    const release = join(...SEED.path.split('/').filter(Boolean), 'index.html');
    for (const file of ['feed.json', 'feed.atom', release]) {
      const text = readFileSync(join(outDir, file), 'utf8');
      expect(text, file).not.toContain(host.origin);
      expect(text, file).toContain('/images/');
    }
    const page = new JSDOM(readFileSync(join(outDir, release), 'utf8')).window.document;
    const img = page.querySelector(`main picture img[alt="${ALT}"]`);
    expect([img?.getAttribute('width'), img?.getAttribute('height')]).toEqual(['800', '500']);
    const src = img?.getAttribute('src') ?? '';
    expect(src).toMatch(/^\/images\/[0-9a-f]{20}-800\.jpg$/);
    expect(existsSync(join(outDir, src))).toBe(true);
    // Its share preview names the site's own copy, by its whole address.
    expect(page.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(canonicalUrl(src, SITE_URL));
    expect(page.querySelector('main picture source')?.getAttribute('srcset')).toMatch(/^\/images\/\S+-320\.webp 320w, \/images\/\S+-640\.webp 640w, \/images\/\S+-800\.webp 800w$/);
  });

  it('allows images from the site alone, in every page’s policy and the host files, and keeps them out of the precache', () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(readFileSync(join(outDir, 'index.html'), 'utf8'))?.[1] ?? '';
    expect(policy).toContain("img-src 'self';");
    expect(readFileSync(join(outDir, 'nginx-headers.conf'), 'utf8')).toContain("img-src 'self';");
    expect(readFileSync(join(outDir, 'sw.js'), 'utf8')).not.toContain('images/');
  });
});
