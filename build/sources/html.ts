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
