/**
 * The harness itself: a green run means something only if the problem collectors catch problems.
 * Each kind of problem is provoked on purpose and must be recorded.
 */
import { expect, test } from 'vitest';
import { ownSite, withOwnSites } from './own-site';
import { axe, newPage, ORIGIN, visit, withBrowser } from './support';

withBrowser();
withOwnSites();

test('console errors, page errors, failed requests, CSP violations and foreign requests are all caught', async () => {
  const session = await newPage({ serviceWorkers: 'block' });
  const { page, problems } = session;
  // Serve the app under a CSP of our own (the app's own meta CSP removed, whatever it says): our
  // images and those of one other local origin ("localhost" instead of 127.0.0.1) are allowed,
  // so a data: image is a violation and the other origin is a foreign request.
  const foreignOrigin = `http://localhost:${new URL(ORIGIN).port}`;
  await page.route(`${ORIGIN}/`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<meta[^>]+http-equiv="Content-Security-Policy"[^>]*>/i, '');
    await route.fulfill({
      response,
      body,
      headers: { ...response.headers(), 'content-security-policy': `img-src 'self' ${foreignOrigin}` },
    });
  });
  await visit(page, '/');
  expect(problems.cspViolations).toEqual([]);
  const foreign = `${foreignOrigin}/favicon.svg`;
  await page.evaluate(async (foreignUrl) => {
    console.error('provoked console error');
    setTimeout(() => {
      throw new Error('provoked page error');
    });
    const img = document.createElement('img');
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    img.alt = '';
    document.body.append(img);
    await fetch('/provoked-missing-file.json', { headers: { Accept: 'application/json' } }).catch(() => undefined);
    const other = document.createElement('img');
    other.src = foreignUrl;
    other.alt = '';
    document.body.append(other);
  }, foreign);
  await expect.poll(() => problems.pageErrors.length).toBeGreaterThan(0);
  await expect.poll(() => problems.cspViolations.length).toBeGreaterThan(0);
  expect(problems.consoleErrors.join('\n')).toContain('provoked console error');
  expect(problems.pageErrors.join('\n')).toContain('provoked page error');
  expect(problems.cspViolations.join('\n')).toContain('img-src');
  await expect.poll(() => problems.failedRequests.join('\n')).toContain('/provoked-missing-file.json');
  await expect.poll(() => problems.foreignRequests.join('\n'), { message: session.requests.join('\n') }).toContain(foreign);
  expect(() => session.expectNoProblems()).toThrow(/pageErrors/);
});

test('axe reports a violation it is shown', async () => {
  const session = await newPage();
  const { page } = session;
  await visit(page, '/');
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = '/favicon.svg';
    document.querySelector('main')?.append(img);
  });
  const report = await axe(page);
  expect(report.violations.map((v) => v.id)).toContain('image-alt');
  expect(report.summary).toMatch(/^image-alt \(critical\): Images must have alternative text -> .*img/m);
});

test('on a site of its own, that site is ours: its failed requests count, the shared server is another origin', async () => {
  const site = await ownSite();
  const session = await newPage({ baseURL: site.url, bypassCSP: true, serviceWorkers: 'block' });
  const { page, problems } = session;
  await visit(page, '/');
  await page.evaluate(async (shared) => {
    // Asking for JSON, so the server answers 404 rather than the app's page.
    await fetch('/provoked-missing-file.json', { headers: { Accept: 'application/json' } }).catch(() => undefined);
    await fetch(`${shared}/favicon.svg`, { mode: 'no-cors' }).catch(() => undefined);
  }, ORIGIN);
  await expect.poll(() => problems.failedRequests.join('\n')).toContain(`${site.url}/provoked-missing-file.json`);
  await expect.poll(() => problems.foreignRequests.join('\n')).toContain(`${ORIGIN}/favicon.svg`);
  expect(problems.foreignRequests.filter((url) => url.startsWith(`${site.url}/`)), 'the site itself is not foreign').toEqual([]);
  // Offline on purpose, failed requests are expected; a request to another origin still counts.
  expect(() => session.expectNoProblems({ offline: true })).toThrow(/foreignRequests/);
  expect(() => session.expectNoProblems({ offline: true })).not.toThrow(/failedRequests/);
});
