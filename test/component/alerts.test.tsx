/** The feed's alerts above every page's heading: roles, names, keyboard, dismissal and who sees them. */
import { QueryClient } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { MemoryRouter, StaticRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../src/app/App';
import { loadAlerts, readAlertsInPage } from '../../src/app/alerts';
import { loadLists } from '../../src/app/lists';
import { AppRoutes } from '../../src/app/routes';
import { feedQueryOptions, normaliseFeed } from '../../src/feed';
import type { SafeStorage } from '../../src/lib/storage';
import { embeddedFeed, FEED_URL, memoryStorage, ORIGIN, renderApp, SEED } from '../support/render-app';

const NOW = '2018-11-20T18:00:00Z';
const DISMISSED = 'bulletin:alerts-dismissed';

interface RawAlert { id: string; title: string; level?: string; text?: string; url?: string; start?: string; end?: string; areas?: string[] }
const FLOOD: RawAlert = { id: 'flood', level: 'emergency', title: 'Flood warning: Stockton riverside', text: 'Avoid the riverside paths tonight.', url: 'https://example.org/flood', start: '2018-11-20T16:00:00+00:00', end: '2018-11-21T09:00:00+00:00' };
const ROADS: RawAlert = { id: 'roads', level: 'warning', title: 'A19 closed northbound', text: 'Use the A1053.' };
const SURGERY: RawAlert = { id: 'surgery', title: 'Commissioner’s surgery moved', areas: ['hartlepool'] };

function feedWith(alerts: RawAlert[]): string {
  const feed = JSON.parse(embeddedFeed.page1) as { _bulletin: Record<string, unknown> };
  feed._bulletin.alerts = alerts;
  return JSON.stringify(feed);
}
const routes = (alerts: RawAlert[]) => ({ [FEED_URL]: feedWith(alerts), [`${ORIGIN}/feed-2.json`]: embeddedFeed.page2 });
const regions = () => screen.queryAllByRole('region').filter((r) => r.hasAttribute('data-alert-key'));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Alerts from the feed', () => {
  it('shows each current alert as a region named by its level and title, most severe first, above the page heading', async () => {
    renderApp({ now: NOW, routes: routes([ROADS, FLOOD, { id: 'later', title: 'Not yet', start: '2018-11-21T00:00:00Z' }, { id: 'over', title: 'Over', end: '2018-11-20T17:00:00Z' }]) });
    const flood = await screen.findByRole('region', { name: 'Emergency Flood warning: Stockton riverside' });
    expect(regions().map((r) => r.getAttribute('aria-labelledby') && r.querySelector('h2')?.textContent)).toEqual(['Flood warning: Stockton riverside', 'A19 closed northbound']);
    expect(within(flood).getByRole('heading', { level: 2, name: 'Flood warning: Stockton riverside' })).toBeInTheDocument();
    expect(within(flood).getByText('Avoid the riverside paths tonight.')).toBeInTheDocument();
    expect(within(flood).getByRole('link', { name: 'Find out more: Flood warning: Stockton riverside' })).toHaveAttribute('href', 'https://example.org/flood');
    const heading = screen.getByRole('heading', { level: 1, name: 'Latest news' });
    expect(flood.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(flood.closest('main')).toBe(heading.closest('main'));
    // The page opened with it: it is part of the page, not announced.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('has no Dismiss for an emergency; a warning has one named for it, and dismissing by keyboard moves focus to the page heading', async () => {
    const storage = memoryStorage();
    const { user } = renderApp({ now: NOW, storage, routes: routes([FLOOD, ROADS]) });
    const flood = await screen.findByRole('region', { name: /Flood warning/ });
    expect(within(flood).queryByRole('button')).not.toBeInTheDocument();
    await screen.findByRole('link', { name: SEED.title });
    const dismiss = screen.getByRole('button', { name: 'Dismiss: A19 closed northbound' });
    dismiss.focus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('region', { name: /A19 closed/ })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Latest news' })).toHaveFocus();
    expect(JSON.parse(storage.data.get(DISMISSED) ?? '[]')).toHaveLength(1);
    expect(screen.getByRole('region', { name: /Flood warning/ })).toBeInTheDocument();
  });

  it('remembers a dismissal, and shows the alert again once it is edited', async () => {
    const storage = memoryStorage();
    const first = renderApp({ now: NOW, storage, routes: routes([ROADS]) });
    await first.user.click(await screen.findByRole('button', { name: 'Dismiss: A19 closed northbound' }));
    first.unmount();

    const again = renderApp({ now: NOW, storage, routes: routes([ROADS]) });
    await screen.findByRole('heading', { level: 2, name: SEED.title });
    expect(regions()).toEqual([]);
    again.unmount();

    renderApp({ now: NOW, storage, routes: routes([{ ...ROADS, text: 'Use the A1053 and the A66.' }]) });
    expect(await screen.findByRole('region', { name: 'Warning A19 closed northbound' })).toBeInTheDocument();
  });

  it('still dismisses, for the visit, when storage throws or is full', async () => {
    const broken: SafeStorage = { get: () => null, set: () => false, remove: () => undefined };
    const { user } = renderApp({ now: NOW, storage: broken, routes: routes([ROADS]) });
    await screen.findByRole('link', { name: SEED.title });
    await user.click(await screen.findByRole('button', { name: 'Dismiss: A19 closed northbound' }));
    expect(regions()).toEqual([]);
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
  });

  it('stays on screen, mounted once, across navigation', async () => {
    const { user } = renderApp({ now: NOW, routes: routes([FLOOD]) });
    const flood = await screen.findByRole('region', { name: /Flood warning/ });
    await user.click(screen.getByRole('link', { name: 'Events' }));
    await screen.findByRole('heading', { level: 1, name: 'Events' });
    expect(screen.getByRole('region', { name: /Flood warning/ })).toBe(flood);
  });

  it('shows an area’s alert to its readers and to readers with no postcode, not to readers of other areas', async () => {
    const prefs = (postcode: string | null) => memoryStorage(postcode ? { 'bulletin:preferences': JSON.stringify({ version: 1, postcode }) } : {});
    for (const [postcode, shown] of [[null, true], ['TS24 8', true], ['TS18 1', false]] as const) {
      const { unmount } = renderApp({ now: NOW, storage: prefs(postcode), routes: routes([SURGERY]) });
      await screen.findByRole('link', { name: SEED.title });
      expect(regions().length, `postcode ${postcode}`).toBe(shown ? 1 : 0);
      unmount();
    }
  });

  it('says how old an alert is when the news shown is a saved copy', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const sent = { [FEED_URL]: () => Promise.resolve(new Response(feedWith([FLOOD]), { headers: { Date: 'Tue, 20 Nov 2018 15:00:00 GMT' } })) };
    renderApp({ now: NOW, routes: sent });
    const flood = await screen.findByRole('region', { name: /Flood warning/ });
    expect(within(flood).getByText(/This alert was current 3 hours ago/)).toBeInTheDocument();
    vi.restoreAllMocks();
  });

  it('announces, once, an emergency that arrives while the reader is on the site, not one the page opened with', async () => {
    const network = routes([ROADS]);
    const { queryClient } = renderApp({ now: NOW, routes: network });
    await screen.findByRole('region', { name: /A19 closed/ });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    network[FEED_URL] = feedWith([ROADS, FLOOD]);
    await act(() => queryClient.refetchQueries());
    const arrived = await screen.findByRole('alert', { name: 'Emergency Flood warning: Stockton riverside' });
    expect(within(arrived).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: /A19 closed/ })).toBeInTheDocument();
  });

  it('shows nothing, and loads nothing, for a feed without alerts', async () => {
    renderApp({ now: NOW });
    await screen.findByRole('heading', { level: 2, name: SEED.title });
    expect(regions()).toEqual([]);
    expect(document.querySelector('.alerts')).toBeNull();
  });
});

