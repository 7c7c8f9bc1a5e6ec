/**
 * Renders the whole app (providers + routes) at an address, with a fixed clock, an in-memory
 * or faulty storage, a fresh query client without retries, and a fake network serving feeds.
 */
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { AppProviders } from '../../src/app/App';
import type { BodySupply } from '../../src/article';
import { AppRoutes } from '../../src/app/routes';
import { paths } from '../../src/config/paths';
import type { SafeStorage } from '../../src/lib/storage';
export { SEED, SITE } from './seed';

export const ORIGIN = 'http://localhost:3000';
export const FEED_URL = `${ORIGIN}/feed.json`;

// Tests run from the repository root (under jsdom, import.meta.url is not a file: URL).
const sampleDir = join(process.cwd(), 'sample');
export const embeddedFeed = {
  page1: readFileSync(join(sampleDir, 'feed.json'), 'utf8'),
  page2: readFileSync(join(sampleDir, 'feed-2.json'), 'utf8'),
};

export type Route = string | { status: number; body?: string } | (() => Promise<Response>);

/** A fake network: URL → body (200), status, or a function. Unknown URLs are a dropped connection. */
function fakeNetwork(routes: Record<string, Route>) {
  const calls: string[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push(url);
    const route = routes[url];
    if (route === undefined) throw new TypeError('Failed to fetch');
    if (typeof route === 'function') return route();
    if (typeof route === 'string') return new Response(route, { status: 200, headers: { 'Content-Type': 'application/feed+json' } });
    return new Response(route.body ?? '', { status: route.status });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, calls };
}

export function embeddedRoutes(): Record<string, Route> {
  return { [FEED_URL]: embeddedFeed.page1, [`${ORIGIN}/feed-2.json`]: embeddedFeed.page2 };
}

export function memoryStorage(initial: Record<string, string> = {}): SafeStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: (k) => data.get(k) ?? null,
    set: (k, v) => {
      data.set(k, v);
      return true;
    },
    remove: (k) => {
      data.delete(k);
    },
  };
}

interface RenderOptions {
  path?: string;
  now?: string;
  storage?: SafeStorage;
  routes?: Record<string, Route>;
  /** What the page brings for release bodies, as the start-up path passes it. */
  body?: Partial<BodySupply>;
}

export function renderApp({ path = paths.news.href(), now = '2026-11-26T12:00:00Z', storage, routes = embeddedRoutes(), body }: RenderOptions = {}) {
  const network = fakeNetwork(routes);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  const user = userEvent.setup();
  const fixed = new Date(now);
  const result = render(
    <AppProviders feedUrl={FEED_URL} queryClient={queryClient} clock={() => fixed} storage={storage ?? memoryStorage()} body={body}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...result, user, queryClient, network };
}
