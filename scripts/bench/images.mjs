/**
 * Image bytes of the seed release with a photo at the top of its body (a 2400 × 1600 JPEG made
 * with sharp, on a host of its own at 127.0.0.1). Before: the original, which a build with
 * `"images": "remote"` leaves the reader's browser to fetch from that host, whatever the screen
 * (its size as served). After: what the browser fetches from a build with `"images": "self"`
 * (build/images.ts), at 375 and 1280 px wide (device pixel ratio 1), counted from the responses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBuilder } from 'vite';
import { importTs, log, median, ROOT, seedRelease } from './lib.mjs';
import { freshContext } from './pages.mjs';
import { startServer } from './server.mjs';

const ALT = 'A photo added to the seed release for the benchmark';
const WIDTHS = [375, 1280];

async function imageBytesAt(browser, origin, path, width) {
  const context = await freshContext(browser, origin, { viewport: { width, height: 800 } });
  try {
    const page = await context.newPage();
    const responses = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'image') responses.push(response);
    });
    await page.goto(path);
    const img = page.locator(`main img[alt="${ALT}"]`);
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction((alt) => {
      const el = document.querySelector(`main img[alt="${alt}"]`);
      return el !== null && el.complete && el.naturalWidth > 0;
    }, ALT);
    const shown = await img.evaluate((el) => ({ currentSrc: el.currentSrc, naturalWidth: el.naturalWidth }));
    let bytes = 0;
    for (const r of responses) bytes += (await r.body()).length;
    return { bytes, files: responses.map((r) => new URL(r.url()).pathname), ...shown };
  } finally {
    await context.close();
  }
}

export async function measureImages(browser, runs) {
  const { photo, sampleWithPhoto, startImageHost, withEnv } = await importTs('test/support/image-host.ts');
  const seed = await seedRelease();
  const original = await photo(2400, 1600);
  const host = await startImageHost({ '/media/photo.jpg': { type: 'image/jpeg', body: original } });
  const work = mkdtempSync(join(tmpdir(), 'bulletin-bench-images-'));
  let server = null;
  try {
    const outDir = join(work, 'dist');
    const siteFile = sampleWithPhoto(work, { root: ROOT, seedId: seed.id, photoUrl: `${host.origin}/media/photo.jpg`, alt: ALT, images: 'self' });
    log('images: building the sample with a photo in the seed release ("images": "self")');
    await withEnv({ BULLETIN_SITE: siteFile }, async () => {
      const builder = await createBuilder({ root: ROOT, mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true } });
      await builder.buildApp();
    });
    server = await startServer(outDir);
    const out = { original: { width: 2400, height: 1600, bytes: original.length }, widths: {} };
    for (const width of WIDTHS) {
      const loads = [];
      for (let i = 0; i < runs; i++) loads.push(await imageBytesAt(browser, server.origin, seed.path, width));
      out.widths[width] = { bytes: median(loads.map((l) => l.bytes)), files: loads[0].files, currentSrc: new URL(loads[0].currentSrc).pathname, naturalWidth: loads[0].naturalWidth };
      log(`images: at ${width} px, ${out.widths[width].bytes} B of images (${out.widths[width].files.join(', ')}); the original is ${original.length} B`);
    }
    return out;
  } finally {
    await server?.close();
    await host.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
