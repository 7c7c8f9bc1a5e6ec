/**
 * Themes (issue: "Themes"): dark mode following prefers-color-scheme, text only in dark mode,
 * forced colours (Windows high contrast) and reduced motion. axe on every page in each, plus the
 * contrast of controls and focus indicators, which axe does not measure.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { paths } from '../../src/config/paths';
import {
  axe,
  expectFocused,
  expectInView,
  newPage,
  type NewPageOptions,
  screenshot,
  SEED,
  seedFootnote,
  seedFootnoteMarker,
  seedQuote,
  tabTo,
  openOptions,
  textOnlyButton,
  textSizeButton,
  visit,
  withBrowser,
} from './support';
import { contrast, luminance, over, parseColour, type Rgba } from './colour';

withBrowser();

const PAGES = () => [
  { name: 'news list', path: '/' },
  { name: 'events', path: paths.events.href() },
  { name: 'seed release', path: SEED.path },
  { name: 'not found', path: '/no-such-page' },
];

function colour(value: string): Rgba {
  const parsed = parseColour(value);
  if (!parsed) throw new Error(`Unreadable colour: ${value}`);
  return parsed;
}

/** The page's own colours: the body's background and text. */
async function bodyColours(page: Page): Promise<{ background: Rgba; text: Rgba }> {
  const { background, text } = await page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return { background: style.backgroundColor, text: style.color };
  });
  return { background: colour(background), text: colour(text) };
}

/**
 * What an element looks like against what is behind it: its background, border, outline and the
 * first box-shadow colour, and the opaque colour of its surroundings (ancestors' backgrounds laid
 * over one another, the body's at the bottom).
 */
interface Look {
  name: string;
  background: string;
  border: { width: number; style: string; color: string }[];
  outline: { width: number; style: string; color: string };
  /** Every colour in box-shadow. */
  shadows: string[];
  behind: string[];
}

async function look(locator: Locator): Promise<Look> {
  return locator.evaluate((el) => {
    const style = getComputedStyle(el);
    const sides = ['Top', 'Right', 'Bottom', 'Left'] as const;
    const behind: string[] = [];
    for (let a = el.parentElement; a; a = a.parentElement) behind.push(getComputedStyle(a).backgroundColor);
    const shadows = style.boxShadow === 'none' ? [] : [...style.boxShadow.matchAll(/rgba?\([^)]*\)|color\([^)]*\)/g)].map((m) => m[0]);
    return {
      name: `<${el.tagName.toLowerCase()}> "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`,
      background: style.backgroundColor,
      border: sides.map((s) => ({
        width: parseFloat(style.getPropertyValue(`border-${s.toLowerCase()}-width`)),
        style: style.getPropertyValue(`border-${s.toLowerCase()}-style`),
        color: style.getPropertyValue(`border-${s.toLowerCase()}-color`),
      })),
      outline: { width: parseFloat(style.outlineWidth), style: style.outlineStyle, color: style.outlineColor },
      shadows,
      behind,
    };
  });
}

/** The opaque colour behind an element (its ancestors' backgrounds, innermost last laid). */
function surroundings(l: Look): Rgba {
  let result: Rgba = [255, 255, 255, 1];
  for (const c of [...l.behind].reverse()) result = over(colour(c), result);
  return result;
}

/** The best contrast any part of a control's boundary (background, border, shadow) has with its surroundings. */
function boundaryContrast(l: Look): number {
  const around = surroundings(l);
  const candidates = [over(colour(l.background), around)];
  for (const b of l.border) if (b.width >= 1 && b.style !== 'none' && b.style !== 'hidden') candidates.push(over(colour(b.color), around));
  for (const s of l.shadows) candidates.push(over(colour(s), around));
  return Math.max(...candidates.map((c) => contrast(c, around)));
}

/**
 * The contrast of a focus indicator with what is around it: the best of its outline (if drawn, at
 * least 2 px), its focused background and its box-shadow rings.
 */
function focusContrast(l: Look): number {
  const around = surroundings(l);
  const { outline } = l;
  const candidates = [over(colour(l.background), around), ...l.shadows.map((s) => over(colour(s), around))];
  if (outline.style !== 'none' && outline.width >= 2) candidates.push(over(colour(outline.color), around));
  return Math.max(...candidates.map((c) => contrast(c, around)));
}

