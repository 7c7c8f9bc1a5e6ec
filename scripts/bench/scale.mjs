/**
 * Scale: how long the list and an article take to show, and the JS heap after load, for feeds
 * of 50, 1,000 and 10,000 items in one document and 10,000 items over 200 next_url pages.
 * The generated feeds are served by the benchmark's own server at /feed.json (and
 * /feed-pN.json), gzip like everything else, so the browser fetches them as it would in use.
 * No throttling: these are the machine's own times.
 *
 * Times are read inside the page against navigation start (performance.now()). A
 * MutationObserver installed before the app runs stamps:
 *   listInDom    the first item link (ITEM_LINKS) is in the document (React committed the list);
 *   listUsable   then the next frame has been produced and a task queued after it has run: the
 *                list is painted and the main thread is free to answer the reader;
 *   articleInDom the article's h1 is in main and no loading placeholder is left (body included);
 *   articleShown the same frame-and-task step after that.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEED_PATH, makeItem, pagedFeed, singleFeed } from './feeds.mjs';
import { ITEM_LINKS, importTs, log, summary } from './lib.mjs';
import { freshContext } from './pages.mjs';
import { APP_PAGE, makeEntry, precompress } from './server.mjs';

/**
 * `article`: which item the article load opens. In one document, the last (oldest) item, at the
 * end of the document; over pages, the last item of page 1 as the list links it.
 */
export const CASES = [
  { key: 'doc-50', label: '50 items, 1 doc', items: 50, article: 'last-in-doc', make: () => singleFeed(50) },
  { key: 'doc-1000', label: '1,000 items, 1 doc', items: 1000, article: 'last-in-doc', make: () => singleFeed(1000) },
  { key: 'doc-10000', label: '10,000 items, 1 doc', items: 10000, article: 'last-in-doc', make: () => singleFeed(10000) },
  { key: 'pages-10000', label: '10,000 items, 200 pages', items: 10000, article: 'last-in-list', make: () => pagedFeed(10000, 50) },
];

/**
 * The app's own address makers (src/lib/slug.ts and src/config/paths.ts, loaded through Vite's
 * module runner): the list shows only its first items, so the address of an item at the end of a
 * long document cannot be read from it. Each run checks it against the list (the first item's
 * link) and checks the article page shows that item's title.
 */
async function itemPathFor(n) {
  const [{ makeSlug }, { itemHref }] = await Promise.all([importTs('src/lib/slug.ts'), importTs('src/config/paths.ts')]);
  const item = makeItem(n);
  return { path: itemHref({ kind: 'news', slug: makeSlug(item.id, item.title) }), title: item.title };
}

