/**
 * Draws a newsroom's default share image (the picture a shared link shows when its item has no
 * image of its own): 1200 × 630 px, the size Open Graph and Twitter's large card use, the site's
 * name in white on its theme colour beside the favicon's mark. Drawn once by Chromium and kept in
 * the repository (the sample's is sample/share.png); the build only copies it.
 *
 *   node scripts/share-image.mjs <site file> <output.png>
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROME_PATH, CHROMIUM_ARGS } from './lib/chromium.mjs';

const [siteFile = 'bulletin.site.json', out = 'sample/share.png'] = process.argv.slice(2);
const site = JSON.parse(readFileSync(siteFile, 'utf8'));
const colour = site.themeColour ?? '#1d70b8';
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const html = `<!doctype html><html lang="en"><head><style>
  html, body { margin: 0; width: 1200px; height: 630px; }
  body { background: ${colour}; color: #fff; font-family: 'DejaVu Sans', Arial, sans-serif; display: flex; align-items: center; gap: 64px; padding: 0 96px; box-sizing: border-box; }
  svg { flex: none; width: 220px; height: 220px; }
  h1 { font-size: 64px; line-height: 1.15; margin: 0 0 24px; font-weight: 700; }
  p { font-size: 34px; line-height: 1.3; margin: 0; opacity: 0.92; }
</style></head><body>
  <svg viewBox="0 0 32 32" aria-hidden="true"><rect width="32" height="32" rx="6" fill="#fff"/><path d="M9 7h9a5 5 0 0 1 2 9.6A5.5 5.5 0 0 1 18.5 25H9z" fill="${colour}"/><path d="M13 11v4h4a2 2 0 0 0 0-4zm0 7v3.5h5a1.75 1.75 0 0 0 0-3.5z" fill="#fff"/></svg>
  <div><h1>${escape(site.name)}</h1><p>${escape(site.description ?? 'News and events')}</p></div>
</body></html>`;

const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
  await page.setContent(html);
  await page.screenshot({ path: out, type: 'png' });
} finally {
  await browser.close();
}
console.log(`${out}: 1200 × 630`);
