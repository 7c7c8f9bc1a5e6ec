/**
 * Work done in a Playwright-driven Chromium: finding the seed release's address, making the
 * static peer page, and recording the bytes of JavaScript and CSS each page needs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_PATH, CHROMIUM_ARGS, ITEM_LINKS, median, seedRelease } from './lib.mjs';
import { brotliMax, gzip9 } from './server.mjs';

export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
}

/** A fresh context: empty cache and storage, service workers blocked (nothing precached behind our back). */
export async function freshContext(browser, origin, options = {}) {
  const context = await browser.newContext({
    baseURL: origin,
    serviceWorkers: 'block',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/**
 * Waits until the page shows what it is for and the app runs it: an h1, no loading placeholder
 * left in main, and `html[data-app]` (a prerendered page shows its h1 before any script, which
 * starts only after the first paint).
 */
export async function ready(page, { list = false } = {}) {
  await page.locator('main h1').first().waitFor({ state: 'visible' });
  await page.waitForFunction(
    ({ needList, itemLinks }) =>
      document.documentElement.hasAttribute('data-app') &&
      document.querySelector('.loading') === null &&
      (!needList || document.querySelector(itemLinks) !== null),
    { needList: list, itemLinks: ITEM_LINKS },
  );
}

/** The seed release's address (test/support/seed.ts), once the list is seen to link it there. */
export async function findSeedPath(browser, origin) {
  const seed = await seedRelease();
  const context = await freshContext(browser, origin);
  try {
    const page = await context.newPage();
    await page.goto('/');
    await ready(page, { list: true });
    const href = await page.getByRole('link', { name: seed.title, exact: true }).first().getAttribute('href');
    if (!href) throw new Error(`No link named "${seed.title}" on the list page`);
    const shown = new URL(href, origin).pathname;
    if (shown !== seed.path) throw new Error(`The list links "${seed.title}" to ${shown}, not ${seed.path}`);
    return seed.path;
  } finally {
    await context.close();
  }
}

/**
 * A static peer: a page as Bulletin renders it (the seed release by default), saved as plain HTML
 * with every script, module preload and the manifest link removed; the stylesheet link(s) and the
 * CSP meta stay. Written into the served directory as `file` (static-seed.html by default).
 * `storage`: localStorage entries ([{ name, value }]) the reader has before the load (a returning
 * reader); the page is then saved where the reader ends up (`shownAt`), with the attributes the
 * boot script set on <html> (text size).
 */
export async function makeStaticPeer(browser, origin, path, servedDir, { file = 'static-seed.html', storage = null } = {}) {
  const context = await freshContext(browser, origin, storage ? { storageState: { cookies: [], origins: [{ origin, localStorage: storage }] } } : {});
  try {
    const page = await context.newPage();
    await page.goto(path);
    await ready(page);
    await page.waitForLoadState('networkidle');
    const info = await page.evaluate(() => {
      const clone = document.documentElement.cloneNode(true);
      const removed = [];
      // Scripts and what only scripts use: module preloads, the manifest (it brings the service
      // worker's app), and preloads/prefetches of data or code for the scripts (the feed).
      const forScripts = 'script, link[rel~="modulepreload"], link[rel~="manifest"], link[rel~="prefetch"], link[rel~="preload"][as="fetch"], link[rel~="preload"][as="script"], link[rel~="preload"][as="worker"]';
      for (const el of clone.querySelectorAll(forScripts)) {
        removed.push(el.outerHTML.slice(0, 120));
        el.remove();
      }
      return {
        html: `<!doctype html>\n${clone.outerHTML}`,
        removed,
        stylesheets: [...clone.querySelectorAll('link[rel~="stylesheet"]')].map((l) => l.getAttribute('href')),
        csp: clone.querySelector('meta[http-equiv="Content-Security-Policy"]') !== null,
        styleAttributes: clone.querySelectorAll('[style]').length,
        h1: clone.querySelector('main h1')?.textContent?.trim() ?? null,
        shownAt: window.location.pathname,
        htmlAttributes: Object.fromEntries([...clone.attributes].map((a) => [a.name, a.value])),
      };
    });
    if (!info.csp) throw new Error(`The rendered page ${path} has no CSP meta: cannot make a faithful static peer`);
    if (info.stylesheets.length === 0) throw new Error(`The rendered page ${path} has no stylesheet link`);
    writeFileSync(join(servedDir, file), info.html);
    return { path: `/${file}`, of: path, bytes: Buffer.byteLength(info.html), ...info, html: undefined };
  } finally {
    await context.close();
  }
}

/** The main heading a page shows once the app runs it, and where the page ends up. */
export async function shownHeading(browser, origin, path) {
  const context = await freshContext(browser, origin);
  try {
    const page = await context.newPage();
    await page.goto(path);
    await ready(page);
    return { h1: (await page.locator('main h1').first().textContent())?.trim() ?? null, shownAt: new URL(page.url()).pathname };
  } finally {
    await context.close();
  }
}

function sizes(buffer) {
  return { raw: buffer.length, gzip: gzip9(buffer).length, brotli: brotliMax(buffer).length };
}

/** One load in a fresh context: every script and stylesheet response, with its body's sizes. */
async function loadAndRecord(browser, origin, path, list) {
  const context = await freshContext(browser, origin);
  try {
    const page = await context.newPage();
    const pending = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      pending.push(
        response.body().then(
          (body) => ({ url: new URL(response.url()).pathname, type: type === 'script' ? 'js' : 'css', status: response.status(), ...sizes(body) }),
          (error) => ({ url: response.url(), type, error: String(error) }),
        ),
      );
    });
    await page.goto(path);
    await ready(page, { list });
    await page.waitForLoadState('networkidle');
    const files = await Promise.all(pending);
    const failed = files.filter((f) => f.error || f.status >= 400);
    if (failed.length) throw new Error(`Could not read ${failed.map((f) => f.url).join(', ')}`);
    const total = (type) =>
      files.filter((f) => f.type === type).reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
    return { files, js: total('js'), css: total('css') };
  } finally {
    await context.close();
  }
}

/** Bytes for each page, `runs` loads each; medians per figure (the build does not change between runs). */
export async function measureBytes(browser, origin, pages, runs) {
  const out = {};
  for (const { key, path, list } of pages) {
    const loads = [];
    for (let i = 0; i < runs; i++) loads.push(await loadAndRecord(browser, origin, path, list));
    const pick = (type, field) => median(loads.map((l) => l[type][field]));
    out[key] = {
      path,
      js: { raw: pick('js', 'raw'), gzip: pick('js', 'gzip'), brotli: pick('js', 'brotli') },
      css: { raw: pick('css', 'raw'), gzip: pick('css', 'gzip'), brotli: pick('css', 'brotli') },
      files: loads[0].files,
      sameFilesEveryRun: loads.every((l) => l.files.map((f) => f.url).join() === loads[0].files.map((f) => f.url).join()),
      runs: loads.length,
    };
  }
  return out;
}

/**
 * What the JS of a page is made of: for each file, the build's modules grouped by package (or
 * src/ folder), with each group's share (by the gzip size of its rendered, not yet minified
 * code) applied to the file's actual gzip size. An estimate: gzip does not divide exactly by module.
 */
export function composition(page, chunks) {
  const byGroup = {};
  const files = [];
  for (const f of page.files.filter((x) => x.type === 'js')) {
    const chunk = chunks[f.url];
    if (!chunk) {
      files.push({ url: f.url, gzip: f.gzip, groups: null });
      continue;
    }
    const total = Object.values(chunk.groups).reduce((a, b) => a + b, 0) || 1;
    const groups = Object.entries(chunk.groups)
      .map(([group, weight]) => ({ group, weight, gzipApprox: Math.round((f.gzip * weight) / total) }))
      .sort((a, b) => b.weight - a.weight);
    for (const g of groups) byGroup[g.group] = (byGroup[g.group] ?? 0) + g.gzipApprox;
    files.push({ url: f.url, gzip: f.gzip, lazy: chunk.isDynamicEntry && !chunk.isEntry, groups });
  }
  const parts = Object.entries(byGroup)
    .map(([group, gzipApprox]) => ({ group, gzipApprox }))
    .sort((a, b) => b.gzipApprox - a.gzipApprox);
  return { files, parts };
}
