/** HTML or entity-escaped text reduced to plain text, for fields that must never hold HTML. */
import { decodeHTML } from 'entities';

export function htmlToText(html: string): string {
  const withoutCode = html.replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  const spaced = withoutCode.replace(/<\/?(p|div|br|li|h[1-6]|tr|blockquote|figure|figcaption)\b[^>]*>/gi, ' ');
  const stripped = spaced.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, '');
  return decodeHTML(stripped).replace(/\s+/g, ' ').trim();
}

/** True when a string looks like it carries markup. */
export function looksLikeHtml(value: string): boolean {
  return /<[a-z][\s\S]*>/i.test(value);
}

const LINK_ATTRIBUTE = /(\s(?:href|src|poster)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi;

/**
 * Relative `href` / `src` / `poster` values made absolute against the document's base (an http(s)
 * URL), so a body still links where its author meant once the build serves it from another
 * address. Fragments (`#note-1`, the footnotes) and absolute URLs are left as they are. Nothing
 * else changes: the HTML stays hostile and the app sanitises it.
 */
export function absoluteLinks(html: string, base: string): string {
  if (!/^https?:/i.test(base)) return html;
  return html.replace(LINK_ATTRIBUTE, (whole, lead: string, double: string | undefined, single: string | undefined) => {
    const value = (double ?? single ?? '').trim();
    if (value === '' || value.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(value)) return whole;
    try {
      const url = new URL(value.replace(/&amp;/g, '&'), base).href.replace(/&/g, '&amp;').replace(/"/g, '%22');
      return `${lead}"${url}"`;
    } catch {
      return whole;
    }
  });
}
