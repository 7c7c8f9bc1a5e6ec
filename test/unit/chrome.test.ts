import { describe, expect, it } from 'vitest';
import { keepPageChrome } from '../../src/app/chrome';
import { inSection } from '../../src/app/SiteChrome';

describe('the chrome kept from the page (src/app/chrome.tsx)', () => {
  const root = (markup: string) => {
    const el = document.createElement('div');
    el.innerHTML = markup;
    return el;
  };
  const header = '<a href="#main" class="skip-link" data-skip-link="">Skip to content</a><header class="site-header"><a href="/" data-nav="news" aria-current="page">News</a></header>';
  const footer = '<footer class="site-footer"><a href="/archive/">Archive</a></footer>';

  it('is kept where the root has its header and its footer wrappers, and not otherwise', () => {
    expect(keepPageChrome(root(`<div class="chrome">${header}</div><main><h1>A</h1></main><div class="chrome">${footer}</div>`))).toBe(true);
    expect(keepPageChrome(root(''))).toBe(false);
    expect(keepPageChrome(root(`<div class="chrome">${header}</div><main></main><div class="chrome"></div>`))).toBe(false);
    // Only the root's own wrappers: not a .chrome class inside a release's body.
    expect(keepPageChrome(root(`<main><div class="chrome">${header}</div><div class="chrome">${footer}</div></main>`))).toBe(false);
  });

  it('marks News on latest news, its older pages and each area’s view; Events on events and each event; a release in neither', () => {
    const sections = (path: string) => (['news', 'events'] as const).filter((s) => inSection(s, path));
    expect(sections('/')).toEqual(['news']);
    expect(sections('/news/page/2/')).toEqual(['news']);
    expect(sections('/area/hartlepool')).toEqual(['news']);
    expect(sections('/events')).toEqual(['events']);
    expect(sections('/events/open-day-abc1234/')).toEqual(['events']);
    expect(sections('/news/force-praised-0fnz0wq/')).toEqual([]);
    expect(sections('/archive/')).toEqual([]);
    expect(sections('/eventsful/')).toEqual([]);
    expect(sections('/Events/')).toEqual(['events']);
    expect(sections('/area/'), 'an area needs its name').toEqual([]);
    expect(sections('/events/a/b/')).toEqual([]);
  });
});
