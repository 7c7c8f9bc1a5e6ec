/**
 * Lighthouse 12 through its Node API, default config (mobile: Moto G Power viewport, simulated
 * slow 4G and 4x CPU slowdown). Each run gets its own Chromium (new profile, empty cache),
 * started here with --remote-debugging-port and stopped by its own process id afterwards.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { CHROME_PATH, CHROMIUM_ARGS, log, sleep } from './lib.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** Stop functions of the Chromiums running now, so an interrupted bench can stop them. */
const running = new Set();

export async function stopAllChromium() {
  await Promise.all([...running].map((stop) => stop()));
}

/** Chromium for one Lighthouse run; resolves once its DevTools port is known. */
async function launchChromium() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'bulletin-bench-chrome-'));
  const child = spawn(
    CHROME_PATH,
    [
      ...CHROMIUM_ARGS,
      // As chrome-launcher (Lighthouse's own launcher) starts Chrome: nothing else running in it.
      '--disable-extensions',
      '--disable-default-apps',
      '--mute-audio',
      '--no-default-browser-check',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      '--disable-renderer-backgrounding',
      '--password-store=basic',
      '--use-mock-keychain',
      '--remote-debugging-port=0',
      `--user-data-dir=${userDataDir}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  child.on('error', (error) => {
    exited = true;
    stderr += `\n${error.message}`;
  });
  const stop = async () => {
    running.delete(stop);
    if (!exited) {
      child.kill('SIGTERM');
      for (let i = 0; i < 100 && !exited; i++) await sleep(50);
      if (!exited) child.kill('SIGKILL');
      for (let i = 0; i < 40 && !exited; i++) await sleep(50);
    }
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
  const portFile = join(userDataDir, 'DevToolsActivePort');
  const deadline = Date.now() + 30_000;
  let port = null;
  while (Date.now() < deadline && !exited) {
    if (existsSync(portFile)) {
      const first = readFileSync(portFile, 'utf8').split('\n')[0];
      if (/^\d+$/.test(first)) {
        port = Number(first);
        break;
      }
    }
    await sleep(50);
  }
  if (port === null) {
    await stop();
    throw new Error(`Chromium did not open a DevTools port (${CHROME_PATH}):\n${stderr}`);
  }
  return { port, stop };
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

/** One Lighthouse run on `url` in a Chromium of its own. */
export async function runLighthouse(url) {
  const chrome = await launchChromium();
  try {
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
