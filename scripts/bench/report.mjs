/**
 * The one table `npm run bench` prints, the targets it checks, and the machine it ran on.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { CHROME_PATH, REACT_FLOOR_GZIP, kb, mb, ms } from './lib.mjs';

export function machineInfo(browserVersion) {
  const cpus = os.cpus();
  let chromium = browserVersion ?? null;
  try {
    chromium = execFileSync(CHROME_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || chromium;
  } catch {
    // keep the version Playwright reported
  }
  return {
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium,
    chromiumPath: CHROME_PATH,
    playwrightBrowserVersion: browserVersion ?? null,
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

const dash = '-';
const round = (x, d = 2) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

function range(s, fmt) {
  if (!s || s.min == null) return dash;
  if (s.runs.length < 2) return dash;
  return `${fmt(s.min)} - ${fmt(s.max)}`;
}

function met(ok) {
  if (ok === null || ok === undefined) return 'n/a';
  return ok ? 'yes' : 'NO';
}

/** Releases whose direct load's JS has this targets: key in results.bytes, label. */
const RELEASE_BYTES = [
  ['seed', 'the seed release'],
  ['lastPage', 'a release on the last feed page of the 10,000-item build'],
];

/** The Lighthouse cases beside a static peer with this targets (LCP ratio <= 1.10, performance >= 98). */
const NEW_CASES = ['events', 'last-page', 'returning'];

/** The app's own share (every src/ folder and index.html) of a page's JS, gzip, estimated; null without a composition. */
export function ownShare(comp) {
  if (!comp || comp.files.some((f) => f.groups === null)) return null;
  return comp.parts.filter((x) => x.group.startsWith('src/') || x.group === 'index.html').reduce((t, x) => t + x.gzipApprox, 0);
}

