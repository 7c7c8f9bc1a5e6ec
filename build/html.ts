/**
 * Small, exact helpers for the HTML the build writes. Pages are assembled from our own templates
 * with named slots (`<!--bulletin:name-->`), never by searching Vite's output for patterns.
 */

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
export const escapeAttribute = escapeHtml;

/** The marker of a named slot in a template. */
export function slot(name: string): string {
  return `<!--bulletin:${name}-->`;
}

/** Fills a named slot, which must appear exactly once (a template that lost it fails the build). */
export function fillSlot(html: string, name: string, content: string): string {
  const marker = slot(name);
  const at = html.indexOf(marker);
  if (at < 0 || html.indexOf(marker, at + marker.length) >= 0) {
    throw new Error(`The page template must have the slot ${marker} exactly once`);
  }
  return html.slice(0, at) + content + html.slice(at + marker.length);
}
