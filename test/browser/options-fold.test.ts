/**
 * Issue 12, part 5: options that leave room for the news. On a narrow screen (for the text size
 * chosen) the reader's options fold behind "Accessibility options"; on a wide one they stay open.
 * The first screen, the exact key presses to the options, Escape and Change, the header's name at
 * Largest, no layout shift, and the page without script. (axe over every combination, folded and
 * open, is in options-matrix-*.test.ts; the 320 px reflow in options.test.ts.)
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { paths } from '../../src/config/paths';
import {
  axe,
  box,
  expectFocused,
  inView,
  newPage,
  newsLinks,
  optionsPanel,
  optionsToggle,
  postcodeInput,
  PREFERENCES_KEY,
  ready,
  screenshot,
  SEED,
  type Session,
  SITE,
  type StoredPreferences,
  TEXT_SIZES,
  textSizeButton,
  visit,
  withBrowser,
} from './support';

withBrowser();

const summary = (page: Page) => page.getByText(/^News for .*, Change$/);

async function expectOnFirstScreen(what: string, locator: Locator): Promise<void> {
  const b = await box(locator);
  expect(inView(b), `${what} should be wholly on the first screen, is at ${JSON.stringify(b)}`).toBe(true);
}

describe('the first screen at 375 × 667, Default text', () => {
  test('the options are folded: the h1 and the first release’s title are on it', async () => {
    const session = await newPage({ viewport: { width: 375, height: 667 } });
    const { page } = session;
    await visit(page, '/');
    await expect(optionsToggle(page).getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(optionsPanel(page).isVisible()).resolves.toBe(false);
    await expect(summary(page).count(), 'no summary without a postcode').resolves.toBe(0);
    await expectOnFirstScreen('the h1', page.getByRole('heading', { level: 1 }));
    await expectOnFirstScreen('the first release’s title', newsLinks(page).first());
    await screenshot(page, 'options-fold-375-folded');
    await optionsToggle(page).click();
    await optionsPanel(page).waitFor({ state: 'visible' });
    await screenshot(page, 'options-fold-375-open');
    session.expectNoProblems();
  });

  test('with a stored postcode, "News for Middlesbrough (TS8 9), Change" shows on one line, and the h1 and the first local release still fit', async () => {
    const session = await newPage({ viewport: { width: 375, height: 667 }, preferences: { postcode: 'TS8 9GL' } });
    const { page } = session;
    await visit(page, '/');
    const line = summary(page);
    await line.waitFor({ state: 'visible' });
    await expect(line.textContent()).resolves.toBe('News for Middlesbrough (TS8 9), Change');
    const b = await box(line);
    const lineHeight = await line.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect(b.height, 'one line').toBeLessThan(lineHeight * 1.5);
    await expectOnFirstScreen('the h1', page.getByRole('heading', { level: 1 }));
    await expectOnFirstScreen('the first local release’s title', page.getByRole('region', { name: 'News for Middlesbrough' }).getByRole('link').first());
    await screenshot(page, 'options-fold-375-postcode');
    session.expectNoProblems();
  });
});

test('wide screens keep the options open; at Largest a 1280 px window folds them, and using them keeps them open', async () => {
  const session = await newPage({ viewport: { width: 1280, height: 800 } });
  const { page } = session;
  await visit(page, '/');
  for (const size of ['default', 'large'] as const) {
    await textSizeButton(page, size).click();
    await expect(optionsToggle(page).isVisible(), `the toggle at ${size}`).resolves.toBe(false);
    await expect(optionsPanel(page).isVisible(), `the options at ${size}`).resolves.toBe(true);
  }
  await screenshot(page, 'options-fold-1280-large');
  // Largest, chosen here: the layout folds, but the options stay open under the reader's hand.
  await textSizeButton(page, 'largest').click();
  await expect.poll(() => optionsToggle(page).isVisible()).toBe(true);
  await expect(optionsToggle(page).getAttribute('aria-expanded')).resolves.toBe('true');
  await expectFocused(textSizeButton(page, 'largest'), 'Largest, just pressed');
  await page.reload();
  await ready(page);
  await expect(optionsToggle(page).getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(optionsPanel(page).isVisible()).resolves.toBe(false);
  await screenshot(page, 'options-fold-1280-largest');
  session.expectNoProblems();
});

test('keyboard alone at Largest on a phone: the options are two key presses from their button, Escape folds them, Change goes to the postcode', async () => {
  const session = await newPage({ viewport: { width: 375, height: 667 }, preferences: { textSize: 'largest', postcode: 'TS8 9GL' } });
  const { page } = session;
  await visit(page, '/');
  const focusedName = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      const label = el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : null;
      return el ? (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').trim().replace(/\s+/g, ' ') : '';
    });
  // From the top of the page: skip link, Leave this site, the header (with its search box), then the options' button.
  const stops: string[] = [];
  for (let i = 0; i < 9; i++) {
    await page.keyboard.press('Tab');
    stops.push(await focusedName());
  }
  expect(stops).toEqual(['Skip to content', 'Leave this site', 'Safety advice: leaving this site quickly', SITE, 'News', 'Events', 'Search', 'Go', 'Accessibility options']);
  const toggle = optionsToggle(page);
  await expectFocused(toggle, 'Accessibility options, the 9th Tab');
  await expect(toggle.getAttribute('aria-controls')).resolves.toBe(await optionsPanel(page).getAttribute('id'));
  await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
  // The two key presses: Enter opens them, Tab is on the first option.
  await page.keyboard.press('Enter');
  await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
  await optionsPanel(page).waitFor({ state: 'visible' });
  await page.keyboard.press('Tab');
  await expectFocused(textSizeButton(page, 'default'), 'Default text size, the Tab after Enter');
  await expect(textSizeButton(page, 'largest').getAttribute('aria-pressed')).resolves.toBe('true');
  // Escape folds them and puts the keyboard back on the button.
  await page.keyboard.press('Escape');
  await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(optionsPanel(page).isVisible()).resolves.toBe(false);
  await expectFocused(toggle, 'Accessibility options, after Escape');
  // Next: the summary's Change, which opens them on the postcode field, holding what is kept.
  await expect(summary(page).textContent()).resolves.toBe('News for Middlesbrough (TS8 9), Change');
  await page.keyboard.press('Tab');
  await expectFocused(page.getByRole('button', { name: 'Change your postcode', exact: true }), 'Change, in the summary');
  await page.keyboard.press('Enter');
  await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
  await expectFocused(postcodeInput(page), 'The postcode field, after Change');
  await expect(postcodeInput(page).inputValue()).resolves.toBe('TS8 9');
  await postcodeInput(page).fill('');
  await page.keyboard.type('ts18 1ld');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'Postcode saved. Showing news for Stockton-on-Tees (TS18 1).' }).count())
    .toBe(1);
  await page.keyboard.press('Escape');
  await expectFocused(toggle, 'Accessibility options, after Escape');
  await expect(summary(page).textContent()).resolves.toBe('News for Stockton-on-Tees (TS18 1), Change');
  expect((await axe(page)).summary, 'axe, folded with a summary at Largest').toBe('');
  await screenshot(page, 'options-fold-375-largest');
  session.expectNoProblems();
});

test('at Largest on a phone the header’s name and "Accessibility options" break only between words', async () => {
  for (const width of [375, 320]) {
    const session = await newPage({ viewport: { width, height: 667 }, preferences: { textSize: 'largest' } });
    const { page } = session;
    await visit(page, '/');
    for (const [what, locator] of [
      ['the header’s name', page.locator('.site-header__name a')],
      ['the options’ button', optionsToggle(page)],
    ] as const) {
      const split = await locator.evaluate((element) => {
        const text = element.firstChild;
        if (text?.nodeType !== Node.TEXT_NODE || !text.textContent) return ['(no text)'];
        const broken: string[] = [];
        for (const match of text.textContent.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, match.index);
          range.setEnd(text, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(match[0]);
        }
        return broken;
      });
      expect(split, `words of ${what} broken across lines at ${width} px`).toEqual([]);
    }
    await screenshot(page, `options-fold-${width}-largest-header`);
    await session.close();
  }
});

describe('no layout shift', () => {
  // Summed from the layout-shift entries of the whole load, until the app has started and the feed is in.
  async function shiftOf(page: Page, path: string): Promise<number> {
    await page.goto(path);
    await ready(page);
    await page.waitForTimeout(300);
    return page.evaluate(() => (window as unknown as { __shift: number }).__shift);
  }
  const moved = (page: Page) => page.evaluate(() => (window as unknown as { __moved: string[] }).__moved.join('; '));
  /** On every page the session loads: the layout shifts made without the reader's input, and what moved. */
  async function recordShifts(session: Session): Promise<void> {
    await session.context.addInitScript(() => {
      const w = window as unknown as { __shift: number; __moved: string[] };
      w.__shift = 0;
      w.__moved = [];
      type Source = { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Source[] })[]) {
          if (entry.hadRecentInput) continue;
          w.__shift += entry.value;
          // What moved, for the failure message.
          for (const s of entry.sources) {
            const el = s.node instanceof Element ? s.node : s.node?.parentElement;
            w.__moved.push(`${el?.tagName.toLowerCase() ?? '?'}.${el?.className ?? ''} y ${Math.round(s.previousRect.y)}->${Math.round(s.currentRect.y)} h ${Math.round(s.previousRect.height)}->${Math.round(s.currentRect.height)}`);
          }
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
  }

  test('at 375, 320 and 1280 px, every text size, with and without a stored postcode: CLS 0 on the list, events and a release', { timeout: 180_000 }, async () => {
    const found: string[] = [];
    for (const width of [375, 320, 1280]) {
      for (const textSize of TEXT_SIZES) {
        for (const postcode of [null, 'TS8 9GL']) {
          const preferences: Partial<StoredPreferences> = { textSize, postcode };
          // Each page as loaded from the network: a page the service worker serves, after the first, has
          // been seen to paint early and shift at 1280 px (reported; not the options' doing).
          const session = await newPage({ viewport: { width, height: 667 }, preferences, serviceWorkers: 'block' });
          await recordShifts(session);
          // Events with a postcode: its prerendered list is stale for the reader's area and rendered
          // afresh; the footer waits, hidden, with <main> (it moved on a tall screen before).
          const pages = ['/', paths.events.href(), SEED.path];
          for (const path of pages) {
            const shift = await shiftOf(session.page, path);
            if (shift > 0) found.push(`${path} at ${width} px, ${textSize}, ${postcode ?? 'no postcode'}: ${shift.toFixed(4)} (${await moved(session.page)})`);
          }
          session.expectNoProblems();
          await session.close();
        }
      }
    }
    expect(found).toEqual([]);
  });

  // The summary's place is the line the reader was last shown (kept with the options), so an area's
  // name longer than Middlesbrough's (Redcar and Cleveland) takes the same lines before and after.
  test('a returning reader’s summary keeps exactly its place, whatever the area’s name: CLS 0 at 412 and 375 px, each area', { timeout: 180_000 }, async () => {
    const found: string[] = [];
    for (const width of [412, 375]) {
      for (const textSize of ['default', 'largest'] as const) {
        for (const postcode of ['TS10 1', 'TS18 1', 'TS24 8']) {
          const session = await newPage({ viewport: { width, height: 800 }, preferences: { textSize, postcode }, serviceWorkers: 'block' });
          await recordShifts(session);
          // The first page after the postcode was set shows the line, and keeps it for the next.
          await shiftOf(session.page, paths.events.href());
          await expect
            .poll(() => session.page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { summary?: string }).summary ?? null, PREFERENCES_KEY))
            .toMatch(new RegExp(`^News for .+ \\(${postcode}\\), Change$`));
          for (const path of ['/', SEED.path]) {
            const shift = await shiftOf(session.page, path);
            if (shift > 0) found.push(`${path} at ${width} px, ${textSize}, ${postcode}: ${shift.toFixed(4)} (${await moved(session.page)})`);
          }
          session.expectNoProblems();
          await session.close();
        }
      }
    }
    expect(found).toEqual([]);
  });
});

test('without script the options are not offered, and the page reads', async () => {
  const session = await newPage({ viewport: { width: 375, height: 667 }, javaScriptEnabled: false });
  const { page } = session;
  await page.goto('/');
  await expect(optionsToggle(page).count()).resolves.toBe(0);
  await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
  await expectOnFirstScreen('the first release’s title', newsLinks(page).first());
  await screenshot(page, 'options-fold-375-no-js');
  session.expectNoProblems();
});
