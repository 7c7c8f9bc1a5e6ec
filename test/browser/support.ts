/**
 * Shared helpers for the real-browser tests: one Chromium per test file, one context per test,
 * and a record of everything that went wrong in the page (console errors, uncaught errors,
 * failed requests to the site's own origin, CSP violations, requests to any other origin). The
 * site is the shared server (global-setup.ts) or whichever one `baseURL` names (own-site.ts).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { CHROME_PATH, CHROMIUM_ARGS } from '../../scripts/lib/chromium.mjs';
import { SEED } from '../support/seed';

export const baseURL: string = inject('baseURL');
export const ORIGIN = new URL(baseURL).origin;

export { SEED, SITE, SITE_URL } from '../support/seed';

let browser: Browser | null = null;
const openSessions = new Set<Session>();

/** Call once at the top of a test file: launches Chromium before the tests and closes it after. */
export function withBrowser(): void {
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROME_PATH,
      args: [...CHROMIUM_ARGS],
    });
  });
  afterEach(async () => {
    // A test that failed half way must not leave its context open for the next one.
    await Promise.all([...openSessions].map((s) => s.close()));
  });
  afterAll(async () => {
    await browser?.close();
    browser = null;
  });
}

// ---------------------------------------------------------------------------------------------
// Reader preferences, as the app stores them.

export type TextSize = 'default' | 'large' | 'largest';
export interface StoredPreferences {
  textSize: TextSize;
  textOnly: boolean;
  postcode: string | null;
}
export const PREFERENCES_KEY = 'bulletin:preferences';
export const TEXT_SIZES: readonly TextSize[] = ['default', 'large', 'largest'];
const TEXT_SIZE_LABELS: Record<TextSize, string> = { default: 'Default', large: 'Large', largest: 'Largest' };

/**
 * A text size button, found in the "Text size" group by its name: "Largest" (the group gives the
 * context) or "Largest text size" both count.
 */
export function textSizeButton(page: Page, size: TextSize): Locator {
  return page
    .getByRole('group', { name: 'Text size', exact: true })
    .getByRole('button', { name: new RegExp(`^${TEXT_SIZE_LABELS[size]}( text size)?$`) });
}
export function textOnlyButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Text only', exact: true });
}
/** "Accessibility options": the button the options fold behind where the screen is narrow for the text size. */
export function optionsToggle(page: Page): Locator {
  return page.getByRole('button', { name: 'Accessibility options', exact: true });
}

/** What the toggle unfolds: the options' panel (in the "Accessibility options" region, with the toggle). */
export function optionsPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Accessibility options', exact: true }).locator('#options-panel');
}

