/**
 * Shared constants and small helpers for `npm run bench` (see docs/performance.md).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export { CHROME_PATH, CHROMIUM_ARGS } from '../lib/chromium.mjs';

const modules = new Map();

/**
 * A TypeScript module of the repository, loaded once through Vite's module runner: the app's own
 * code (src/config/paths.ts, src/lib/slug.ts) and the tests' seed fixture (test/support/seed.ts).
 */
export function importTs(path) {
  if (!modules.has(path)) {
    modules.set(path, runnerImport(join(ROOT, path), { root: ROOT, configFile: false, logLevel: 'error' }).then((r) => r.module));
  }
  return modules.get(path);
}

/** The seed release's facts (its title and address), as the tests know them. */
export async function seedRelease() {
  return (await importTs('test/support/seed.ts')).SEED;
}

/**
 * The links of the item lists (each a list named by aria-label: "Latest news", …), for checks
 * that run inside the page; Playwright code finds them by role and name instead.
 */
export const ITEM_LINKS = 'main ul[aria-label] li a';

/** Bare React + ReactDOM hello world, vite build, all JS, gzip -9 (../shared/TOOLCHAIN.md). */
export const REACT_FLOOR_GZIP = 67_673;

/** How many runs each figure is the median of (BENCH_RUNS, at least 1). */
export function runCount() {
  const n = Number.parseInt(process.env.BENCH_RUNS ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? n : 3;
}

export const SECTIONS = ['bytes', 'lighthouse', 'scale', 'build', 'images', 'search'];

/**
 * The Lighthouse cases: `/`, the seed release, `/events/`, a release on the last feed page of the
 * 10,000-item build, `/` for a returning reader (stored postcode and Largest text). Every case
 * but `list` runs beside its static peer.
 */
export const LIGHTHOUSE_CASES = ['list', 'seed', 'events', 'last-page', 'returning'];

function onlyTokens() {
  const tokens = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const t of tokens) {
    const [section, sub] = t.split(':');
    if (!SECTIONS.includes(section) || (sub !== undefined && (section !== 'lighthouse' || !LIGHTHOUSE_CASES.includes(sub)))) {
      throw new Error(`BENCH_ONLY: unknown "${t}"; use ${SECTIONS.join(', ')} or lighthouse:<${LIGHTHOUSE_CASES.join('|')}>`);
    }
  }
  return tokens;
}

/** BENCH_ONLY=bytes,lighthouse,scale,build runs a subset (for working on the bench itself); lighthouse:<case> counts as lighthouse. */
export function sectionsToRun() {
  const only = onlyTokens().map((t) => t.split(':')[0]);
  return only.length ? SECTIONS.filter((s) => only.includes(s)) : SECTIONS;
}

/** The Lighthouse cases to run: all of them, unless BENCH_ONLY names some (lighthouse:events,lighthouse:returning). */
export function lighthouseCasesToRun() {
  const tokens = onlyTokens();
  if (tokens.length === 0 || tokens.includes('lighthouse')) return LIGHTHOUSE_CASES;
  const named = tokens.filter((t) => t.startsWith('lighthouse:')).map((t) => t.split(':')[1]);
  return LIGHTHOUSE_CASES.filter((c) => named.includes(c));
}

/** Whether BENCH_RUNS was given (the 10,000-item build is timed once unless it asks for more). */
export function runsGiven() {
  return Number.isFinite(Number.parseInt(process.env.BENCH_RUNS ?? '', 10));
}

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** { median, min, max, runs } of a list of numbers (non-numbers ignored). */
export function summary(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x));
  return {
    median: median(v),
    min: v.length ? Math.min(...v) : null,
    max: v.length ? Math.max(...v) : null,
    runs: values,
  };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function log(message) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Bytes as "104.7 KB" (1 KB = 1,000 bytes, as in the 67.7 KB floor). */
export function kb(bytes) {
  return bytes == null ? 'n/a' : `${(bytes / 1000).toFixed(1)} KB`;
}

export function ms(value) {
  return value == null ? 'n/a' : `${Math.round(value).toLocaleString('en-GB')} ms`;
}

export function mb(bytes) {
  return bytes == null ? 'n/a' : `${(bytes / 1e6).toFixed(1)} MB`;
}
