/**
 * Print (issue: "Print"): a release prints as the release alone, with each link's address after
 * it, and its publication date and canonical address (the site file's url) at the end. Checked in the print media, then in a real PDF of the
 * seed release written by Chromium (screenshots/seed-release.pdf; its text is read back with
 * pdftotext and its first pages drawn as PNGs with pdftoppm when poppler-utils is installed).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { canonicalUrl } from '../../src/config/paths';
import { newPage, SCREENSHOT_DIR, SEED, seedFindings, seedFootnote, seedQuote, SITE_URL, visit, withBrowser } from './support';
import { ownSite, withOwnSites } from './own-site';

withBrowser();
withOwnSites();

function has(tool: string): boolean {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** pdftotext, pdftoppm and pdfinfo (poppler-utils) read the printed PDF back; without them those tests are skipped. */
const POPPLER = ['pdftotext', 'pdftoppm', 'pdfinfo'].every(has);

/** Prints the page to screenshots/seed-release.pdf as Chromium does (A4); returns its path. */
async function printSeedPdf(page: Page): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const pdfPath = join(SCREENSHOT_DIR, 'seed-release.pdf');
  await page.pdf({ path: pdfPath, format: 'A4' });
  return pdfPath;
}

/** Links in the release that leave the page, each with what print writes after it. */
async function printedLinks(page: Page) {
  return page.getByRole('main').evaluate((main) =>
    Array.from(main.querySelectorAll('a[href]'))
      .filter((a) => (a as HTMLElement).offsetParent !== null && !(a.getAttribute('href') ?? '').startsWith('#'))
      .map((a) => ({
        text: (a.textContent ?? '').trim(),
        href: a.getAttribute('href') ?? '',
        after: getComputedStyle(a, '::after').content,
      })),
  );
}

