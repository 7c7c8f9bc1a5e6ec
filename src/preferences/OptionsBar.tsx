import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useIsClient } from '../lib/useIsClient';
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
  const barRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const postcodeRef = useRef<PostcodeEditor>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  // The bar shows the reader's own options now, not the defaults the page was rendered with: the CSS
  // stops keeping their place and shows them (src/styles/main.css, data-options).
  const client = useIsClient();
  useLayoutEffect(() => {
    if (client) document.documentElement.setAttribute('data-options', '');
  }, [client]);

  // Used, they are open: a text size that folds them (Largest on a wide screen) leaves them open
  // under the reader's hand, rather than hiding the button just pressed.
  useEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    const onFocusIn = () => setOpen(true);
    // Focus may be in them already: the options are an island (./Options.tsx), hydrated once used.
    if (panel.contains(document.activeElement)) onFocusIn();
    panel.addEventListener('focusin', onFocusIn);
    return () => panel.removeEventListener('focusin', onFocusIn);
  }, []);

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
    <section ref={barRef} className={open ? 'options options--open' : 'options'} aria-labelledby="options-heading">
      <h2 className="visually-hidden" id="options-heading">
        Accessibility options
      </h2>
      <div className="container options__bar">
        <OptionsToggle ref={toggleRef} open={open} controls={PANEL_ID} onToggle={() => setOpen(!open)} />
        <PostcodeSummary
          onChange={() => {
            setOpen(true);
            postcodeRef.current?.edit();
          }}
        />
      </div>
      <div ref={panelRef} className="options__panel" id={PANEL_ID}>
        <div className="container options__inner">
          <div className="options__text">
            <TextOptions />
          </div>
          <PostcodeOption ref={postcodeRef} />
        </div>
      </div>
    </section>
  );
}
