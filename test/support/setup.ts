import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { siteChrome } from '../../src/app/chrome';

// The app renders every page afresh here (no prerendered HTML to keep): as src/boot/main.tsx
// does before it renders a page afresh, the chrome's chunk (header and footer) is in first.
await siteChrome.load();

// The first render of a file pays for loading modules (the article body is a lazy chunk).
configure({ asyncUtilTimeout: 4000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  document.documentElement.removeAttribute('data-text-size');
  document.documentElement.removeAttribute('data-text-only');
});

// jsdom does no layout: scrolling calls are accepted and recorded, not performed.
Element.prototype.scrollIntoView = function scrollIntoView() {};
window.scrollTo = (() => {}) as typeof window.scrollTo;

// jsdom fetches no stylesheets: a <link rel="stylesheet"> a chunk adds (src/lib/stylesheet.ts) is
// told it has loaded, as a browser would once the sheet is in. The browser tests load real ones.
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node instanceof HTMLLinkElement && node.rel === 'stylesheet') node.dispatchEvent(new Event('load'));
    }
  }
}).observe(document.head, { childList: true });
