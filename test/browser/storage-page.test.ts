/**
 * "What this site keeps on your device" against what a real session keeps. A reader's session on a
 * copy of the production build with its service worker (own-site.ts): a release with a picture
 * opened, Largest text, Text only and a postcode set, then "Leave this site" pressed. What the
 * browser then holds for the site (localStorage keys and the options' fields, sessionStorage keys,
 * Cache Storage, IndexedDB, service worker registrations) is read from the browser itself and
 * compared with what the page lists, read from the page by role. No cookie is set, and no
 * response sets one. The page is also prerendered, read without script, axe clean and whole at
 * 375 and 1280 px and at Largest text.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEFAULT_QUICK_EXIT } from '../../build/site/index.ts';
import { paths } from '../../src/config/paths';
import {
  axe,
  expectWholeLayout,
  newPage,
  postcodeInput,
  ready,
  releaseLink,
  screenshot,
  SEED,
  textOnlyButton,
  textSizeButton,
  visit,
  withBrowser,
} from './support';
import { controlledSession, ownSite, withOwnSites } from './own-site';

withBrowser();
withOwnSites();

const TITLE = 'What this site keeps on your device';
const EXIT = DEFAULT_QUICK_EXIT; // bulletin.site.json names no quickExit: the default.

/** One thing the page lists, as the page says it: its section's heading and each row of its summary list. */
interface Listed {
  heading: string;
  keptIn: string;
  /** The name as written in code (for the precache, how the name starts). */
  name: string;
  nameIsStart: boolean;
  rows: Record<string, string>;
  /** The names in its list of fields, in order. */
  fields: string[];
}

async function rowsOf(section: Locator): Promise<Record<string, string>> {
  const terms = await section.getByRole('term').allTextContents();
  const definitions = await section.getByRole('definition').allTextContents();
  expect(definitions.length, 'a value for every key').toBe(terms.length);
  return Object.fromEntries(terms.map((term, i) => [term, (definitions[i] ?? '').trim()]));
}

/** What the page lists: every region of <main> with a summary list. */
async function listedOn(page: Page): Promise<Listed[]> {
  const sections = page.getByRole('main').getByRole('region');
  const out: Listed[] = [];
  for (const section of await sections.all()) {
    const heading = ((await section.getByRole('heading', { level: 2 }).textContent()) ?? '').trim();
    const rows = await rowsOf(section);
    const nameCell = section.getByRole('definition').filter({ has: page.locator('code') }).first();
    const name = ((await nameCell.locator('code').textContent()) ?? '').trim();
    const fieldList = section.getByRole('list', { name: `What ${name} holds`, exact: true });
    const fields = (await fieldList.count()) > 0 ? (await fieldList.getByRole('listitem').locator('code').allTextContents()).map((f) => f.trim()) : [];
    out.push({ heading, keptIn: rows['Kept in'] ?? '', name, nameIsStart: (rows.Name ?? '') !== name, rows, fields });
  }
  return out;
}

function named(listed: Listed[], place: string): Listed[] {
  return listed.filter((l) => l.keptIn === place);
}

/** What the browser keeps for the page's origin, read from the browser. */
function keptByBrowser(page: Page) {
  return page.evaluate(async () => {
    const local: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key !== null) local[key] = localStorage.getItem(key) ?? '';
    }
    const registrations = await navigator.serviceWorker.getRegistrations();
    return {
      local,
      session: Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.key(i) ?? ''),
      caches: (await caches.keys()).sort(),
      databases: (await indexedDB.databases()).map((d) => d.name ?? '').sort(),
      workers: registrations.map((r) => new URL((r.active ?? r.waiting ?? r.installing)?.scriptURL ?? '', location.href).pathname),
      cookie: document.cookie,
    };
  });
}

