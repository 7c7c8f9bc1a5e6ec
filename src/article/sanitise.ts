/**
 * Sanitising a release's content_html (DOMPurify under an explicit allow-list fit for a release).
 * Loaded only with the article page, so the list never pays for it.
 *
 * - No script, style, iframe, frame, object, embed, form, input, base, meta, link; no on* or style attributes.
 * - Links only http:, https:, mailto:, tel: and in-page #; relative URLs resolved against the feed.
 *   Links leaving the site get rel="noopener noreferrer".
 * - Images only http(s), lazy, and always with an alt attribute; `srcset` only of http(s) candidates;
 *   `<picture>` with `<source type="image/…" srcset>` (as the build writes images it serves
 *   itself, build/images.ts), a `<source>` anywhere else dropped.
 * - Every id is namespaced (`content-…`) and in-page links follow, so a feed cannot clobber the page's own ids.
 * - Classes are kept only where the reader gives them meaning (quote, footnote).
 * - A table's spans and scopes, a list's start and order, a date's datetime and a passage's
 *   lang and dir are kept, each only with a value of its own shape.
 */
import DOMPurify, { type Config } from 'dompurify';

/** A window with the DOM's constructors: the browser's own, or jsdom's at build time. */
export type DomWindow = typeof globalThis;

export const ID_PREFIX = 'content-';

const ALLOWED_TAGS = [
  'a', 'abbr', 'aside', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'div', 'dl', 'dt', 'em',
  'figcaption', 'figure', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p',
  'picture', 'pre', 'q', 's', 'small', 'source', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'time', 'tr', 'u', 'ul',
];
const ALLOWED_ATTR = [
  'href', 'src', 'srcset', 'sizes', 'type', 'alt', 'title', 'id', 'class', 'width', 'height', 'colspan', 'rowspan',
  'scope', 'datetime', 'lang', 'dir', 'start', 'reversed',
];
const KEPT_CLASSES = new Set(['quote', 'footnote']);
/**
 * Attributes that hold no address but a table's, a list's, a date's or a language's meaning, each
 * kept only with a value of its own shape (DOMPurify would test them against the address pattern).
 */
const PLAIN_VALUES: Record<string, RegExp> = {
  colspan: /^\d{1,4}$/,
  rowspan: /^\d{1,4}$/,
  scope: /^(row|col|rowgroup|colgroup)$/i,
  start: /^-?\d{1,9}$/,
  reversed: /^(|reversed)$/i,
  dir: /^(ltr|rtl|auto)$/i,
  lang: /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i,
  datetime: /^[0-9T:.+\-Z PWDHMS]{1,40}$/i,
};
const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // URLs are checked by our own hook below, after resolving them; this pattern is a second fence.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|#)/i,
  // DOMPurify tests every other attribute's value against that pattern too; these hold no address
  // (srcset's are checked one by one in our hook), so an image keeps its size and its copies.
  ADD_URI_SAFE_ATTR: ['width', 'height', 'srcset', 'sizes', 'type', ...Object.keys(PLAIN_VALUES)],
  FORBID_TAGS: ['style', 'script', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'base', 'meta', 'link', 'svg', 'math'],
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
};

/** One configured DOMPurify per window (the browser's, or at build time a jsdom window). */
const purifiers = new WeakMap<DomWindow, ReturnType<typeof DOMPurify>>();
/** The base URL and site origin of the sanitise call in progress (sanitising is synchronous). */
let current = { base: '', origin: '' };

function resolve(value: string, base: string): URL | null {
  try {
    return new URL(value.trim(), base);
  } catch {
    return null;
  }
}

/** A `srcset`'s candidates, read as browsers read them: an address is a run without white space. */
function srcsetCandidates(value: string): { address: string; descriptors: string[] }[] {
  const out: { address: string; descriptors: string[] }[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value.charAt(i))) i++;
    if (i >= value.length) break;
    let end = i;
    while (end < value.length && !/\s/.test(value.charAt(end))) end++;
    const token = value.slice(i, end);
    if (token.endsWith(',')) {
      out.push({ address: token.replace(/,+$/, ''), descriptors: [] });
      i = end;
      continue;
    }
    const comma = value.indexOf(',', end);
    const stop = comma < 0 ? value.length : comma;
    out.push({ address: token, descriptors: value.slice(end, stop).trim().split(/\s+/).filter(Boolean) });
    i = stop + 1;
  }
  return out;
}

