/** The whole app: providers around the routes. Tests render <App> with their own clock, storage and query client. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { FeedUrlContext, retryDelay, retryFeed } from '../feed';
import { ClockProvider, type Clock } from '../lib/clock';
import type { SafeStorage } from '../lib/storage';
import { BodySupplyProvider, type BodySupply } from '../article';
import { PreferencesProvider } from '../preferences';
import { AppRoutes } from './routes';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: retryFeed, retryDelay, refetchOnWindowFocus: false } },
  });
}

interface AppProvidersProps {
  feedUrl: string;
  queryClient: QueryClient;
  clock?: Clock;
  storage?: SafeStorage;
  /** What the page brings for release bodies (a prerendered body; at build time, the sanitiser). */
  body?: Partial<BodySupply>;
  children: ReactNode;
}

const NO_BODY: Partial<BodySupply> = {};

export function AppProviders({ feedUrl, queryClient, clock = () => new Date(), storage, body = NO_BODY, children }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <FeedUrlContext.Provider value={feedUrl}>
        <ClockProvider clock={clock}>
          <PreferencesProvider storage={storage}>
            <BodySupplyProvider value={body}>{children}</BodySupplyProvider>
          </PreferencesProvider>
        </ClockProvider>
      </FeedUrlContext.Provider>
    </QueryClientProvider>
  );
}

export function App(props: Omit<AppProvidersProps, 'children'>) {
  return (
    <AppProviders {...props}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
