import type { Ref } from 'react';

/**
 * "Accessibility options": the button that folds the options away on a narrow screen (or a
 * narrow one for the text size chosen). The CSS shows it only there (src/styles/main.css,
 * "Options that leave room for the news"); on a wide screen the options are always open.
 */
export function OptionsToggle({ open, controls, onToggle, ref }: { open: boolean; controls: string; onToggle: () => void; ref: Ref<HTMLButtonElement> }) {
  return (
    <button ref={ref} type="button" className="options__toggle" aria-expanded={open} aria-controls={controls} onClick={onToggle}>
      Accessibility options
    </button>
  );
}