describe('axe on every page', () => {
  const modes: { mode: string; shot: string; options: NewPageOptions; check: (page: Page) => Promise<void> }[] = [
    {
      mode: 'dark mode',
      shot: 'themes-article-375-dark',
      options: { colorScheme: 'dark' },
      check: async (page) => {
        const { background, text } = await bodyColours(page);
        expect(luminance(background), 'the dark theme’s background is dark').toBeLessThan(0.1);
        expect(luminance(text), 'the dark theme’s text is light').toBeGreaterThan(0.5);
      },
    },
    {
      mode: 'dark mode with text only',
      shot: 'themes-article-375-dark-text-only',
      options: { colorScheme: 'dark', preferences: { textOnly: true } },
      check: async (page) => {
        await openOptions(page);
        await expect(textOnlyButton(page).getAttribute('aria-pressed')).resolves.toBe('true');
        const { background, text } = await bodyColours(page);
        expect(luminance(background), 'text only in dark mode stays dark').toBeLessThan(0.1);
        expect(luminance(text), 'text only in dark mode has light text').toBeGreaterThan(0.5);
      },
    },
    {
      mode: 'forced colours',
      shot: 'themes-article-375-forced-colours',
      options: { forcedColors: 'active' },
      check: async (page) => {
        await expect(page.evaluate(() => matchMedia('(forced-colors: active)').matches)).resolves.toBe(true);
      },
    },
  ];

  // At a phone's width (375 px), with a screenshot of the seed release in each. The pages are
  // checked side by side, each in its own tab of the one context.
  test.each(modes)('$mode: the theme applies and axe finds no violations (375 px)', async ({ options, check, shot }) => {
    const session = await newPage({ ...options, viewport: { width: 375, height: 812 } });
    const found: string[] = [];
    await Promise.all(
      PAGES().map(async ({ name, path }, index) => {
        const page = index === 0 ? session.page : await session.context.newPage();
        await visit(page, path);
        await check(page);
        const report = await axe(page);
        if (report.summary) found.push(`${name} (${path}):\n${report.summary}`);
        if (path === SEED.path) {
          await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(SEED.title);
          await screenshot(page, shot);
        }
      }),
    );
    expect(found.sort().join('\n'), 'axe violations').toBe('');
    session.expectNoProblems();
  });
});

