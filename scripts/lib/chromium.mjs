/**
 * The Chromium the browser tests and the bench launch, and the flags that work on this kind of
 * machine (see ../shared/TOOLCHAIN.md), headless.
 */
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium 150 (Debian's since December 2026) makes a new document host for every navigation
  // (RenderDocument), and a page the service worker serves after context.setOffline(true) then
  // reads navigator.onLine as true: every offline-reload test failed. One host per frame again.
  '--disable-features=RenderDocument',
];
