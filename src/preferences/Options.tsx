/**
 * The reader's options on every page (./OptionsBar.tsx), as an island (src/lib/island.tsx): the
 * prerendered bar shows at once, and its code (about half of this folder) loads only when the
 * reader comes to it. A reader who has set any option (a postcode, a text size, text only) gets it
 * at once: the bar must show what they chose, and the summary of their postcode (the store has
 * loaded the chunk to read them: ./PreferencesProvider.tsx).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useContext } from 'react';
import { FeedUrlContext } from '../feed';
import { Island } from '../lib/island';
import { hasChosen } from './apply';
import { optionsIsland } from './options-chunk';
import { useAreaShown, usePreferences } from './PreferencesProvider';

export function Options() {
  const preferences = usePreferences();
  const queryClient = useQueryClient();
  const feedUrl = useContext(FeedUrlContext);
  const areaShown = useAreaShown();
  return (
    <Island
      of={optionsIsland}
      eager={hasChosen(preferences)}
      render={(m) => <m.OptionsIsland store={preferences.store} queryClient={queryClient} feedUrl={feedUrl} areaShown={areaShown} />}
    />
  );
}
