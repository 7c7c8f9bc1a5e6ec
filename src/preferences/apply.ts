/** The reader's options on the page: in the entry, as every page needs them. */
import type { Preferences } from './types';

/** Whether the reader has set any option: then the options' island is hydrated at once (./Options.tsx). */
export function hasChosen(p: Preferences): boolean {
  return p.postcode !== null || p.textSize !== 'default' || p.textOnly;
}

/** Puts the options on the root element, where the CSS reads them (one attribute each). */
export function applyToDocument(p: Preferences, root: HTMLElement = document.documentElement): void {
  // Only what differs is written: a change to <html> makes the browser restyle the whole page,
  // and on a prerendered page the boot script has usually set all of it already.
  const set = (attribute: string, value: string | null) => {
    if (root.getAttribute(attribute) === value) return;
    if (value === null) root.removeAttribute(attribute);
    else root.setAttribute(attribute, value);
  };
  // The options work only with script: the CSS shows them only where this is set.
  set('data-js', '');
  set('data-text-size', p.textSize);
  set('data-text-only', p.textOnly ? '' : null);
}
