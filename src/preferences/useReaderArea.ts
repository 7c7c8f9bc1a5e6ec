import { useMemo } from 'react';
import type { Area } from '../feed';
import { matchArea } from './postcode';
import { usePreferences } from './PreferencesProvider';

export interface ReaderArea {
  /** The reader's postcode, or null when none is set. */
  postcode: string | null;
  /** The area the postcode belongs to; null when none is set or it is outside every area. */
  area: Area | null;
}

export function useReaderArea(areas: readonly Area[]): ReaderArea {
  const { postcode } = usePreferences();
  return useMemo(() => ({ postcode, area: postcode ? matchArea(postcode, areas) : null }), [postcode, areas]);
}
