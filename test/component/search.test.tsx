/**
 * Search (/search/?q=&area=&kind=&year=) and the archive (/archive/, /news/<year>/), as a reader
 * uses them: typing, filters, the address, the count announced, the messages; the header's box.
 */
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../src/app/App';
import { AppRoutes } from '../../src/app/routes';
import { itemHref, paths, SEARCH_INDEX_FILE } from '../../src/config/paths';
import { normaliseFeed } from '../../src/feed';
import { plainTextOf, searchIndexFile, type SearchIndexFile } from '../../src/search';
import { embeddedFeed, FEED_URL, memoryStorage, ORIGIN, SITE } from '../support/render-app';

/** The index the build writes for the sample feed (bodies as plain text). */
function sampleIndex(): SearchIndexFile {
  const pages = [normaliseFeed(JSON.parse(embeddedFeed.page1), FEED_URL), normaliseFeed(JSON.parse(embeddedFeed.page2), `${ORIGIN}/feed-2.json`)];
  return searchIndexFile(pages, (item) => {
    const holder = document.createElement('template');
    holder.innerHTML = item.contentHtml ?? '';
    return plainTextOf(holder.content) || (item.contentText ?? '');
  });
}
const INDEX = JSON.stringify(sampleIndex());

type Answer = string | { status: number } | 'drop';

/** The app at an address, with a fake network (the feed; the index as `index` says) and where it is now. */
function renderSearch(path: string, index: Answer = INDEX) {
  const fetches: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      fetches.push(url);
      const body = url === FEED_URL ? embeddedFeed.page1 : url === `${ORIGIN}/feed-2.json` ? embeddedFeed.page2 : url === SEARCH_INDEX_FILE ? index : undefined;
      if (body === undefined || body === 'drop') throw new TypeError('Failed to fetch');
      if (typeof body === 'string') return new Response(body, { status: 200 });
      return new Response('', { status: body.status });
    }),
  );
  const where: { path: string; search: string } = { path: '', search: '' };
  function Where() {
    const location = useLocation();
    where.path = location.pathname;
    where.search = location.search;
    return null;
  }
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  render(
    <AppProviders feedUrl={FEED_URL} queryClient={queryClient} clock={() => new Date('2026-11-26T12:00:00Z')} storage={memoryStorage()}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <Where />
      </MemoryRouter>
    </AppProviders>,
  );
  return { user: userEvent.setup(), where, fetches, params: () => new URLSearchParams(where.search) };
}

/** The count's live region (a loading message is a status too). */
function summary(): HTMLElement {
  const element = document.querySelector<HTMLElement>('.search-summary');
  if (!element) throw new Error('No summary of the results');
  return element;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});


