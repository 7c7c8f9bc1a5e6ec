/**
 * Search over the 10,000-item build (BENCH_ONLY=search): the index file the build wrote
 * (search-index.json) in bytes, raw and gzip -9; the time to index it (MiniSearch, as the search
 * page does once the file is in); and the median time per query over a fixed set of queries
 * (every query run `runs` times, a third of them with a filter; each with its first 20 results
 * marked, as the page does), in Node, through the app's own engine (src/search/engine.ts). The
 * process's CPU time per query is given beside: on a shared machine it says what the query costs. The target: median per query <= 50 ms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { importTs, log, summary } from './lib.mjs';

/** What readers type: whole words, prefixes (the last word), two words, a typo, no match. */
export const QUERIES = [
  'burglary', 'patrols', 'community safety', 'youth project', 'neighbourhood officers', 'burg', 'commi', 'vehicle crime',
  'rural', 'funding scheme', 'victims support', 'school', 'inspection report', 'awareness campaign', 'burglery',
  'comunity', 'police commissioner', 'housing', 'zebra', 'partnership council',
];

/** Results the page marks at first (src/search/SearchPage.tsx, RESULTS_STEP). */
const RESULTS_SHOWN = 20;

export async function measureSearch(dir, runs) {
  const file = join(dir, 'search-index.json');
  const text = readFileSync(file);
  const bytes = { raw: text.length, gzip: gzipSync(text, { level: 9 }).length };
  const { createEngine, highlight } = await importTs('src/search/engine.ts');
  // What the page does for each query: the results, and the first page of them marked.
  const run = (q, filters) => {
    const found = engine.search(q, filters);
    for (const hit of found.slice(0, RESULTS_SHOWN)) highlight(hit);
    return found;
  };
  const { readSearchIndex } = await importTs('src/search/documents.ts');
  const parsedAt = performance.now();
  const index = readSearchIndex(JSON.parse(text.toString('utf8')));
  if (!index) throw new Error('search-index.json is not an index this version reads');
  const parseMs = performance.now() - parsedAt;
  const indexTimes = [];
  let engine = null;
  for (let i = 0; i < Math.max(1, runs); i++) {
    const started = performance.now();
    engine = createEngine(index);
    indexTimes.push(performance.now() - started);
  }
  // One discarded pass (the engine's first queries warm the JIT), then the timed ones.
  for (const q of QUERIES) run(q);
  const times = [];
  const cpu = [];
  const hits = {};
  const filters = { area: 'stockton', kind: 'news', year: '' };
  for (let r = 0; r < Math.max(1, runs); r++) {
    for (const [i, q] of QUERIES.entries()) {
      const filtered = i % 3 === 0;
      const cpuStart = process.cpuUsage();
      const started = performance.now();
      const found = run(q, filtered ? filters : undefined);
      times.push(performance.now() - started);
      cpu.push(process.cpuUsage(cpuStart).user / 1000);
      hits[filtered ? `${q} (Stockton, news)` : q] = found.length;
    }
  }
  const result = { items: index.docs.length, bytes, parseMs, indexMs: summary(indexTimes), queryMs: summary(times), queryCpuMs: summary(cpu), queries: times.length, hits };
  log(`search: ${index.docs.length} items; index file ${bytes.raw} B raw, ${bytes.gzip} B gzip; indexed in ${result.indexMs.median?.toFixed(0)} ms; median query ${result.queryMs.median?.toFixed(2)} ms over ${times.length}`);
  return result;
}
