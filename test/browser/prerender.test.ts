/**
 * Prerendered pages (latest news and the releases): the HTML carries the page itself, so a reader
 * sees it before any script runs and one without JavaScript can read it; with script the app takes
 * over the same page without a flash of a loading state.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/config/paths';
import { makeSlug } from '../../src/lib/slug';
import {
  newPage,
  newsLinks,
  openOptions,
  ORIGIN,
  PREFERENCES_KEY,
  preferencesJson,
  ready,
  SEED,
  seedFindings,
  seedFootnoteMarker,
  seedQuote,
  SITE,
  withBrowser,
} from './support';

withBrowser();

/** Records whether a loading placeholder is ever attached, from the very first parse. */
async function recordLoading(page: Page): Promise<() => Promise<boolean>> {
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('.loading')) (window as unknown as { __sawLoading?: boolean }).__sawLoading = true;
    }).observe(document, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { __sawLoading?: boolean }).__sawLoading ?? false);
}

describe('A prerendered release', () => {
  it('starts every module its entry script imports together with it, not once the entry is parsed', async () => {
    const html = await (await fetch(`${ORIGIN}${SEED.path}`)).text();
    const starts = /<meta name="bulletin:after-paint" content="([^"]*)"/.exec(html)?.[1]?.split(/\s+/) ?? [];
    const entry = starts.find((s) => s.startsWith('module:'))?.slice('module:'.length);
    expect(entry, 'the page names its entry script').toBeTruthy();
    const code = await (await fetch(`${ORIGIN}${entry}`)).text();
    // The entry's static imports (its dynamic ones are the lazy chunks, loaded when used).
    const imported = [...code.matchAll(/(?:^|;)\s*import\s*(?:[^;"'`()]*?from\s*)?["'`](\.\/[^"'`]+\.js)["'`]/g)].map(
      (m) => new URL(m[1] ?? '', `${ORIGIN}${entry}`).pathname,
    );
    for (const path of imported) expect(starts, `${path} is preloaded with the entry`).toContain(`modulepreload:${path}`);
  });

  it('needs one script, the entry: React is not split into a chunk of its own (a request more)', async () => {
    const html = await (await fetch(`${ORIGIN}${SEED.path}`)).text();
    const starts = /<meta name="bulletin:after-paint" content="([^"]*)"/.exec(html)?.[1]?.split(/\s+/) ?? [];
    const entries = starts.filter((s) => s.startsWith('module:')).map((s) => s.slice('module:'.length));
    expect(entries, 'one entry script').toHaveLength(1);
    expect(starts.filter((s) => s.startsWith('modulepreload:')), 'nothing else to preload with it').toEqual([]);
    const { page } = await newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(SEED.path);
    await page.waitForSelector('html[data-app]');
    await page.waitForLoadState('networkidle');
    expect(scripts, 'the scripts a direct load of a prerendered release fetches').toEqual(entries);
  });

  it('can be read with JavaScript off: headline, date, quoted section, findings and footnote, no dead controls', async () => {
    const { page } = await newPage({ javaScriptEnabled: false });
    await page.goto(SEED.path);
    expect(await page.title()).toBe(`${SEED.title} | ${SITE}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(SEED.title);
    expect(await page.getByText(SEED.posted).isVisible()).toBe(true);
    expect(await seedQuote(page).isVisible()).toBe(true);
    expect(await seedFindings(page).getByRole('listitem').count()).toBe(SEED.findings);
    expect(await page.getByText(SEED.footnote.note).isVisible()).toBe(true);
    // The options need script: without it they are not offered.
    expect(await page.getByRole('button', { name: 'Largest' }).isVisible()).toBe(false);
    expect(await page.getByText('Powered by Bulletin').isVisible()).toBe(true);
  });

  it('with JavaScript, the app takes over without ever showing a loading state', async () => {
    const { page, expectNoProblems } = await newPage();
    const sawLoading = await recordLoading(page);
    await page.goto(SEED.path);
    await ready(page);
    await page.getByRole('button', { name: 'Copy link' }).waitFor();
    expect(await sawLoading()).toBe(false);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(SEED.title);
    expectNoProblems();
  });

  it('is hydrated in place (the same DOM, nothing painted twice), then shows the reader’s own options', async () => {
    const { page, expectNoProblems } = await newPage({ preferences: { textSize: 'largest', postcode: 'TS24 8AY' } });
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { __firstH1?: Element | null }).__firstH1 = document.querySelector('h1');
      });
    });
    await page.goto(SEED.path);
    await ready(page);
    await page.getByRole('complementary', { name: 'More from Hartlepool' }).waitFor();
    expect(await page.evaluate(() => document.querySelector('h1') === (window as unknown as { __firstH1?: Element | null }).__firstH1)).toBe(true);
    // At Largest a 1280 px window folds the options, summing the postcode up (issue 12, part 5).
    expect(await page.getByText('News for Hartlepool (TS24 8), Change', { exact: true }).isVisible()).toBe(true);
    await openOptions(page);
    expect(await page.getByRole('button', { name: 'Largest' }).getAttribute('aria-pressed')).toBe('true');
    expectNoProblems();
  });

  it.each([
    ['arrives late', 'late'],
    ['cannot be loaded', 'fails'],
  ] as const)('keeps a returning reader’s text size from the first paint on while the options’ code, which reads what is stored, %s', async (_what, how) => {
    // No service worker: it would precache the options' chunk.
    const { page, context } = await newPage({ serviceWorkers: 'block', preferences: { textSize: 'largest', postcode: 'TS24 8AY' } });
    await page.addInitScript(() => {
      // Every value <html> is given (it does not exist yet when this runs: the document is watched).
      const seen: (string | null)[] = [];
      (window as unknown as { __textSizes?: (string | null)[] }).__textSizes = seen;
      new MutationObserver((records) => {
        for (const r of records) if (r.target === document.documentElement) seen.push(document.documentElement.getAttribute('data-text-size'));
      }).observe(document, { attributes: true, attributeFilter: ['data-text-size'], subtree: true });
    });
    let asked = 0;
    await context.route('**/assets/OptionsIsland-*.js', async (route) => {
      asked += 1;
      if (how === 'fails') return route.abort('connectionreset');
      await new Promise((resolve) => setTimeout(resolve, 600));
      return route.continue();
    });
    await page.goto(SEED.path);
    // Without the options' code, the options stay hidden (test/browser/support.ts' ready waits for them).
    await (how === 'late' ? ready(page) : page.waitForSelector('html[data-app]'));
    if (how === 'late') {
      // Once it is in: the reader's area (matched by the model) and their options.
      await page.getByRole('complementary', { name: 'More from Hartlepool' }).waitFor();
    } else {
      await page.waitForLoadState('networkidle');
      expect(await page.getByRole('heading', { level: 1 }).textContent(), 'the release, not an error page').toBe(SEED.title);
    }
    expect(asked, 'the options’ chunk was asked for at once').toBeGreaterThan(0);
    const sizes = await page.evaluate(() => (window as unknown as { __textSizes?: (string | null)[] }).__textSizes ?? []);
    expect(sizes.length, 'the boot script set the size').toBeGreaterThan(0);
    expect(new Set(sizes), 'never another size than the reader’s').toEqual(new Set(['largest']));
  });

  it('goes without "More from <area>" when its code cannot be loaded: the release stays, with the reader’s options', async () => {
    const { page, context } = await newPage({ serviceWorkers: 'block', preferences: { textSize: 'largest', postcode: 'TS24 8AY' } });
    let asked = 0;
    await context.route('**/assets/MoreFromArea-*.js', (route) => {
      asked += 1;
      return route.abort('connectionreset');
    });
    await page.goto(SEED.path);
    await ready(page);
    await expect.poll(() => asked, { message: 'the aside’s chunk was asked for' }).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('heading', { level: 1 }).textContent(), 'the release, not an error page').toBe(SEED.title);
    expect(await page.getByText('Sorry, something went wrong with this page').count()).toBe(0);
    expect(await page.getByRole('complementary', { name: /^More from/ }).count()).toBe(0);
    expect(await page.getByText('News for Hartlepool (TS24 8), Change', { exact: true }).isVisible()).toBe(true);
  });

  it('is painted before its script and the feed are requested, and brings its own safe body (no sanitiser)', async () => {
    // No service worker: its install precaches every chunk, the sanitiser's too, whatever the page needs.
    const { page, requests, expectNoProblems } = await newPage({ serviceWorkers: 'block' });
    await page.goto(SEED.path);
    await ready(page);
    await page.getByRole('button', { name: 'Copy link' }).waitFor();
    const timing = await page.evaluate(() => ({
      firstPaint: performance.getEntriesByName('first-paint')[0]?.startTime ?? null,
      started: performance
        .getEntriesByType('resource')
        .filter((e) => /\/assets\/[^/]+\.js$|\/feed\.json$/.test(e.name))
        .map((e) => ({ name: new URL(e.name).pathname, startTime: e.startTime })),
    }));
    expect(timing.firstPaint, 'a first paint was recorded').not.toBeNull();
    expect(timing.started.map((e) => e.name)).toEqual(expect.arrayContaining(['/feed.json', expect.stringMatching(/^\/assets\/index-/)]));
    const early = timing.started.filter((e) => e.startTime < (timing.firstPaint ?? 0));
    expect(early, `requested before the first paint at ${timing.firstPaint} ms`).toEqual([]);
    expect(requests.filter((url) => url.includes('/assets/sanitise-')), 'the sanitiser chunk').toEqual([]);
    // Nor the code that renders a release's content: the page's own is adopted as it stands.
    expect(requests.filter((url) => url.includes('/assets/ReleaseContent-')), 'the release content chunk').toEqual([]);
    // The body is the prerendered one, and still works: the footnote marker leads to its note.
    await seedFootnoteMarker(page).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(SEED.footnote.note);
    expectNoProblems();
  });

  it.each([
    ['its date', false],
    ['its date and its body', true],
  ])('once the feed has changed %s since the build, shows the release as the feed has it, with no loading placeholder and no hydration fault', async (_what, bodyToo) => {
    const { page, context, requests, expectNoProblems } = await newPage({ serviceWorkers: 'block' });
    const sawLoading = await recordLoading(page);
    await context.route('**/feed.json', async (route) => {
      const response = await route.fetch();
      const feed = (await response.json()) as { items: { title?: string; date_modified?: string; content_html?: string }[] };
      const seed = feed.items.find((item) => item.title === SEED.title);
      if (!seed) throw new Error('The seed release is not on the first feed page');
      seed.date_modified = '2026-11-20T10:00:00Z';
      if (bodyToo) seed.content_html = `${seed.content_html ?? ''}<p>A paragraph added since the build.</p>`;
      await route.fulfill({ response, json: feed });
    });
    await page.goto(SEED.path);
    await ready(page);
    await expect.poll(() => page.getByText(/^Updated on/).textContent()).toBe('Updated on Friday 20th November 2026');
    expect(requests.filter((url) => url.includes('/assets/ReleaseContent-')), 'the release content chunk').toHaveLength(1);
    // The sanitiser only for a body that changed: fetched beside the content's code, and shown with it.
    expect(requests.filter((url) => url.includes('/assets/sanitise-')), 'the sanitiser chunk').toHaveLength(bodyToo ? 1 : 0);
    if (bodyToo) await page.getByText('A paragraph added since the build.').waitFor();
    expect(await sawLoading(), 'a loading placeholder was shown').toBe(false);
    // The rest of the release is as it was: its body and footnotes.
    await seedFootnoteMarker(page).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(SEED.footnote.note);
    expectNoProblems();
  });

  it('keeps a stored text size from the first paint, before the app’s script has run', async () => {
    const { page, context } = await newPage({
      storageState: {
        cookies: [],
        origins: [{ origin: ORIGIN, localStorage: [{ name: PREFERENCES_KEY, value: preferencesJson({ textSize: 'largest' }) }] }],
      },
    });
    // The app's own script never arrives: only index.html's inline boot script can apply the option.
    await context.route('**/assets/*.js', (route) => route.abort());
    await page.goto(SEED.path);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(SEED.title);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
  });
});

/** Records, at DOMContentLoaded, whether the markup was marked stale and what it showed. */
async function recordFirstParse(page: Page): Promise<void> {
  await page.addInitScript(() => {
    // Whether #root is ever seen without its header between tasks (a blink), once parsed.
    new MutationObserver(() => {
      const root = document.getElementById('root');
      if (document.readyState !== 'loading' && root && !root.querySelector('header')) {
        (window as unknown as { __headerGone?: boolean }).__headerGone = true;
      }
    }).observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { __firstParse?: unknown }).__firstParse = {
        stale: 'stale' in document.documentElement.dataset,
        // The first link of the first item in <main>: the first release of latest news.
        firstLink: document.querySelector('main li a'),
        h1: document.querySelector('h1')?.textContent ?? null,
      };
    });
  });
}
interface FirstParse {
  stale: boolean;
  h1: string | null;
}
const firstParse = (page: Page) =>
  page.evaluate((): FirstParse => {
    const { stale, h1 } = (window as unknown as { __firstParse: FirstParse }).__firstParse;
    return { stale, h1 };
  });
/**
 * Whether the stylesheet hides <main>, and only <main>, while <html> is marked stale (the
 * stylesheet is render-blocking: nothing is painted before it applies). Checked on the finished page.
 */
const staleIsHidden = (page: Page) =>
  page.evaluate(() => {
    const html = document.documentElement;
    const visibility = (selector: string) => getComputedStyle(document.querySelector(selector) as Element).visibility;
    html.dataset.stale = '';
    const hidden = visibility('main') === 'hidden' && visibility('header') === 'visible';
    delete html.dataset.stale;
    return hidden && visibility('main') === 'visible';
  });

describe('A release on a later feed page', () => {
  const second = (JSON.parse(readFileSync('sample/feed-2.json', 'utf8')) as { items: { id: string; title: string; _bulletin?: { kind?: string } }[] }).items.find(
    (i) => i._bulletin?.kind !== 'event',
  );
  if (!second) throw new Error('sample/feed-2.json has no release');
  const address = paths.release.href(makeSlug(second.id, second.title));

  it('is its own prerendered page, read without JavaScript', async () => {
    const { page } = await newPage({ javaScriptEnabled: false });
    await page.goto(address);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(second.title);
  });

  it('is hydrated in place after fetching the first feed page and its own, and no page between', async () => {
    const { page, requests, expectNoProblems } = await newPage({ serviceWorkers: 'block' });
    const sawLoading = await recordLoading(page);
    await page.goto(address);
    await ready(page);
    await page.getByRole('button', { name: 'Copy link' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(second.title);
    expect(await sawLoading(), 'a loading state was shown').toBe(false);
    const feeds = requests.filter((url) => new URL(url).pathname.endsWith('.json')).map((url) => new URL(url).pathname);
    expect([...new Set(feeds)].sort()).toEqual(['/feed-2.json', '/feed.json']);
    // Its content is adopted from the page although the item came from another feed page than the first.
    expect(requests.filter((url) => url.includes('/assets/ReleaseContent-')), 'the release content chunk').toEqual([]);
    expectNoProblems();
  });
});

describe('The header and footer, kept as the build wrote them', () => {
  it('are never rendered again, yet navigate in place, mark the current section, search in place and skip to the content', async () => {
    const { page, expectNoProblems } = await newPage();
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const w = window as unknown as { __header?: Element | null; __footer?: Element | null };
        w.__header = document.querySelector('header');
        w.__footer = document.querySelector('footer.site-footer');
      });
    });
    await page.goto(SEED.path);
    await ready(page);
    // Gone with this document: a page loaded afresh would not have it.
    await page.evaluate(() => ((window as unknown as { __sameDocument?: boolean }).__sameDocument = true));
    const same = () =>
      page.evaluate(() => {
        const w = window as unknown as { __header?: Element | null; __footer?: Element | null; __sameDocument?: boolean };
        return w.__sameDocument === true && w.__header === document.querySelector('header') && w.__footer === document.querySelector('footer.site-footer');
      });
    const nav = page.getByRole('navigation', { name: 'Main' });
    const current = () => nav.locator('[aria-current="page"]').allTextContents();
    expect(await current(), 'a release is in neither section').toEqual([]);

    // The main navigation: in place (the same document, so the same header), and marked.
    await nav.getByRole('link', { name: 'Events' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Events');
    expect(await current()).toEqual(['Events']);
    expect(await same(), 'the header and footer the page arrived with').toBe(true);
    await nav.getByRole('link', { name: 'News' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Latest news');
    expect(await current()).toEqual(['News']);

    // The footer's links, and the search box, in place too.
    await page.getByRole('contentinfo').getByRole('link', { name: 'Archive' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Archive');
    expect(await current()).toEqual([]);
    const search = page.getByRole('search');
    await search.getByRole('searchbox', { name: 'Search' }).fill('burglary');
    await search.getByRole('searchbox', { name: 'Search' }).press('Enter');
    await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe('/search/?q=burglary');
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    expect(await same(), 'still the header and footer the page arrived with').toBe(true);

    // The skip link: focus to <main>, which is focusable only while it has it.
    await page.getByRole('link', { name: 'Skip to content' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.locator('main').getAttribute('tabindex')).toBe('-1');
    await page.keyboard.press('Tab');
    expect(await page.locator('main').getAttribute('tabindex'), 'gone once focus moves on').toBeNull();
    expect(new URL(page.url()).pathname, 'the skip link did not navigate').toBe('/search/');
    expect(await same()).toBe(true);
    expectNoProblems();
  });
});

describe('Latest news, prerendered (index.html)', () => {
  it('can be read with JavaScript off: the first page of news, without the controls that need script', async () => {
    const { page } = await newPage({ javaScriptEnabled: false });
    await page.goto('/');
    expect(await page.title()).toBe(`Latest news | ${SITE}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Latest news');
    expect(await page.getByRole('link', { name: SEED.title }).isVisible()).toBe(true);
    expect(await newsLinks(page).count()).toBeGreaterThanOrEqual(5);
    expect(await page.getByRole('button', { name: /Older news/ }).isVisible()).toBe(false);
    // (Playwright's text locators skip <noscript>; what is rendered is what counts.)
    expect(await page.evaluate(() => document.body.innerText)).toContain('the reader’s options (text size, text only, postcode) need it');
  });

  it('is hydrated in place, painted before its script and the feed are requested, and never shows a loading state', async () => {
    const { page, expectNoProblems } = await newPage();
    await recordFirstParse(page);
    const sawLoading = await recordLoading(page);
    await page.goto('/');
    await ready(page);
    await page.getByRole('button', { name: /Older news/ }).waitFor();
    expect(await firstParse(page)).toEqual({ stale: false, h1: 'Latest news' });
    expect(
      await page.evaluate(
        () => {
          const first = document.querySelector('main li a');
          return first !== null && first === (window as unknown as { __firstParse: { firstLink: Element | null } }).__firstParse.firstLink;
        },
      ),
      'the first item link is the same element the HTML brought',
    ).toBe(true);
    expect(await sawLoading()).toBe(false);
    const timing = await page.evaluate(() => ({
      firstPaint: performance.getEntriesByName('first-paint')[0]?.startTime ?? 0,
      early: performance
        .getEntriesByType('resource')
        .filter((e) => /\/assets\/[^/]+\.js$|\/feed\.json$/.test(e.name))
        .map((e) => ({ name: new URL(e.name).pathname, startTime: e.startTime })),
    }));
    expect(timing.firstPaint, 'a first paint was recorded').toBeGreaterThan(0);
    expect(timing.early.length, 'the app and the feed were requested').toBeGreaterThanOrEqual(2);
    expect(timing.early.filter((e) => e.startTime < timing.firstPaint), `requested before the first paint at ${timing.firstPaint} ms`).toEqual([]);
    expectNoProblems();
  });

  it('served for an address with no page of its own, its news is hidden from the first parse and the right page is rendered', async () => {
    const { page, expectNoProblems } = await newPage();
    await recordFirstParse(page);
    // The preview server answers an unknown address with index.html, as the service worker does offline.
    await page.goto('/no-such-page');
    await ready(page);
    expect(await firstParse(page)).toEqual({ stale: true, h1: 'Latest news' });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await page.getByRole('link', { name: SEED.title }).count(), 'no news left from the prerendered list').toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __headerGone?: boolean }).__headerGone ?? false), 'the header blinked').toBe(false);
    expect(await staleIsHidden(page), 'the stylesheet hides <main> while the page is marked stale').toBe(true);
    expect(await page.evaluate(() => 'stale' in document.documentElement.dataset), 'no longer marked stale').toBe(false);
    expectNoProblems();
  });

  it('events have a page of their own: read from the first parse and hydrated in place', async () => {
    const { page, expectNoProblems } = await newPage();
    await recordFirstParse(page);
    await page.goto(paths.events.href());
    await ready(page);
    expect(await firstParse(page)).toEqual({ stale: false, h1: 'Events' });
    await page.getByRole('heading', { level: 2, name: 'Past events' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __headerGone?: boolean }).__headerGone ?? false), 'the header blinked').toBe(false);
    expectNoProblems();
  });

  it.each([
    ['arrives late', 'late'],
    ['cannot be loaded', 'fails'],
  ] as const)('keeps the area’s view the HTML showed while the options’ code, which reads the postcode, %s', async (_what, how) => {
    const { page, context } = await newPage({ serviceWorkers: 'block', preferences: { postcode: 'TS24 8AY' } });
    await page.addInitScript(() => {
      // Whether the area's heading, once shown, is ever gone from <main> between tasks.
      const w = window as unknown as { __seen?: boolean; __lost?: boolean };
      new MutationObserver(() => {
        const shown = [...document.querySelectorAll('main h2')].some((h) => h.textContent === 'News for Hartlepool');
        if (shown) w.__seen = true;
        else if (w.__seen) w.__lost = true;
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await context.route('**/assets/OptionsIsland-*.js', async (route) => {
      if (how === 'fails') return route.abort('connectionreset');
      await new Promise((resolve) => setTimeout(resolve, 800));
      return route.continue();
    });
    await page.goto(paths.news.href());
    await page.waitForSelector('html[data-app]');
    if (how === 'late') await page.getByRole('button', { name: 'Change postcode' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('heading', { level: 2, name: 'News for Hartlepool' }).isVisible()).toBe(true);
    const { seen, lost } = await page.evaluate(() => {
      const w = window as unknown as { __seen?: boolean; __lost?: boolean };
      return { seen: w.__seen ?? false, lost: w.__lost ?? false };
    });
    expect(seen, 'the HTML showed the area’s view').toBe(true);
    expect(lost, 'the area’s view was never taken away').toBe(false);
  });

  it('for a reader with a postcode, latest news shows their area’s view from its own HTML: no second request, the same address', async () => {
    const { page, requests, expectNoProblems } = await newPage({ preferences: { postcode: 'TS24 8AY' } });
    await recordFirstParse(page);
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        // Straight after the boot script's own handler: what the HTML shows before the app starts.
        setTimeout(() => {
          (window as unknown as { __shownH2?: Element | null }).__shownH2 = document.querySelector('main h2');
          (window as unknown as { __shown?: unknown }).__shown = {
            h2: document.querySelector('main h2')?.textContent ?? null,
            hidden: getComputedStyle(document.querySelector('main') ?? document.body).visibility === 'hidden',
            appStarted: document.querySelector('script[src*="/assets/"]') !== null,
            templates: document.querySelectorAll('template').length,
          };
        }, 0);
      });
    });
    await page.goto(paths.news.href());
    await ready(page);
    expect(new URL(page.url()).pathname).toBe(paths.news.href());
    expect(await firstParse(page)).toEqual({ stale: false, h1: 'Latest news' });
    expect(await page.evaluate(() => (window as unknown as { __shown?: unknown }).__shown), 'what the HTML showed before the app').toEqual({
      h2: 'News for Hartlepool',
      hidden: false,
      appStarted: false,
      templates: 0,
    });
    await page.getByRole('heading', { level: 2, name: 'News for Hartlepool' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Other news' }).waitFor();
    // Hydrated in place: the heading the HTML showed is the one on screen now (nothing painted twice).
    await page.getByRole('button', { name: 'Change postcode' }).waitFor();
    expect(await page.evaluate(() => document.querySelector('main h2') === (window as unknown as { __shownH2?: Element | null }).__shownH2)).toBe(true);
    // One page was asked for (no redirect to the area's own address), and it took one history entry.
    const origin = new URL(page.url()).origin;
    const pagesAsked = requests.filter((url) => url.startsWith(origin) && !/\.[a-z0-9]+$/i.test(new URL(url).pathname));
    expect(pagesAsked).toEqual([`${origin}/`]);
    expect(await page.evaluate(() => history.length)).toBe(2);
    expectNoProblems();
  });

  it('for a reader whose postcode is outside every area, latest news is read as it is', async () => {
    const { page, expectNoProblems } = await newPage({ preferences: { postcode: 'SW1A 1AA' } });
    await recordFirstParse(page);
    await page.goto(paths.news.href());
    await ready(page);
    expect(new URL(page.url()).pathname).toBe(paths.news.href());
    expect(await firstParse(page)).toEqual({ stale: false, h1: 'Latest news' });
    expectNoProblems();
  });
});
