/**
 * "Set your postcode": a GOV.UK-style single-field form. Errors are visible, linked to the
 * input with aria-describedby and announced; confirmation is announced politely without
 * moving focus.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useFeed } from '../feed';
import { matchArea, normalisePostcode, POSTCODE_ERRORS } from './postcode';
import { usePreferences } from './PreferencesProvider';
import { useReaderArea } from './useReaderArea';

const HINT = 'This will personalise news and events with the latest from your area.';
const NO_AREAS: never[] = [];

export function PostcodeOption() {
  const { postcode, update } = usePreferences();
  const { feed } = useFeed();
  const { area } = useReaderArea(feed?.areas ?? NO_AREAS);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<keyof typeof POSTCODE_ERRORS | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const inputId = `${id}-postcode`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const showForm = editing || postcode === null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = inputRef.current?.value ?? '';
    const result = normalisePostcode(value);
    if (!result.ok) {
      setError(result.error);
      setAnnouncement('');
      inputRef.current?.focus();
      return;
    }
    setError(null);
    setEditing(false);
    update({ postcode: result.postcode });
    const matched = matchArea(result.postcode, feed?.areas ?? NO_AREAS);
    setAnnouncement(
      matched
        ? `Postcode saved. Showing news for ${matched.name} (${result.postcode}).`
        : `Postcode saved. ${result.postcode} is outside the areas this newsroom covers, so you are seeing news from the whole area.`,
    );
    // The form is replaced by the summary: keep the keyboard where the reader was.
    requestAnimationFrame(() => changeRef.current?.focus({ preventScroll: true }));
  };

  const onClear = () => {
    update({ postcode: null });
    setEditing(false);
    setError(null);
    setAnnouncement('Postcode cleared. You are seeing news from the whole area.');
    requestAnimationFrame(() => inputRef.current?.focus({ preventScroll: true }));
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
              {POSTCODE_ERRORS[error]}
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
              defaultValue={editing && postcode ? postcode : ''}
              aria-describedby={error ? `${hintId} ${errorId}` : hintId}
              aria-invalid={error ? true : undefined}
            />
            <button type="submit" className="button">
              Set postcode
            </button>
            {editing && (
              <button type="button" className="button button--secondary" onClick={() => { setEditing(false); setError(null); }}>
                Cancel
              </button>
            )}
          </div>
        </form>
      ) : (
        <div className="postcode__summary">
          <p className="postcode__status">
            {area ? (
              <>
                Showing news for <strong>{area.name}</strong> ({postcode})
              </>
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
            onClick={() => {
              setEditing(true);
              setAnnouncement('');
              requestAnimationFrame(() => inputRef.current?.focus());
            }}
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