/** Whether the options are folded away (the toggle shows and says it is collapsed). */
export async function optionsFolded(page: Page): Promise<boolean> {
  const toggle = optionsToggle(page);
  return (await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false';
}

/** Unfolds the options where they are folded (a narrow screen); on a wide screen they are open already. */
export async function openOptions(page: Page): Promise<void> {
  if (await optionsFolded(page)) await optionsToggle(page).click();
  await optionsPanel(page).waitFor({ state: 'visible' });
}

/** Folds the options where they can fold; false where they cannot (a wide screen). */
export async function foldOptions(page: Page): Promise<boolean> {
  const toggle = optionsToggle(page);
  if (!(await toggle.isVisible())) return false;
  if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
  await optionsPanel(page).waitFor({ state: 'hidden' });
  return true;
}

export function postcodeInput(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Set your postcode', exact: true });
}

export function preferencesJson(prefs: Partial<StoredPreferences>): string {
  return JSON.stringify({ version: 1, textSize: 'default', textOnly: false, postcode: null, ...prefs });
}

/**
 * Sets the reader's options before the app's scripts run, on every load in this context
 * (so a reload keeps them unless the test changes them in the page first: the script writes
 * only when nothing is stored yet, so the app's own writes survive a reload).
 */
export async function setPreferences(context: BrowserContext, prefs: Partial<StoredPreferences>): Promise<void> {
  await context.addInitScript(
    ([key, value]) => {
      try {
        if (window.sessionStorage.getItem('bulletin-test:seeded') === null) {
          window.localStorage.setItem(key, value);
          window.sessionStorage.setItem('bulletin-test:seeded', '1');
        }
      } catch {
        // Storage disabled in this test: nothing to seed.
      }
    },
    [PREFERENCES_KEY, preferencesJson(prefs)] as const,
  );
}

// ---------------------------------------------------------------------------------------------
// Pages and what went wrong in them.

export interface Problems {
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests to the site's own origin that failed or answered 4xx/5xx. */
  failedRequests: string[];
  cspViolations: string[];
  /** Every request to an origin other than the site's (the app must load nothing from third parties). */
  foreignRequests: string[];
}

export interface ProblemCheck {
  /**
   * The site was offline on purpose: requests that got no answer, and the console errors
   * browsers log for them, are expected; everything else still counts.
   */
  offline?: boolean;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  problems: Problems;
  /** Every URL requested in this context, in order. */
  requests: string[];
  /** Asserts nothing in `problems` happened, with every problem listed in the message. */
  expectNoProblems(check?: ProblemCheck): void;
  close(): Promise<void>;
}

export interface NewPageOptions extends BrowserContextOptions {
  /** Reader options stored before the first load. */
  preferences?: Partial<StoredPreferences>;
}

/** What a browser logs for a request that got no answer (expected while offline). */
const NETWORK_NOISE = /Failed to load resource|net::ERR_|FetchEvent|no-response|Failed to fetch/i;

function isInert(url: string): boolean {
  return /^(data|blob|about):/.test(url);
}

/**
 * A new context (its own storage, cache and history) with one page, watched for problems. The
 * site is the one at `options.baseURL` (the shared server by default): its origin is "ours".
 */
export async function newPage(options: NewPageOptions = {}): Promise<Session> {
  if (!browser) throw new Error('No browser: call withBrowser() at the top of the test file.');
  const { preferences, ...contextOptions } = options;
  const origin = new URL(contextOptions.baseURL ?? baseURL).origin;
  const isOurs = (url: string): boolean => {
    try {
      return new URL(url).origin === origin;
    } catch {
      return false;
    }
  };
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    ...contextOptions,
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);

  const problems: Problems = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    cspViolations: [],
    foreignRequests: [],
  };
  const requests: string[] = [];

  await context.exposeBinding('__bulletinTestCsp', (_source, report: string) => {
    problems.cspViolations.push(report);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`;
      const w = window as unknown as { __bulletinTestCsp?: (r: string) => void };
      w.__bulletinTestCsp?.(report);
    });
  });
  if (preferences) await setPreferences(context, preferences);

  context.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location();
      problems.consoleErrors.push(`${message.text()} (${where.url}:${where.lineNumber})`);
    }
  });
  context.on('weberror', (error) => {
    problems.pageErrors.push(error.error().stack ?? error.error().message);
  });
  context.on('request', (request) => {
    const url = request.url();
    requests.push(url);
    if (!isOurs(url) && !isInert(url)) problems.foreignRequests.push(url);
  });
  context.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed';
    // A fetch cancelled because the page navigated away is not a fault.
    if (isOurs(request.url()) && failure !== 'net::ERR_ABORTED') {
      problems.failedRequests.push(`${request.method()} ${request.url()}: ${failure}`);
    }
  });
  context.on('response', (response) => {
    if (isOurs(response.url()) && response.status() >= 400) {
      problems.failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
    }
  });

  const page = await context.newPage();
  let closed = false;
  const session: Session = {
    context,
    page,
    problems,
    requests,
    expectNoProblems({ offline = false } = {}) {
      const counted: Problems = offline
        ? { ...problems, failedRequests: [], consoleErrors: problems.consoleErrors.filter((m) => !NETWORK_NOISE.test(m)) }
        : problems;
      const found = Object.entries(counted).filter(([, list]) => (list as string[]).length > 0);
      const message = found.map(([kind, list]) => `${kind}:\n  ${(list as string[]).join('\n  ')}`).join('\n');
      expect(found.length, `Problems in the page:\n${message}`).toBe(0);
    },
    async close() {
      if (closed) return;
      closed = true;
      openSessions.delete(session);
      await context.close();
    },
  };
  openSessions.add(session);
  return session;
}

/**
 * Waits until the page has finished loading what it shows: the app has started, an h1 is visible
 * and no loading placeholder (role status with "Loading…", or the lazily loaded article body) remains.
 */
export async function ready(page: Page): Promise<void> {
  // The app has started (a prerendered release is on screen before it has).
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'), undefined, { timeout: 10_000 });
  // For a reader who has set options, the options' island shows them (src/preferences/Options.tsx): until then they are hidden.
  await page.waitForFunction(
    () => {
      const html = document.documentElement;
      const waiting = html.matches(":is([data-postcode], [data-text-only], [data-text-size='large'], [data-text-size='largest'])");
      return !waiting || html.hasAttribute('data-options');
    },
    undefined,
    { timeout: 10_000 },
  );
  await page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'visible' });
  // The loading placeholder is a status like any other notice, with only its wording to tell it
  // apart ("Loading the release…", "Looking for the release in older news…"): found by its class.
  await page.waitForFunction(() => document.querySelector('.loading') === null, undefined, { timeout: 10_000 });
}

/** Goes to a path on our server and waits for it to be ready. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await ready(page);
}

// ---------------------------------------------------------------------------------------------
// What the pages show, found by role and name.

/** The links of latest news (the list on "/" for a reader without a postcode), in order. */
export function newsLinks(page: Page): Locator {
  return page.getByRole('main').getByRole('list', { name: 'Latest news', exact: true }).getByRole('link');
}

/** A release's link in the main part of the page, by its headline. */
export function releaseLink(page: Page, title: string): Locator {
  return page.getByRole('main').getByRole('link', { name: title, exact: true });
}

/** The seed release's quoted section, named by its caption (after the dash the stylesheet puts before it). */
export function seedQuote(page: Page): Locator {
  return page.getByRole('figure', { name: SEED.quoteBy });
}

/** The seed release's findings: the list holding its first finding. */
export function seedFindings(page: Page): Locator {
  return page.getByRole('list').filter({ has: page.getByText(SEED.firstFinding, { exact: true }) });
}

/** The seed release's footnote marker. */
export function seedFootnoteMarker(page: Page): Locator {
  return page.getByRole('link', { name: SEED.footnote.marker, exact: true });
}

/** The seed release's footnote: the note that holds the way back to its marker. */
export function seedFootnote(page: Page): Locator {
  return page
    .locator('aside')
    .filter({ hasText: SEED.footnote.note })
    .filter({ has: page.getByRole('link', { name: SEED.footnote.back, exact: true }) });
}

// ---------------------------------------------------------------------------------------------
// Focus and geometry.

/** A short description of the focused element, for assertion messages. */
export async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(nothing: body)';
    const id = el.id ? `#${el.id}` : '';
    const name = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 80);
    return `<${el.tagName.toLowerCase()}${id}> "${name}"`;
  });
}