describe('Search', () => {
  it('searches as the reader types, after a pause: the address follows, the count is announced once, the words are marked in context', async () => {
    const { user, params } = renderSearch(paths.search.href());
    const box = await screen.findByRole('searchbox', { name: 'Search news and events' });
    expect(await screen.findByText(/Type a word or two to search every release and event/)).toBeInTheDocument();
    const live = summary();
    expect(live).toHaveAttribute('role', 'status');
    expect(live).toHaveAttribute('aria-live', 'polite');
    const said: string[] = [];
    const observer = new MutationObserver(() => said.push(live.textContent ?? ''));
    observer.observe(live, { childList: true, subtree: true, characterData: true });
    await user.type(box, 'patrols');
    // Not yet: nothing is announced while typing.
    expect(live).toHaveTextContent('');
    expect(params().get('q')).toBeNull();
    await waitFor(() => expect(live).toHaveTextContent('3 results for “patrols”.'));
    observer.disconnect();
    expect(said.filter((text) => text !== '')).toEqual(['3 results for “patrols”.']);
    expect(params().get('q')).toBe('patrols');
    const results = screen.getByRole('list', { name: 'Results' });
    const items = within(results).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    // Each result: a heading linking to the item's page, its matched words marked.
    const first = within(items[0] as HTMLElement).getByRole('heading', { level: 2 });
    expect(within(first).getByRole('link')).toHaveAttribute('href', expect.stringMatching(/^\/news\/.+-[0-9a-z]{7}\/$/));
    expect(results.querySelectorAll('mark').length).toBeGreaterThanOrEqual(3);
    expect([...results.querySelectorAll('mark')].every((m) => /^patrols?$/i.test(m.textContent ?? ''))).toBe(true);
    // Its areas worded as in every list: two areas joined by "and".
    expect(within(items[0] as HTMLElement).getByText('Middlesbrough and Redcar and Cleveland')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe(`Search: patrols | ${SITE}`));
  }, 15_000);

  it('filters by kind, area and year with real controls that write the address; a shared address opens as it was', async () => {
    const { user, params } = renderSearch(paths.search.href(new URLSearchParams({ q: 'community' })));
    const box = await screen.findByRole('searchbox', { name: 'Search news and events' });
    expect(box).toHaveValue('community');
    const counted = await screen.findByText(/results for “community”\.$/);
    const all = Number(/^(\d+)/.exec(counted.textContent ?? '')?.[1]);
    expect(all).toBeGreaterThan(3);
    const filters = screen.getByRole('group', { name: 'Filter results' });
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Kind' }), 'Events');
    expect(params().get('kind')).toBe('event');
    await waitFor(() => expect(screen.getByRole('list', { name: 'Results' }).querySelectorAll('li')).not.toHaveLength(all));
    const links = within(screen.getByRole('list', { name: 'Results' })).getAllByRole('link');
    expect(links.every((a) => a.getAttribute('href')?.startsWith('/events/'))).toBe(true);
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Area' }), 'Hartlepool');
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Year' }), '2017');
    expect(Object.fromEntries(params())).toEqual({ q: 'community', kind: 'event', area: 'hartlepool', year: '2017' });
    await waitFor(() => expect(summary()).toHaveTextContent('1 result for “community” with these filters.'));
    expect(within(screen.getByRole('list', { name: 'Results' })).getByRole('link').textContent).toBe('Community safety day on Seaton Carew seafront');
  }, 20_000);

  it('says when nothing matches, and offers the archive', async () => {
    renderSearch(paths.search.href(new URLSearchParams({ q: 'zebra crossing' })));
    expect(await screen.findByText('No results for “zebra crossing”.')).toHaveAttribute('role', 'status');
    expect(screen.getByText(/Check the spelling/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'archive' })).toHaveAttribute('href', paths.archive.href());
  });

  it('says plainly when the index cannot be fetched, and tries again on request', async () => {
    const { user, fetches } = renderSearch(paths.search.href(new URLSearchParams({ q: 'patrol' })), { status: 500 });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Search could not be loaded. Check your connection and try again.');
    const before = fetches.filter((u) => u === SEARCH_INDEX_FILE).length;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(fetches.filter((u) => u === SEARCH_INDEX_FILE).length).toBe(before + 1));
  });

  it('says so when offline with no saved copy of search', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    renderSearch(paths.search.href(new URLSearchParams({ q: 'patrol' })), 'drop');
    expect(await screen.findByRole('alert')).toHaveTextContent('You’re offline, and search has not been saved on this device yet.');
  });

  it('is reached from the header’s search box, by keyboard, with the words typed', async () => {
    const { user, where, params } = renderSearch(paths.news.href());
    const landmark = await screen.findByRole('search');
    const box = within(landmark).getByRole('searchbox', { name: 'Search' });
    await user.click(box);
    await user.keyboard('surgery{Enter}');
    await waitFor(() => expect(where.path).toBe(paths.search.href()));
    expect(params().get('q')).toBe('surgery');
    expect(await screen.findByRole('heading', { level: 1, name: 'Search' })).toBeInTheDocument();
    await waitFor(() => expect(summary()).toHaveTextContent('2 results for “surgery”.'));
  }, 15_000);
});

describe('The archive', () => {
  it('lists every year, and a year’s releases month by month, linked to each release', async () => {
    const { user, where } = renderSearch(paths.archive.href());
    const years = await screen.findByRole('list', { name: 'Years' });
    expect(within(years).getAllByRole('link').map((a) => a.textContent)).toEqual(['2018', '2017']);
    await user.click(within(years).getByRole('link', { name: '2017' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'News from 2017' })).toBeInTheDocument();
    expect(where.path).toBe(paths.archiveYear.href(2017));
    const main = screen.getByRole('main');
    const months = within(main).getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(months[0]).toBe('October 2017');
    expect(months).toContain('July 2017');
    expect(months.indexOf('July 2017')).toBeGreaterThan(0);
    const links = within(main).getAllByRole('heading', { level: 3 }).map((h) => within(h).getByRole('link'));
    expect(links.map((a) => a.textContent)).toContain('Extra patrols in Redcar ahead of Bonfire Night');
    expect(links.every((a) => /^\/news\/.+-[0-9a-z]{7}\/$/.test(a.getAttribute('href') ?? ''))).toBe(true);
    expect(screen.getByRole('navigation', { name: 'Archive' })).toBeInTheDocument();
  });

  it('leaves a release at /news/<slug>/ a release', async () => {
    renderSearch(itemHref({ kind: 'news', slug: 'force-praised-for-crime-prevention-work-0fnz0wq' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Force praised for crime prevention work' })).toBeInTheDocument();
  });

  it('says a year with no releases is not found', async () => {
    renderSearch(paths.archiveYear.href(1999));
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});
