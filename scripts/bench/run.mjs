#!/usr/bin/env node
/**
 * `npm run bench`: builds the production app, serves a private copy of the build, measures it in
 * Chromium and prints one table; all figures go to bench-results/latest.json (and a dated copy).
 * Method and latest figures: docs/performance.md.
 *
 * Environment:
 *   BENCH_RUNS=n          runs per figure (default 3); each figure is the median
 *   BENCH_ONLY=a,b        only some sections: bytes, lighthouse, scale, build, images, search; or some Lighthouse
 *                         cases: lighthouse:list, lighthouse:seed, lighthouse:events,
 *                         lighthouse:last-page, lighthouse:returning
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
import { BUILD_SIZES, bigBuild, buildGrowth, lastPageRelease, measureBuilds } from './builds.mjs';
import { CHROME_PATH, CHROMIUM_ARGS, REACT_FLOOR_GZIP, ROOT, importTs, lighthouseCasesToRun, log, runCount, runsGiven, sectionsToRun, summary } from './lib.mjs';
import { runLighthouse, stopAllChromium, writeStoragePage } from './lighthouse.mjs';
import { composition, findSeedPath, launchBrowser, makeStaticPeer, measureBytes, shownHeading } from './pages.mjs';
import { buildRows, formatTable, judge, machineInfo } from './report.mjs';
import { measureImages } from './images.mjs';
import { measureScale } from './scale.mjs';
import { measureSearch } from './search.mjs';
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

/** Medians and details of a set of Lighthouse runs on one page. */
function fold(list, label, path) {
  const errors = list.filter((r) => r.runtimeError).map((r) => r.runtimeError);
  if (errors.length === list.length) throw new Error(`Every Lighthouse run on ${path} failed: ${errors.join(', ')}`);
  const ok = list.filter((r) => !r.runtimeError);
  const cat = (c) => summary(list.map((r) => (r.runtimeError ? null : r.scores[c])));
  const met = (m) => summary(list.map((r) => (r.runtimeError ? null : r.metrics[m])));
  return {
    label,
    path,
    finalUrls: [...new Set(list.map((r) => r.finalUrl))],
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
}

/**
 * `cases`: [{ key, label, url, storeFirst?, peer?: { url, label } }], run in this order in each
 * round, each page with a peer immediately followed by its peer (a pair, whose LCP ratio is taken).
 */
async function lighthouseSection(cases, runs) {
  if (process.env.BENCH_WARMUP !== '0') {
    log(`lighthouse: warm-up run on ${cases[0].label} (discarded)`);
    await runLighthouse(cases[0].url, { storeFirst: cases[0].storeFirst });
  }
  const raw = Object.fromEntries(cases.map((c) => [c.key, { page: [], peer: [], ratios: [], fcpRatios: [] }]));
  const line = (i, name, r) => {
    const s = r.scores;
    log(`lighthouse ${i + 1}/${runs} ${name}: perf ${s.performance} a11y ${s.accessibility} bp ${s['best-practices']} seo ${s.seo} LCP ${Math.round(r.metrics.lcp ?? NaN)} ms TBT ${Math.round(r.metrics.tbt ?? NaN)} ms${r.runtimeError ? ` ERROR ${r.runtimeError}` : ''}`);
  };
  for (let i = 0; i < runs; i++) {
    for (const c of cases) {
      const r = await runLighthouse(c.url, { storeFirst: c.storeFirst });
      raw[c.key].page.push(r);
      line(i, c.key, r);
      if (!c.peer) continue;
      const p = await runLighthouse(c.peer.url);
      raw[c.key].peer.push(p);
      line(i, `${c.key} static peer`, p);
      const a = r.runtimeError ? null : r.metrics.lcp;
      const b = p.runtimeError ? null : p.metrics.lcp;
      raw[c.key].ratios.push(a != null && b ? a / b : null);
      const fa = r.runtimeError ? null : r.metrics.fcp;
      const fb = p.runtimeError ? null : p.metrics.fcp;
      raw[c.key].fcpRatios.push(fa != null && fb ? fa / fb : null);
    }
  }
  const any = Object.values(raw).flatMap((r) => r.page).find((r) => !r.runtimeError) ?? raw[cases[0].key].page[0];
  const out = {
    lighthouseVersion: any.lighthouseVersion,
    settings: { formFactor: any.formFactor, throttlingMethod: any.throttlingMethod, throttling: any.throttling, userAgent: any.userAgent },
    runs,
    pages: {},
    cases: {},
  };
  for (const c of cases) {
    const path = new URL(c.url).pathname;
    const folded = {
      key: c.key,
      label: c.label,
      page: fold(raw[c.key].page, c.label, path),
      peer: c.peer ? fold(raw[c.key].peer, c.peer.label, new URL(c.peer.url).pathname) : null,
      ratio: c.peer ? summary(raw[c.key].ratios) : null,
      // Beside the LCP ratio: Lighthouse's simulated LCP of a page (and of a peer) is either its
      // FCP or about 150 ms after it from run to run, while FCP is steady.
      fcpRatio: c.peer ? summary(raw[c.key].fcpRatios) : null,
      ...(c.details ?? {}),
    };
    out.cases[c.key] = folded;
    // The first two cases keep their place in the JSON of earlier runs.
    if (c.key === 'list' || c.key === 'seed') out.pages[c.key] = folded.page;
    if (c.key === 'seed') {
      out.peer = folded.peer;
      out.ratio = folded.ratio;
    }
  }
  return out;
}

/** Lighthouse's CPU benchmark over every run: median (min - max). A wide spread means a busy machine. */
function benchmarkLine(lh) {
  const all = Object.values(lh.cases).flatMap((c) => [c.page, c.peer]).filter(Boolean).flatMap((p) => p.benchmarkIndex.runs).filter(Number.isFinite);
  const s = summary(all);
  return s.median == null ? 'n/a' : `median ${Math.round(s.median)} (${Math.round(s.min)} - ${Math.round(s.max)})`;
}

/** What a returning reader has stored: a postcode in Hartlepool and Largest text (the app's own key and shape). */
async function returningReader() {
  const { STORAGE_KEY, STORAGE_VERSION } = await importTs('src/preferences/stored.ts');
  const { paths } = await importTs('src/config/paths.ts');
  const prefs = { version: STORAGE_VERSION, textSize: 'largest', textOnly: false, postcode: 'TS24 8' };
  return { entries: [{ name: STORAGE_KEY, value: JSON.stringify(prefs) }], prefs, expectedAt: paths.news.href() };
}

async function main() {
  if (!existsSync(CHROME_PATH)) throw new Error(`No Chromium at ${CHROME_PATH}: install it (apt-get install chromium) or set CHROME_PATH.`);
  const sections = sectionsToRun();
  const lhCases = sections.includes('lighthouse') ? lighthouseCasesToRun() : [];
  const runs = runCount();
  log(`sections: ${sections.join(', ')}${lhCases.length ? ` (lighthouse: ${lhCases.join(', ')})` : ''}; ${runs} run(s) per figure; ${os.cpus().length} cores, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);

  log('building (vite build, into a private directory)');
  const build = await buildApp();
  if (process.env.BENCH_KEEP === '1') log(`served copy kept at ${build.outDir}`);
  else cleanups.push(() => rmSync(build.outDir, { recursive: true, force: true }));
  log(`built in ${build.seconds.toFixed(1)} s`);

  const results = { bytes: null, lighthouse: null, scale: null, build: null, images: null, search: null };

  // Builds of generated sources, before any browser runs (the machine otherwise idle for the bench).
  // The 10,000-item build is kept: a release on its last feed page is a bytes and a Lighthouse case.
  const needBig = sections.includes('bytes') || sections.includes('search') || lhCases.includes('last-page');
  let big = null;
  if (sections.includes('build')) {
    const bigRuns = runsGiven() ? runs : 1;
    log(`build: vite build of generated sources (${BUILD_SIZES.join(', ')} items; ${runs} run(s), ${bigRuns} for 10,000)`);
    const measured = await measureBuilds(runs, bigRuns);
    cleanups.push(() => rmSync(measured.work, { recursive: true, force: true }));
    results.build = { sizes: measured.sizes, growth: buildGrowth(measured.sizes), runs, bigRuns };
    big = measured.big;
  } else if (needBig) {
    log('building the 10,000-item source (for a release on its last feed page)');
    const made = await bigBuild();
    cleanups.push(() => rmSync(made.work, { recursive: true, force: true }));
    big = made.big;
  }

  cleanups.push(() => stopAllChromium());
  const server = await startServer(build.outDir);
  cleanups.push(() => server.close());
  log(`serving ${build.outDir} at ${server.origin} (Content-Encoding: ${server.encoding})`);
  let bigServer = null;
  let lastPage = null;
  if (big) {
    lastPage = await lastPageRelease(big.dir);
    bigServer = await startServer(big.dir);
    cleanups.push(() => bigServer.close());
    log(`serving the 10,000-item build at ${bigServer.origin}; last feed page ${lastPage.feedPage} of ${lastPage.feedPages}, release ${lastPage.path}${lastPage.prerendered ? '' : ' (NOT prerendered: the server answers with its fallback, index.html)'}`);
    if (results.build) results.build.lastPage = lastPage;
  }
  if (big && sections.includes('search')) {
    results.search = await measureSearch(big.dir, runs);
  }

  let browser = await launchBrowser();
  cleanups.push(() => browser?.close());
  const browserVersion = browser.version();
  const machine = machineInfo(browserVersion);

  if (lastPage) {
    // Whether the address shows the release at all (not a "can't find" page).
    const seen = await shownHeading(browser, bigServer.origin, lastPage.path);
    lastPage.h1 = seen.h1;
    lastPage.shown = seen.h1 === lastPage.title;
    log(`last-page release: shows "${seen.h1}"${lastPage.shown ? '' : `, NOT its title "${lastPage.title}"`}`);
  }
  const seedPath = await findSeedPath(browser, server.origin);
  log(`seed release: ${seedPath}`);
  const cases = [];
  const peerLog = (peer) => log(`static peer: ${peer.path} of ${peer.of}, shown at ${peer.shownAt} (${peer.bytes} bytes; removed ${peer.removed.length} elements; ${peer.styleAttributes} style attributes)`);
  let peer = null;
  if (lhCases.includes('list')) cases.push({ key: 'list', label: '/', url: `${server.origin}/` });
  if (lhCases.includes('seed')) {
    peer = await makeStaticPeer(browser, server.origin, seedPath, build.outDir);
    peerLog(peer);
    cases.push({ key: 'seed', label: 'the seed release', url: `${server.origin}${seedPath}`, peer: { url: `${server.origin}${peer.path}`, label: 'static seed' }, details: { peerPage: peer } });
  }
  if (lhCases.includes('events')) {
    const { paths } = await importTs('src/config/paths.ts');
    const events = paths.events.href();
    const p = await makeStaticPeer(browser, server.origin, events, build.outDir, { file: 'static-events.html' });
    peerLog(p);
    cases.push({ key: 'events', label: events, url: `${server.origin}${events}`, peer: { url: `${server.origin}${p.path}`, label: `static ${events}` }, details: { peerPage: p } });
  }
  if (lhCases.includes('last-page')) {
    const p = await makeStaticPeer(browser, bigServer.origin, lastPage.path, big.dir, { file: 'static-last-page.html' });
    peerLog(p);
    cases.push({
      key: 'last-page',
      label: 'release on the last feed page, 10,000 items',
      url: `${bigServer.origin}${lastPage.path}`,
      peer: { url: `${bigServer.origin}${p.path}`, label: 'static last-page release' },
      details: { peerPage: p, release: lastPage },
    });
  }
  if (lhCases.includes('returning')) {
    const reader = await returningReader();
    const p = await makeStaticPeer(browser, server.origin, '/', build.outDir, { file: 'static-returning.html', storage: reader.entries });
    peerLog(p);
    if (p.shownAt !== reader.expectedAt) log(`returning reader: expected to stay at ${reader.expectedAt} (their area's view shown in place), but the page was at ${p.shownAt}`);
    const storeFirst = `${server.origin}${writeStoragePage(build.outDir, 'bench-store-returning.html', reader.entries)}`;
    cases.push({
      key: 'returning',
      label: '/, returning reader (postcode, Largest text)',
      url: `${server.origin}/`,
      storeFirst,
      peer: { url: `${server.origin}${p.path}`, label: `static ${p.shownAt}, Largest text` },
      details: { peerPage: p, stored: reader.prefs, expectedAt: reader.expectedAt },
    });
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
    // The same for a release on the last feed page of the 10,000-item build. Its parts are the
    // main build's where its files are the same (same names, so the same content hash).
    const lp = (await measureBytes(browser, bigServer.origin, [{ key: 'lastPage', path: lastPage.path, list: false }], runs)).lastPage;
    lp.composition = composition(lp, build.chunks);
    lp.release = lastPage;
    lp.sameFilesAsSeed = lp.files.filter((f) => f.type === 'js').map((f) => f.url).join() === results.bytes.seed.files.filter((f) => f.type === 'js').map((f) => f.url).join();
    results.bytes.lastPage = lp;
    log(`bytes: last-page release JS ${lp.js.gzip} B gzip${lp.sameFilesAsSeed ? ' (the same files as the seed)' : ''}`);
  }
  if (sections.includes('scale')) {
    results.scale = await measureScale(browser, server, runs);
  }
  if (sections.includes('images')) {
    results.images = await measureImages(browser, runs);
  }
  await browser.close();
  browser = null;

  if (cases.length) {
    results.lighthouse = await lighthouseSection(cases, runs);
    if (peer) results.lighthouse.peerPage = peer;
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
      ? `Lighthouse ${results.lighthouse.lighthouseVersion} mobile (simulated slow 4G, 4x CPU), runs interleaved ${Object.keys(results.lighthouse.cases).map((k) => (results.lighthouse.cases[k].peer ? `${k}/static` : k)).join(' ')}; benchmarkIndex ${benchmarkLine(results.lighthouse)}; load ${machine.loadAverageAtEnd.join(' ')} at end`
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
      builds: 'node node_modules/vite/bin/vite.js build --outDir <temp>, BULLETIN_FEED=<generated source>, one process per build',
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
