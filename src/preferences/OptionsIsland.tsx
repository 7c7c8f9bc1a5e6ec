/**
 * The options' island (./Options.tsx): the options bar in a root of its own, given what the app's
 * tree has (its store of options, its feed) so that it renders, and so hydrates, the same HTML.
 * A chunk: loaded when the reader comes to the options, or at once for a reader who has stored any.
 * It brings the options' model too (./model.ts), which the app's store reads what is stored with.
 */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { FeedUrlContext } from '../feed';
import { OptionsBar } from './OptionsBar';
import { PreferencesProvider, type PreferencesStore } from './PreferencesProvider';

export * as model from './model';

export interface OptionsIslandProps {
  store: PreferencesStore;
  queryClient: QueryClient;
  feedUrl: string | null;
  areaShown: string | null;
}

export function OptionsIsland({ store, queryClient, feedUrl, areaShown }: OptionsIslandProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <FeedUrlContext.Provider value={feedUrl}>
        <PreferencesProvider store={store} areaShown={areaShown}>
          <OptionsBar />
        </PreferencesProvider>
      </FeedUrlContext.Provider>
    </QueryClientProvider>
  );
}
