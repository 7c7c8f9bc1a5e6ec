/**
 * "Which is yours?": for an outward code alone that the feed's areas split by sector (TS2 is
 * Middlesbrough, but TS2 1 is Stockton), the reader chooses among the areas it could be, or none.
 * A GOV.UK-style radio group in a fieldset whose legend asks the question.
 */
import { useId, useState, type FormEvent } from 'react';
import type { Area } from '../feed';
import { NO_AREA } from './types';
import { usePreferences } from './PreferencesProvider';

export function AreaChoice({ postcode, choices, onChosen }: { postcode: string; choices: readonly Area[]; onChosen: (name: string | null) => void }) {
  const { update } = usePreferences();
  const [picked, setPicked] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const id = useId();
  const errorId = `${id}-error`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (picked === null) {
      setMissing(true);
      return;
    }
    update({ area: picked });
    onChosen(choices.find((a) => a.id === picked)?.name ?? null);
  };

  return (
    <form className="area-choice" noValidate onSubmit={onSubmit}>
      <fieldset className="area-choice__fieldset" aria-describedby={missing ? errorId : undefined}>
        <legend className="area-choice__legend">{postcode} covers more than one of this newsroom’s areas. Which is yours?</legend>
        {missing && (
          <p className="error-message" id={errorId} role="alert">
            <span className="visually-hidden">Error: </span>
            Choose your area, or none of these
          </p>
        )}
        {[...choices.map((a) => ({ value: a.id, label: a.name })), { value: NO_AREA, label: 'None of these: show news from the whole area' }].map((option) => (
          <div className="area-choice__item" key={option.value || 'none'}>
            <input
              className="area-choice__input"
              type="radio"
              id={`${id}-${option.value || 'none'}`}
              name={`${id}-area`}
              value={option.value}
              checked={picked === option.value}
              onChange={() => {
                setPicked(option.value);
                setMissing(false);
              }}
            />
            <label className="area-choice__label" htmlFor={`${id}-${option.value || 'none'}`}>
              {option.label}
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button">
        Choose area
      </button>
    </form>
  );
}