describe('A prerendered alert', () => {
  it('is the build’s (no areas, current then), and is taken over without a hydration error, then hidden once it has expired or been dismissed', async () => {
    await Promise.all([loadLists(), loadAlerts()]);
    const raw = JSON.parse(feedWith([FLOOD, ROADS, SURGERY])) as unknown;
    const page = normaliseFeed(raw, FEED_URL);
    const app = (client: QueryClient, now: string, storage: SafeStorage, inPage: string[] | null, server: boolean) => (
      <AppProviders feedUrl={FEED_URL} queryClient={client} clock={() => new Date(now)} storage={storage} alertsInPage={inPage}>
        {server ? <StaticRouter location="/"><AppRoutes /></StaticRouter> : <MemoryRouter initialEntries={['/']}><AppRoutes /></MemoryRouter>}
      </AppProviders>
    );
    const filled = () => {
      const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
      client.setQueryData(feedQueryOptions(FEED_URL).queryKey, { pages: [page], pageParams: [FEED_URL] });
      return client;
    };
    // Built at NOW: the two alerts for everyone, not the area's.
    const html = renderToString(app(filled(), NOW, memoryStorage(), null, true));
    const container = document.createElement('div');
    container.id = 'root';
    container.innerHTML = html;
    document.body.append(container);
    const inPage = readAlertsInPage(container);
    expect(inPage).toHaveLength(2);
    expect(container.querySelectorAll('section.alert[aria-labelledby]')).toHaveLength(2);

    // Read the next morning, after the flood warning ended, by a reader who dismissed the roads alert.
    const roadsKey = inPage[1] ?? '';
    const storage = memoryStorage({ [DISMISSED]: JSON.stringify([roadsKey]) });
    const errors = vi.fn();
    await act(async () => {
      hydrateRoot(container, app(filled(), '2018-11-21T10:00:00Z', storage, inPage, false), { onRecoverableError: errors });
    });
    await waitFor(() => expect(container.querySelectorAll('[data-alert-key]')).toHaveLength(1));
    // The area's alert, for a reader with no postcode, shows after hydration.
    expect(within(container).getByRole('region', { name: 'Notice Commissioner’s surgery moved' })).toBeInTheDocument();
    expect(errors).not.toHaveBeenCalled();
    container.remove();
  });
});

