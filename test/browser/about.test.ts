/** The accessibility statement in a real browser: prerendered, readable without script, axe clean, whole at 320 px and Largest. */
import { describe, expect, test } from 'vitest';
import { paths } from '../../src/config/paths';
import { axe, expectWholeLayout, newPage, ready, visit, withBrowser } from './support';

withBrowser();

describe('the accessibility statement', () => {
  test('is its own prerendered page, read without JavaScript, and linked from the footer', async () => {
    const { page } = await newPage({ javaScriptEnabled: false });
    await page.goto(paths.news.href());
    await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' }).click();
    await page.waitForURL((url) => url.pathname === paths.accessibility.href());
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Accessibility statement');
    await expect(page.getByRole('heading', { level: 2, name: 'Enforcement procedure' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/It was last reviewed on/).isVisible()).resolves.toBe(true);
  });

  test('axe clean, and whole at 320 px with Largest text', async () => {
    const { page, expectNoProblems } = await newPage({ viewport: { width: 320, height: 800 }, preferences: { textSize: 'largest' } });
    await visit(page, paths.accessibility.href());
    await ready(page);
    expect((await axe(page)).summary, 'axe on the statement').toBe('');
    await expectWholeLayout(page, 'the accessibility statement at 320 px, Largest', { firstScreen: false });
    expectNoProblems();
  });
});
