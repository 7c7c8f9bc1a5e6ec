import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { embeddedFeed, embeddedRoutes, FEED_URL, memoryStorage, ORIGIN, renderApp, SEED, SITE } from '../support/render-app';

const page1 = JSON.parse(embeddedFeed.page1) as { items: { title: string; _bulletin?: { kind?: string } }[] };
const page2 = JSON.parse(embeddedFeed.page2) as { items: { title: string; _bulletin?: { kind?: string } }[] };
const newsTitles = (items: typeof page1.items) => items.filter((i) => i._bulletin?.kind !== 'event').map((i) => i.title);

describe('Latest news', () => {
  it('lists the news of the first page newest first, each with a link, date, summary and area', async () => {
    renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Latest news' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Latest news' });
    const links = within(list).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(newsTitles(page1.items));
    const first = within(list).getAllByRole('listitem')[0];
    expect(first).toHaveTextContent('22 March 2018');
    expect(first).toHaveTextContent('Force-wide');
    expect(links[0]).toHaveAttribute('href', SEED.path);
    // The title is set in an effect once the feed is in: waited for, not read at once.
    await waitFor(() => expect(document.title).toBe(`Latest news | ${SITE}`));
  });

  it('shows no events in the news list', async () => {
    renderApp();
    await screen.findByRole('link', { name: SEED.title });
    const eventTitle = page1.items.find((i) => i._bulletin?.kind === 'event')?.title ?? 'missing';
    expect(screen.queryByRole('link', { name: eventTitle })).not.toBeInTheDocument();
  });

  it('loads older news from next_url on request and moves focus to the first new item', async () => {
    const { user, network } = renderApp();
    const button = await screen.findByRole('button', { name: 'Older news' });
    expect(network.calls).toEqual([FEED_URL]);
    await user.click(button);
    const firstOlder = newsTitles(page2.items)[0] ?? 'missing';
    const link = await screen.findByRole('link', { name: firstOlder });
    expect(network.calls).toEqual([FEED_URL, `${ORIGIN}/feed-2.json`]);
    await waitFor(() => expect(link).toHaveFocus());
    // page 2 has no next_url: the button goes away
    expect(screen.queryByRole('button', { name: 'Older news' })).not.toBeInTheDocument();
  });

  it('keeps what is shown when an older page fails, and retries that page alone', async () => {
    const routes = embeddedRoutes();
    let fail = true;
    const page2Body = routes[`${ORIGIN}/feed-2.json`] as string;
    routes[`${ORIGIN}/feed-2.json`] = async () => (fail ? new Response('', { status: 503 }) : new Response(page2Body));
    const { user } = renderApp({ routes });
    await user.click(await screen.findByRole('button', { name: 'Older news' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't load older items");
    expect(screen.getByRole('link', { name: SEED.title })).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: newsTitles(page2.items)[0] ?? 'missing' })).toBeInTheDocument();
  });

  it('puts the reader’s area first under its own heading, then everything else, hiding nothing', async () => {
    const storage = memoryStorage({
      'bulletin:preferences': JSON.stringify({ version: 1, textSize: 'default', textOnly: false, postcode: 'TS24 8AY' }),
    });
    renderApp({ storage });
    const local = await screen.findByRole('region', { name: 'News for Hartlepool' });
    const others = screen.getByRole('region', { name: 'Other news' });
    const localLinks = within(local).getAllByRole('link').map((l) => l.textContent);
    const otherLinks = within(others).getAllByRole('link').map((l) => l.textContent);
    expect(localLinks).toEqual(['Hartlepool community safety survey: what residents told us']);
    expect([...localLinks, ...otherLinks].sort()).toEqual([...newsTitles(page1.items)].sort());
    expect(local.compareDocumentPosition(others) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows a long feed 50 items at a time, then fetches older pages', { timeout: 20_000 }, async () => {
    const items = Array.from({ length: 120 }, (_, i) => ({
      id: `n${i}`,
      title: `News ${i}`,
      content_text: 'Text',
      date_published: new Date(Date.UTC(2018, 0, 1) - i * 3_600_000).toISOString(),
    }));
    const feed = (list: unknown[], next?: string) =>
      JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Long', items: list, ...(next ? { next_url: next } : {}) });
    const { user, network } = renderApp({
      routes: { [FEED_URL]: feed(items, 'older.json'), [`${ORIGIN}/older.json`]: feed([{ id: 'old', title: 'From page two', content_text: 'x' }]) },
    });
    const list = await screen.findByRole('list', { name: 'Latest news' });
    // Counted with a selector: role queries over hundreds of links are slow in jsdom.
    const shown = () => list.querySelectorAll('a').length;
    expect(shown()).toBe(50);
    await user.click(screen.getByRole('button', { name: 'Older news' }));
    await waitFor(() => expect(shown()).toBe(100));
    await waitFor(() => expect(screen.getByRole('link', { name: 'News 50' })).toHaveFocus());
    expect(network.calls).toEqual([FEED_URL]);
    await user.click(screen.getByRole('button', { name: 'Older news' }));
    await waitFor(() => expect(shown()).toBe(120));
    await user.click(screen.getByRole('button', { name: 'Older news' }));
    expect(await screen.findByRole('link', { name: 'From page two' })).toBeInTheDocument();
    expect(network.calls).toEqual([FEED_URL, `${ORIGIN}/older.json`]);
  });

  it('shows what an older page brings as soon as it arrives, even when 50 items were already shown', { timeout: 20_000 }, async () => {
    const page = (from: number, next?: string) =>
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Paged',
        items: Array.from({ length: 50 }, (_, i) => ({
          id: `p${from + i}`,
          title: `Paged ${from + i}`,
          content_text: 'x',
          date_published: new Date(Date.UTC(2018, 0, 1) - (from + i) * 3_600_000).toISOString(),
        })),
        ...(next ? { next_url: next } : {}),
      });
    const { user } = renderApp({ routes: { [FEED_URL]: page(0, 'p2.json'), [`${ORIGIN}/p2.json`]: page(50) } });
    const list = await screen.findByRole('list', { name: 'Latest news' });
    expect(list.querySelectorAll('a')).toHaveLength(50);
    await user.click(screen.getByRole('button', { name: 'Older news' }));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Paged 50' })).toHaveFocus());
    expect(list.querySelectorAll('a')).toHaveLength(100);
  });

  it('counts unreadable items in a quiet note and shows the rest', async () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Test newsroom',
      items: [{ id: 'ok', title: 'A readable item', content_text: 'Text' }, null, { id: 'x' }, { title: 'no id' }],
    };
    renderApp({ routes: { [FEED_URL]: JSON.stringify(feed) } });
    expect(await screen.findByRole('link', { name: 'A readable item' })).toBeInTheDocument();
    expect(screen.getByText('3 items in this feed could not be read and are not shown.')).toBeInTheDocument();
  });
});

