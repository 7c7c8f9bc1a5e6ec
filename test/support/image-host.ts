/**
 * A host of images on 127.0.0.1 for the image tests (build and browser): real images generated
 * with sharp, and the hostile ones a source might name. Started by the test, stopped by its handle.
 * Also used by the bench (scripts/bench/images.mjs).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** A photo-like JPEG (a gradient, so it does not compress to nothing). */
export async function photo(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      pixels[at] = (x * 255) / width;
      pixels[at + 1] = (y * 255) / height;
      pixels[at + 2] = ((x ^ y) & 0xff) / 2;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

/** A PNG with transparency. */
export function transparentPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 11, g: 61, b: 107, alpha: 0.5 } } }).png().toBuffer();
}

/** A real 1 × 1 PNG whose header says it is `width` × `height`: a decompression bomb. */
export async function bomb(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer());
  // The IHDR chunk: its length (4), type (4), then width and height; its CRC follows its 13 bytes.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

export const SVG_WITH_SCRIPT =
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script><image href="http://127.0.0.1:9/x.png" width="100" height="100"/><rect width="100" height="100"/></svg>';

export interface ImageHost {
  origin: string;
  /** Requests answered, by path. */
  requests: string[];
  stop(): Promise<void>;
}

export type Route = { type: string; body: Buffer | string } | { status: number } | 'hang';

/** Serves `routes` (path → what to answer); anything else is a 404. */
export async function startImageHost(routes: Record<string, Route>): Promise<ImageHost> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const route = routes[path];
    if (route === 'hang') {
      // Headers and a first byte, then nothing: a response too slow to finish.
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.write(Buffer.from([0xff, 0xd8]));
      return;
    }
    if (!route || 'status' in route) {
      res.writeHead(route && 'status' in route ? route.status : 404, { 'content-type': 'text/plain' });
      res.end('not here');
      return;
    }
    res.writeHead(200, { 'content-type': route.type, 'access-control-allow-origin': '*' });
    res.end(route.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * A copy of the sample (sample/ and its site file) in `dir` whose seed release opens with a photo
 * at `photoUrl`, its images `images` ("self": served from the site). Returns the site file's path,
 * for BULLETIN_SITE.
 */
export function sampleWithPhoto(dir: string, { root, seedId, photoUrl, alt, images }: { root: string; seedId: string; photoUrl: string; alt: string; images: 'self' | 'remote' }): string {
  cpSync(join(root, 'sample'), join(dir, 'sample'), { recursive: true });
  const feedFile = join(dir, 'sample', 'feed.json');
  const feed = JSON.parse(readFileSync(feedFile, 'utf8')) as { items: { id: string; content_html?: string }[] };
  const seed = feed.items.find((item) => item.id === seedId);
  if (!seed?.content_html) throw new Error(`${seedId} is not in sample/feed.json`);
  seed.content_html = `<p><img src="${photoUrl}" alt="${alt}"></p>${seed.content_html}`;
  writeFileSync(feedFile, JSON.stringify(feed));
  const siteFile = join(dir, 'images.site.json');
  writeFileSync(siteFile, JSON.stringify({ ...(JSON.parse(readFileSync(join(root, 'bulletin.site.json'), 'utf8')) as object), images }));
  return siteFile;
}

/** Runs `work` with the environment variables `env` set, as they were afterwards. */
export async function withEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
    }
  }
}