function stampScript(itemLinks) {
  const marks = {};
  Object.defineProperty(window, '__benchMarks', { value: marks });
  const afterFrame = (name) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        marks[name] = performance.now();
      };
      channel.port2.postMessage(null);
    });
  };
  const check = () => {
    const now = performance.now();
    if (marks.listInDom === undefined && document.querySelector(itemLinks)) {
      marks.listInDom = now;
      afterFrame('listUsable');
    }
    if (
      marks.articleInDom === undefined &&
      document.querySelector('main article h1') &&
      !document.querySelector('main .loading')
    ) {
      marks.articleInDom = now;
      afterFrame('articleShown');
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

async function heapAfterLoad(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The item links of latest news (the generated feeds are read without a postcode: one list). */
function listLinks(page) {
  return page.getByRole('main').getByRole('list', { name: 'Latest news', exact: true }).getByRole('link');
}

/** One load of `path` in a fresh context; waits for `mark`, then for the network to go quiet. */
async function timedLoad(browser, origin, path, mark, extra) {
  const context = await freshContext(browser, origin, { viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(120_000);
  context.setDefaultNavigationTimeout(120_000);
  const feedRequests = [];
  context.on('request', (request) => {
    const p = new URL(request.url()).pathname;
    if (FEED_PATH.test(p)) feedRequests.push(p);
  });
  try {
    await context.addInitScript(stampScript, ITEM_LINKS);
    const page = await context.newPage();
    await page.goto(path, { waitUntil: 'commit' });
    await page.waitForFunction((m) => window.__benchMarks?.[m] !== undefined, mark, { polling: 50 });
    await page.waitForLoadState('networkidle');
    const marks = await page.evaluate(() => ({ ...window.__benchMarks }));
    const heap = await heapAfterLoad(page);
    const itemLinks = listLinks(page);
    const links = await itemLinks.count();
    const firstHref = links ? await itemLinks.first().getAttribute('href') : null;
    const lastHref = links ? await itemLinks.last().getAttribute('href') : null;
    const lastTitle = links ? (await itemLinks.last().textContent())?.trim() : null;
    const h1 = (await page.locator('main h1').first().textContent())?.trim() ?? null;
    const result = { marks, heap, feedRequests: [...feedRequests], links, firstHref, lastHref, lastTitle, h1 };
    if (extra) Object.assign(result, await extra(page, feedRequests));
    return result;
  } finally {
    await context.close();
  }
}

/**
 * The paginated case: press "Older news" once (after the list is measured) and count the feed
 * pages fetched then and the items shown. Recorded, never fatal: it describes the app's behaviour.
 */
async function olderNews(page, feedRequests) {
  const before = { links: await listLinks(page).count(), requests: feedRequests.length };
  try {
    await page.getByRole('button', { name: /older/i }).first().click({ timeout: 10_000 });
    const deadline = Date.now() + 10_000;
    while (feedRequests.length === before.requests && Date.now() < deadline) await page.waitForTimeout(50);
    await page.waitForLoadState('networkidle');
    await page
      .waitForFunction(({ n, selector }) => document.querySelectorAll(selector).length > n, { n: before.links, selector: ITEM_LINKS }, { timeout: 3_000 })
      .catch(() => undefined);
    return { afterOlder: { links: await listLinks(page).count(), feedRequests: [...feedRequests] } };
  } catch (error) {
    return { afterOlder: { error: String(error.message ?? error).split('\n')[0], links: await listLinks(page).count(), feedRequests: [...feedRequests] } };
  }
}

/**
 * The app's page as it is built without prerendering (as with VITE_FEED_URL): an empty #root, the
 * module script and the feed preload in <head>. The build prerendered the embedded feed, not the
 * generated ones, and scale measures the app reading a feed it has not seen.
 */
export function appShell(indexHtml) {
  const meta = /\s*<meta name="bulletin:after-paint" content="([^"]*)"[^>]*>/.exec(indexHtml);
  if (!meta) throw new Error('index.html has no bulletin:after-paint meta: has the build changed?');
  const tags = meta[1].split(' ').map((token) => {
    const [kind, href] = [token.slice(0, token.indexOf(':')), token.slice(token.indexOf(':') + 1)];
    if (kind === 'feed') return `<link rel="preload" href="${href}" as="fetch" type="application/feed+json" crossorigin="anonymous">`;
    if (kind === 'modulepreload') return `<link rel="modulepreload" crossorigin href="${href}">`;
    if (kind === 'module') return `<script type="module" crossorigin src="${href}"></script>`;
    throw new Error(`Unknown after-paint token ${token}`);
  });
  const shell = indexHtml
    .replace(meta[0], '')
    .replace(/<div id="root">[\s\S]*<\/div>(\s*<noscript>)/, '<div id="root"></div>$1')
    .replace('</head>', `  ${tags.join('\n    ')}\n  </head>`);
  if (!shell.includes('<div id="root"></div>')) throw new Error('appShell: could not empty #root');
  return shell;
}

export async function measureScale(browser, server, runs) {
  log('scale: generating feeds');
  const shell = precompress(makeEntry(appShell(readFileSync(join(server.dir, 'index.html'), 'utf8')), 'text/html; charset=utf-8'));
  const prepared = CASES.map((c) => {
    const docs = c.make();
    const entries = new Map([...docs].map(([p, text]) => [p, precompress(makeEntry(text, 'application/json; charset=utf-8'))]));
    entries.set(APP_PAGE, shell);
    const bytes = [...docs.values()].reduce((t, text) => t + Buffer.byteLength(text), 0);
    const firstDocBytes = Buffer.byteLength(docs.get('/feed.json'));
    return { ...c, entries, pages: docs.size, bytes, firstDocBytes };
  });

  const raw = Object.fromEntries(prepared.map((c) => [c.key, { list: [], article: [], articlePath: null, articleTitle: null, articleWhich: null }]));
  try {
    for (let run = 0; run < runs; run++) {
      for (const c of prepared) {
        server.setOverrides(c.entries);
        const r = raw[c.key];
        const extra = c.pages > 1 && run === 0 ? olderNews : undefined;
        const list = await timedLoad(browser, server.origin, '/', 'listUsable', extra);
        if (!r.articlePath) {
          if (c.article === 'last-in-doc') {
            const first = await itemPathFor(0);
            const shownFirst = list.firstHref && new URL(list.firstHref, server.origin).pathname;
            if (shownFirst !== first.path) {
              throw new Error(`${c.label}: the list links the first item as ${shownFirst}, but src/lib/slug.ts gives ${first.path}`);
            }
            const last = await itemPathFor(c.items - 1);
            r.articlePath = last.path;
            r.articleTitle = last.title;
            r.articleWhich = `item ${c.items.toLocaleString('en-GB')} of ${c.items.toLocaleString('en-GB')} (end of the doc)`;
          } else {
            // The last item on page 1, as the list links it.
            if (!list.lastHref) throw new Error(`${c.label}: the list shows no item link`);
            r.articlePath = new URL(list.lastHref, server.origin).pathname;
            r.articleTitle = list.lastTitle;
            r.articleWhich = `last of ${list.links} shown (page 1)`;
          }
        }
        const article = await timedLoad(browser, server.origin, r.articlePath, 'articleShown');
        if (article.h1 !== r.articleTitle) {
          throw new Error(`${c.label}: ${r.articlePath} showed "${article.h1}", expected "${r.articleTitle}"`);
        }
        r.list.push(list);
        r.article.push(article);
        log(`scale run ${run + 1}/${runs} ${c.label}: list ${Math.round(list.marks.listUsable)} ms, article ${Math.round(article.marks.articleShown)} ms, heap ${(list.heap / 1e6).toFixed(1)} MB`);
      }
    }
  } finally {
    server.setOverrides(null);
  }

  const out = {};
  for (const c of prepared) {
    const r = raw[c.key];
    const first = r.list[0];
    out[c.key] = {
      label: c.label,
      items: c.items,
      feedPages: c.pages,
      feedBytes: c.bytes,
      firstDocBytes: c.firstDocBytes,
      articlePath: r.articlePath,
      articleWhich: r.articleWhich,
      listInDom: summary(r.list.map((x) => x.marks.listInDom)),
      listUsable: summary(r.list.map((x) => x.marks.listUsable)),
      articleInDom: summary(r.article.map((x) => x.marks.articleInDom)),
      articleShown: summary(r.article.map((x) => x.marks.articleShown)),
      heapList: summary(r.list.map((x) => x.heap)),
      heapArticle: summary(r.article.map((x) => x.heap)),
      linksShown: first.links,
      feedRequestsAtLoad: first.feedRequests.length,
      feedRequestsAtLoadEveryRun: r.list.map((x) => x.feedRequests.length),
      feedRequestsForArticle: r.article.map((x) => x.feedRequests.length),
      afterOlder: first.afterOlder
        ? { ...first.afterOlder, feedRequests: first.afterOlder.feedRequests.length, paths: first.afterOlder.feedRequests }
        : null,
    };
  }
  return out;
}
