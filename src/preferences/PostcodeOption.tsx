/**
 * "Set your postcode": a GOV.UK-style single-field form. A full postcode or just its first half
 * will do, and only what matching needs is kept (./postcode.ts). Errors are visible, linked to the
 * input with aria-describedby and announced; confirmation is announced politely without moving
 * focus. Where the first half alone could be in more than one area, the reader chooses
 * (./AreaChoice.tsx).
 *
 * What the reader typed is checked by ./postcode-entry.ts (with the `postcode` package), loaded
 * when the field is first focused, not with the page; it also gives the error to show or what to
 * keep and announce, so that only the form's markup and state are on every page.
 */
import { useImperativeHandle, useLayoutEffect, useRef, useState, type FormEvent, type Ref } from 'react';
import { useFeed } from '../feed';
import { chunk, useChunk } from '../lib/chunk';
import { NO_AREA } from './types';
import * as rules from './postcode';
import { usePreferences } from './PreferencesProvider';
import { useReaderArea } from './useReaderArea';

const HINT = 'Enter your postcode, or just the first half, for example TS8. Only the first half and one more digit are kept, on this device.';
const NO_AREAS: never[] = [];

/** The form's own error: the check (./postcode-entry.ts, with the others) could not be loaded. */
const UNLOADED = 'Your postcode could not be checked. Check your connection and try again.';

const entryCheck = chunk(() => import('./postcode-entry'));
/** Asked only where the first half alone could be in more than one area: loaded then. */
const choice = chunk(() => import('./AreaChoice'));
const prepareCheck = () => void entryCheck.load().catch(() => undefined);

/** What the folded options' summary asks of the field (./PostcodeSummary.tsx): to change the postcode. */
export interface PostcodeEditor {
  edit(): void;
}

export function PostcodeOption({ ref }: { ref?: Ref<PostcodeEditor> }) {
  const { postcode, update } = usePreferences();
  const { feed } = useFeed();
  const { area, choices } = useReaderArea(feed?.areas ?? NO_AREAS);
  const { area: chosen } = usePreferences();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  // Where the keyboard goes once the form and the summary have swapped: set with the change, and
  // done as soon as it is committed, before a key pressed next could land on the page's body.
  // Only Change from the folded summary (edit) scrolls: the field may be out of sight then.
  const focusNext = useRef<'input' | 'input-in-sight' | 'change' | null>(null);
  useLayoutEffect(() => {
    const next = focusNext.current;
    const target = next === 'change' ? changeRef.current : next ? inputRef.current : null;
    if (!target) return;
    focusNext.current = null;
    target.focus({ preventScroll: next !== 'input-in-sight' });
  });
  // Fixed ids, not useId: the form is hydrated in a root of its own (./Options.tsx), where useId's
  // would differ from those the page was rendered with. There is one on a page.
  const inputId = 'postcode-input';
  const hintId = 'postcode-hint';
  const errorId = 'postcode-error';
  const showForm = editing || postcode === null;
  const needsChoice = choices !== null && area === null && chosen !== NO_AREA;
  const AreaChoice = useChunk(choice, needsChoice)?.AreaChoice ?? null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = inputRef.current?.value ?? '';
    const refuse = (message: string) => {
      setError(message);
      setAnnouncement('');
      inputRef.current?.focus();
    };
    entryCheck.load().then(({ savePostcodeEntry }) => {
      const result = savePostcodeEntry(value, feed?.areas ?? NO_AREAS, rules);
      if (!result.ok) {
        refuse(result.error);
        return;
      }
      setError(null);
      setEditing(false);
      update({ postcode: result.postcode, area: null });
      setAnnouncement(result.announcement);
      // The form is replaced by the summary: keep the keyboard where the reader was.
      focusNext.current = 'change';
    }, () => refuse(UNLOADED));
  };

  const edit = () => {
    setEditing(true);
    setAnnouncement('');
    focusNext.current = 'input-in-sight';
  };
  useImperativeHandle(ref, () => ({ edit }));

  const onClear = () => {
    update({ postcode: null, area: null });
    setEditing(false);
    setError(null);
    setAnnouncement('Postcode cleared. You are seeing news from the whole area.');
    focusNext.current = 'input';
  };

  return (
    <div className="postcode">
      {showForm ? (
        <form className="postcode__form" noValidate onSubmit={onSubmit}>
          <label className="postcode__label" htmlFor={inputId}>
            Set your postcode
          </label>
          <p className="postcode__hint" id={hintId}>
            {HINT}
          </p>
          {error && (
            <p className="error-message" id={errorId} role="alert">
              <span className="visually-hidden">Error: </span>
              {error}
            </p>
          )}
          <div className="postcode__row">
            <input
              ref={inputRef}
              id={inputId}
              name="postcode"
              className={`postcode__input${error ? ' postcode__input--error' : ''}`}
              type="text"
              autoComplete="postal-code"
              autoCapitalize="characters"
              spellCheck={false}
              onFocus={prepareCheck}
              defaultValue={editing && postcode ? postcode : ''}
              aria-describedby={error ? `${hintId} ${errorId}` : hintId}
              aria-invalid={error ? true : undefined}
            />
            <button type="submit" className="button">
              Set postcode
            </button>
            {editing && (
              <button type="button" className="button button--secondary" onClick={() => { setEditing(false); setError(null); focusNext.current = 'change'; }}>
                Cancel
              </button>
            )}
          </div>
        </form>
      ) : (
        <div className="postcode__summary">
          {needsChoice && choices && postcode && AreaChoice ? (
            <AreaChoice
              postcode={postcode}
              choices={choices}
              onChosen={(name) => {
                setAnnouncement(name ? `Area chosen. Now showing news for ${name}.` : 'You are seeing news from the whole area.');
                // The choice is replaced by the summary: keep the keyboard there.
                focusNext.current = 'change';
              }}
            />
          ) : null}
          <p className="postcode__status">
            {/* Until the feed (and so its areas) is in, a line is kept, empty, rather than saying what may not hold (as ./PostcodeSummary.tsx does). */}
            {!feed ? (
              '\u00a0'
            ) : area ? (
              <>
                Showing news for <strong>{area.name}</strong> ({postcode})
              </>
            ) : needsChoice ? (
              <>Until you choose, you are seeing news from the whole area ({postcode}).</>
            ) : choices ? (
              <>You chose none of the areas for {postcode}, so you are seeing news from the whole area.</>
            ) : (
              <>
                Your postcode {postcode} is outside the areas this newsroom covers. There is no local news for it yet,
                so you are seeing news from the whole area.
              </>
            )}
          </p>
          <button
            ref={changeRef}
            type="button"
            className="button button--secondary"
            aria-label="Change postcode"
            onClick={edit}
          >
            Change
          </button>
          <button type="button" className="button button--secondary" aria-label="Clear postcode" onClick={onClear}>
            Clear
          </button>
        </div>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