/** Targets from the issues, judged on the medians. */
export function judge(results) {
  const t = [];
  const b = results.bytes;
  if (b) {
    const js = b.seed.js.gzip;
    t.push({
      id: 'seed-js-gzip',
      target: 'JavaScript for the seed release on a direct load <= 90 KB gzip',
      value: js,
      met: js <= 90_000,
      detail: `${kb(js)} gzip -9 (${kb(js - REACT_FLOOR_GZIP)} above the 67.7 KB React + ReactDOM floor)`,
    });
  }
  if (b) {
    // This targets for a direct load of a release, on the seed and on a release of the
    // 10,000-item build: JS <= 103 KB gzip, the app's own src/ share of it <= 14 KB.
    for (const [key, label] of RELEASE_BYTES) {
      const p = b[key];
      if (!p) continue;
      t.push({ id: `release-js-${key}`, target: `JavaScript for a direct load of ${label} <= 103 KB gzip`, value: p.js.gzip, met: p.js.gzip <= 103_000, detail: `${kb(p.js.gzip)} gzip -9` });
      const own = ownShare(p.composition);
      t.push({ id: `release-src-${key}`, target: `The app's own src/ share of that JavaScript <= 14 KB gzip (estimate)`, value: own, met: own != null && own <= 14_000, detail: own == null ? 'no composition (files not in the main build)' : `~${kb(own)}` });
    }
  }
  const release = b?.lastPage?.release ?? results.lighthouse?.cases?.['last-page']?.release ?? results.build?.lastPage;
  if (release && release.shown !== undefined) {
    t.push({
      id: 'last-page-shown',
      target: 'A release on the last feed page of the 10,000-item source shows at its address (its title as the h1)',
      value: release.shown,
      met: release.shown,
      detail: `${release.path}: ${release.prerendered ? 'prerendered' : 'not prerendered'}; shows "${release.h1}"`,
    });
  }
  const lh = results.lighthouse;
  if (lh) {
    for (const key of NEW_CASES) {
      const c = lh.cases?.[key];
      if (!c) continue;
      const perf = c.page.scores.performance.median;
      t.push({ id: `lh-performance-${key}`, target: `Lighthouse mobile performance >= 98 on ${c.label}`, value: perf, met: perf != null && perf >= 98, detail: `median ${perf}` });
      const r = c.ratio?.median ?? null;
      t.push({ id: `lcp-ratio-${key}`, target: `LCP ${c.label} / its static peer <= 1.10`, value: r, met: r != null && r <= 1.1, detail: `median of per-pair ratios ${round(r)}` });
    }
  }
  const bd = results.build;
  if (bd) {
    const big = bd.sizes[10_000];
    const secs = big?.seconds.median ?? null;
    t.push({ id: 'build-time-10000', target: 'vite build of a 10,000-item source under 120 s (2 cores)', value: secs, met: secs != null && secs < 120, detail: `${secs?.toFixed(1)} s` });
    const g = bd.growth;
    t.push({
      id: 'build-linear',
      target: 'dist/ grows linearly: bytes per item at 10,000 within 15% of bytes per item at 1,000',
      value: g?.ratio ?? null,
      met: g != null && Math.abs(g.ratio - 1) <= 0.15,
      detail: g ? `${kb(g.perItem10k)} / ${kb(g.perItem1k)} per item = ${round(g.ratio)}x` : 'n/a',
    });
  }
  if (lh) {
    for (const key of ['list', 'seed']) {
      const p = lh.pages[key];
      if (!p) continue;
      const s = p.scores;
      const perf = s.performance.median;
      t.push({ id: `lh-performance-${key}`, target: `Lighthouse mobile performance >= 98 on ${p.label}`, value: perf, met: perf != null && perf >= 98, detail: `median ${perf}` });
      for (const c of ['accessibility', 'best-practices', 'seo']) {
        const v = s[c].median;
        t.push({ id: `lh-${c}-${key}`, target: `Lighthouse ${c} = 100 on ${p.label}`, value: v, met: v === 100, detail: `median ${v}` });
      }
    }
    if (lh.ratio) {
      const r = lh.ratio.median;
      t.push({ id: 'lcp-ratio', target: 'LCP Bulletin / static HTML <= 1.25', value: r, met: r != null && r <= 1.25, detail: `median of per-pair ratios ${round(r)}` });
    }
  }
  const sc = results.scale;
  if (sc) {
    const a = sc['doc-50'].listUsable.median;
    const z = sc['doc-10000'].listUsable.median;
    const ratio = a && z ? z / a : null;
    t.push({ id: 'scale-time', target: '10,000-item feed shows its list within 3x the 50-item time', value: ratio, met: ratio != null && ratio <= 3, detail: `${ms(z)} / ${ms(a)} = ${round(ratio)}x` });
    const g = heapGrowth(sc);
    t.push({
      id: 'scale-memory',
      target: 'Memory grows no faster than the feed (heap per item from 1,000 to 10,000 <= 1.25x heap per item from 50 to 1,000)',
      value: g.linearity,
      met: g.linearity != null && g.linearity <= 1.25,
      detail: `${Math.round(g.perItemLow)} B/item (50->1k), ${Math.round(g.perItemHigh)} B/item (1k->10k); ${round(g.heapPerFeedByte)} heap bytes per feed byte`,
    });
  }
  const se = results.search;
  if (se) {
    const q = se.queryMs.median;
    t.push({ id: 'search-query', target: `Search: median time per query over ${se.items.toLocaleString('en-GB')} items <= 50 ms`, value: q, met: q != null && q <= 50, detail: `${round(q)} ms over ${se.queries} queries` });
  }
  return t;
}

export function heapGrowth(sc) {
  const h50 = sc['doc-50'].heapList.median;
  const h1k = sc['doc-1000'].heapList.median;
  const h10k = sc['doc-10000'].heapList.median;
  const perItemLow = (h1k - h50) / (1000 - 50);
  const perItemHigh = (h10k - h1k) / (10000 - 1000);
  const feedGrowth = sc['doc-10000'].feedBytes - sc['doc-50'].feedBytes;
  return {
    perItemLow,
    perItemHigh,
    perItemOverall: (h10k - h50) / (10000 - 50),
    linearity: perItemLow > 0 ? perItemHigh / perItemLow : null,
    heapPerFeedByte: (h10k - h50) / feedGrowth,
    heapRatio: h10k / h50,
    feedRatio: sc['doc-10000'].feedBytes / sc['doc-50'].feedBytes,
  };
}

