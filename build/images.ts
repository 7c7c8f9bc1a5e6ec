/**
 * Images from our own host (the site file's `"images": "self"`, the default; ../shared/FEED-FORMAT.md).
 *
 * Every image a source names (an item's `image` and `banner_image`, each `<img src>` of its
 * `content_html`) is fetched once at build time, checked by decoding it, resized to a few widths
 * as WebP with a JPEG (or, for an image with transparency, PNG) fallback, and written into the
 * build as `images/<key>-<width>.<ext>`, where the key is a hash of the fetched bytes and of how
 * they were encoded: the same name always holds the same bytes, so hosts cache the folder
 * immutably (build/headers.ts). The feed the build writes then names only those copies: an
 * `<img>` becomes a `<picture>` (WebP `<source>`, the fallback `<img>` with `srcset`, `sizes`,
 * `width` and `height`), `image` and `banner_image` the largest fallback copy. A reader's browser
 * never asks another host for an image, and the CSP says so (`img-src 'self'`, build/csp.ts).
 *
 * Hostile or broken images never reach a reader and never stop the build. An image that cannot
 * be fetched (network error, an answer other than 2xx, no answer in time, more bytes than the
 * limit) or is not a JPEG, PNG, WebP, AVIF or GIF when decoded (HTML, SVG, anything else: the
 * Content-Type is never trusted, and SVG is never served), or declares more pixels than the limit
 * (a decompression bomb), is left out: an `<img>` is replaced by its alt text, an `image` field
 * is dropped, and a warning names it. GIFs are served as their first frame.
 *
 * Resized copies are kept between builds in node_modules/.cache/bulletin-images, by the same key;
 * images are fetched every build (an address may serve new bytes).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import sharp from 'sharp';
import { escapeAttribute, escapeHtml } from './html.ts';
import { fetchBytes, type FetchLike } from './sources/fetch.ts';
import { SourceError, type JsonFeed, type JsonFeedItem, type Problem } from './sources/types.ts';

/** The folder of the build the copies are written to, and their address on the site. */
export const IMAGES_DIR = 'images';
/** The widths each image is resized to, capped at its own width. */
export const IMAGE_WIDTHS = [320, 640, 1024] as const;
const WIDEST = 1024;
/**
 * How wide a body image is shown (src/styles/main.css): `.prose` is at most 40em of the body's
 * 1.1875rem (760 px at the default text size; `sizes` counts an em as 16 px, so 47.5em), and on a
 * narrow screen the page's width less its 1rem margins.
 */
export const IMAGE_SIZES = '(min-width: 50em) 47.5em, calc(100vw - 2em)';

export const IMAGE_LIMITS = {
  /** Bytes of one fetched image; the download is stopped past it. */
  maxBytes: 15 * 1024 * 1024,
  /** Pixels one image may declare (width × height): more is a decompression bomb. */
  maxPixels: 40_000_000,
  /** Milliseconds for one image, from the request to its last byte. */
  timeoutMs: 15_000,
  /** Images fetched and resized at once. */
  concurrency: 4,
} as const;

/** The formats an image may decode as (sharp's names; AVIF is `heif` with AV1 compression). */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'heif']);
/** What is encoded, and how: part of every key, so a change of settings gives new names. */
const RECIPE = `v1 sharp ${sharp.versions.sharp ?? ''} webp q75, jpeg q80 mozjpeg, png 9; widths ${IMAGE_WIDTHS.join(' ')}`;

export interface ImageOptions {
  fetch?: FetchLike;
  timeoutMs?: number;
  maxBytes?: number;
  maxPixels?: number;
  concurrency?: number;
  /** Where resized copies are kept between builds; null keeps none. Default node_modules/.cache/bulletin-images. */
  cacheDir?: string | null;
}

/** One image as the build serves it. */
export interface Served {
  /** Root-relative addresses, narrowest first. */
  webp: { url: string; width: number }[];
  fallback: { url: string; width: number }[];
  /** Of the widest copy. */
  width: number;
  height: number;
}

export interface SelfHosted {
  feed: JsonFeed;
  /** One warning for each place an image was left out. */
  problems: Problem[];
  /** Addresses served from the build, and addresses left out. */
  served: number;
  failed: number;
}

