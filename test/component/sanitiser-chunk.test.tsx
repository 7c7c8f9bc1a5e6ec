/**
 * The sanitiser is a chunk of its own (src/article/supply.ts). When it cannot be loaded (a
 * dropped connection mid-navigation, a deploy that removed it), the release page says so and
 * offers to try again; it never shows a blank body or unsanitised HTML.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, SEED } from '../support/render-app';

const chunk = vi.hoisted(() => ({ fails: true }));
vi.mock('../../src/article/sanitise', async (importOriginal) => {
  if (chunk.fails) throw new Error('Failed to fetch dynamically imported module');
  return importOriginal();
});

describe('A sanitiser chunk that does not load', () => {
  it('shows the page’s error message with Try again, which loads it again', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { user } = renderApp({ path: SEED.path });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sorry, something went wrong with this page' })).toBeInTheDocument();
    expect(document.querySelector('.prose')).toBeNull();

    chunk.fails = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: SEED.title })).toBeInTheDocument();
    expect(await screen.findByRole('figure')).toHaveTextContent('Barry Coppinger');
  });
});