describe('printing a release', () => {
  test('the seed release prints as the release alone, with its date and canonical address at the end, and as a PDF', async () => {
    const session = await newPage();
    const { page } = session;
    await visit(page, SEED.path);
    const url = canonicalUrl(SEED.path, SITE_URL);
    expect(url, 'the canonical address is not where the test reads the page').not.toBe(page.url());

    // Gone in print: navigation, options, sharing, the way back, the footer, every button and text box.
    const hidden: [string, ReturnType<Page['getByRole']>][] = [
      ['navigation "Main"', page.getByRole('navigation', { name: 'Main', includeHidden: true })],
      ['region "Accessibility options"', page.getByRole('region', { name: 'Accessibility options', includeHidden: true })],
      ['region "Share this"', page.getByRole('region', { name: 'Share this', includeHidden: true })],
      ['link "All news"', page.getByRole('link', { name: 'All news', exact: true, includeHidden: true })],
      ['the footer', page.getByRole('contentinfo', { includeHidden: true })],
    ];
    for (const [what, locator] of hidden) await expect(locator.isVisible(), `${what} on screen`).resolves.toBe(true);
    await page.emulateMedia({ media: 'print' });
    for (const [what, locator] of hidden) {
      await expect(locator.count(), `${what} is still in the page`).resolves.toBe(1);
      await expect(locator.isVisible(), `${what} in print`).resolves.toBe(false);
    }
    const controls = await page.locator('button, input').evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => el.outerHTML.slice(0, 80)));
    expect(controls, 'buttons and text boxes showing in print').toEqual([]);

    // Kept: the release, whole.
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(SEED.title);
    await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(SEED.posted, { exact: true }).isVisible()).resolves.toBe(true);
    const figure = seedQuote(page);
    await expect(figure.isVisible()).resolves.toBe(true);
    await expect(figure.getByText(SEED.quoteBy, { exact: true }).isVisible()).resolves.toBe(true);
    const findings = seedFindings(page);
    await expect(findings.isVisible()).resolves.toBe(true);
    await expect(findings.getByRole('listitem').count()).resolves.toBe(SEED.findings);
    const note = seedFootnote(page);
    await expect(note.isVisible()).resolves.toBe(true);
    await expect(note.getByText(/^Good forces tend to allow staff/).isVisible()).resolves.toBe(true);

    // In-page links (the footnote and its way back) print no address.
    const inPage = await page.getByRole('main').evaluate((main) =>
      Array.from(main.querySelectorAll('a[href^="#"]')).map((a) => getComputedStyle(a, '::after').content),
    );
    expect(inPage.length).toBe(2);
    expect(inPage.every((c) => c === 'none' || c === 'normal'), `::after of in-page links: ${inPage.join(', ')}`).toBe(true);
    // Links that leave the page print their address: the next test gives the release some.

    // Its publication date and canonical address, last (on screen, neither: the date line says it).
    const ownAddress = page.getByText(`This page: ${url}`, { exact: true });
    await expect(ownAddress.isVisible(), `"This page: ${url}"`).resolves.toBe(true);
    const printedDate = page.getByText(SEED.printedDate, { exact: true });
    await expect(printedDate.isVisible(), `"${SEED.printedDate}"`).resolves.toBe(true);
    await expect(printedDate.locator('time').getAttribute('datetime')).resolves.toBe(new Date(SEED.published).toISOString());
    const mainText = await page.getByRole('main').innerText();
    const ending = mainText.trim().replace(/\s+/g, ' ');
    expect(ending.endsWith(`${SEED.printedDate} This page: ${url}`), `the end of the printed release:\n…${ending.slice(-300)}`).toBe(true);
    const allText = await page.locator('body').innerText();
    for (const gone of ['Share this', 'Text size', 'Set your postcode', 'Powered by Bulletin', 'Copy link']) {
      expect(allText, `"${gone}" in print`).not.toContain(gone);
    }

    // The PDF of the seed release, as Chromium prints it (its text: the next test).
    const pdf = readFileSync(await printSeedPdf(page));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages, 'pages in the PDF').toBeGreaterThanOrEqual(1);
    expect(pages, 'pages in the PDF').toBeLessThanOrEqual(4);
    session.expectNoProblems();
  });

  test.skipIf(!POPPLER)('the PDF of the seed release reads as the release alone, with its date and canonical address (poppler-utils)', async () => {
    const session = await newPage();
    const { page } = session;
    await visit(page, SEED.path);
    const url = canonicalUrl(SEED.path, SITE_URL);
    const pdfPath = await printSeedPdf(page);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const kept of [SEED.title, SEED.posted, SEED.quoteBy, SEED.firstFinding, SEED.footnote.note, SEED.printedDate]) {
      expect(text, `"${kept}" in the PDF`).toContain(kept);
    }
    expect(text.replace(/\s+/g, ''), 'the date and canonical address in the PDF').toContain(`${SEED.printedDate}This page:${url}`.replace(/\s+/g, ''));
    for (const gone of ['Share this', 'Text size', 'Text only', 'Set your postcode', 'Powered by Bulletin', 'Copy link', 'All news', 'Skip to']) {
      expect(text, `"${gone}" in the PDF`).not.toContain(gone);
    }
    // Its first pages drawn as PNGs, to look at (screenshots/seed-release-<n>.png).
    for (const f of readdirSync(SCREENSHOT_DIR)) if (/^seed-release-\d+\.png$/.test(f)) rmSync(join(SCREENSHOT_DIR, f));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdfPath, join(SCREENSHOT_DIR, 'seed-release')]);
    expect(existsSync(join(SCREENSHOT_DIR, 'seed-release-1.png')), 'page 1 drawn as PNG').toBe(true);
    session.expectNoProblems();
  });

  test.skipIf(!POPPLER)('the printed seed release leaves no page but the last mostly empty', async () => {
    const session = await newPage();
    const { page } = session;
    await visit(page, SEED.path);
    const dir = mkdtempSync(join(tmpdir(), 'bulletin-print-'));
    try {
      const pdfPath = join(dir, 'seed.pdf');
      await page.pdf({ path: pdfPath, format: 'A4' });
      const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
      expect(pages).toBeGreaterThan(1);
      const lines: number[] = [];
      for (let n = 1; n <= pages; n++) {
        const text = execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdfPath, '-'], { encoding: 'utf8' });
        lines.push(text.split('\n').filter((line) => line.trim() !== '').length);
      }
      const fullest = Math.max(...lines);
      const sparse = lines.slice(0, -1).map((count, i) => ({ page: i + 1, count })).filter(({ count }) => count < fullest / 2);
      expect(sparse, `lines of text on each page: ${lines.join(', ')}`).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    session.expectNoProblems();
  });

  test('every link in a release that leaves the page prints its address after it', async () => {
    // The seed release has no such links: a copy of the site gives it some of each kind.
    const site = await ownSite();
    site.editJson('feed.json', (feed) => {
      const seed = (feed.items as Record<string, unknown>[]).find((i) => i.title === SEED.title);
      if (!seed) throw new Error('The seed release is not in feed.json');
      seed.content_html = `${String(seed.content_html)}<p>Read the <a href="https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/">national overview</a>, email <a href="mailto:pcc@example.org">the Commissioner’s office</a> or call <a href="tel:+441642301653">01642 301653</a>.</p>`;
      seed.external_url = 'https://www.cleveland.pcc.police.uk/news/force-praised-for-crime-prevention-work/';
      seed.attachments = [{ url: 'https://www.cleveland.pcc.police.uk/media/report.pdf', mime_type: 'application/pdf', title: 'The full report' }];
    });
    const session = await newPage({ baseURL: site.url });
    const { page } = session;
    await visit(page, SEED.path);
    await page.emulateMedia({ media: 'print' });

    const links = await printedLinks(page);
    const hrefs = links.map((l) => l.href);
    for (const expected of [
      'https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/',
      'mailto:pcc@example.org',
      'tel:+441642301653',
      'https://www.cleveland.pcc.police.uk/media/report.pdf',
      'https://www.cleveland.pcc.police.uk/news/force-praised-for-crime-prevention-work/',
    ]) {
      expect(hrefs, 'links in the printed release').toContain(expected);
    }
    const unwritten = links.filter((l) => !l.after.includes(l.href) && !l.text.includes(l.href));
    expect(
      unwritten.map((l) => `"${l.text}" → ${l.href} (::after ${l.after})`),
      'links printed without their address',
    ).toEqual([]);
    session.expectNoProblems();
  });
});