/** A `srcset` with only its http(s) candidates, resolved ('' when none is left). */
function safeSrcset(value: string, base: string): string {
  return srcsetCandidates(value)
    .flatMap(({ address, descriptors }) => {
      const url = resolve(address, base);
      const ok = url !== null && (url.protocol === 'https:' || url.protocol === 'http:') && descriptors.length <= 1 && descriptors.every((d) => /^\d+(\.\d+)?[wx]$/.test(d));
      return ok ? [[url.href, ...descriptors].join(' ')] : [];
    })
    .join(', ');
}

function getPurifier(win: DomWindow): ReturnType<typeof DOMPurify> {
  const cached = purifiers.get(win);
  if (cached) return cached;
  const p = DOMPurify(win);
  p.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName;
    const value = data.attrValue;
    if (name === 'href') {
      if (value.trim().startsWith('#')) {
        const target = value.trim().slice(1);
        data.attrValue = target ? `#${ID_PREFIX}${target}` : '#';
        return;
      }
      const url = resolve(value, current.base);
      const ok = url !== null && SAFE_LINK.test(url.protocol);
      data.keepAttr = ok;
      if (url && ok) data.attrValue = url.href;
    } else if (name === 'src') {
      const url = resolve(value, current.base);
      const ok = url !== null && (url.protocol === 'https:' || url.protocol === 'http:');
      data.keepAttr = ok && node.nodeName === 'IMG';
      if (url && ok) data.attrValue = url.href;
    } else if (name === 'srcset' || name === 'sizes') {
      const on = node.nodeName === 'IMG' || node.nodeName === 'SOURCE';
      if (name === 'srcset') data.attrValue = safeSrcset(value, current.base);
      data.keepAttr = on && data.attrValue !== '';
      // DOMPurify's own URI check would test the whole list as one address.
    } else if (name === 'type') {
      data.keepAttr = node.nodeName === 'SOURCE' && /^image\/[a-z0-9.+-]+$/i.test(value.trim());
    } else if (Object.hasOwn(PLAIN_VALUES, name)) {
      data.keepAttr = PLAIN_VALUES[name]?.test(value.trim()) === true;
    } else if (name === 'id') {
      data.attrValue = `${ID_PREFIX}${value}`;
    } else if (name === 'class') {
      const kept = value.split(/\s+/).filter((c) => KEPT_CLASSES.has(c));
      data.keepAttr = kept.length > 0;
      data.attrValue = kept.join(' ');
    }
  });
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href');
      if (href === null) return;
      const url = href.startsWith('#') ? null : resolve(href, current.base);
      if (url && /^https?:$/.test(url.protocol) && url.origin !== current.origin) {
        node.setAttribute('rel', 'noopener noreferrer');
      }
    } else if (node.nodeName === 'SOURCE') {
      if (node.parentNode?.nodeName !== 'PICTURE' || !node.hasAttribute('srcset')) node.remove();
    } else if (node.nodeName === 'IMG') {
      if (!node.hasAttribute('src')) {
        node.remove();
        return;
      }
      if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
      node.setAttribute('loading', 'lazy');
      node.setAttribute('decoding', 'async');
    }
  });
  purifiers.set(win, p);
  return p;
}

/** Gives short footnote links ("*", "1", "†") a name a screen reader can say. */
function nameFootnoteLinks(root: DocumentFragment): void {
  for (const a of root.querySelectorAll<HTMLAnchorElement>(`a[href^="#${ID_PREFIX}"]`)) {
    const mark = (a.textContent ?? '').trim();
    if (mark.length === 0 || mark.length > 3) continue;
    const backLink = a.closest('aside.footnote') !== null;
    a.setAttribute('aria-label', backLink ? `Back to the text at footnote ${mark}` : `Footnote ${mark}`);
    if (!backLink) a.closest('sup')?.classList.add('footnote-marker');
  }
}

export interface SanitiseOptions {
  /** URL the feed page was fetched from: relative links and images resolve against it. */
  base: string;
  /** The reader's own origin: links elsewhere are "leaving the site". */
  origin: string;
  /** Where to parse: the browser's window (the default), or at build time a jsdom window. */
  window?: DomWindow;
}

/** Returns safe HTML for a release body ('' when nothing safe is left). Never throws for any input. */
export function sanitiseHtml(html: string, options: SanitiseOptions): string {
  const win = options.window ?? window;
  const p = getPurifier(win);
  current = { base: options.base, origin: options.origin };
  try {
    // DOMPurify gives no fragment at all for some documents (a <frameset> replaces the body).
    const fragment = p.sanitize(html, CONFIG) as unknown as DocumentFragment | null;
    if (!fragment) return '';
    nameFootnoteLinks(fragment);
    const holder = win.document.createElement('div');
    holder.append(fragment);
    return holder.innerHTML;
  } catch {
    return '';
  } finally {
    current = { base: '', origin: '' };
  }
}
