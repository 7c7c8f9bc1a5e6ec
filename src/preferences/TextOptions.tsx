import { usePreferences } from './PreferencesProvider';
import { TEXT_SIZES, type TextSize } from './types';

const LABELS: Record<TextSize, string> = { default: 'Default', large: 'Large', largest: 'Largest' };

/** Text size (three toggle buttons, one pressed) and Text only (a toggle button). */
export function TextOptions() {
  const { textSize, textOnly, update } = usePreferences();
  return (
    <>
      <div className="options__group" role="group" aria-labelledby="text-size-label">
        <span className="options__label" id="text-size-label">
          Text size
        </span>
        {TEXT_SIZES.map((size) => (
          <button
            key={size}
            type="button"
            className={`options__button options__button--${size}`}
            aria-pressed={textSize === size}
            onClick={() => update({ textSize: size })}
          >
            {LABELS[size]}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="options__button"
        aria-pressed={textOnly}
        onClick={() => update({ textOnly: !textOnly })}
      >
        Text only
      </button>
    </>
  );
}
