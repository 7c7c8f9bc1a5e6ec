/**
 * The options' chunk (./OptionsIsland.tsx): the options bar, and the model that reads, changes and
 * writes the stored options and matches a postcode to an area (./model.ts). Loaded when the reader
 * comes to the options, or at once where anything is stored; whoever loads it, the store
 * (./PreferencesProvider.tsx) hears of its arrival first (`onArrival`), so that it has read what
 * is stored before the options are shown or changed, even after an earlier load failed.
 */
import { chunk } from '../lib/chunk';

/** The model, once the chunk is in. */
export type OptionsModel = typeof import('./model');

const arrivals = new Set<(model: OptionsModel) => void>();

export const optionsIsland = chunk(() =>
  import('./OptionsIsland').then((m) => {
    for (const arrived of arrivals) arrived(m.model);
    return m;
  }),
);

/** Calls `arrived` with the model once the chunk is in (at once if it is). */
export function onArrival(arrived: (model: OptionsModel) => void): void {
  const loaded = optionsIsland.loaded();
  if (loaded) arrived(loaded.model);
  else arrivals.add(arrived);
}
