import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ID_PREFIX, sanitiseHtml } from '../../src/article/sanitise';

const here = import.meta.url;
const xss = (name: string) => fileURLToPath(new URL(`../corpus/xss/${name}`, here).href);
const opts = { base: 'https://feeds.example/news/feed.json', origin: 'https://reader.example' };

function render(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = sanitiseHtml(html, opts);
  return div;
}

const FORBIDDEN = 'script, style, iframe, frame, frameset, object, embed, form, input, button, textarea, select, base, meta, link, svg, math';

function problems(root: HTMLElement): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) out.push(`${el.tagName} ${attr.name}`);
      if (attr.name === 'style') out.push(`${el.tagName} style`);
      if (['href', 'src'].includes(attr.name) && !/^(https?:|mailto:|tel:|#)/i.test(attr.value)) out.push(`${el.tagName} ${attr.name}=${attr.value}`);
      if (attr.name === 'id' && !attr.value.startsWith(ID_PREFIX)) out.push(`${el.tagName} id=${attr.value}`);
      if (attr.name === 'srcset' && attr.value.split(',').some((c) => !/^https?:/i.test(c.trim()))) out.push(`${el.tagName} srcset=${attr.value}`);
    }
  }
  for (const el of root.querySelectorAll(FORBIDDEN)) out.push(`forbidden <${el.tagName.toLowerCase()}>`);
  return out;
}

describe('sanitiseHtml over both XSS payload sets', () => {
  const purify = JSON.parse(readFileSync(xss('dompurify-expect.json'), 'utf8')) as { cases: { title?: string; payload: string }[] };
  const h5sc = JSON.parse(readFileSync(xss('h5sc-html5sec-vectors.json'), 'utf8')) as { items: { id: number; payload: string }[] };
  const cases = [
    ...purify.cases.map((c, i) => [`dompurify #${i}`, c.payload] as const),
    ...h5sc.items.map((c) => [`h5sc #${c.id}`, c.payload] as const),
  ];

  it('has every payload', () => {
    expect(cases).toHaveLength(223 + 149);
  });

  it.each(cases)('%s leaves nothing that can run', (_name, payload) => {
    expect(problems(render(payload))).toEqual([]);
  });
});

