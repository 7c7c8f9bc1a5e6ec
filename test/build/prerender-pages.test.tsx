/**
 * The render entry (src/boot/prerender.tsx) in Node, as the build runs it: no browser globals;
 * the window to sanitise in is passed.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { prerenderPages } from '../../src/boot/prerender';
import { itemHref, paths } from '../../src/config/paths';

const feed = JSON.parse(readFileSync('public/feed.json', 'utf8')) as { items: { id: string }[] };

describe('prerendering in Node', () => {
  it('has no browser globals to lean on', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('renders latest news and each release of the first page, its body sanitised in the window it is given', async () => {
    const dom = new JSDOM('', { url: 'http://prerender.invalid/' });
    const pages = await prerenderPages({
      feed,
      feedUrl: 'http://prerender.invalid/feed.json',
      now: new Date('2026-11-26T12:00:00Z'),
      window: dom.window as unknown as typeof globalThis,
    });
    dom.window.close();
    expect(pages.map((p) => p.path)[0]).toBe(paths.news.href());
    expect(pages).toHaveLength(1 + feed.items.length);
    const seed = pages.find((p) => p.path === itemHref({ kind: 'news', slug: 'force-praised-for-crime-prevention-work-0fnz0wq' }));
    expect(seed?.title).toMatch(/^Force praised for crime prevention work/);
    const body = new JSDOM(seed?.html ?? '').window.document;
    expect(body.querySelector('h1')?.textContent).toBe('Force praised for crime prevention work');
    expect(body.querySelector('.prose[data-source] figure blockquote')).not.toBeNull();
    expect(body.querySelector('script, [onerror]')).toBeNull();
    expect(pages[0]?.byArea).toBe(true);
    expect(seed?.byArea).toBe(false);
  });
});
