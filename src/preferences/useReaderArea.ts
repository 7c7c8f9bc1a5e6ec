import { useMemo } from 'react';
import type { Area } from '../feed';
import { useIsClient } from '../lib/useIsClient';
import { useAreaShown, usePreferences } from './PreferencesProvider';

export interface ReaderArea {
  /** The reader's postcode, or null when none is set. */
  postcode: string | null;
  /** The area the postcode belongs to; null when none is set, it is outside every area, or the reader has yet to choose. */
  area: Area | null;
  /** For an outward code the feed's areas split by sector: the areas it could be in (the reader chooses). */
  choices: Area[] | null;
}

/**
 * The reader's area. While a prerendered page is hydrated the options are the defaults (no
 * postcode, as the page was rendered), except where the boot script showed an area's view of
 * latest news: then that area, so that React keeps the DOM the reader is looking at. So it stays
 * while the store is still reading what is stored (the options' chunk is on its way, or could not
 * be loaded): the boot script read the same.
 */
export function useReaderArea(areas: readonly Area[]): ReaderArea {
  const { postcode, area: chosen, store } = usePreferences();
  const shown = useAreaShown();
  const hydrating = !useIsClient();
  const waiting = hydrating || store.reading();
  return useMemo(() => {
    if (waiting && shown !== null) return { postcode, area: areas.find((a) => a.id === shown) ?? null, choices: null };
    // A postcode has been read, or set, by the options' model (./model.ts), which the store has.
    const model = store.model();
    if (!postcode || !model) return { postcode, area: null, choices: null };
    return { postcode, area: model.matchArea(postcode, areas, chosen), choices: model.areaChoices(postcode, areas) };
  }, [postcode, chosen, areas, waiting, shown, store]);
}
