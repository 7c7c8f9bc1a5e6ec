/**
 * A release's content is a chunk of its own (src/article/ReleaseContent.tsx), loaded for a release
 * whose content the page does not already have. When it cannot be loaded (a dropped connection
 * mid-navigation, a deploy that removed it), the release page says so and offers to try again;
 * the release's heading never stands over a blank page. (A file of its own, as the sanitiser's
 * test is: each chunk, once loaded, stays loaded for the file's other tests.)
 */
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, SEED } from '../support/render-app';

const chunk = vi.hoisted(() => ({ fails: true }));
vi.mock('../../src/article/ReleaseContent', async (importOriginal) => {
  if (chunk.fails) throw new Error('Failed to fetch dynamically imported module');
  return importOriginal();
});

describe('A release content chunk that does not load', () => {
  it('shows the page’s error message with Try again, which loads it again', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { user } = renderApp({ path: SEED.path });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sorry, something went wrong with this page' })).toBeInTheDocument();
    expect(screen.queryByText(/^Posted on/)).not.toBeInTheDocument();

    chunk.fails = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: SEED.title })).toBeInTheDocument();
    expect(await screen.findByText(/^Posted on/)).toHaveTextContent(SEED.posted);
    expect(await screen.findByRole('figure')).toHaveTextContent('Barry Coppinger');
  });
});
