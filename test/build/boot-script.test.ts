/**
 * The inline boot script as the build ships it (compiled and minified), run in a fresh jsdom page:
 * it must read every stored value exactly as the app does (src/preferences/stored.ts), and start
 * what the after-paint meta lists.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileBootScript } from '../../build/boot-script';
import { matchArea } from '../../src/preferences/postcode';
import { parsePreferences, STORAGE_KEY, TEXT_SIZES } from '../../src/preferences/stored';

let code = '';
beforeAll(async () => {
  code = await compileBootScript();
});

interface PageOptions {
  stored?: string | null;
  /** Storage that throws on access, as with cookies blocked. */
  storageDisabled?: boolean;
  meta?: string;
  path?: string;
  /** The page's <body>: by default one <main>. */
  body?: string;
}

/** A page whose <head> runs the boot script, as a built page does. */
function page({ stored = null, storageDisabled = false, meta = '', path = '/', body = '<main><h1>News</h1></main>' }: PageOptions = {}) {
  const dom = new JSDOM(`<!doctype html><html><head>${meta}</head><body>${body}</body></html>`, {
    url: `https://example.org${path}`,
    runScripts: 'outside-only',
    pretendToBeVisual: true,
  });
  const { window } = dom;
  if (storageDisabled) {
    Object.defineProperty(window, 'localStorage', { get: () => { throw new window.DOMException('denied', 'SecurityError'); } });
  } else if (stored !== null) {
    window.localStorage.setItem(STORAGE_KEY, stored);
  }
  window.eval(code);
  return { dom, window, root: window.document.documentElement };
}

/** What the boot script told <html>, in the model's terms. */
function applied(root: HTMLElement) {
  return { textSize: root.dataset.textSize, textOnly: 'textOnly' in root.dataset };
}

const postcodes = fc.oneof(
  fc.constantFrom('TS1 2AB', ' ts1-2ab ', 'TS2 1AB', 'TS2 9AB', 'SW1A 1AA', 'ZZ9 9ZZ', 'hello', '', 'TS12AB', 'ts99 zz', 'BT1 1AA', 'EC1A 1BB'),
  fc.string({ maxLength: 12 }),
);
const anyValue = fc.oneof(fc.constantFrom(...TEXT_SIZES, 'huge', '', 'LARGE'), fc.boolean(), fc.integer(), fc.constant(null), fc.string({ maxLength: 8 }));
const storedObject = fc.record(
  {
    version: fc.oneof(fc.constant(1), fc.integer()),
    textSize: anyValue,
    size: anyValue,
    textOnly: anyValue,
    textonly: anyValue,
    postcode: fc.oneof(postcodes, anyValue),
  },
  { requiredKeys: [] },
);
const storedValue = fc.oneof(
  storedObject.map((o) => JSON.stringify(o)),
  storedObject.map((o) => JSON.stringify({ ...o, pad: 'x'.repeat(10_000) })),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('null', '[]', '"large"', '{', '{"textSize":"large"', '42'),
);

