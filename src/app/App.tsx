/** The whole app: providers around the routes. Tests render <App> with their own clock, storage and query client. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { FeedPageHintContext, FeedUrlContext, retryDelay, retryFeed, type FeedPageHint } from '../feed';
import { ClockProvider, type Clock } from '../lib/clock';
import { safeLocalStorage, type SafeStorage } from '../lib/storage';
import { BodySupplyProvider, type BodySupply } from '../article';
import { PreferencesProvider } from '../preferences';
import { AlertsContext } from './alerts';
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
  /** The feed page a prerendered page names for what it shows, beyond the first. */
  feedPageHint?: FeedPageHint | null;
  /** The area whose view a prerendered page shows (the boot script chose it), to hydrate as shown. */
  areaShown?: string | null;
  /** The keys of the alerts a prerendered page shows, to hydrate as shown. */
  alertsInPage?: readonly string[] | null;
  children: ReactNode;
}

const NO_BODY: Partial<BodySupply> = {};

export function AppProviders({ feedUrl, queryClient, clock = () => new Date(), storage, body = NO_BODY, feedPageHint = null, areaShown = null, alertsInPage = null, children }: AppProvidersProps) {
  const alerts = useMemo(() => ({ storage: storage ?? safeLocalStorage, inPage: alertsInPage }), [storage, alertsInPage]);
  return (
    <QueryClientProvider client={queryClient}>
      <FeedUrlContext.Provider value={feedUrl}>
        <FeedPageHintContext.Provider value={feedPageHint}>
          <ClockProvider clock={clock}>
            <PreferencesProvider storage={storage} areaShown={areaShown}>
              <AlertsContext.Provider value={alerts}>
                <BodySupplyProvider value={body}>{children}</BodySupplyProvider>
              </AlertsContext.Provider>
            </PreferencesProvider>
          </ClockProvider>
        </FeedPageHintContext.Provider>
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