describe('sanitiseHtml allow-list', () => {
  it('keeps a release’s structure: quoted sections, lists, footnotes', () => {
    const root = render(
      '<p>Lead:</p><ul><li>One</li></ul><figure class="quote x-evil"><blockquote><p>Q<sup><a href="#note-1" id="note-1-ref">*</a></sup></p></blockquote><figcaption>Speaker</figcaption></figure><aside class="footnote" id="note-1"><p><a href="#note-1-ref">*</a> Note</p></aside>',
    );
    expect(root.querySelector('figure')?.className).toBe('quote');
    expect(root.querySelector('figcaption')?.textContent).toBe('Speaker');
    expect(root.querySelector('ul li')?.textContent).toBe('One');
    const marker = root.querySelector('sup a');
    expect(marker?.getAttribute('href')).toBe(`#${ID_PREFIX}note-1`);
    expect(marker?.id).toBe(`${ID_PREFIX}note-1-ref`);
    expect(marker?.getAttribute('aria-label')).toBe('Footnote *');
    expect(root.querySelector('aside.footnote')?.id).toBe(`${ID_PREFIX}note-1`);
    expect(root.querySelector('aside a')?.getAttribute('aria-label')).toBe('Back to the text at footnote *');
  });

  it('resolves relative links and images against the feed, and marks links leaving the site', () => {
    const root = render('<a href="/about">About</a><a href="https://reader.example/x">Home</a><img src="pic.jpg">');
    const [about, home] = Array.from(root.querySelectorAll('a'));
    expect(about?.getAttribute('href')).toBe('https://feeds.example/about');
    expect(about?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(home?.hasAttribute('rel')).toBe(false);
    const img = root.querySelector('img');
    expect(img?.getAttribute('src')).toBe('https://feeds.example/news/pic.jpg');
    expect(img?.getAttribute('alt')).toBe('');
    expect(img?.getAttribute('loading')).toBe('lazy');
  });

  it('allows mailto: and tel: links and refuses data:, javascript: and vbscript:', () => {
    const root = render(
      '<a href="mailto:a@b.example">m</a><a href="tel:+441642">t</a><a href="data:text/html,x">d</a><a href=" JaVaScRiPt:alert(1)">j</a><a href="vbscript:x">v</a><img src="data:image/png;base64,AAAA">',
    );
    const hrefs = Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['mailto:a@b.example', 'tel:+441642', null, null, null]);
    expect(root.querySelector('img')).toBeNull();
  });

  it('keeps an image’s size and its copies (srcset, sizes, a <picture>’s WebP <source>), with http(s) candidates only', () => {
    const root = render(
      '<p><picture><source type="image/webp" srcset="/images/a-320.webp 320w, /images/a-640.webp 640w" sizes="100vw">' +
        '<img src="/images/a-640.jpg" srcset="/images/a-320.jpg 320w, javascript:alert(1) 640w, data:image/png;base64,AAAA 1x" sizes="100vw" width="640" height="480" alt="A map"></picture></p>' +
        '<source srcset="/loose.webp"><picture><source type="text/html" srcset="x.webp"><img src="b.jpg"></picture>',
    );
    const [source, other] = Array.from(root.querySelectorAll('source'));
    expect(source?.getAttribute('type')).toBe('image/webp');
    expect(source?.getAttribute('srcset')).toBe('https://feeds.example/images/a-320.webp 320w, https://feeds.example/images/a-640.webp 640w');
    expect(source?.getAttribute('sizes')).toBe('100vw');
    const img = root.querySelector('img');
    expect(img?.getAttribute('srcset')).toBe('https://feeds.example/images/a-320.jpg 320w');
    expect([img?.getAttribute('width'), img?.getAttribute('height'), img?.getAttribute('sizes')]).toEqual(['640', '480', '100vw']);
    // A <source> outside a <picture> is dropped; a type that is not an image's is.
    expect(root.querySelectorAll('source')).toHaveLength(2);
    expect(other?.hasAttribute('type')).toBe(false);
    expect(problems(root)).toEqual([]);
  });

  it('keeps the attributes that carry a table’s, a list’s, a date’s and a language’s meaning, with sound values only', () => {
    const root = render(
      '<table><tr><th scope="col" colspan="2">Area</th></tr><tr><td rowspan="3">Hartlepool</td><td colspan="x1">x</td></tr></table>' +
        '<ol start="3" reversed><li>Third</li></ol><ol start="javascript:1"><li>x</li></ol>' +
        '<p lang="cy" dir="ltr">Croeso</p><p dir="sideways" lang="not a language!">x</p>' +
        '<p><time datetime="2018-03-22T10:00:00Z">22 March</time><time datetime="<b>">x</time></p>',
    );
    const th = root.querySelector('th');
    expect([th?.getAttribute('scope'), th?.getAttribute('colspan')]).toEqual(['col', '2']);
    const tds = root.querySelectorAll('td');
    expect(tds[0]?.getAttribute('rowspan')).toBe('3');
    expect(tds[1]?.hasAttribute('colspan')).toBe(false);
    const [counted, odd] = Array.from(root.querySelectorAll('ol'));
    expect([counted?.getAttribute('start'), counted?.hasAttribute('reversed')]).toEqual(['3', true]);
    expect(odd?.hasAttribute('start')).toBe(false);
    const [welsh, wrong] = Array.from(root.querySelectorAll('p[lang], p[dir], p'));
    expect([welsh?.getAttribute('lang'), welsh?.getAttribute('dir')]).toEqual(['cy', 'ltr']);
    expect([wrong?.hasAttribute('lang'), wrong?.hasAttribute('dir')]).toEqual([false, false]);
    const [time, badTime] = Array.from(root.querySelectorAll('time'));
    expect(time?.getAttribute('datetime')).toBe('2018-03-22T10:00:00Z');
    expect(badTime?.hasAttribute('datetime')).toBe(false);
    expect(problems(root)).toEqual([]);
  });

  it('returns an empty string, not an error, when nothing safe is left', () => {
    expect(sanitiseHtml('<div id="31"><frameset onload=alert(31)>//</div>', opts)).toBe('');
  });
});