describe('what this site keeps on your device', () => {
  test('lists exactly what a real session keeps, and no cookie is set', async () => {
    const site = await ownSite();
    // A picture on the seed release, so that the pictures' cache is written too.
    mkdirSync(join(site.dir, 'media'), { recursive: true });
    copyFileSync(join(site.dir, 'icons', 'icon-192.png'), join(site.dir, 'media', 'seed-photo.png'));
    site.editJson('feed.json', (feed) => {
      const seed = (feed.items as Record<string, unknown>[]).find((i) => i.title === SEED.title);
      if (!seed) throw new Error('The seed release is not in feed.json');
      seed.image = '/media/seed-photo.png';
    });

    const { session, page, context } = await controlledSession(site);
    // Every response's headers, whoever answered (the server or the service worker).
    const setCookies: Promise<string | null>[] = [];
    context.on('response', (response) => {
      setCookies.push(response.headerValue('set-cookie').then((value) => (value === null ? null : `${response.url()}: ${value}`)));
    });

    // A reader's session: a release and its picture, then the options.
    await releaseLink(page, SEED.title).click();
    await page.waitForURL((url) => url.pathname === SEED.path);
    await ready(page);
    const image = page.getByRole('main').locator('img.article__image');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(192);
    await textSizeButton(page, 'largest').click();
    await textOnlyButton(page).click();
    await postcodeInput(page).fill('TS8 9GL');
    await page.keyboard.press('Enter');
    await page.getByText(/^Showing news for Middlesbrough/).waitFor({ state: 'visible' });

    // The page, from the footer.
    await page.getByRole('contentinfo').getByRole('link', { name: TITLE, exact: true }).click();
    await page.waitForURL((url) => url.pathname === paths.whatWeKeep.href());
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLE);
    const listed = await listedOn(page);
    expect(listed.length).toBeGreaterThan(0);
    for (const thing of listed) {
      expect(Object.keys(thing.rows), `${thing.heading}: each thing says where, what, why, how long and what is sent`).toEqual([
        'Kept in',
        'Name',
        'What it is',
        'Why it is kept',
        'How long',
        'What is sent anywhere',
      ]);
      expect(thing.rows['What is sent anywhere'], thing.heading).toMatch(/^Nothing/);
    }

    const kept = await keptByBrowser(page);
    // localStorage: the keys, and the options' fields in the order they are stored.
    const local = named(listed, 'Local storage');
    expect(local.map((l) => l.name).sort()).toEqual(Object.keys(kept.local).sort());
    const [options] = local;
    if (!options) throw new Error('The page lists nothing in local storage');
    const stored = JSON.parse(kept.local[options.name] ?? 'null') as Record<string, unknown>;
    expect(options.fields).toEqual(Object.keys(stored));
    // What the page says of the postcode: never the whole of it.
    expect(stored).toMatchObject({ textSize: 'largest', textOnly: true, postcode: 'TS8 9' });
    // Nothing in sessionStorage until the reader leaves.
    expect(kept.session).toEqual([]);
    // Cache Storage: every cache is listed, and every cache listed was written.
    const cacheNames = named(listed, 'Cache storage');
    const matches = (l: Listed, name: string) => (l.nameIsStart ? name.startsWith(l.name) : name === l.name);
    for (const name of kept.caches) expect(cacheNames.filter((l) => matches(l, name)).map((l) => l.heading), `cache ${name}`).toHaveLength(1);
    for (const l of cacheNames) expect(kept.caches.filter((name) => matches(l, name)), `listed cache ${l.name}`).toHaveLength(1);
    expect(named(listed, 'IndexedDB').map((l) => l.name).sort()).toEqual(kept.databases);
    expect(named(listed, 'Service workers').map((l) => `/${l.name}`)).toEqual(kept.workers);
    // Nothing is kept anywhere else the page does not name.
    expect(new Set(listed.map((l) => l.keptIn))).toEqual(new Set(['Local storage', 'Session storage', 'Cache storage', 'IndexedDB', 'Service workers']));

    // No cookies, from the page's point of view and the browser's, and no response set one.
    expect(kept.cookie).toBe('');
    await expect(context.cookies()).resolves.toEqual([]);
    expect((await Promise.all(setCookies)).filter((v) => v !== null)).toEqual([]);

    expect((await axe(page)).summary, 'axe on the page, Largest text and Text only').toBe('');
    session.expectNoProblems();

    // "Leave this site": the note it leaves in sessionStorage is the one listed. The stand-in exit
    // sends the tab back to a file of this site in which no script runs (the icon), so that the
    // tab's storage for this site can be read as it was left.
    await context.route(`${new URL(EXIT).origin}/**`, (route) => route.fulfill({ status: 302, headers: { location: `${site.url}/favicon.svg` } }));
    await page.getByRole('link', { name: 'Leave this site', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/favicon.svg');
    const after = await keptByBrowser(page);
    expect(after.session.length).toBeGreaterThan(0);
    expect(named(listed, 'Session storage').map((l) => l.name)).toEqual(after.session);
    expect(after.cookie).toBe('');
    await expect(context.cookies()).resolves.toEqual([]);
    expect((await Promise.all(setCookies)).filter((v) => v !== null)).toEqual([]);
  });

  test('is prerendered and reads the same without JavaScript, linked from the footer', async () => {
    const withScript = await newPage();
    await visit(withScript.page, paths.whatWeKeep.href());
    const listed = await listedOn(withScript.page);

    const { page } = await newPage({ javaScriptEnabled: false });
    await page.goto(paths.news.href());
    await page.getByRole('contentinfo').getByRole('link', { name: TITLE, exact: true }).click();
    await page.waitForURL((url) => url.pathname === paths.whatWeKeep.href());
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLE);
    await expect(page.title()).resolves.toMatch(new RegExp(`^${TITLE} `));
    expect(await listedOn(page)).toEqual(listed);
    await expect(page.getByRole('heading', { level: 2, name: 'No cookies are set' }).isVisible()).resolves.toBe(true);
    // The way to remove it all: the control on the page about leaving quickly.
    const clear = page.getByRole('main').getByRole('link', { name: 'Clear this site’s data from this device', exact: true });
    await expect(clear.getAttribute('href')).resolves.toBe(paths.leaveQuickly.href());
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'storage-page-no-js-1280');
    withScript.expectNoProblems();
  });

  test('axe clean, whole at 375 and 1280 px and at Largest text; its link to clearing the data works', async () => {
    for (const [width, textSize] of [
      [375, 'default'],
      [1280, 'default'],
      [375, 'largest'],
      [1280, 'largest'],
    ] as const) {
      const { page, expectNoProblems, close } = await newPage({ viewport: { width, height: 800 }, preferences: { textSize } });
      await visit(page, paths.whatWeKeep.href());
      const where = `the page at ${width} px, ${textSize} text`;
      expect((await axe(page)).summary, `axe on ${where}`).toBe('');
      // At Largest text the header and the options fill the first screen, as on every page.
      await expectWholeLayout(page, where, { firstScreen: textSize === 'default' });
      await screenshot(page, `storage-page-${width}-${textSize}`);
      if (width === 375 && textSize === 'default') {
        await page.getByRole('main').getByRole('link', { name: 'Clear this site’s data from this device', exact: true }).click();
        await page.waitForURL((url) => url.pathname === paths.leaveQuickly.href());
        await page.getByRole('button', { name: 'Clear this site’s data from this device', exact: true }).waitFor({ state: 'visible' });
      }
      expectNoProblems();
      await close();
    }
  });
});
