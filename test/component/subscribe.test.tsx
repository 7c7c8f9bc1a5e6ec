/** Subscribe (/subscribe/): the feeds' addresses, each with a copy button that says what happened. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { feedFiles, paths } from '../../src/config/paths';
import { renderApp, SITE } from '../support/render-app';

/** The site file's canonical address (bulletin.site.json): vite.config.ts gives it to the app. */
const SITE_URL = 'https://www.cleveland.pcc.police.uk/';
const whole = (path: string) => new URL(path.slice(1), SITE_URL).href;

function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

describe('Subscribe', () => {
  it('says what a feed is and gives every feed’s whole address: all news, then each area', async () => {
    renderApp({ path: paths.subscribe.href() });
    expect(await screen.findByRole('heading', { level: 2, name: 'What is a feed?' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Subscribe' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe(`Subscribe | ${SITE}`));
    const feeds = screen.getByRole('region', { name: 'News feeds' });
    expect(within(feeds).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'All news',
      'Middlesbrough',
      'Redcar and Cleveland',
      'Stockton-on-Tees',
      'Hartlepool',
    ]);
    const stockton = within(feeds).getByRole('region', { name: 'Stockton-on-Tees' });
    expect(within(stockton).getByText(whole(feedFiles.atom('stockton')))).toBeInTheDocument();
    expect(within(stockton).getByText(whole(feedFiles.json('stockton')))).toBeInTheDocument();
    const all = within(feeds).getByRole('region', { name: 'All news' });
    expect(within(all).getByText(whole(feedFiles.atom()))).toBeInTheDocument();
    expect(within(all).getByText(whole(feedFiles.json()))).toBeInTheDocument();
  });

  it('copies an address and says so beside its button; says plainly when it cannot', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    renderApp({ path: paths.subscribe.href() });
    await screen.findByRole('heading', { level: 2, name: 'What is a feed?' });
    stubClipboard(writeText);
    const button = screen.getByRole('button', { name: 'Copy address of Hartlepool news (Atom)' });
    await user.click(button);
    expect(writeText).toHaveBeenCalledWith(whole(feedFiles.atom('hartlepool')));
    const item = button.closest('li');
    if (!item) throw new Error('the button is in no list item');
    expect(within(item).getByRole('status')).toHaveTextContent('Address copied');

    stubClipboard(() => Promise.reject(new Error('denied')));
    const other = screen.getByRole('button', { name: 'Copy address of all news (JSON Feed)' });
    await user.click(other);
    const otherItem = other.closest('li');
    if (!otherItem) throw new Error('the button is in no list item');
    expect(within(otherItem).getByRole('status')).toHaveTextContent('Could not copy it. Select the address and copy it yourself.');
    expect(within(item).getByRole('status')).toHaveTextContent('');
  });

  it('is linked from every page’s footer', async () => {
    renderApp({ path: paths.events.href() });
    const footer = await screen.findByRole('contentinfo');
    expect(within(footer).getByRole('link', { name: 'Subscribe' })).toHaveAttribute('href', paths.subscribe.href());
  });
});
