/**
 * Issue 3's matrix, shared by the options-matrix-*.test.ts files: text size (default, large,
 * largest) x text only (off, on) x width (320, 1280 px) on one address, in one page. axe must
 * find no violations, and at 320 px nothing may scroll sideways. The options are changed with the
 * reader's own buttons (the stored-before-load path is covered in options.test.ts). Where the
 * options fold (always at 320 px; at 1280 px, at Largest), each combination is checked with them
 * open and folded (issue 12, part 5).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axe, foldOptions, newPage, openOptions, optionsToggle, type Session, sidewaysOverflow, TEXT_SIZES, textOnlyButton, type TextSize, textSizeButton, visit } from './support';

async function setOptions(page: Page, size: TextSize, textOnly: boolean): Promise<void> {
  await openOptions(page);
  const sizeButton = textSizeButton(page, size);
  if ((await sizeButton.getAttribute('aria-pressed')) !== 'true') await sizeButton.click();
  const textOnlyToggle = textOnlyButton(page);
  if ((await textOnlyToggle.getAttribute('aria-pressed')) !== String(textOnly)) await textOnlyToggle.click();
  await expect
    .poll(() =>
      page.evaluate(() => ({
        size: document.documentElement.dataset.textSize,
        textOnly: document.documentElement.dataset.textOnly !== undefined,
      })),
    )
    .toEqual({ size, textOnly });
  await expect(sizeButton.getAttribute('aria-pressed')).resolves.toBe('true');
  await expect(textOnlyToggle.getAttribute('aria-pressed')).resolves.toBe(String(textOnly));
  // Move the pointer away so no hover style is what axe measures.
  await page.mouse.move(0, 0);
}

/** Optional steps: `before` the page is visited (a stand-in for a browser API, say), and what it must show (`shown`) before the matrix looks. */
export interface MatrixSteps {
  before?: (session: Session) => Promise<void>;
  shown?: (page: Page) => Promise<void>;
}

export async function checkEveryCombination(path: string, { before, shown }: MatrixSteps = {}): Promise<void> {
  const session = await newPage();
  const { page } = session;
  await before?.(session);
  await visit(page, path);
  await shown?.(page);
  const failures: string[] = [];
  const folds: string[] = [];
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const size of TEXT_SIZES) {
      for (const textOnly of [false, true]) {
        await setOptions(page, size, textOnly);
        for (const state of ['open', 'folded'] as const) {
          if (state === 'folded' && !(await foldOptions(page))) continue;
          const label = `${path} at ${width}px, ${size}${textOnly ? ', text only' : ''}, options ${state}`;
          const { summary } = await axe(page);
          if (summary) failures.push(`${label}: axe\n${summary}`);
          if (width === 320) {
            const o = await sidewaysOverflow(page);
            if (o.scrollWidth > o.clientWidth) {
              failures.push(`${label}: scrolls sideways (scrollWidth ${o.scrollWidth} > clientWidth ${o.clientWidth}; ${o.widest})`);
            }
          }
        }
        folds.push(`${width}px ${size}: ${(await optionsToggle(page).isVisible()) ? 'folds' : 'open'}`);
      }
    }
  }
  expect(failures.join('\n\n'), 'failures across the 12 combinations').toBe('');
  // Both states were checked: everywhere at 320 px, and at 1280 px only at Largest.
  expect([...new Set(folds)]).toEqual([
    ...TEXT_SIZES.map((size) => `320px ${size}: folds`),
    ...TEXT_SIZES.map((size) => `1280px ${size}: ${size === 'largest' ? 'folds' : 'open'}`),
  ]);
  session.expectNoProblems();
}
