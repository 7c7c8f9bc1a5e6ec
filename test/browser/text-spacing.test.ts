/**
 * WCAG 1.4.12 Text Spacing: with the reader's own spacing (line height 1.5, paragraphs 2 em apart,
 * letters 0.12 em, words 0.16 em) at 320 px and the Largest text size, nothing scrolls sideways and
 * no control's text is clipped.
 */
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/config/paths';
import { SEED, clippedText, newPage, openOptions, ready, sidewaysOverflow, withBrowser } from './support';

withBrowser();

const SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

describe('Text spacing overrides (WCAG 1.4.12)', () => {
  it('at 320 px and Largest, the list, events and the seed release stay whole', { timeout: 60_000 }, async () => {
    // A reader's own style sheet (an extension, a bookmarklet) is not bound by the page's CSP: neither is this one.
    const { page, expectNoProblems } = await newPage({
      viewport: { width: 320, height: 640 },
      preferences: { textSize: 'largest' },
      bypassCSP: true,
    });
    for (const path of ['/', paths.events.href(), SEED.path]) {
      await page.goto(path);
      await ready(page);
      await page.addStyleTag({ content: SPACING });
      // The options folded (as the page arrives at 320 px), then open.
      for (const state of ['folded', 'open']) {
        if (state === 'open') await openOptions(page);
        const overflow = await sidewaysOverflow(page);
        expect(overflow.scrollWidth, `${path}, options ${state}, scrolls sideways: ${overflow.widest}`).toBeLessThanOrEqual(overflow.clientWidth);
        expect(await clippedText(page), `${path}, options ${state}: clipped controls`).toEqual([]);
      }
    }
    expectNoProblems();
  });
});
