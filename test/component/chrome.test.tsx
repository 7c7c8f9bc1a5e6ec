/**
 * The chrome kept as the page brought it (src/app/chrome.tsx): the header and footer a prerendered
 * page has are put back as they stand, not rendered, and still work: links navigate in place, the
 * main navigation follows, the search box searches in place, the skip link moves focus. (The other
 * component tests render the chrome from its chunk, as on a page that has none.)
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { keepPageChrome } from '../../src/app/chrome';
import { renderApp } from '../support/render-app';

afterEach(() => {
  keepPageChrome(document.createElement('div'));
});

/** The page's own chrome: the app's, rendered once, marked so that the test can tell it is the one put back. */
async function keepChromeOfAPage() {
  const first = renderApp({ path: '/' });
  await screen.findByRole('heading', { level: 1, name: 'Latest news' });
  first.container.querySelector('header')?.setAttribute('data-from-the-page', '');
  expect(keepPageChrome(first.container)).toBe(true);
  first.unmount();
}

describe('The chrome a page brings', () => {
  it('is put back as it stands, and its links, navigation, search box and skip link work', async () => {
    await keepChromeOfAPage();
    const { user } = renderApp({ path: '/' });
    await screen.findByRole('heading', { level: 1, name: 'Latest news' });
    const header = screen.getByRole('banner');
    expect(header).toHaveAttribute('data-from-the-page');
    const nav = within(header).getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'News' })).toHaveAttribute('aria-current', 'page');

    await user.click(within(nav).getByRole('link', { name: 'Events' }));
    await screen.findByRole('heading', { level: 2, name: 'Upcoming events' });
    expect(within(nav).getByRole('link', { name: 'Events' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'News' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('banner'), 'the same header, not rendered again').toBe(header);

    await user.click(within(screen.getByRole('contentinfo')).getByRole('link', { name: 'Subscribe' }));
    // (The heading is the loading state's until the page's chunk is in, then the page's own.)
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Subscribe' })).toBeInTheDocument());
    expect(within(nav).queryByRole('link', { current: 'page' })).toBeNull();

    await user.type(within(header).getByRole('searchbox', { name: 'Search' }), 'burglary{Enter}');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Search' })).toBeInTheDocument());

    await user.click(screen.getByRole('link', { name: 'Skip to content' }));
    expect(screen.getByRole('main')).toHaveFocus();
    expect(screen.getByRole('main')).toHaveAttribute('tabindex', '-1');
    await user.tab();
    expect(screen.getByRole('main')).not.toHaveAttribute('tabindex');
  });

  it('leaves a link clicked with a modifier key to the browser (a new tab)', async () => {
    await keepChromeOfAPage();
    const { user } = renderApp({ path: '/' });
    await screen.findByRole('heading', { level: 1, name: 'Latest news' });
    const events = within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Events' });
    let prevented: boolean | null = null;
    const note = (event: Event) => (prevented = event.defaultPrevented);
    document.addEventListener('click', note);
    await user.keyboard('{Control>}');
    await user.click(events);
    await user.keyboard('{/Control}');
    document.removeEventListener('click', note);
    expect(prevented, 'a Ctrl+click is the browser’s (a new tab)').toBe(false);
    expect(screen.getByRole('heading', { level: 1, name: 'Latest news' })).toBeInTheDocument();
  });
});
