/**
 * A small static server for the benchmark: serves one directory (a private copy of the build) on
 * 127.0.0.1 and a free port, serving prerendered pages at their clean address (/news/<slug> →
 * news/<slug>/index.html) and with SPA fallback (any other path without a file extension gets
 * index.html), and with the same Content-Encoding for every page and every run (gzip -9 by
 * default, as a static host would send it; BENCH_ENCODING=br or identity to change). A file is
 * compressed on its first request and the result kept in memory (the scale feeds before any run),
 * so every later load, and every measured one after the discarded warm-ups, costs no compressing.
 *
 * `setOverrides(map)` serves generated documents (the scale feeds, the app's page) at given paths
 * in place of the files.
 */
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|feed\+json|javascript)|image\/svg)/;

export function encodingMode() {
  const mode = (process.env.BENCH_ENCODING ?? 'gzip').toLowerCase();
  if (!['gzip', 'br', 'identity'].includes(mode)) throw new Error(`BENCH_ENCODING must be gzip, br or identity (got ${mode})`);
  return mode;
}

export function gzip9(buffer) {
  return gzipSync(buffer, { level: 9 });
}
export function brotliMax(buffer) {
  return brotliCompressSync(buffer, {
    params: { [zc.BROTLI_PARAM_QUALITY]: zc.BROTLI_MAX_QUALITY, [zc.BROTLI_PARAM_SIZE_HINT]: buffer.length },
  });
}

/** An entry the server can send: the body and its compressed copies, made when first needed. */
export function makeEntry(body, type) {
  const entry = { body: Buffer.isBuffer(body) ? body : Buffer.from(body), type, gzip: null, br: null };
  return entry;
}

function encoded(entry, mode) {
  if (mode === 'gzip') return (entry.gzip ??= gzip9(entry.body));
  if (mode === 'br') return (entry.br ??= brotliMax(entry.body));
  return entry.body;
}

/** Compresses an entry now (so that a later request is not slowed by it). */
export function precompress(entry) {
  const mode = encodingMode();
  if (mode !== 'identity' && COMPRESSIBLE.test(entry.type) && entry.body.length > 1024) encoded(entry, mode);
  return entry;
}

/** Key of setOverrides' map for the page served at every address of the app (/, /news/<slug>, …). */
export const APP_PAGE = '(app page)';

export async function startServer(dir) {
  const mode = encodingMode();
  const files = new Map(); // path on disk -> { mtimeMs, size, entry }
  let overrides = new Map();

  function fileEntry(path) {
    let st;
    try {
      st = statSync(path);
    } catch {
      return null;
    }
    if (!st.isFile()) return null;
    const cached = files.get(path);
    if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size) return cached.entry;
    const entry = makeEntry(readFileSync(path), TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream');
    files.set(path, { mtimeMs: st.mtimeMs, size: st.size, entry });
    return entry;
  }

  function resolve(urlPath) {
    if (overrides.has(urlPath)) return { entry: overrides.get(urlPath), cache: 'no-cache' };
    // An override of the app's page: every address of the app (no file extension) gets it.
    if (overrides.has(APP_PAGE) && !extname(urlPath)) return { entry: overrides.get(APP_PAGE), cache: 'no-cache' };
    const rel = normalize(urlPath).replace(/^([/\\])+/, '');
    const full = join(dir, rel);
    if (full !== dir && !full.startsWith(dir + sep)) return null;
    if (urlPath === '/' || urlPath === '') return { entry: fileEntry(join(dir, 'index.html')), cache: 'no-cache' };
    const entry = fileEntry(full);
    if (entry) {
      const cache = urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      return { entry, cache };
    }
    // A prerendered page (/news/<slug>/ → news/<slug>/index.html), as every static host serves it.
    if (!extname(urlPath)) {
      const page = fileEntry(join(full, 'index.html'));
      if (page) return { entry: page, cache: 'no-cache' };
    }
    // SPA fallback: any other address of the app (no file extension) gets the app.
    if (!extname(urlPath)) return { entry: fileEntry(join(dir, 'index.html')), cache: 'no-cache' };
    return null;
  }

  const server = createServer((req, res) => {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const found = resolve(urlPath);
    if (!found || !found.entry) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const { entry, cache } = found;
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const compressible = COMPRESSIBLE.test(entry.type) && entry.body.length > 1024;
    const useMode =
      compressible && mode !== 'identity' && new RegExp(`\\b${mode}\\b`).test(accepts) ? mode : 'identity';
    const body = encoded(entry, useMode);
    const headers = {
      'Content-Type': entry.type,
      'Content-Length': body.length,
      'Cache-Control': cache,
      'X-Content-Type-Options': 'nosniff',
    };
    if (compressible) headers.Vary = 'Accept-Encoding';
    if (useMode !== 'identity') headers['Content-Encoding'] = useMode;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  server.keepAliveTimeout = 5000;

  await new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolvePromise());
  });
  const { port } = server.address();
  return {
    dir,
    origin: `http://127.0.0.1:${port}`,
    encoding: mode,
    /** Map of URL path (or APP_PAGE) -> entry (from makeEntry), served before any file; null restores the files. */
    setOverrides(map) {
      overrides = map ?? new Map();
    },
    close() {
      return new Promise((resolvePromise) => {
        server.closeAllConnections?.();
        server.close(() => resolvePromise());
      });
    },
  };
}
