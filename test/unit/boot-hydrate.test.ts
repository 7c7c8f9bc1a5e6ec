import { describe, expect, it, vi } from 'vitest';
import { isExpectedHydrationMismatch, readPageOnArrival, recoverableErrorHandler } from '../../src/boot/hydrate';

describe('taking over a prerendered page', () => {
  function page(markup: string, stale = false, meta = '', areaShown: string | null = null) {
    const doc = document.implementation.createHTMLDocument('');
    doc.head.innerHTML = meta;
    if (areaShown !== null) doc.documentElement.setAttribute('data-area-shown', areaShown);
    const root = doc.createElement('div');
    root.innerHTML = markup;
    if (stale) doc.documentElement.dataset.stale = '';
    return readPageOnArrival(root, doc);
  }

  it('hydrates prerendered markup and passes on the release content and body it brings', () => {
    const arrival = page('<main><div class="prose" data-source="abc1234-2s"><p>Body</p></div></main>');
    expect(arrival).toEqual({ renderAfresh: false, body: { content: null, prerendered: { source: 'abc1234-2s', html: '<p>Body</p>' } }, feedPageHint: null, areaShown: null, alertsInPage: [] });
    const content = '<p class="article__area">Force-wide</p><div class="prose" data-source="abc1234-2s"><p>Body</p></div>';
    const release = page(`<main><h1>A</h1><div class="article__content" data-source="fedcba9-k1" data-slug="a-1234567">${content}</div></main>`);
    expect(release.body).toEqual({ content: { source: 'fedcba9-k1', slug: 'a-1234567', html: content }, prerendered: { source: 'abc1234-2s', html: '<p>Body</p>' } });
    // Content that does not say which release it is was not written by this build: it is not adopted.
    expect(page(`<main><div class="article__content" data-source="fedcba9-k1">${content}</div></main>`).body.content).toBeNull();
  });

  it('passes on the feed page the page names, for the address it was rendered for', () => {
    const meta = '<meta name="bulletin:after-paint" content="module:/a.js" data-page="/news/a-1234567" data-feed-page="/feed-3.json">';
    const arrival = page('<main><h1>A</h1></main>', false, meta);
    expect(arrival.feedPageHint).toEqual({ path: '/news/a-1234567', feedPage: new URL('/feed-3.json', document.baseURI).href });
    expect(page('<main><h1>A</h1></main>', true, meta).feedPageHint).toBeNull();
  });

  it('renders afresh where there is no markup, or the boot script marked it stale (and then adopts no body)', () => {
    expect(page('').renderAfresh).toBe(true);
    const stale = page('<main><div class="article__content" data-source="fedcba9-k1" data-slug="a-1234567"><div class="prose" data-source="abc1234-2s"><p>Body</p></div></div></main>', true);
    expect(stale).toEqual({ renderAfresh: true, body: { content: null, prerendered: null }, feedPageHint: null, areaShown: null, alertsInPage: null });
  });

  it('passes on the area whose view the boot script showed, to hydrate as shown (none on a page rendered afresh)', () => {
    expect(page('<main><h2>News for Hartlepool</h2></main>', false, '', 'hartlepool').areaShown).toBe('hartlepool');
    expect(page('<main><h2>News for Hartlepool</h2></main>', true, '', 'hartlepool').areaShown).toBeNull();
  });

  it('passes on the keys of the alerts the markup shows, in order, to hydrate as shown (none on a page rendered afresh)', () => {
    const markup = '<main><div class="alerts"><section data-alert-key="aaaaaaa.bbbbbbb"></section><section data-alert-key="ccccccc.ddddddd"></section></div><h1>A</h1></main>';
    expect(page(markup).alertsInPage).toEqual(['aaaaaaa.bbbbbbb', 'ccccccc.ddddddd']);
    expect(page(markup, true).alertsInPage).toBeNull();
  });
});

describe('errors React recovers from while hydrating', () => {
  const mismatchDev = new Error("Hydration failed because the server rendered text didn't match the client. As a result …");
  const mismatchProd = new Error('Minified React error #418; visit https://react.dev/errors/418?args[]=text for the full message');
  const other = new Error('Minified React error #423; visit https://react.dev/errors/423 for the full message', { cause: new TypeError('x is undefined') });

  it('tells the expected mismatch (the live feed changed since the build) from anything else', () => {
    expect(isExpectedHydrationMismatch(mismatchDev)).toBe(true);
    expect(isExpectedHydrationMismatch(mismatchProd)).toBe(true);
    expect(isExpectedHydrationMismatch(other)).toBe(false);
    expect(isExpectedHydrationMismatch(new TypeError('x is undefined'))).toBe(false);
    expect(isExpectedHydrationMismatch('Hydration failed because the server rendered')).toBe(false);
  });

  it('reports everything but the expected mismatch, with its component stack', () => {
    const report = vi.fn();
    const handle = recoverableErrorHandler(report);
    handle(mismatchProd, { componentStack: '\n    at ArticlePage' });
    handle(mismatchDev, {});
    expect(report).not.toHaveBeenCalled();
    handle(other, { componentStack: '\n    at ArticlePage' });
    expect(report).toHaveBeenCalledWith(expect.stringContaining('taking over the page'), other, '\n    at ArticlePage');
  });
});
