/**
 * Lighthouse 12 through its Node API, default config (mobile: Moto G Power viewport, simulated
 * slow 4G and 4x CPU slowdown). Each run gets its own Chromium (new profile, empty cache),
 * started by chrome-launcher (Lighthouse's own launcher, with its default flags) and stopped
 * afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROME_PATH, CHROMIUM_ARGS, log, sleep } from './lib.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** Stop functions of the Chromiums running now, so an interrupted bench can stop them. */
const running = new Set();

export async function stopAllChromium() {
  await Promise.all([...running].map((stop) => stop()));
}

/**
 * A page of the bench's own, written into a served directory, that stores `entries` ([{ name,
 * value }]) in that origin's localStorage and then leaves for about:blank#stored. Loaded as the
 * first page of a Lighthouse run's Chromium (see runLighthouse's `storeFirst`), it makes the run a
 * returning reader's: Lighthouse's reset before a run clears the HTTP cache, service workers and
 * Cache Storage (its default clearStorageTypes), not localStorage.
 */
export function writeStoragePage(servedDir, file, entries) {
  const script = `for (const [k, v] of ${JSON.stringify(entries.map((e) => [e.name, e.value]))}) localStorage.setItem(k, v);\nlocation.replace('about:blank#stored');`;
  writeFileSync(join(servedDir, file), `<!doctype html>\n<meta charset="utf-8">\n<title>storing</title>\n<script>${script}</script>\n`);
  return `/${file}`;
}

/** Waits until a page of the Chromium on `port` is at `url` (read from DevTools' /json/list, no protocol session). */
async function waitForTarget(port, url, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let seen = [];
  while (Date.now() < deadline) {
    try {
      const list = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
      seen = list.map((t) => t.url);
      if (seen.includes(url)) return;
    } catch {
      // not answering yet
    }
    await sleep(100);
  }
  throw new Error(`Chromium's first page never reached ${url} (pages: ${seen.join(', ') || 'none'})`);
}

/** Chromium for one Lighthouse run, with a profile of its own; resolves once its DevTools port answers. */
async function launchChromium({ startingUrl } = {}) {
  // The profile is ours, not chrome-launcher's: it would delete its own in an event handler, where
  // a profile still being written just after the browser exits would throw.
  const userDataDir = mkdtempSync(join(tmpdir(), 'bulletin-bench-chrome-'));
  let chrome;
  try {
    chrome = await chromeLauncher.launch({
      chromePath: CHROME_PATH,
      chromeFlags: [...CHROMIUM_ARGS],
      userDataDir,
      ...(startingUrl ? { startingUrl } : {}),
      handleSIGINT: false, // run.mjs stops every Chromium itself (stopAllChromium)
      logLevel: 'error',
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw new Error(`Chromium did not start (${CHROME_PATH}): ${error.message}`, { cause: error });
  }
  const exited = new Promise((resolve) => {
    if (chrome.process.exitCode !== null || chrome.process.signalCode !== null) resolve();
    else chrome.process.once('exit', resolve);
  });
  const stop = async () => {
    running.delete(stop);
    chrome.kill();
    await Promise.race([exited, sleep(5_000)]);
    // Chromium's helper processes can still be writing the profile just after the browser exits.
    for (let attempt = 1; ; attempt++) {
      try {
        rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
        break;
      } catch (error) {
        if (attempt >= 5) {
          log(`could not remove the Chromium profile ${userDataDir}: ${error.message}`);
          break;
        }
        await sleep(500);
      }
    }
  };
  running.add(stop);
  return { port: chrome.port, stop };
}

function tableItems(details) {
  return details?.type === 'table' ? details.items ?? [] : [];
}

/** The LCP element and its phases (TTFB, load delay, load time, render delay), as Lighthouse reports them. */
function lcpBreakdown(lhr) {
  const details = lhr.audits['largest-contentful-paint-element']?.details;
  const parts = details?.type === 'list' ? details.items : [details];
  let element = null;
  let phases = null;
  for (const part of parts ?? []) {
    for (const item of tableItems(part)) {
      if (item.node && !element) element = { selector: item.node.selector, label: item.node.nodeLabel, snippet: item.node.snippet };
      if (item.phase) (phases ??= {})[item.phase] = item.timing;
    }
  }
  return { element, phases };
}

/** Audits that cost points in each category (weighted, score below 1), and performance diagnostics below 0.9. */
function shortfalls(lhr) {
  const out = {};
  for (const id of CATEGORIES) {
    const cat = lhr.categories[id];
    if (!cat) continue;
    out[id] = cat.auditRefs
      .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
      .filter(({ ref, audit }) => audit && audit.score !== null && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable' && audit.scoreDisplayMode !== 'manual' && (ref.weight > 0 ? audit.score < 1 : id === 'performance' && audit.score < 0.9))
      .map(({ ref, audit }) => ({ id: audit.id, title: audit.title, score: audit.score, weight: ref.weight, displayValue: audit.displayValue ?? null }));
  }
  return out;
}

function summarise(lhr) {
  const num = (id) => lhr.audits[id]?.numericValue ?? null;
  const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  return {
    finalUrl: lhr.finalDisplayedUrl ?? lhr.finalUrl,
    runtimeError: lhr.runtimeError?.code ?? null,
    runWarnings: lhr.runWarnings ?? [],
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])),
    metrics: {
      fcp: num('first-contentful-paint'),
      lcp: num('largest-contentful-paint'),
      tbt: num('total-blocking-time'),
      cls: num('cumulative-layout-shift'),
      si: num('speed-index'),
      tti: num('interactive'),
    },
    lcp: lcpBreakdown(lhr),
    layoutShifts: tableItems(lhr.audits['layout-shifts']?.details).map((i) => ({
      selector: i.node?.selector ?? null,
      label: i.node?.nodeLabel ?? null,
      score: i.score ?? null,
    })),
    bootup: tableItems(lhr.audits['bootup-time']?.details).map((i) => ({
      url: typeof i.url === 'string' ? i.url.replace(/^https?:\/\/[^/]+/, '') : i.url,
      total: i.total,
      scripting: i.scripting,
      parse: i.scriptParseCompile,
    })),
    mainThread: lhr.audits['mainthread-work-breakdown']?.numericValue ?? null,
    shortfalls: shortfalls(lhr),
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    lighthouseVersion: lhr.lighthouseVersion,
    userAgent: lhr.environment?.hostUserAgent ?? null,
    throttling: lhr.configSettings?.throttling ?? null,
    throttlingMethod: lhr.configSettings?.throttlingMethod ?? null,
    formFactor: lhr.configSettings?.formFactor ?? null,
  };
}

/**
 * One Lighthouse run on `url` in a Chromium of its own. `storeFirst`: the address of a page made
 * by writeStoragePage; the Chromium opens it first (its first tab, before Lighthouse connects)
 * and the run starts once it has stored and left.
 */
export async function runLighthouse(url, { storeFirst } = {}) {
  const chrome = await launchChromium(storeFirst ? { startingUrl: storeFirst } : {});
  try {
    if (storeFirst) await waitForTarget(chrome.port, 'about:blank#stored');
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    if (!result?.lhr) throw new Error(`Lighthouse returned no result for ${url}`);
    return summarise(result.lhr);
  } finally {
    await chrome.stop();
  }
}
