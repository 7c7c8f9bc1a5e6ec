import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { pageTemplate, PRERENDERED_NOSCRIPT } from '../../build/page-template';
import { parseStarts } from '../../src/boot/after-paint';

/** An app shell as Vite writes it (attribute order and quoting vary between versions). */
const SHELL = `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />
    <script>document.documentElement.dataset.js=''</script>
    <meta name="description" content="The site’s own description." />
    <title>Bulletin</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link crossorigin href="/assets/chunk-def.js" rel="modulepreload">
    <link rel="preload" href="/feed.json" as="fetch" type="application/feed+json" crossorigin="anonymous">
    <link rel="stylesheet" crossorigin href="/assets/index-ghi.css">
  </head>
  <body>
    <div id="root"></div>
    <noscript><p>This news reader needs JavaScript.</p></noscript>
  </body>
</html>`;

const page = { path: '/news/a-b-1234567', byArea: false, areas: null, areaViews: false, views: [], feedPage: null, validUntil: null, title: 'A & B <News>', description: 'Said "this".', html: '<main><h1>A &amp; B</h1></main>' };

function parse(html: string) {
  return new JSDOM(html).window.document;
}

describe('the prerendered page template', () => {
  it('moves the module script, its preloads and the feed preload into the after-paint meta, in start order', () => {
    const template = pageTemplate(SHELL);
    expect(template.starts).toEqual([
      { kind: 'feed', href: '/feed.json' },
      { kind: 'modulepreload', href: '/assets/chunk-def.js' },
      { kind: 'module', href: '/assets/index-abc.js' },
    ]);
    const document = parse(template.render(page));
    expect(document.querySelectorAll('script[type="module"], link[rel="modulepreload"], link[rel="preload"]')).toHaveLength(0);
    const meta = document.querySelector<HTMLMetaElement>('meta[name="bulletin:after-paint"]');
    expect(parseStarts(meta?.content ?? '')).toEqual(template.starts);
    expect(meta?.dataset.page).toBe(page.path);
    expect(meta?.hasAttribute('data-by-area')).toBe(false);
    // The stylesheet and the inline boot script stay.
    expect(document.querySelector('link[rel="stylesheet"]')?.getAttribute('href')).toBe('/assets/index-ghi.css');
    expect(document.querySelector('head > script:not([src])')?.textContent).toBe("document.documentElement.dataset.js=''");
  });

  it('gives each page its title, description, markup and the prerendered noscript text, escaped', () => {
    const html = pageTemplate(SHELL).render(page);
    const document = parse(html);
    expect(document.title).toBe('A & B <News>');
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toBe('Said "this".');
    expect(document.getElementById('root')?.innerHTML).toBe(page.html);
    expect(document.querySelector('noscript')?.innerHTML).toBe(PRERENDERED_NOSCRIPT);
    expect(html).not.toContain('<!--bulletin:');
  });

  it('keeps the site’s description for a page without one, and marks a page grouped by area', () => {
    const document = parse(pageTemplate(SHELL).render({ ...page, path: '/', byArea: true, description: null }));
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toBe('The site’s own description.');
    expect(document.querySelector('meta[name="bulletin:after-paint"]')?.hasAttribute('data-by-area')).toBe(true);
  });

  it('puts the page’s head markup (share previews, structured data) in its <head>, and none on a page given none', () => {
    const head = '<link rel="canonical" href="https://example.org/news/a-b-1234567/"><meta property="og:title" content="A &amp; B">';
    const document = parse(pageTemplate(SHELL).render(page, head));
    expect(document.querySelector('head link[rel="canonical"]')?.getAttribute('href')).toBe('https://example.org/news/a-b-1234567/');
    expect(document.querySelector('head meta[property="og:title"]')?.getAttribute('content')).toBe('A & B');
    const bare = pageTemplate(SHELL).render(page);
    expect(bare).not.toContain('canonical');
    expect(bare).not.toContain('<!--bulletin:');
  });

  it('leaves a page’s own markup alone, even where it looks like a slot', () => {
    const html = pageTemplate(SHELL).render({ ...page, html: '<p><!--bulletin:title--></p>' });
    expect(parse(html).getElementById('root')?.innerHTML).toBe('<p><!--bulletin:title--></p>');
  });

  it('carries each area’s view of <main> in a template after #root, inert and unsearched for slots', () => {
    const views = [
      { area: 'hartlepool', main: '<h1>Latest news</h1><h2>News for Hartlepool</h2>' },
      { area: 'x"y', main: '<p><!--bulletin:root--></p>' },
    ];
    const document = parse(pageTemplate(SHELL).render({ ...page, areaViews: true, views }));
    const templates = [...document.querySelectorAll<HTMLTemplateElement>('body > template[data-area-view]')];
    expect(templates.map((t) => [t.getAttribute('data-area-view'), t.innerHTML])).toEqual(views.map((v) => [v.area, v.main]));
    expect(document.getElementById('root')?.nextElementSibling).toBe(templates[0]);
    expect(document.getElementById('root')?.innerHTML).toBe(page.html);
    expect(document.querySelector('meta[name="bulletin:after-paint"]')?.hasAttribute('data-area-views')).toBe(true);
  });

  it('fails the build for a shell with no module script', () => {
    expect(() => pageTemplate(SHELL.replace(/<script type="module"[^>]*><\/script>/, ''))).toThrow(/no module script/);
  });
});