export async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/** Waits (briefly) for the element to have focus; fails naming what has focus instead. */
export async function expectFocused(locator: Locator, what: string): Promise<void> {
  const page = locator.page();
  await expect
    .poll(async () => ((await isFocused(locator)) ? 'focused' : `focus is on ${await describeFocus(page)}`), {
      timeout: 5_000,
      message: `${what} should have focus`,
    })
    .toBe('focused');
}

/**
 * Presses Tab (or another key) until `target` has focus, at most `max` times.
 * Returns the number of presses; fails listing the elements focused on the way.
 */
export async function tabTo(target: Locator, what: string, { key = 'Tab', max = 40 } = {}): Promise<number> {
  const page = target.page();
  const path: string[] = [];
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key);
    if (await isFocused(target)) return presses;
    path.push(await describeFocus(page));
  }
  throw new Error(`${what} was not reached after ${max} presses of ${key}. Focus went through:\n  ${path.join('\n  ')}`);
}

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
  viewportWidth: number;
  viewportHeight: number;
}

export async function box(locator: Locator): Promise<Box> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return {
      top: r.top,
      bottom: r.bottom,
      left: r.left,
      right: r.right,
      width: r.width,
      height: r.height,
      viewportWidth: document.documentElement.clientWidth,
      viewportHeight: window.innerHeight,
    };
  });
}

