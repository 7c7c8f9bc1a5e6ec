/**
 * Hostile content: every payload of both XSS sets in test/corpus/xss/ is injected into
 * content_html, title, summary, author name/url/avatar, tags and every URL field of an item,
 * and each affected page is rendered in Chromium. Nothing may run: no dialog, no marker set by
 * a payload, no javascript: URL and no on* attribute in the DOM, no request to a payload's
 * address, no CSP violation. Prints how many payloads were tried and how many got through.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, newsLinks, ORIGIN, ready, withBrowser } from './support';

withBrowser();

const here = import.meta.url;
const corpus = (name: string) => fileURLToPath(new URL(`../corpus/xss/${name}`, here).href);

interface Payload {
  source: string;
  payload: string;
}

function loadPayloads(): Payload[] {
  const purify = JSON.parse(readFileSync(corpus('dompurify-expect.json'), 'utf8')) as { cases: { title: string; payload: string }[] };
  const h5sc = JSON.parse(readFileSync(corpus('h5sc-html5sec-vectors.json'), 'utf8')) as { items: { id: number; payload: string }[] };
  return [
    ...purify.cases.map((c, i) => ({ source: `dompurify #${i} ${c.title}`, payload: c.payload })),
    ...h5sc.items.map((c) => ({ source: `h5sc #${c.id}`, payload: c.payload })),
  ];
}

function hostileFeed(payloads: Payload[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Hostile newsroom',
    description: payloads[0]?.payload,
    items: payloads.map(({ payload }, i) => ({
      id: `xss-${i}`,
      // Titles and summaries carry the payload after a plain prefix, so each link has a findable name.
      title: `Item ${i} ${payload}`,
      summary: payload,
      content_html: payload,
      url: payload,
      external_url: payload,
      image: payload,
      banner_image: payload,
      authors: [{ name: payload, url: payload, avatar: payload }],
      tags: [payload],
      attachments: [{ url: payload, mime_type: 'text/html', title: payload }],
      date_published: '2018-03-22T10:30:00Z',
    })),
  });
}

/** Installs markers a payload would trip: dialogs and common sinks. */
const MARKERS = () => {
  const w = window as unknown as Record<string, unknown>;
  w.__xssHits = [] as string[];
  const hit = (what: string) => () => {
    (w.__xssHits as string[]).push(what);
    return undefined;
  };
  window.alert = hit('alert');
  window.confirm = hit('confirm') as unknown as typeof window.confirm;
  window.prompt = hit('prompt') as unknown as typeof window.prompt;
  window.print = hit('print');
};

/** What is wrong in the DOM right now, as readable lines (empty when clean). */
async function domProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset', 'ping'];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) problems.push(`<${el.tagName.toLowerCase()}> has ${name}`);
        // Browsers ignore control characters and spaces in a URL's scheme: so does this check.
        // eslint-disable-next-line no-control-regex
        const scheme = attr.value.replace(/[\u0000-\u0020]/g, '');
        if (urlAttrs.includes(name) && /^(javascript|vbscript|data:text\/html)/i.test(scheme)) {
          problems.push(`<${el.tagName.toLowerCase()}> ${name}="${attr.value.slice(0, 60)}"`);
        }
      }
    }
    const main = document.querySelector('main');
    const forbidden = main?.querySelectorAll('script, iframe, frame, object, embed, form, input, base, meta, link, style, svg, math');
    for (const el of forbidden ?? []) problems.push(`<${el.tagName.toLowerCase()}> inside main`);
    const hits = (window as unknown as { __xssHits?: string[] }).__xssHits ?? [];
    for (const h of hits) problems.push(`marker: ${h} was called`);
    return problems;
  });
}

/** Moves the pointer and focus over everything in the article body, to wake handler-based vectors. */
async function stir(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('main .prose *')) {
      for (const type of ['mouseover', 'mouseenter', 'focus', 'focusin', 'animationstart', 'transitionend']) {
        el.dispatchEvent(new Event(type, { bubbles: true }));
      }
    }
  });
}

