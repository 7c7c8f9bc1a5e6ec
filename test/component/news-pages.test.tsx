/** Latest news at its other addresses: an area's view of it, and its older pages. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/config/paths';
import { embeddedFeed, FEED_URL, memoryStorage, ORIGIN, renderApp, SITE } from '../support/render-app';

type Page = { items: { title: string; _bulletin?: { kind?: string } }[] };
const page1 = JSON.parse(embeddedFeed.page1) as Page;
const page2 = JSON.parse(embeddedFeed.page2) as Page;
const newsTitles = (page: Page) => page.items.filter((i) => i._bulletin?.kind !== 'event').map((i) => i.title);

describe('An area’s view of latest news (/area/<id>/)', () => {
  it('puts that area’s news first whatever the reader’s own postcode, and is titled for it', async () => {
    const storage = memoryStorage({ 'bulletin:preferences': JSON.stringify({ version: 1, postcode: 'TS10 1AA' }) });
    renderApp({ path: paths.area.href('hartlepool'), storage });
    expect(await screen.findByRole('heading', { level: 2, name: 'News for Hartlepool' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Latest news' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Other news' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'News for Redcar and Cleveland' })).not.toBeInTheDocument();
    // The title is set in an effect once the feed is in: waited for, not read at once.
    await waitFor(() => expect(document.title).toBe(`News for Hartlepool | ${SITE}`));
  });

  it('is not found for an area the feed does not have', async () => {
    renderApp({ path: paths.area.href('atlantis') });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});

describe('An older page of latest news (/news/page/<n>/)', () => {
  it('shows the news on that feed page, fetching the pages before it in order, with links to newer and older pages', async () => {
    const { network } = renderApp({ path: paths.newsPage.href(2) });
    expect(screen.getByRole('heading', { level: 1, name: 'Latest news: page 2' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Latest news: page 2' });
    expect(within(list).getAllByRole('link').map((l) => l.textContent)).toEqual(newsTitles(page2));
    expect(within(list).queryByRole('link', { name: newsTitles(page1)[0] })).not.toBeInTheDocument();
    expect(network.calls).toEqual([FEED_URL, `${ORIGIN}/feed-2.json`]);
    const pages = screen.getByRole('navigation', { name: 'Pages of news' });
    expect(within(pages).getByRole('link', { name: 'Newer news' })).toHaveAttribute('href', paths.news.href());
    // The embedded feed ends at page 2.
    expect(within(pages).queryByRole('link', { name: 'Older news' })).not.toBeInTheDocument();
    // The title is set in an effect once the feed is in: waited for, not read at once.
    await waitFor(() => expect(document.title).toBe(`Latest news: page 2 | ${SITE}`));
  });

  it('says plainly when the feed has no such page', async () => {
    renderApp({ path: paths.newsPage.href(9) });
    expect(await screen.findByText(/There is no page 9 of news/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the latest news' })).toHaveAttribute('href', paths.news.href());
  });

  it('is not found for an address that is not a page number', async () => {
    renderApp({ path: '/news/page/0/' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});
