import { useEffect, useRef, useState } from 'react';
import { OptionsToggle } from './OptionsToggle';
import { PostcodeOption, type PostcodeEditor } from './PostcodeOption';
import { PostcodeSummary } from './PostcodeSummary';
import { TextOptions } from './TextOptions';

const PANEL_ID = 'options-panel';

/**
 * The options the seed page offers at the top of every page, in one labelled region. On a narrow
 * screen (for the text size chosen) they fold behind "Accessibility options", closed on every
 * page load, with the postcode's summary beside it; on a wide one they are always open. Which of
 * the two is the CSS's call alone (an em-based container query), so the prerendered page and the
 * app agree before the app has started.
 */
export function OptionsBar() {
  const [open, setOpen] = useState(false);
  const barRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const postcodeRef = useRef<PostcodeEditor>(null);

  // Escape, anywhere in the options while they are unfolded on a narrow screen, folds them and
  // puts the keyboard back on the button.
  useEffect(() => {
    const bar = barRef.current;
    if (!bar || !open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const toggle = toggleRef.current;
      if (event.key !== 'Escape' || !toggle || getComputedStyle(toggle).display === 'none') return;
      setOpen(false);
      toggle.focus();
    };
    bar.addEventListener('keydown', onKeyDown);
    return () => bar.removeEventListener('keydown', onKeyDown);
  }, [open]);

  return (
    <div ref={barRef} className={open ? 'options options--open' : 'options'}>
      <div className="container options__bar">
        <OptionsToggle ref={toggleRef} open={open} controls={PANEL_ID} onToggle={() => setOpen(!open)} />
        <PostcodeSummary
          onChange={() => {
            setOpen(true);
            postcodeRef.current?.edit();
          }}
        />
      </div>
      <section className="options__panel" id={PANEL_ID} aria-labelledby="options-heading">
        <div className="container options__inner">
          <h2 className="visually-hidden" id="options-heading">
            Accessibility options
          </h2>
          <div className="options__text">
            <TextOptions />
          </div>
          <PostcodeOption ref={postcodeRef} />
        </div>
      </section>
    </div>
  );
}
