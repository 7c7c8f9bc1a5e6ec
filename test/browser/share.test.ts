/**
 * Share previews and structured data in a real browser, under the production CSP: the JSON-LD in
 * a release's and an event's head is a data block, so the policy (no 'unsafe-inline') reports
 * nothing, and it is never run; the pages stay clean for axe. What each tag says is tested on the
 * built HTML itself, as a link-preview bot reads it (test/build/share-build.test.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalUrl, itemHref, paths } from '../../src/config/paths';
import { makeSlug } from '../../src/lib/slug';
import { axe, newPage, SEED, SITE_URL, visit, withBrowser } from './support';

withBrowser();

const sample = JSON.parse(readFileSync('sample/feed.json', 'utf8')) as { items: { id: string; title: string; _bulletin?: { kind?: string } }[] };
const event = sample.items.find((i) => i._bulletin?.kind === 'event');
if (!event) throw new Error('sample/feed.json has no event');
const EVENT_PATH = itemHref({ kind: 'event', slug: makeSlug(event.id, event.title) });

describe('pages with share previews and structured data, under the production CSP', () => {
  for (const [what, path, type] of [
    ['the seed release', SEED.path, 'NewsArticle'],
    ['an event', EVENT_PATH, 'Event'],
    ['latest news', paths.news.href(), null],
  ] as const) {
    it(`${what}: its JSON-LD is in the head as data, never run, with no CSP violation; axe is clean`, async () => {
      const session = await newPage();
      const { page } = session;
      await visit(page, path);
      // The policy the page carries is the strict one: no 'unsafe-inline' for scripts.
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(policy).toMatch(/script-src 'self' 'sha256-[^']+'(;|$)/);
      expect(policy).not.toContain('unsafe-inline');
      const head = await page.evaluate(() => ({
        canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
        jsonLd: Array.from(document.querySelectorAll('head script[type="application/ld+json"]'), (s) => s.textContent ?? ''),
      }));
      expect(head.canonical).toBe(canonicalUrl(path, SITE_URL));
      if (type) {
        expect(head.jsonLd).toHaveLength(1);
        expect(JSON.parse(head.jsonLd[0] ?? '')).toMatchObject({ '@context': 'https://schema.org', '@type': type });
      } else {
        expect(head.jsonLd).toEqual([]);
      }
      const report = await axe(page);
      expect(report.summary, `axe on ${path}`).toBe('');
      expect(session.problems.cspViolations, 'CSP violations').toEqual([]);
      // A data block is not script: run as script, JSON would have thrown (a page error).
      session.expectNoProblems();
    });
  }
});
