#!/usr/bin/env node
/**
 * `npm run bench`: builds the production app, serves a private copy of the build, measures it in
 * Chromium and prints one table; all figures go to bench-results/latest.json (and a dated copy).
 * Method and latest figures: docs/performance.md.
 *
 * Environment:
 *   BENCH_RUNS=n          runs per figure (default 3); each figure is the median
 *   BENCH_ONLY=a,b        only some sections: bytes, lighthouse, scale
 *   BENCH_WARMUP=0        skip the discarded first Lighthouse run
 *   BENCH_ENCODING=gzip   what the server sends: gzip (default, level 9), br, identity
 *   BENCH_KEEP=1          keep the served copy of the build (its path is printed)
 *   CHROME_PATH           Chromium to use (default /usr/bin/chromium)
 *
 * Exits 0 when the benchmark ran, whether or not the targets are met; non-zero when it failed.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { buildApp } from './build.mjs';
import { CHROME_PATH, CHROMIUM_ARGS, REACT_FLOOR_GZIP, ROOT, log, runCount, sectionsToRun, summary } from './lib.mjs';
import { runLighthouse, stopAllChromium } from './lighthouse.mjs';
import { composition, findSeedPath, launchBrowser, makeStaticPeer, measureBytes } from './pages.mjs';
import { buildRows, formatTable, judge, machineInfo } from './report.mjs';
import { measureScale } from './scale.mjs';
import { startServer } from './server.mjs';

const started = Date.now();
const cleanups = [];
async function cleanup() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (error) {
      log(`cleanup: ${error.message}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function lighthouseSection(origin, seedPath, peerPath, runs) {
  const urls = { list: `${origin}/`, seed: `${origin}${seedPath}`, peer: `${origin}${peerPath}` };
  if (process.env.BENCH_WARMUP !== '0') {
    log('lighthouse: warm-up run (discarded)');
    await runLighthouse(urls.list);
  }
  const runsBy = { list: [], seed: [], peer: [] };
  const ratios = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved: the list, then the seed and its static peer back to back (a pair).
    for (const key of ['list', 'seed', 'peer']) {
      const r = await runLighthouse(urls[key]);
      runsBy[key].push(r);
      const s = r.scores;
      log(`lighthouse ${i + 1}/${runs} ${key}: perf ${s.performance} a11y ${s.accessibility} bp ${s['best-practices']} seo ${s.seo} LCP ${Math.round(r.metrics.lcp ?? NaN)} ms TBT ${Math.round(r.metrics.tbt ?? NaN)} ms${r.runtimeError ? ` ERROR ${r.runtimeError}` : ''}`);
    }
    const seed = runsBy.seed[i].metrics.lcp;
    const peer = runsBy.peer[i].metrics.lcp;
    ratios.push(seed != null && peer ? seed / peer : null);
  }
  const fold = (list, label, path) => {
    const errors = list.filter((r) => r.runtimeError).map((r) => r.runtimeError);
    if (errors.length === list.length) throw new Error(`Every Lighthouse run on ${path} failed: ${errors.join(', ')}`);
    const ok = list.filter((r) => !r.runtimeError);
    const cat = (c) => summary(list.map((r) => (r.runtimeError ? null : r.scores[c])));
    const met = (m) => summary(list.map((r) => (r.runtimeError ? null : r.metrics[m])));
    return {
      label,
      path,
      scores: Object.fromEntries(['performance', 'accessibility', 'best-practices', 'seo'].map((c) => [c, cat(c)])),
      metrics: Object.fromEntries(['fcp', 'lcp', 'tbt', 'cls', 'si', 'tti'].map((m) => [m, met(m)])),
      lcpElement: ok[0]?.lcp.element ?? null,
      lcpPhases: ok.map((r) => r.lcp.phases),
      layoutShifts: ok.map((r) => r.layoutShifts),
      bootup: ok.map((r) => r.bootup),
      mainThread: summary(ok.map((r) => r.mainThread)),
      shortfalls: ok.map((r) => r.shortfalls),
      benchmarkIndex: summary(list.map((r) => r.benchmarkIndex)),
      errors,
      runWarnings: [...new Set(list.flatMap((r) => r.runWarnings))],
    };
  };
  const any = runsBy.list.find((r) => !r.runtimeError) ?? runsBy.list[0];
  return {
    lighthouseVersion: any.lighthouseVersion,
    settings: { formFactor: any.formFactor, throttlingMethod: any.throttlingMethod, throttling: any.throttling, userAgent: any.userAgent },
    runs,
    pages: { list: fold(runsBy.list, '/', '/'), seed: fold(runsBy.seed, 'the seed release', seedPath) },
    peer: fold(runsBy.peer, 'static seed', peerPath),
    ratio: summary(ratios),
  };
}

/** Lighthouse's CPU benchmark over every run: median (min - max). A wide spread means a busy machine. */
function benchmarkLine(lh) {
  const all = [lh.pages.list, lh.pages.seed, lh.peer].flatMap((p) => p.benchmarkIndex.runs).filter(Number.isFinite);
  const s = summary(all);
  return s.median == null ? 'n/a' : `median ${Math.round(s.median)} (${Math.round(s.min)} - ${Math.round(s.max)})`;
}