describe('the boot script reads stored options as the app does', () => {
  it('applies the same text size and text only as parsePreferences, and marks a kept postcode, for any stored value', () => {
    fc.assert(
      fc.property(storedValue, (stored) => {
        const { window, root } = page({ stored });
        const model = parsePreferences(stored);
        expect(applied(root)).toEqual({ textSize: model.textSize, textOnly: model.textOnly });
        expect('js' in root.dataset).toBe(true);
        // A kept postcode: the folded options keep its summary's line (src/styles/main.css).
        expect('postcode' in root.dataset).toBe(model.postcode !== null);
        window.close();
      }),
      { numRuns: 120 },
    );
  }, 30_000);

  it('finds the reader’s area exactly when the app would (a page grouped by area is then stale)', () => {
    const areas = [
      { id: 'teesside', name: 'Teesside', postcodes: ['TS1', 'TS2 1'] },
      { id: 'westminster', name: 'Westminster', postcodes: ['SW1A'] },
      { id: 'belfast', name: 'Belfast', postcodes: ['BT'] },
    ];
    const meta = `<meta name="bulletin:after-paint" content="module:/assets/app.js" data-page="/events/" data-by-area data-areas='${JSON.stringify(areas.map((a) => [a.id, a.postcodes]))}'>`;
    fc.assert(
      fc.property(storedValue, (stored) => {
        const { window, root } = page({ stored, meta, path: '/events/' });
        const { postcode } = parsePreferences(stored);
        expect('stale' in root.dataset).toBe(postcode !== null && matchArea(postcode, areas) !== null);
        window.close();
      }),
      { numRuns: 120 },
    );
  }, 30_000);

  it('shows the reader’s area’s view in place of <main> where the page carries views, and keeps the address', () => {
    const areas = [
      { id: 'teesside', name: 'Teesside', postcodes: ['TS1', 'TS2 1'] },
      { id: 'westminster', name: 'Westminster', postcodes: ['SW1A'] },
    ];
    const meta = `<meta name="bulletin:after-paint" content="module:/assets/app.js" data-page="/" data-by-area data-areas='${JSON.stringify(areas.map((a) => [a.id, a.postcodes]))}' data-area-views>`;
    const body =
      '<div id="root"><header>Options</header><main id="main-content"><h1>Latest news</h1><p>For everyone</p></main></div>' +
      '<template data-area-view="teesside"><h1>Latest news</h1><h2>News for Teesside</h2></template>' +
      '<template data-area-view="westminster"><h1>Latest news</h1><h2>News for Westminster</h2></template>';
    fc.assert(
      fc.property(storedValue, (stored) => {
        const { window, root } = page({ stored, meta, path: '/', body });
        const { postcode } = parsePreferences(stored);
        const area = postcode === null ? null : matchArea(postcode, areas);
        // Before the body is parsed: <main> hidden (the CSS) for a reader with an area, never stale.
        expect(root.dataset.areaView).toBe(area?.id);
        expect('stale' in root.dataset).toBe(false);
        window.document.dispatchEvent(new window.Event('DOMContentLoaded'));
        const main = window.document.querySelector('#root main');
        expect(main?.id).toBe('main-content');
        expect(main?.querySelector('h2, p')?.textContent).toBe(area ? `News for ${area.name}` : 'For everyone');
        expect(window.document.querySelectorAll('template').length).toBe(area ? 0 : 2);
        expect('areaView' in root.dataset).toBe(false);
        expect(window.location.pathname).toBe('/');
        window.close();
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('renders afresh when the reader’s area has no view after all', () => {
    const meta = `<meta name="bulletin:after-paint" content="module:/assets/app.js" data-page="/" data-by-area data-areas='[["teesside",["TS1"]]]' data-area-views>`;
    const { window, root } = page({ stored: JSON.stringify({ version: 1, postcode: 'TS1 2AB' }), meta, body: '<div id="root"><main><p>For everyone</p></main></div>' });
    expect(root.dataset.areaView).toBe('teesside');
    window.document.dispatchEvent(new window.Event('DOMContentLoaded'));
    expect('stale' in root.dataset).toBe(true);
    expect('areaView' in root.dataset).toBe(false);
    expect(window.document.head.querySelector('script[src="/assets/app.js"]')).not.toBeNull();
    window.close();
  });

  it('gives the defaults when storage is disabled', () => {
    const { window, root } = page({ storageDisabled: true });
    expect(applied(root)).toEqual({ textSize: 'default', textOnly: false });
    window.close();
  });
});

describe('the boot script starts the app after the first paint', () => {
  const meta =
    '<meta name="bulletin:after-paint" content="feed:/feed.json modulepreload:/assets/chunk.js module:/assets/app.js" data-page="/news/a-1234567">';

  /** What the page has started, in order: "script module <src>" or "link <rel> [<as>] <href>". */
  function started(document: Document): string[] {
    return Array.from(document.head.querySelectorAll('script[src], link[href]'), (e) =>
      e.localName === 'script'
        ? `script ${e.getAttribute('type')} ${e.getAttribute('src')}`
        : ['link', e.getAttribute('rel'), e.getAttribute('as'), e.getAttribute('href')].filter(Boolean).join(' '),
    );
  }

  it('starts nothing before the document is parsed and painted, then the feed, the preloads and the app, once', async () => {
    const { window } = page({ meta, path: '/news/a-1234567' });
    expect(started(window.document)).toEqual([]);
    window.document.dispatchEvent(new window.Event('DOMContentLoaded'));
    await new Promise((resolve) => window.requestAnimationFrame(() => window.setTimeout(resolve, 5)));
    const list = started(window.document);
    expect(list).toEqual(['link preload fetch /feed.json', 'link modulepreload /assets/chunk.js', 'script module /assets/app.js']);
    expect('stale' in window.document.documentElement.dataset).toBe(false);
    window.close();
  });

  it('marks markup rendered for another address stale and starts the app as soon as the document is parsed', () => {
    const { window } = page({ meta, path: '/events' });
    expect('stale' in window.document.documentElement.dataset).toBe(true);
    window.document.dispatchEvent(new window.Event('DOMContentLoaded'));
    expect(started(window.document)).toHaveLength(3);
    window.close();
  });

  it('does nothing more on a page without the meta (the app shell starts itself)', () => {
    const { window } = page({ path: '/events' });
    window.document.dispatchEvent(new window.Event('DOMContentLoaded'));
    expect(started(window.document)).toEqual([]);
    expect('stale' in window.document.documentElement.dataset).toBe(false);
    window.close();
  });
});
