/**
 * While the options are folded, what they do for the reader's postcode, on one line: "News for
 * Middlesbrough (TS8 9), Change". It shows what is kept of the postcode (./postcode.ts), never more.
 * Change opens the options with the postcode field focused (./OptionsBar.tsx). Nothing shows
 * without a postcode. The CSS shows it only while the options are folded, and keeps its place
 * before the app has written it: the line this writes to the options (`summary`), which the boot
 * script lays out unseen on the next page (src/boot/boot-script.ts, main.css).
 */
import { useEffect, useRef } from 'react';
import { useFeed } from '../feed';
import { MAX_SUMMARY_LENGTH, NO_AREA } from './types';
import { usePreferences } from './PreferencesProvider';
import { useReaderArea } from './useReaderArea';

const NO_AREAS: never[] = [];

export function PostcodeSummary({ onChange }: { onChange: () => void }) {
  const { feed } = useFeed();
  const { postcode, area: chosen, summary, update } = usePreferences();
  const { area, choices } = useReaderArea(feed?.areas ?? NO_AREAS);
  const choosing = choices !== null && area === null && chosen !== NO_AREA;
  const said = feed && postcode !== null ? `${area ? `News for ${area.name}` : choosing ? 'Choose your own area' : 'News for the whole area'} (${postcode})` : null;
  // Kept, so that the next page keeps this line's place exactly before the app has written it. Written
  // when this tab's line changes, not whenever storage differs: two tabs that word it differently (an
  // older feed in one) must not overwrite each other for ever through the storage event.
  const line = said && `${said}, Change`;
  const written = useRef<string | null>(null);
  useEffect(() => {
    if (!line || line.length > MAX_SUMMARY_LENGTH) {
      written.current = null;
      return;
    }
    if (line === written.current) return;
    written.current = line;
    if (line !== summary) update({ summary: line });
  }, [line, summary, update]);
  if (postcode === null) return null;
  // Until the feed (and so its areas) is in, the line is kept, empty, rather than saying what may not hold.
  if (!said) return <p className="options__summary" />;
  return (
    <p className="options__summary">
      {said},{' '}
      <button type="button" className="options__change" aria-label="Change your postcode" onClick={onChange}>
        Change
      </button>
    </p>
  );
}