type Outcome = { ok: true; image: Served } | { ok: false; reason: string };

/** Widths to make for an image this wide: the standard ones below it, and its own (at most the widest). */
export function widthsFor(width: number): number[] {
  const widest = Math.min(width, WIDEST);
  return [...IMAGE_WIDTHS.filter((w) => w < widest), widest];
}

const isHttp = (url: string) => /^https?:\/\//i.test(url);

/** Text that, past leading white space, opens with `<`: HTML, SVG or XML, whatever it is called. */
function looksLikeMarkup(bytes: Uint8Array): boolean {
  for (let i = 0; i < Math.min(bytes.length, 1024); i++) {
    const b = bytes[i];
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0xef || b === 0xbb || b === 0xbf) continue;
    return b === 0x3c;
  }
  return false;
}

interface Meta {
  width: number;
  height: number;
  alpha: boolean;
}

/** Decodes the header alone: what the image is, never what it says it is. */
async function inspect(bytes: Uint8Array, maxPixels: number): Promise<Meta | string> {
  if (looksLikeMarkup(bytes)) return 'it is not an image (it is text such as HTML or SVG)';
  let meta;
  try {
    meta = await sharp(bytes, { limitInputPixels: maxPixels }).metadata();
  } catch (e) {
    // sharp refuses to open an image that declares more pixels than the limit.
    if (e instanceof Error && /pixel limit/i.test(e.message)) return `it declares more pixels than the limit of ${Math.round(maxPixels / 1e6)} million`;
    return 'it is not an image that can be read';
  }
  const avif = meta.format === 'heif' && meta.compression === 'av1';
  if (!meta.format || !ACCEPTED.has(meta.format) || (meta.format === 'heif' && !avif)) {
    return `it is ${meta.format ? `a ${meta.format.toUpperCase()} file` : 'not an image'}, not a JPEG, PNG, WebP, AVIF or GIF`;
  }
  const { width, height } = meta.autoOrient;
  if (!width || !height) return 'it has no size';
  if (width * height > maxPixels) return `it is ${width} × ${height} pixels, more than the limit of ${Math.round(maxPixels / 1e6)} million`;
  return { width, height, alpha: meta.hasAlpha };
}

interface Made {
  width: number;
  height: number;
  files: { name: string; width: number; format: 'webp' | 'jpeg' | 'png' }[];
}

/** Encodes every copy of one image into `dir` (and the cache), or takes them from the cache. */
async function encode(bytes: Uint8Array, meta: Meta, maxPixels: number, dir: string, cacheDir: string | null): Promise<Made> {
  const key = createHash('sha256').update(RECIPE).update(bytes).digest('hex').slice(0, 20);
  const record = cacheDir ? join(cacheDir, `${key}.json`) : null;
  if (record && cacheDir && existsSync(record)) {
    try {
      const made = JSON.parse(readFileSync(record, 'utf8')) as Made;
      if (made.files.every((f) => existsSync(join(cacheDir, f.name)))) {
        for (const f of made.files) copyFileSync(join(cacheDir, f.name), join(dir, f.name));
        return made;
      }
    } catch {
      // A broken record is made again.
    }
  }
  const fallback = meta.alpha ? 'png' : 'jpeg';
  const files: Made['files'] = [];
  let height = meta.height;
  for (const width of widthsFor(meta.width)) {
    for (const format of ['webp', fallback] as const) {
      const pipeline = sharp(bytes, { limitInputPixels: maxPixels, autoOrient: true }).resize({ width, withoutEnlargement: true });
      const encoded = format === 'webp' ? pipeline.webp({ quality: 75 }) : format === 'jpeg' ? pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true }) : pipeline.png({ compressionLevel: 9 });
      const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
      const name = `${key}-${width}.${format === 'jpeg' ? 'jpg' : format}`;
      writeFileSync(join(dir, name), data);
      if (cacheDir) writeFileSync(join(cacheDir, name), data);
      files.push({ name, width: info.width, format });
      height = info.height;
    }
  }
  const made: Made = { width: files[files.length - 1]?.width ?? meta.width, height, files };
  if (record) writeFileSync(record, JSON.stringify(made));
  return made;
}

