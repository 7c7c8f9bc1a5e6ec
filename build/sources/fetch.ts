/**
 * Reads one source document, a path or an http(s) URL, within a time limit and a byte limit
 * (a document over the limit is refused before it is parsed, and a download is stopped as soon
 * as it passes the limit). Every failure is a SourceError naming the source and the reason.
 */
import { open } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SourceError } from './types.ts';

export type FetchLike = (input: string, init?: { signal?: AbortSignal; headers?: Record<string, string> }) => Promise<Response>;

export interface FetchOptions {
  fetch?: FetchLike;
  /** Default 20 s. */
  timeoutMs?: number;
  /** Default 32 MB: a single file of 10,000 releases is about 12 MB. */
  maxBytes?: number;
  /** Relative paths resolve against this; default process.cwd(). */
  cwd?: string;
}

export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 20_000;

export interface Fetched {
  /** Absolute URL (http(s) or file:) the document was read from: relative links resolve against it. */
  url: string;
  text: string;
}

/** A path or URL as an absolute URL string: http(s) stays, a path becomes a file: URL. */
export function locationUrl(location: string, cwd = process.cwd()): string {
  if (/^https?:\/\//i.test(location) || /^file:/i.test(location)) return new URL(location).href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(location) && !/^[a-z]:[\\/]/i.test(location)) {
    throw new SourceError(location, 'only a file path or an http(s) URL can be read.');
  }
  return pathToFileURL(isAbsolute(location) ? location : resolve(cwd, location)).href;
}

const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

function decode(bytes: Uint8Array): string {
  // The XML declaration may name another encoding; JSON and iCalendar are UTF-8.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  let label = 'utf-8';
  if (declared) {
    try {
      new TextDecoder(declared);
      label = declared;
    } catch {
      label = 'utf-8';
    }
  }
  return new TextDecoder(label).decode(bytes);
}

async function readFile(url: string, shown: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(fileURLToPath(url), 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SourceError(shown, code === 'ENOENT' ? 'no such file.' : `the file cannot be read (${code ?? String(e)}).`);
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw new SourceError(shown, `the document is ${megabytes(size)}, more than the limit of ${megabytes(maxBytes)}.`);
    const bytes = new Uint8Array(size);
    await handle.read(bytes, 0, size, 0);
    return bytes;
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(shown, `the file cannot be read (${(e as Error).message}).`);
  } finally {
    await handle.close();
  }
}

async function readBody(response: Response, shown: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new SourceError(shown, `the document is ${megabytes(declared)}, more than the limit of ${megabytes(maxBytes)}.`);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new SourceError(shown, `the document is more than the limit of ${megabytes(maxBytes)}.`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const SOURCE_ACCEPT = 'application/feed+json, application/json, application/rss+xml, application/atom+xml, application/xml, text/calendar, */*;q=0.5';

async function readHttp(url: string, options: FetchOptions, maxBytes: number, accept = SOURCE_ACCEPT): Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Response;
    try {
      response = await doFetch(url, { signal: controller.signal, headers: { accept } });
    } catch (e) {
      if (controller.signal.aborted) throw new SourceError(url, `no answer within ${timeoutMs / 1000} s.`);
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new SourceError(url, `cannot be fetched (${cause?.code ?? cause?.message ?? (e as Error).message}).`);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new SourceError(url, `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
    }
    try {
      return await readBody(response, url, maxBytes);
    } catch (e) {
      if (e instanceof SourceError) throw e;
      if (controller.signal.aborted) throw new SourceError(url, `not fully received within ${timeoutMs / 1000} s.`);
      throw new SourceError(url, `the download failed (${(e as Error).message}).`);
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a document from an absolute http(s) or file: URL (see locationUrl). */
export async function fetchDocument(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const isFile = url.startsWith('file:');
  const shown = isFile ? fileURLToPath(url) : url;
  const bytes = isFile ? await readFile(url, shown, maxBytes) : await readHttp(url, options, maxBytes);
  return { url, text: decode(bytes) };
}

/**
 * The bytes at an http(s) URL, within the same time and byte limits as a source document (a
 * SourceError otherwise): how the build fetches the images a source names (build/images.ts).
 */
export async function fetchBytes(url: string, options: FetchOptions & { accept?: string } = {}): Promise<Uint8Array> {
  return readHttp(url, options, options.maxBytes ?? DEFAULT_MAX_BYTES, options.accept);
}