/**
 * "In view": has a size, and its top edge is inside the viewport; if it fits in the viewport
 * it is wholly inside it.
 */
export function inView(b: Box): boolean {
  const tolerance = 1;
  if (b.width <= 0 || b.height <= 0) return false;
  if (b.top < -tolerance || b.top >= b.viewportHeight) return false;
  if (b.left < -tolerance || b.right > b.viewportWidth + tolerance) return false;
  return b.height > b.viewportHeight || b.bottom <= b.viewportHeight + tolerance;
}

/** Waits for the element to be scrolled into view (smooth scrolling takes a moment). */
export async function expectInView(locator: Locator, what: string): Promise<void> {
  await expect
    .poll(async () => {
      const b = await box(locator);
      return inView(b) ? 'in view' : `out of view: ${JSON.stringify(b)}`;
    }, { timeout: 5_000, message: `${what} should be scrolled into view` })
    .toBe('in view');
}

export async function rootFontSize(page: Page): Promise<number> {
  return page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
}

/** True when the page scrolls sideways (the document is wider than the viewport). */
export async function sidewaysOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; widest: string }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    let widest = '';
    if (root.scrollWidth > root.clientWidth) {
      // Name the element that sticks out furthest, to make a failure actionable.
      let max = root.clientWidth;
      for (const el of document.body.querySelectorAll('*')) {
        const right = el.getBoundingClientRect().right;
        if (right > max) {
          max = right;
          widest = `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> right=${Math.round(right)}`;
        }
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
  });
}

/** Controls and headings whose text is cut off by their own box (wider than it, the rest hidden). */
export async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('button, a, input, label, h1, h2, h3'))
      .filter((el) => el.offsetParent !== null && !el.closest('.visually-hidden'))
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
      .map((el) => `<${el.tagName.toLowerCase()}> ${(el.textContent ?? '').trim().slice(0, 40)}`),
  );
}

/**
 * What a page worth a screenshot shows: nothing scrolls sideways, no control's or heading's text
 * is clipped, and its h1 is on the first screen (scrolled to the top); with `firstScreen: false`
 * (a narrow screen at a large text size, where the header and the options come first), the h1
 * fits the screen once scrolled to.
 */
export async function expectWholeLayout(page: Page, where: string, { firstScreen = true } = {}): Promise<void> {
  const overflow = await sidewaysOverflow(page);
  expect(overflow.scrollWidth, `${where} scrolls sideways: ${overflow.widest}`).toBeLessThanOrEqual(overflow.clientWidth);
  expect(await clippedText(page), `${where}: clipped text`).toEqual([]);
  const heading = page.getByRole('heading', { level: 1 }).first();
  if (firstScreen) await page.evaluate(() => window.scrollTo(0, 0));
  else await heading.scrollIntoViewIfNeeded();
  const h1 = await box(heading);
  expect(inView(h1), `${where}: the h1 should be ${firstScreen ? 'on the first screen' : 'in view once scrolled to'}, is at ${JSON.stringify(h1)}`).toBe(true);
}

// ---------------------------------------------------------------------------------------------
// Accessibility checks and screenshots.

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeReport {
  violations: { id: string; impact: string | null; help: string; targets: string[] }[];
  /** One line per violation: "id (impact): help -> target, target". Empty when there are none. */
  summary: string;
}

export async function axe(page: Page): Promise<AxeReport> {
  // Only violations are reported, so axe need not collect the details of every passing node.
  const results = await new AxeBuilder({ page })
    .withTags(AXE_TAGS)
    .options({ resultTypes: ['violations'] })
    .analyze();
  const violations = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    help: v.help,
    targets: v.nodes.map((n) => n.target.map(String).join(' ')),
  }));
  const summary = violations
    .map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} -> ${v.targets.slice(0, 5).join(', ')}${v.targets.length > 5 ? ', …' : ''}`)
    .join('\n');
  return { violations, summary };
}

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../screenshots/', import.meta.url));

/** A full-page PNG in <repo>/screenshots/<name>.png; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  return path;
}