function served(made: Made): Served {
  const list = (formats: readonly string[]) => made.files.filter((f) => formats.includes(f.format)).map((f) => ({ url: `/${IMAGES_DIR}/${f.name}`, width: f.width }));
  return { webp: list(['webp']), fallback: list(['jpeg', 'png']), width: made.width, height: made.height };
}

/** Runs `work` over `inputs`, at most `limit` at once. */
async function pool<T, R>(inputs: readonly T[], limit: number, work: (input: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const i = next++;
      out[i] = await work(inputs[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker));
  return out;
}

type ParsedBody = ReturnType<typeof parseBody>;

/** Every image address a feed's items name, each once (http(s) only; anything else is left out), and each body's images as parsed. */
export function imageAddresses(feed: JsonFeed, parsed = new Map<string, ParsedBody>()): string[] {
  const found = new Set<string>();
  for (const item of feed.items) {
    for (const url of [item.image, item.banner_image]) if (url && isHttp(url)) found.add(url);
    const html = item.content_html;
    if (html && /<(img|source)/i.test(html)) {
      const body = parsed.get(html) ?? parseBody(html);
      parsed.set(html, body);
      for (const { src } of body.images) if (src && isHttp(src)) found.add(src);
    }
  }
  return [...found];
}

interface BodyImage {
  src: string | null;
  alt: string;
  /** Attributes other than those the copy sets, as written. */
  kept: [string, string][];
  inPicture: boolean;
  start: number;
  end: number;
}

/** The `<img>` and `<source>` elements of a body, with where each is in the text. */
function parseBody(html: string): { images: BodyImage[]; sources: { start: number; end: number }[] } {
  const dom = new JSDOM(`<!doctype html><body>${html}`, { includeNodeLocations: true });
  const offset = '<!doctype html><body>'.length;
  try {
    const doc = dom.window.document;
    const at = (node: Element) => {
      const loc = dom.nodeLocation(node);
      return loc ? { start: loc.startOffset - offset, end: loc.endOffset - offset } : null;
    };
    const images = [...doc.querySelectorAll('img')].flatMap((img): BodyImage[] => {
      const where = at(img);
      if (!where || where.start < 0) return [];
      const replaced = new Set(['src', 'srcset', 'sizes', 'width', 'height', 'alt', 'loading', 'decoding']);
      return [{
        src: img.getAttribute('src')?.trim() || null,
        alt: img.getAttribute('alt') ?? '',
        // Only attributes with plain names are written again (the sanitiser judges them as ever).
        kept: [...img.attributes].filter((a) => !replaced.has(a.name) && /^[a-z][a-z0-9-]*$/i.test(a.name)).map((a) => [a.name, a.value]),
        inPicture: img.parentElement?.localName === 'picture',
        ...where,
      }];
    });
    const sources = [...doc.querySelectorAll('source')].flatMap((s) => at(s) ?? []).filter((w) => w.start >= 0);
    return { images, sources };
  } finally {
    dom.window.close();
  }
}

const srcset = (list: Served['webp']) => list.map((c) => `${c.url} ${c.width}w`).join(', ');

/** The markup of one served image in a body. */
export function pictureHtml(image: Served, { alt, kept = [], inPicture = false }: { alt: string; kept?: [string, string][]; inPicture?: boolean }): string {
  const widest = image.fallback[image.fallback.length - 1];
  if (!widest) return '';
  const attrs = [
    ['src', widest.url], ['srcset', srcset(image.fallback)], ['sizes', IMAGE_SIZES],
    ['width', String(image.width)], ['height', String(image.height)], ['alt', alt], ...kept,
  ].map(([name, value]) => ` ${name}="${escapeAttribute(value ?? '')}"`).join('');
  const source = `<source type="image/webp" srcset="${escapeAttribute(srcset(image.webp))}" sizes="${escapeAttribute(IMAGE_SIZES)}">`;
  const img = `<img${attrs}>`;
  return inPicture ? `${source}${img}` : `<picture>${source}${img}</picture>`;
}

/** A body with every `<img>` served from the site, or replaced by its alt text; no `<source>` of the source's own is kept. */
function rewriteBody(html: string, body: ParsedBody | undefined, outcomes: ReadonlyMap<string, Outcome>, report: (src: string | null, reason: string) => void): string {
  if (!body) return html;
  const { images, sources } = body;
  const edits = [
    ...sources.map((s) => ({ ...s, text: '' })),
    ...images.map((img) => {
      const outcome = img.src ? outcomes.get(img.src) : undefined;
      if (outcome?.ok) return { ...img, text: pictureHtml(outcome.image, img) };
      report(img.src, outcome ? outcome.reason : img.src ? 'it is not an http(s) address' : 'it has no src');
      return { ...img, text: img.alt.trim() ? escapeHtml(img.alt) : '' };
    }),
  ].sort((a, b) => b.start - a.start);
  let out = html;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

async function fetchOne(url: string, dir: string, options: ImageOptions): Promise<Outcome> {
  const maxPixels = options.maxPixels ?? IMAGE_LIMITS.maxPixels;
  let bytes: Uint8Array;
  try {
    bytes = await fetchBytes(url, {
      fetch: options.fetch,
      timeoutMs: options.timeoutMs ?? IMAGE_LIMITS.timeoutMs,
      maxBytes: options.maxBytes ?? IMAGE_LIMITS.maxBytes,
      accept: 'image/avif, image/webp, image/png, image/jpeg, image/gif;q=0.9, */*;q=0.1',
    });
  } catch (e) {
    const message = e instanceof SourceError ? e.reason : e instanceof Error ? e.message : String(e);
    return { ok: false, reason: message.replace(/\.$/, '') };
  }
  try {
    const meta = await inspect(bytes, maxPixels);
    if (typeof meta === 'string') return { ok: false, reason: meta };
    const cacheDir = options.cacheDir === undefined ? resolve('node_modules/.cache/bulletin-images') : options.cacheDir;
    if (cacheDir) mkdirSync(cacheDir, { recursive: true });
    return { ok: true, image: served(await encode(bytes, meta, maxPixels, dir, cacheDir)) };
  } catch (e) {
    return { ok: false, reason: `it could not be resized (${e instanceof Error ? e.message.split('\n')[0] : String(e)})` };
  }
}

/**
 * Fetches and resizes every image the feed names into `outDir/images/`, and gives the feed with
 * every reference rewritten to the copies (or the image left out, with a warning). Never throws
 * for a bad image.
 */
export async function selfHostImages(feed: JsonFeed, outDir: string, options: ImageOptions = {}): Promise<SelfHosted> {
  const dir = join(outDir, IMAGES_DIR);
  const parsed = new Map<string, ParsedBody>();
  const addresses = imageAddresses(feed, parsed);
  // Always there with "self", so that hosts' upload steps can name it (docs/deploy.md).
  mkdirSync(dir, { recursive: true });
  const results = await pool(addresses, options.concurrency ?? IMAGE_LIMITS.concurrency, (url) => fetchOne(url, dir, options));
  const outcomes = new Map(addresses.map((url, i) => [url, results[i] as Outcome]));
  const problems: Problem[] = [];
  const items = feed.items.map((item): JsonFeedItem => {
    const warn = (field: string, url: string | null, reason: string) =>
      problems.push({ level: 'warning', source: url ?? '(no address)', item: item.title ?? item.id, field, message: `the image ${url ? `${url} ` : ''}was left out: ${reason}`, fix: 'publish the image as a JPEG, PNG, WebP, AVIF or GIF at an http(s) address that answers' });
    const out: JsonFeedItem = { ...item };
    for (const field of ['image', 'banner_image'] as const) {
      const url = item[field];
      if (!url) continue;
      const outcome = outcomes.get(url);
      const widest = outcome?.ok ? outcome.image.fallback[outcome.image.fallback.length - 1] : undefined;
      if (widest) out[field] = widest.url;
      else {
        out[field] = undefined;
        warn(field, url, outcome && !outcome.ok ? outcome.reason : 'it is not an http(s) address');
      }
    }
    if (item.content_html) out.content_html = rewriteBody(item.content_html, parsed.get(item.content_html), outcomes, (src, reason) => warn('content_html', src, reason));
    return out;
  });
  const failed = results.filter((r) => !r.ok).length;
  // A field left out is not written at all (JSON.stringify drops undefined; so does this copy).
  const written = items.map((item) => Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)) as unknown as JsonFeedItem);
  return { feed: { ...feed, items: written }, problems, served: results.length - failed, failed };
}
