/**
 * Images from our own host, in a real browser: a feed whose seed release names a photo on a
 * second local host (another 127.0.0.1 port) is built (its own site file, "images": "self") into
 * a site of its own; a reader of that release sees the photo, at its width and height, and their
 * browser asks no host but the site's for anything. The CSP says images come from the site alone.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createBuilder, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { photo, sampleWithPhoto, startImageHost, withEnv, type ImageHost } from '../support/image-host';
import { ROOT } from './global-setup';
import { newPage, screenshot, SEED, visit, withBrowser } from './support';

withBrowser();

const ALT = 'Officers at the opening of the new crime prevention hub';
let imageHost: ImageHost;
let server: PreviewServer;
let siteUrl = '';
let temp = '';
let outDir = '';

beforeAll(async () => {
  imageHost = await startImageHost({ '/media/hub.jpg': { type: 'image/jpeg', body: await photo(2000, 1250) } });
  temp = mkdtempSync(join(tmpdir(), 'bulletin-images-site-'));
  outDir = join(temp, 'dist');
  // The sample's own site file, with its images served from the site (the default, said here).
  const siteFile = sampleWithPhoto(temp, { root: ROOT, seedId: SEED.id, photoUrl: `${imageHost.origin}/media/hub.jpg`, alt: ALT, images: 'self' });
  await withEnv({ BULLETIN_SITE: siteFile }, async () => {
    const builder = await createBuilder({ root: ROOT, logLevel: 'silent', build: { outDir } });
    await builder.buildApp();
  });
  server = await preview({ configFile: false, root: ROOT, logLevel: 'silent', build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
  const { port } = server.httpServer.address() as AddressInfo;
  siteUrl = `http://127.0.0.1:${port}`;
}, 240_000);

afterAll(async () => {
  (server?.httpServer as unknown as { closeAllConnections?: () => void } | undefined)?.closeAllConnections?.();
  await server?.close();
  await imageHost?.stop();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** The photo, found by its name, once it has loaded: where it came from and how it is laid out. */
async function shownPhoto(page: Page) {
  const img = page.getByRole('main').getByRole('img', { name: ALT });
  await img.scrollIntoViewIfNeeded();
  await page.waitForFunction((alt) => {
    const el = document.querySelector<HTMLImageElement>(`main img[alt="${alt}"]`);
    return el !== null && el.complete && el.naturalWidth > 0;
  }, ALT);
  return img.evaluate((el: HTMLImageElement) => ({
    currentSrc: el.currentSrc,
    width: el.getAttribute('width'),
    height: el.getAttribute('height'),
    naturalWidth: el.naturalWidth,
    box: el.getBoundingClientRect().toJSON() as { width: number; height: number },
    mainWidth: document.querySelector('main')?.getBoundingClientRect().width ?? 0,
    inPicture: el.parentElement?.localName === 'picture',
  }));
}

describe('images served from the site', () => {
  test('the build fetched the photo once; the CSP lets images come from the site alone', () => {
    expect(imageHost.requests).toEqual(['/media/hub.jpg']);
    const html = readFileSync(join(outDir, ...SEED.path.split('/').filter(Boolean), 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(meta.split(';').map((d) => d.trim())).toContain("img-src 'self'");
    for (const file of ['_headers', 'nginx-headers.conf']) {
      expect(readFileSync(join(outDir, file), 'utf8'), file).toContain("img-src 'self';");
    }
    expect(readFileSync(join(outDir, '_headers'), 'utf8')).toMatch(/\/images\/\*\n {2}Cache-Control: public, max-age=31536000, immutable/);
  });

  for (const width of [1280, 375]) {
    test(`a reader at ${width} px sees the photo at its own size and shape, and their browser asks no other host for anything`, async () => {
      const before = imageHost.requests.length;
      const session = await newPage({ baseURL: siteUrl, viewport: { width, height: 800 } });
      const { page } = session;
      await visit(page, SEED.path);
      const shown = await shownPhoto(page);
      expect([shown.width, shown.height]).toEqual(['1024', '640']);
      expect(shown.inPicture).toBe(true);
      expect(shown.currentSrc).toMatch(new RegExp(`^${siteUrl}/images/[0-9a-f]{20}-\\d+\\.webp$`));
      // No wider than the page, in the photo's own shape (1024 × 640).
      expect(shown.box.width).toBeLessThanOrEqual(shown.mainWidth);
      expect(Math.abs(shown.box.height - (shown.box.width * 640) / 1024)).toBeLessThan(1.5);
      // A phone gets a narrower copy than a desktop.
      if (width === 375) expect(shown.naturalWidth).toBeLessThanOrEqual(640);
      await screenshot(page, `images-seed-${width}`);
      expect(imageHost.requests.length, 'requests to the image host while reading').toBe(before);
      expect(session.requests.filter((url) => !url.startsWith(`${siteUrl}/`) && !/^(data|blob|about):/.test(url))).toEqual([]);
      session.expectNoProblems();
      await session.close();
    });
  }

  test('without JavaScript, and at Largest text, the photo shows within the page, from the site', async () => {
    for (const options of [{ javaScriptEnabled: false, viewport: { width: 375, height: 800 } }, { preferences: { textSize: 'largest' as const } }]) {
      const session = await newPage({ baseURL: siteUrl, ...options });
      const { page } = session;
      if (options.javaScriptEnabled === false) await page.goto(SEED.path);
      else await visit(page, SEED.path);
      const { box, mainWidth } = await shownPhoto(page);
      expect(box.width).toBeGreaterThan(0);
      expect(box.width).toBeLessThanOrEqual(mainWidth);
      await screenshot(page, options.javaScriptEnabled === false ? 'images-seed-375-no-js' : 'images-seed-1280-largest');
      expect(session.problems.foreignRequests).toEqual([]);
      session.expectNoProblems();
      await session.close();
    }
  });
});