export function buildRows(results, targets) {
  const rows = [];
  const tgt = (id) => targets.find((t) => t.id === id);
  const b = results.bytes;
  const shownT = tgt('last-page-shown');
  if (shownT) {
    const r = b?.lastPage?.release ?? results.lighthouse?.cases?.['last-page']?.release ?? results.build?.lastPage;
    rows.push(['Release', 'Last feed page release shown', `${r.feedPage} of ${r.feedPages}`, r.shown ? 'yes' : 'no', dash, `${r.prerendered ? 'prerendered' : 'not prerendered'}; h1 "${r.h1}"`, 'its title', met(shownT.met)]);
  }
  const floor = `floor ${kb(REACT_FLOOR_GZIP)}`;
  if (b) {
    for (const key of ['list', 'seed']) {
      const p = b[key];
      const page = key === 'list' ? '/ (list)' : 'seed, direct load';
      const above = `${floor} (+${kb(p.js.gzip - REACT_FLOOR_GZIP)})`;
      const t = key === 'seed' ? tgt('seed-js-gzip') : null;
      rows.push(['Bytes', 'JS, gzip -9', page, kb(p.js.gzip), dash, above, t ? '<= 90 KB' : dash, t ? met(t.met) : dash]);
      rows.push(['Bytes', 'JS, brotli 11', page, kb(p.js.brotli), dash, `raw ${kb(p.js.raw)}`, dash, dash]);
      rows.push(['Bytes', 'CSS, gzip -9', page, kb(p.css.gzip), dash, `raw ${kb(p.css.raw)}`, dash, dash]);
      rows.push(['Bytes', 'CSS, brotli 11', page, kb(p.css.brotli), dash, dash, dash, dash]);
      rows.push(['Bytes', 'JS + CSS, gzip -9', page, kb(p.js.gzip + p.css.gzip), dash, `${p.files.length} files`, dash, dash]);
      if (key === 'seed' && p.composition) {
        for (const f of p.composition.files) {
          rows.push(['Bytes', `  file ${f.url.replace('/assets/', '')}`, page, kb(f.gzip), dash, f.lazy ? 'lazy chunk' : 'first load', dash, dash]);
        }
        // The app's own folders together; packages one by one.
        const own = p.composition.parts.filter((x) => x.group.startsWith('src/') || x.group === 'index.html');
        const parts = [
          { group: 'src/ (the app, all folders)', gzipApprox: own.reduce((t, x) => t + x.gzipApprox, 0) },
          ...p.composition.parts.filter((x) => !own.includes(x)),
        ].sort((a, b) => b.gzipApprox - a.gzipApprox);
        const shown = parts.slice(0, 6);
        const rest = parts.slice(6).reduce((t, x) => t + x.gzipApprox, 0);
        for (const part of shown) rows.push(['Bytes', `  part ${part.group}`, page, `~${kb(part.gzipApprox)}`, dash, 'share of gzip (est.)', dash, dash]);
        if (rest) rows.push(['Bytes', `  part (${parts.length - shown.length} others)`, page, `~${kb(rest)}`, dash, 'share of gzip (est.)', dash, dash]);
      }
    }
  }
  if (b?.lastPage) {
    const p = b.lastPage;
    const page = 'last feed page, 10k items';
    const release = p.release;
    const note = `${release.feedPage} of ${release.feedPages}${release.prerendered ? '' : ', not prerendered'}`;
    rows.push(['Bytes', 'JS, gzip -9', page, kb(p.js.gzip), dash, `${floor} (+${kb(p.js.gzip - REACT_FLOOR_GZIP)}); ${note}`, dash, dash]);
    rows.push(['Bytes', 'JS, brotli 11', page, kb(p.js.brotli), dash, `raw ${kb(p.js.raw)}`, dash, dash]);
    rows.push(['Bytes', 'CSS, gzip -9', page, kb(p.css.gzip), dash, `raw ${kb(p.css.raw)}`, dash, dash]);
    for (const f of p.composition.files) {
      rows.push(['Bytes', `  file ${f.url.replace('/assets/', '')}`, page, kb(f.gzip), dash, f.lazy ? 'lazy chunk' : f.groups ? 'first load' : 'first load; not in the main build', dash, dash]);
    }
  }
  if (b) {
    for (const [key] of RELEASE_BYTES) {
      const p = b[key];
      if (!p) continue;
      const page = key === 'seed' ? 'seed, direct load' : 'last feed page, 10k items';
      const tj = tgt(`release-js-${key}`);
      const ts = tgt(`release-src-${key}`);
      rows.push(['Bytes', 'Release JS, gzip -9 (this issue)', page, kb(p.js.gzip), dash, key === 'lastPage' && p.sameFilesAsSeed ? 'the same files as the seed' : dash, '<= 103 KB', met(tj?.met)]);
      rows.push(['Bytes', '  of which src/ (est.)', page, ts.value == null ? 'n/a' : `~${kb(ts.value)}`, dash, 'share of gzip (est.)', '<= 14 KB', met(ts?.met)]);
    }
  }
  const lh = results.lighthouse;
  if (lh) {
    for (const key of ['list', 'seed']) {
      const p = lh.pages[key];
      if (!p) continue;
      const page = key === 'list' ? '/ (list)' : 'seed, direct load';
      const int = (x) => (x == null ? 'n/a' : String(Math.round(x)));
      const cats = [
        ['Performance', 'performance', '>= 98'],
        ['Accessibility', 'accessibility', '100'],
        ['Best practices', 'best-practices', '100'],
        ['SEO', 'seo', '100'],
      ];
      for (const [name, id, target] of cats) {
        const t = tgt(`lh-${id}-${key}`);
        rows.push(['Lighthouse', name, page, int(p.scores[id].median), range(p.scores[id], int), dash, target, met(t?.met)]);
      }
      const lcpEl = shortSelector(p.lcpElement?.selector);
      const peerLcp = key === 'seed' && lh.peer ? `static ${ms(lh.peer.metrics.lcp.median)}; ` : '';
      rows.push(['Lighthouse', 'LCP', page, ms(p.metrics.lcp.median), range(p.metrics.lcp, ms), `${peerLcp}element ${lcpEl}`, dash, dash]);
      rows.push(['Lighthouse', 'TBT', page, ms(p.metrics.tbt.median), range(p.metrics.tbt, ms), dash, dash, dash]);
      const shifted = p.layoutShifts?.flat().sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
      rows.push(['Lighthouse', 'CLS', page, p.metrics.cls.median == null ? 'n/a' : p.metrics.cls.median.toFixed(3), range(p.metrics.cls, (x) => x.toFixed(3)), shifted ? `largest shift ${shortSelector(shifted.selector)}` : dash, dash, dash]);
    }
    if (lh.peer) {
      const p = lh.peer;
      rows.push(['Peer', 'LCP, static HTML + CSS, no JS', 'seed', ms(p.metrics.lcp.median), range(p.metrics.lcp, ms), `perf ${p.scores.performance.median}`, dash, dash]);
      const t = tgt('lcp-ratio');
      const r = lh.ratio;
      rows.push(['Peer', 'LCP ratio Bulletin / static', 'seed', r.median == null ? 'n/a' : `${r.median.toFixed(2)}x`, range(r, (x) => x.toFixed(2)), 'per pair, median', '<= 1.25', met(t?.met)]);
    }
    const int = (x) => (x == null ? 'n/a' : String(Math.round(x)));
    const CASE_LABELS = { events: '/events/', 'last-page': 'last-page release, 10k', returning: '/ returning reader' };
    for (const key of NEW_CASES) {
      const c = lh.cases?.[key];
      if (!c) continue;
      const page = CASE_LABELS[key];
      const p = c.page;
      const where = p.finalUrls.map((u) => (u ? new URL(u).pathname : 'n/a')).join(', ');
      const note = key === 'last-page' && c.release && !c.release.prerendered ? '; not prerendered' : '';
      rows.push(['Cases', 'Performance', page, int(p.scores.performance.median), range(p.scores.performance, int), `at ${where}${note}`, '>= 98', met(tgt(`lh-performance-${key}`)?.met)]);
      rows.push(['Cases', 'Accessibility / BP / SEO', page, ['accessibility', 'best-practices', 'seo'].map((x) => int(p.scores[x].median)).join(' / '), dash, dash, dash, dash]);
      rows.push(['Cases', 'LCP', page, ms(p.metrics.lcp.median), range(p.metrics.lcp, ms), `FCP ${ms(p.metrics.fcp.median)}; element ${shortSelector(p.lcpElement?.selector)}`, dash, dash]);
      rows.push(['Cases', 'TBT / CLS', page, `${ms(p.metrics.tbt.median)} / ${p.metrics.cls.median == null ? 'n/a' : p.metrics.cls.median.toFixed(3)}`, range(p.metrics.tbt, ms), dash, dash, dash]);
      rows.push(['Cases', 'LCP, static peer', page, ms(c.peer.metrics.lcp.median), range(c.peer.metrics.lcp, ms), `FCP ${ms(c.peer.metrics.fcp.median)}; ${c.peerPage?.path ?? ''}, perf ${c.peer.scores.performance.median}`, dash, dash]);
      const r = c.ratio;
      const f = c.fcpRatio?.median;
      rows.push(['Cases', 'LCP ratio Bulletin / static', page, r.median == null ? 'n/a' : `${r.median.toFixed(2)}x`, range(r, (x) => x.toFixed(2)), `per pair, median; FCP ratio ${f == null ? 'n/a' : f.toFixed(2)}`, '<= 1.10', met(tgt(`lcp-ratio-${key}`)?.met)]);
    }
  }
  const bd = results.build;
  if (bd) {
    const secs = (x) => (x == null ? 'n/a' : `${x.toFixed(1)} s`);
    for (const [count, z] of Object.entries(bd.sizes)) {
      const label = `${Number(count).toLocaleString('en-GB')} items`;
      const big = Number(count) >= 10_000;
      const tt = big ? tgt('build-time-10000') : null;
      rows.push(['Build', 'vite build time (own process)', label, secs(z.seconds.median), range(z.seconds, secs), `${z.seconds.runs.length} run(s); source ${mb(z.sourceBytes)} in ${z.sourceDocuments} doc(s)`, big ? '< 120 s' : dash, tt ? met(tt.met) : dash]);
      rows.push(['Build', 'dist/ size (sum of files)', label, mb(z.distBytes), dash, `${z.distFiles.toLocaleString('en-GB')} files; ${z.releasePages?.toLocaleString('en-GB') ?? 'n/a'} release pages prerendered`, dash, dash]);
      rows.push(['Build', 'dist/ bytes per item', label, kb(z.bytesPerItem), dash, dash, dash, dash]);
    }
    const g = bd.growth;
    if (g) {
      const tl = tgt('build-linear');
      const marginal = `added per item 50->1k ${g.marginalLow == null ? 'n/a' : kb(g.marginalLow)}, 1k->10k ${kb(g.marginalHigh)}`;
      rows.push(['Build', 'Bytes per item 10,000 / 1,000', 'dist/', `${g.ratio.toFixed(2)}x`, dash, marginal, 'linear (within 15%)', met(tl?.met)]);
    }
  }
  const im = results.images;
  if (im) {
    const original = `remote original ${kb(im.original.bytes)} (${im.original.width} px)`;
    for (const [width, w] of Object.entries(im.widths)) {
      rows.push(['Images', 'Image bytes, self-hosted', `seed + photo, ${width} px`, kb(w.bytes), dash, `${original}; ${w.currentSrc.split('/').pop()}`, dash, dash]);
    }
  }
  const se = results.search;
  if (se) {
    const page = `${se.items.toLocaleString('en-GB')} items`;
    rows.push(['Search', 'Index file (search-index.json)', page, kb(se.bytes.gzip), dash, `gzip -9; raw ${se.bytes.raw >= 1e6 ? mb(se.bytes.raw) : kb(se.bytes.raw)}`, dash, dash]);
    rows.push(['Search', 'Index built (MiniSearch, Node)', page, ms(se.indexMs.median), range(se.indexMs, ms), `JSON parsed and checked in ${ms(se.parseMs)}`, dash, dash]);
    const t = tgt('search-query');
    rows.push(['Search', 'Time per query (median)', page, `${round(se.queryMs.median)} ms`, range(se.queryMs, (x) => `${round(x)} ms`), `${se.queries} queries, max ${round(se.queryMs.max)} ms; CPU median ${round(se.queryCpuMs?.median)} ms`, '<= 50 ms', met(t?.met)]);
  }
  const sc = results.scale;
  if (sc) {
    for (const [key, c] of Object.entries(sc)) {
      const pagesNote = c.feedPages > 1 ? `page 1 of ${c.feedPages}` : `${c.feedBytes >= 1e6 ? mb(c.feedBytes) : kb(c.feedBytes)} JSON`;
      rows.push(['Scale', 'List shown and usable', c.label, ms(c.listUsable.median), range(c.listUsable, ms), `in DOM ${ms(c.listInDom.median)}; ${pagesNote}`, dash, dash]);
      rows.push(['Scale', 'Article shown (direct load)', c.label, ms(c.articleShown.median), range(c.articleShown, ms), c.articleWhich ?? dash, dash, dash]);
      rows.push(['Scale', 'JS heap after load (list)', c.label, mb(c.heapList.median), range(c.heapList, mb), `article ${mb(c.heapArticle.median)}`, dash, dash]);
      if (c.feedPages > 1) {
        const older = c.afterOlder ? `; after one "Older news" ${c.afterOlder.feedRequests} (${c.afterOlder.links} items shown)` : '';
        rows.push(['Scale', 'Feed pages fetched at load', c.label, String(c.feedRequestsAtLoad), dash, `${c.linksShown} items shown${older}`, dash, dash]);
      }
      if (key === 'doc-10000') {
        const t = tgt('scale-time');
        rows.push(['Scale', 'List time 10,000 / 50', '1 doc', t.value == null ? 'n/a' : `${t.value.toFixed(2)}x`, dash, dash, '<= 3x', met(t.met)]);
        const g = heapGrowth(sc);
        const tm = tgt('scale-memory');
        rows.push(['Scale', 'Heap per item 50->1k / 1k->10k', '1 doc', `${(g.perItemLow / 1000).toFixed(1)} / ${(g.perItemHigh / 1000).toFixed(1)} KB`, dash, `${g.heapPerFeedByte.toFixed(2)} B heap per feed byte`, 'linear (<= 1.25x)', met(tm.met)]);
      }
    }
  }
  return rows;
}

function shortSelector(selector) {
  if (!selector) return 'n/a';
  return selector.split('>').slice(-2).map((x) => x.trim()).join(' > ');
}

export function formatTable(rows, title) {
  const header = ['Section', 'Measure', 'Page / case', 'Median', 'Range (min - max)', 'Beside', 'Target', 'Met?'];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out = [title, '', line(header), rule];
  let section = null;
  for (const r of rows) {
    if (section !== null && r[0] !== section) out.push('');
    section = r[0];
    out.push(line(r));
  }
  return out.join('\n');
}