async function main() {
  if (!existsSync(CHROME_PATH)) throw new Error(`No Chromium at ${CHROME_PATH}: install it (apt-get install chromium) or set CHROME_PATH.`);
  const sections = sectionsToRun();
  const runs = runCount();
  log(`sections: ${sections.join(', ')}; ${runs} run(s) per figure; ${os.cpus().length} cores, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);

  log('building (vite build, into a private directory)');
  const build = await buildApp();
  if (process.env.BENCH_KEEP === '1') log(`served copy kept at ${build.outDir}`);
  else cleanups.push(() => rmSync(build.outDir, { recursive: true, force: true }));
  log(`built in ${build.seconds.toFixed(1)} s`);

  cleanups.push(() => stopAllChromium());
  const server = await startServer(build.outDir);
  cleanups.push(() => server.close());
  log(`serving ${build.outDir} at ${server.origin} (Content-Encoding: ${server.encoding})`);

  const results = { bytes: null, lighthouse: null, scale: null };
  let browser = await launchBrowser();
  cleanups.push(() => browser?.close());
  const browserVersion = browser.version();
  const machine = machineInfo(browserVersion);

  const seedPath = await findSeedPath(browser, server.origin);
  log(`seed release: ${seedPath}`);
  let peer = null;
  if (sections.includes('lighthouse')) {
    peer = await makeStaticPeer(browser, server.origin, seedPath, build.outDir);
    log(`static peer: ${peer.path} (${peer.bytes} bytes; removed ${peer.removed.length} elements; ${peer.styleAttributes} style attributes)`);
  }
  if (sections.includes('bytes')) {
    log('bytes: recording JS and CSS responses');
    results.bytes = await measureBytes(
      browser,
      server.origin,
      [
        { key: 'list', path: '/', list: true },
        { key: 'seed', path: seedPath, list: false },
      ],
      runs,
    );
    for (const key of ['list', 'seed']) results.bytes[key].composition = composition(results.bytes[key], build.chunks);
    log(`bytes: / JS ${results.bytes.list.js.gzip} B gzip; seed JS ${results.bytes.seed.js.gzip} B gzip`);
  }
  if (sections.includes('scale')) {
    results.scale = await measureScale(browser, server, runs);
  }
  await browser.close();
  browser = null;

  if (sections.includes('lighthouse')) {
    results.lighthouse = await lighthouseSection(server.origin, seedPath, peer.path, runs);
    results.lighthouse.peerPage = peer;
  }

  const targets = judge(results);
  const rows = buildRows(results, targets);
  const date = new Date();
  const seconds = (Date.now() - started) / 1000;
  machine.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const title = [
    `Bulletin benchmark, ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC: median of ${runs} run(s) each; ${seconds.toFixed(0)} s in all`,
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, ${machine.os}; Node ${machine.node}; ${machine.chromium}; load ${machine.loadAverageAtStart.join(' ')} at start`,
    `Bytes: bodies of every script/stylesheet response (fresh context, no cache, service worker blocked), compressed here (gzip -9, brotli 11); KB = 1,000 bytes.`,
    `Served by one local static server with Content-Encoding: ${server.encoding}. Scale: no throttling, times from navigation start.`,
    results.lighthouse
      ? `Lighthouse ${results.lighthouse.lighthouseVersion} mobile (simulated slow 4G, 4x CPU), runs interleaved list/seed/static; benchmarkIndex ${benchmarkLine(results.lighthouse)}; load ${machine.loadAverageAtEnd.join(' ')} at end`
      : `Load ${machine.loadAverageAtEnd.join(' ')} at end.`,
  ].join('\n');
  const table = formatTable(rows, title);

  const report = {
    date: date.toISOString(),
    seconds,
    runs,
    sections,
    machine,
    method: {
      build: 'vite build --mode production into a private temporary directory',
      server: `node http static server on 127.0.0.1, SPA fallback, Content-Encoding ${server.encoding}`,
      chromiumArgs: CHROMIUM_ARGS,
      reactFloorGzip: REACT_FLOOR_GZIP,
    },
    seedPath,
    results,
    targets,
    table,
  };
  const dir = join(ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const stamp = date.toISOString().replace(/[:.]/g, '-');
  writeFileSync(join(dir, `bench-${stamp}.json`), json);
  writeFileSync(join(dir, 'latest.json'), json);

  process.stdout.write(`\n${table}\n\nTargets met: ${targets.filter((t) => t.met).length} of ${targets.length}. Figures: bench-results/latest.json (and bench-${stamp}.json)\n`);
}

try {
  await main();
  await cleanup();
  process.exit(0);
} catch (error) {
  process.stderr.write(`\nbench failed: ${error?.stack ?? error}\n`);
  await cleanup();
  process.exit(1);
}