describe('dark mode', () => {
  test.each(['light', 'dark'] as const)('%s: buttons, text boxes and keyboard focus (a button, a link, the footnote) stand out (3:1)', async (colorScheme) => {
    const session = await newPage({ colorScheme });
    const { page } = session;
    const weak: string[] = [];

    // Every button and text box on the list and the release, against what is around it.
    for (const path of ['/', SEED.path]) {
      await visit(page, path);
      for (const control of await page.locator('button:visible, input:visible').all()) {
        const l = await look(control);
        const ratio = boundaryContrast(l);
        if (ratio < 3) weak.push(`${path} ${l.name}: ${ratio.toFixed(2)}:1 (background ${l.background}, border ${l.border[0]?.color}, shadow ${l.shadows.join(' ') || 'none'})`);
      }
    }

    // Keyboard focus, on the release.
    const check = async (locator: Locator, what: string) => {
      const l = await look(locator);
      const ratio = focusContrast(l);
      if (ratio < 3) weak.push(`focus on ${what}: ${ratio.toFixed(2)}:1 (outline ${l.outline.style} ${l.outline.width}px ${l.outline.color}, background ${l.background}, shadow ${l.shadows.join(' ') || 'none'})`);
    };
    const button = textSizeButton(page, 'large');
    await tabTo(button, 'The "Large" text size button');
    await check(button, 'the "Large" button');
    const link = page.getByRole('link', { name: 'All news', exact: true });
    await tabTo(link, 'The "All news" link');
    await check(link, 'the "All news" link');
    const marker = seedFootnoteMarker(page);
    await tabTo(marker, 'The footnote marker', { max: 60 });
    await page.keyboard.press('Enter');
    const note = seedFootnote(page);
    await expectFocused(note, 'The footnote');
    await check(note, 'the footnote');

    expect(weak, `under 3:1 in ${colorScheme} mode`).toEqual([]);
    session.expectNoProblems();
  });

  test('the "Link copied" message is readable in dark mode (AA)', async () => {
    const session = await newPage({ colorScheme: 'dark', permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = session;
    await visit(page, SEED.path);
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    const copied = page.getByRole('status').filter({ hasText: 'Link copied' });
    await copied.waitFor({ state: 'visible' });
    const l = await look(copied);
    const text = colour(await copied.evaluate((el) => getComputedStyle(el).color));
    const around = surroundings(l);
    const ratio = contrast(over(text, around), around);
    expect(ratio, `"Link copied" text (${text.join(',')}) on ${around.join(',')}`).toBeGreaterThanOrEqual(4.5);
    const report = await axe(page);
    expect(report.summary, 'axe with "Link copied" showing').toBe('');
    session.expectNoProblems();
  });
});

describe('forced colours (Windows high contrast)', () => {
  test('focus rings, the pressed text size, the quoted section, the footnote and every control stay visible', async () => {
    const session = await newPage({ forcedColors: 'active' });
    const { page } = session;
    await visit(page, SEED.path);
    await expect(page.evaluate(() => matchMedia('(forced-colors: active)').matches)).resolves.toBe(true);

    // Focus rings, reached by keyboard.
    const ring = async (locator: Locator, what: string) => {
      const l = await look(locator);
      expect(l.outline.style, `${what}: outline style`).not.toBe('none');
      expect(l.outline.width, `${what}: outline width`).toBeGreaterThanOrEqual(2);
      const around = surroundings(l);
      expect(contrast(over(colour(l.outline.color), around), around), `${what}: outline against the page`).toBeGreaterThanOrEqual(3);
    };
    const large = textSizeButton(page, 'large');
    await tabTo(large, 'The "Large" text size button');
    await ring(large, 'the focused "Large" button');
    const allNews = page.getByRole('link', { name: 'All news', exact: true });
    await tabTo(allNews, 'The "All news" link');
    await ring(allNews, 'the focused "All news" link');
    const copy = page.getByRole('button', { name: 'Copy link', exact: true });
    await tabTo(copy, 'The "Copy link" button', { max: 80 });
    await ring(copy, 'the focused "Copy link" button');

    // The pressed text size looks different from the others.
    const pressed = await look(textSizeButton(page, 'default'));
    const unpressed = await look(textSizeButton(page, 'largest'));
    expect(
      pressed.background !== unpressed.background || pressed.border[0]?.color !== unpressed.border[0]?.color,
      `pressed ${pressed.background}/${pressed.border[0]?.color} vs not pressed ${unpressed.background}/${unpressed.border[0]?.color}`,
    ).toBe(true);

    // The quoted section and the footnote keep their rules.
    const boundary = async (locator: Locator, side: 0 | 1 | 2 | 3, what: string) => {
      const l = await look(locator);
      const border = l.border[side];
      expect(border?.style, `${what}: border style`).toBe('solid');
      expect(border?.width ?? 0, `${what}: border width`).toBeGreaterThanOrEqual(2);
      const around = surroundings(l);
      expect(contrast(over(colour(border?.color ?? 'transparent'), around), around), `${what}: border against the page`).toBeGreaterThanOrEqual(3);
    };
    await boundary(seedQuote(page), 3, 'the quoted section (left rule)');
    await boundary(seedFootnote(page), 0, 'the footnote (top rule)');

    // Every button and text box has a visible boundary.
    const weak: string[] = [];
    for (const control of await page.locator('button:visible, input:visible').all()) {
      const l = await look(control);
      if (boundaryContrast(l) < 3) weak.push(l.name);
    }
    expect(weak, 'controls without a visible boundary').toEqual([]);

    // The footnote, reached from its marker, shows its focus.
    const marker = seedFootnoteMarker(page);
    await marker.focus();
    await page.keyboard.press('Enter');
    const note = seedFootnote(page);
    await expectFocused(note, 'The footnote');
    await ring(note, 'the focused footnote');
    session.expectNoProblems();
  });
});

describe('reduced motion', () => {
  test('following the footnote jumps at once, and nothing transitions or animates', async () => {
    const session = await newPage({ reducedMotion: 'reduce' });
    const { page } = session;
    await visit(page, SEED.path);
    await expect(page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).resolves.toBe('auto');

    const marker = seedFootnoteMarker(page);
    const note = seedFootnote(page);
    await marker.click();
    const rightAfter = await page.evaluate(() => window.scrollY);
    // A real wait: what is tested is the browser's own scrolling, which a smooth scroll would
    // still be doing for a few hundred milliseconds.
    await page.waitForTimeout(600);
    const later = await page.evaluate(() => window.scrollY);
    expect(rightAfter, 'scrolled at once').toBeGreaterThan(0);
    expect(later, 'no scrolling after the jump').toBe(rightAfter);
    await expectInView(note, 'The footnote');
    const moving = await page.evaluate(() => {
      const found: string[] = [];
      for (const el of document.querySelectorAll('*')) {
        for (const pseudo of [null, '::before', '::after']) {
          const s = getComputedStyle(el, pseudo);
          const durations = s.transitionDuration.split(',').map((d) => parseFloat(d));
          if (durations.some((d) => d > 0) || (s.animationName !== 'none' && s.animationName !== '')) {
            found.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">${pseudo ?? ''}`);
          }
        }
      }
      return { found, animations: document.getAnimations().length };
    });
    expect(moving.found, 'elements with a transition or animation').toEqual([]);
    expect(moving.animations, 'running animations').toBe(0);
    session.expectNoProblems();
  });
});