describe('When the feed cannot be shown', () => {
  it.each([
    ['invalid JSON', { [FEED_URL]: '{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": [' }, "The news feed can't be read"],
    ['a wrong version', { [FEED_URL]: JSON.stringify({ version: '1.1', title: 'x', items: [] }) }, "The news feed can't be read"],
    ['items that is not an array', { [FEED_URL]: JSON.stringify({ version: 'https://jsonfeed.org/version/1', title: 'x', items: {} }) }, "The news feed can't be read"],
    ['a 404', { [FEED_URL]: { status: 404 } }, "The news feed isn't available right now"],
    ['a 503', { [FEED_URL]: { status: 503 } }, "The news feed isn't available right now"],
    ['a dropped connection', {}, "We couldn't reach the news feed"],
  ])('shows an error page with Try again for %s', async (_name, routes, heading) => {
    renderApp({ routes });
    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Latest news' })).not.toBeInTheDocument();
    expect(screen.getByText('Powered by Bulletin')).toBeInTheDocument();
  });

  it('tries again and shows the news when the feed comes back', async () => {
    let up = false;
    const routes = {
      [FEED_URL]: async () => (up ? new Response(embeddedFeed.page1) : new Response('', { status: 500 })),
    };
    const { user } = renderApp({ routes });
    const retry = await screen.findByRole('button', { name: 'Try again' });
    up = true;
    await user.click(retry);
    expect(await screen.findByRole('link', { name: SEED.title })).toBeInTheDocument();
  });
});
