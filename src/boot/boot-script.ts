/**
 * The one inline script of every page (compiled and minified by build/boot-script.ts, allowed by
 * the hash of that output in the CSP). It runs in <head>, before the first paint:
 *
 * 1. Applies the reader's stored text size and text only to <html> (through the same reader of
 *    storage as the app, src/preferences/stored.ts), so a prerendered page never flashes at the
 *    default size; marks `data-js`, and `data-postcode` when a postcode is kept (the folded options
 *    keep its summary's line until the app writes it: no layout shift), with the line last shown
 *    where it is known (`data-postcode-summary`, `--postcode-summary`), so its place fits it exactly.
 * 2. On a prerendered page (one with the after-paint meta, ./after-paint.ts), starts the app's
 *    script and the feed request only once the page has been painted (the first-contentful-paint
 *    entry; the next frame where the browser has no paint timing): on a slow connection the page's
 *    own HTML and CSS get the bandwidth first. A tab that is never painted (opened in the
 *    background) starts them after a second anyway.
 * 3. For a reader whose postcode is in one of the feed's areas, on a page that carries each area's
 *    view (latest news), shows their area's view in place of the general one: <main> is hidden
 *    (the CSS, html[data-area-view]) until the document is parsed and the view is in. No second
 *    request, and the address stays the one the reader asked for.
 * 4. If the markup is stale (see isStale), marks <html data-stale> (the CSS hides <main>) and
 *    starts the app as soon as the document is parsed; src/boot/main.tsx then renders afresh.
 *
 * 5. Hides, before the first paint, any alert in the page's HTML the reader has dismissed
 *    (src/alerts/dismissed.ts), by a constructed style sheet (allowed by the CSP, unlike a
 *    <style> element), so it never shows and then goes; the app leaves it out once it has started.
 *
 * 0. First of all, "Leave this site" (./quick-exit.ts): the click and Shift handlers, and leaving
 *    again at once when the reader comes Back to the site after leaving.
 *
 * Everything it imports is bundled into it: keep those modules small and free of React.
 */
import { DISMISSED_KEY, parseDismissed } from '../alerts/dismissed';
import { matchArea } from '../preferences/postcode';
import { parsePreferences, STORAGE_KEY } from '../preferences/stored';
import { installQuickExit } from './quick-exit';
import { AFTER_PAINT_META, AREA_SHOWN_ATTRIBUTE, AREA_VIEW_ATTRIBUTE, areaViewSelector, isStale, parseStarts, readRenderedFor, type Start } from './after-paint';

/** How long a page that is never painted waits before starting the app. */
const UNPAINTED_START_MS = 1000;

function readStored(key = STORAGE_KEY): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // Storage disabled: the defaults.
  }
}

function startElement(start: Start): HTMLElement {
  const attributes: Record<string, string> =
    start.kind === 'module'
      ? { type: 'module', src: start.href }
      : start.kind === 'modulepreload'
        ? { rel: 'modulepreload', href: start.href }
        : { rel: 'preload', as: 'fetch', type: 'application/feed+json', href: start.href };
  const element = document.createElement(start.kind === 'module' ? 'script' : 'link');
  element.setAttribute('crossorigin', 'anonymous');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

function whenPainted(go: () => void): void {
  const Observer = window.PerformanceObserver;
  if (Observer?.supportedEntryTypes?.includes('paint')) {
    new Observer((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) go();
    }).observe({ type: 'paint', buffered: true });
  } else {
    requestAnimationFrame(() => setTimeout(go, 0));
  }
  setTimeout(go, UNPAINTED_START_MS);
}

installQuickExit();

const root = document.documentElement;
const options = parsePreferences(readStored());
root.dataset.js = '';
root.dataset.textSize = options.textSize;
if (options.textOnly) root.dataset.textOnly = '';
// The folded options' summary of the postcode has its place kept before the app writes it (main.css):
// the line last shown, where it is known, else a line. JSON.stringify makes it one CSS string token
// (its quotes and backslashes escaped, no raw newline); the few escapes CSS reads otherwise (\n, \uXXXX)
// could only change an unseen line's length.
if (options.postcode !== null) root.dataset.postcode = '';
if (options.summary !== null) {
  root.style.setProperty('--postcode-summary', JSON.stringify(options.summary));
  root.dataset.postcodeSummary = '';
}

const dismissed = parseDismissed(readStored(DISMISSED_KEY));
if (dismissed.length > 0 && 'adoptedStyleSheets' in document) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`${dismissed.map((key) => `[data-alert-key="${key}"]`).join(',')}{display:none}`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // An old browser: the app leaves the alert out once it has started.
  }
}

const meta = document.querySelector<HTMLMetaElement>(`meta[name="${AFTER_PAINT_META}"]`);
if (meta) {
  let started = false;
  const go = () => {
    if (started) return;
    started = true;
    for (const start of parseStarts(meta.content)) document.head.append(startElement(start));
  };
  const renderedFor = readRenderedFor((name) => meta.getAttribute(name));
  const area = options.postcode && renderedFor.areas ? matchArea(options.postcode, renderedFor.areas, options.area) : null;
  const stale = isStale(renderedFor, window.location.pathname, area !== null, Date.now());
  if (stale) root.dataset.stale = '';
  const viewed = area && renderedFor.areaViews && !stale ? area.id : null;
  if (viewed !== null) root.dataset.areaView = viewed;
  document.addEventListener('DOMContentLoaded', () => {
    let fresh = !stale;
    if (viewed !== null) {
      const view = document.querySelector<HTMLTemplateElement>(areaViewSelector(viewed));
      const main = document.querySelector('#root main');
      if (view && main) {
        main.replaceChildren(view.content.cloneNode(true));
        root.setAttribute(AREA_SHOWN_ATTRIBUTE, viewed);
      } else {
        // No view for this area after all: the app renders the page afresh.
        fresh = false;
        root.dataset.stale = '';
      }
      for (const template of document.querySelectorAll(`template[${AREA_VIEW_ATTRIBUTE}]`)) template.remove();
      delete root.dataset.areaView;
    }
    if (fresh) whenPainted(go);
    else go();
  });
}
