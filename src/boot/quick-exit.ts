/**
 * "Leave this site", wired by the inline boot script before anything else on the page runs (and
 * so before, during and after hydration alike). The button is a plain link to the exit address
 * (src/ui/QuickExit.tsx), so it works without script too; with script:
 *
 * - a click on it, or Shift pressed three times within five seconds (src/lib/quick-exit.ts),
 *   empties the page at once and replaces this history entry with the exit address;
 * - the tab remembers it left (sessionStorage): if the reader comes back to an earlier page of
 *   the site with Back, that page leaves again before it is painted.
 *
 * Everything here must stay small: it is inlined in every page's <head>.
 */
import { LEFT_KEY, PRESSES, pressesLeftText, QUICK_EXIT_ATTRIBUTE, QUICK_EXIT_STATUS_ID, shiftCounter, WINDOW_MS } from '../lib/quick-exit';

/** The tab's note that the reader left: read, written and forgotten without ever throwing (storage may be blocked). */
function note(write?: string | null): string | null {
  try {
    const storage = window.sessionStorage;
    if (write === undefined) return storage.getItem(LEFT_KEY);
    if (write === null) storage.removeItem(LEFT_KEY);
    else storage.setItem(LEFT_KEY, write);
  } catch {
    // Storage blocked or full: leaving still works; only Back is not guarded.
  }
  return null;
}

/** Blanks the page now, then replaces the current history entry with `url`. */
function leave(url: string): void {
  note(url);
  const root = document.documentElement;
  root.style.setProperty('display', 'none', 'important');
  document.body?.replaceChildren();
  document.title = '';
  window.location.replace(url);
}

/** Whether this page was reached by Back or Forward. */
function cameBack(): boolean {
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return entry?.type === 'back_forward';
}

function exitLink(target: EventTarget | null): HTMLAnchorElement | null {
  return target instanceof Element ? target.closest<HTMLAnchorElement>(`a[${QUICK_EXIT_ATTRIBUTE}]`) : null;
}

export function installQuickExit(): void {
  // Back (or Forward) to a page of this site after leaving: leave again, before the first paint.
  const left = note();
  if (left) {
    if (cameBack()) return leave(left);
    // A new visit (typed, a link, a reload): the site shows, and is no longer guarded.
    note(null);
  }
  window.addEventListener('pageshow', (event) => {
    const again = event.persisted ? note() : null;
    if (again) leave(again);
  });

  document.addEventListener(
    'click',
    (event) => {
      const link = exitLink(event.target);
      if (!link) return;
      event.preventDefault();
      leave(link.href);
    },
    true,
  );

  const counter = shiftCounter(() => performance.now());
  let expiry = 0;
  const say = (text: string) => {
    const status = document.getElementById(QUICK_EXIT_STATUS_ID);
    if (status && status.textContent !== text) status.textContent = text;
  };
  const onKey = (event: KeyboardEvent) => {
    const link = document.querySelector<HTMLAnchorElement>(`a[${QUICK_EXIT_ATTRIBUTE}]`);
    if (!link) return; // Turned off in the site file (or the page is not in yet).
    const result = counter.onKey(event);
    if (result.kind === 'leave') {
      leave(link.href);
    } else if (result.kind === 'counted') {
      say(pressesLeftText(result.left));
      // The window runs from the first counted press; when it closes the count starts again.
      if (result.left === PRESSES - 1) {
        clearTimeout(expiry);
        expiry = window.setTimeout(() => {
          counter.reset();
          say('');
        }, WINDOW_MS);
      }
    } else if (event.type === 'keydown' && event.key !== 'Shift') {
      clearTimeout(expiry);
      say('');
    }
  };
  document.addEventListener('keydown', onKey, true);
  document.addEventListener('keyup', onKey, true);
}