describe('Hostile content in every field', () => {
  it('runs none of the XSS payloads on the list or on any article', { timeout: 240_000 }, async () => {
    const payloads = loadPayloads();
    expect(payloads.length).toBeGreaterThan(300);
    const feed = hostileFeed(payloads);
    // Service workers blocked so that the routed feed is what the page gets.
    const session = await newPage({ serviceWorkers: 'block' });
    const { page, context, problems } = session;
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await context.addInitScript(MARKERS);
    await context.route('**/feed.json', (route) => route.fulfill({ status: 200, contentType: 'application/feed+json', body: feed }));
    // Nothing may leave our origin; record and refuse it (support.ts counts it as a foreign request).
    await context.route((url) => url.origin !== ORIGIN, (route) => route.abort());

    await page.goto('/');
    await ready(page);
    // The list shows 50 at a time: show every hostile title and summary.
    const older = page.getByRole('button', { name: 'Older news' });
    while (await older.isVisible()) {
      const before = await newsLinks(page).count();
      await older.click();
      await expect.poll(() => newsLinks(page).count()).toBeGreaterThan(before);
    }
    const listProblems = await domProblems(page);
    // Each title starts "Item <n> ": n is the payload's index.
    const links = await newsLinks(page).evaluateAll((els) =>
      els.map((el) => ({ index: Number(/^Item (\d+)/.exec(el.textContent ?? '')?.[1] ?? NaN), href: el.getAttribute('href') ?? '' })),
    );
    expect(links).toHaveLength(payloads.length);
    expect(links.map((l) => l.index).sort((a, b) => a - b), 'one link for each payload').toEqual(payloads.map((_, i) => i));

    const through: string[] = [];
    for (const { index, href } of links) {
      await page.evaluate((path) => {
        history.pushState({ idx: 0, key: path, usr: null }, '', path);
        window.dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
      }, href);
      await page
        .waitForFunction(
          (n) =>
            new RegExp(`^Item ${n}(\\s|$)`).test(document.querySelector('h1')?.textContent ?? '') &&
            document.querySelector('main .loading') === null,
          index,
          { timeout: 10_000 },
        )
        .catch(async (error: unknown) => {
          const shown = await page.evaluate(() => document.querySelector('main')?.textContent?.slice(0, 300));
          throw new Error(`Article ${index} (${payloads[index]?.source}) did not render; main shows: ${shown}`, { cause: error });
        });
      await stir(page);
      const found = await domProblems(page);
      if (found.length > 0) through.push(`${payloads[index]?.source}: ${found.join('; ')}`);
    }

    // Chromium reports a CSP violation whenever markup with inline handlers or styles is merely
    // *parsed*, even into DOMPurify's inert document where nothing can run (cure53/DOMPurify#900).
    // Those reports come from the sanitiser's own chunk; any report from anywhere else would mean
    // hostile markup reached the live page.
    const fromSanitiserParse = (report: string) => /\/assets\/sanitise-[\w-]+\.js:/.test(report);
    const parseReports = problems.cspViolations.filter(fromSanitiserParse);
    const liveReports = problems.cspViolations.filter((r) => !fromSanitiserParse(r));
    const executed = through.length + (listProblems.length > 0 ? 1 : 0) + dialogs.length;
    console.log(
      `XSS payloads tried: ${payloads.length} (each in content_html, title, summary, author, tags and every URL field); ` +
        `got through: ${executed}; CSP reports from the live page: ${liveReports.length} ` +
        `(and ${parseReports.length} from the sanitiser parsing hostile markup in its inert document)`,
    );
    expect(listProblems, 'the list page').toEqual([]);
    expect(through, 'articles').toEqual([]);
    expect(dialogs, 'dialogs').toEqual([]);
    expect(liveReports, 'CSP violations in the live page').toEqual([]);
    expect(problems.foreignRequests, 'requests to a payload’s address').toEqual([]);
    expect(problems.pageErrors, 'page errors').toEqual([]);
  });
});

describe('The Content Security Policy', () => {
  it('is in force in the production build: an injected inline script does not run and is reported', async () => {
    const session = await newPage();
    const { page, problems } = session;
    await page.goto('/');
    await ready(page);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      // An inline script that is allowed runs as it is inserted: nothing to wait for.
      document.head.append(s);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => problems.cspViolations.some((r) => r.startsWith('script-src-elem'))).toBe(true);
  });
});
