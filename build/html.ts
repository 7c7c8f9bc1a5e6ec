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

/**
 * Fills named slots, each of which must appear exactly once in the template (a template that lost
 * one fails the build). Every marker is found in the template itself, before anything is put in,
 * so no content is ever searched for slots.
 */
export function fillSlots(html: string, fills: Readonly<Record<string, string>>): string {
  const found = Object.entries(fills).map(([name, content]) => {
    const marker = slot(name);
    const at = html.indexOf(marker);
    if (at < 0 || html.indexOf(marker, at + marker.length) >= 0) {
      throw new Error(`The page template must have the slot ${marker} exactly once`);
    }
    return { at, end: at + marker.length, content };
  });
  found.sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const { at, end, content } of found) {
    out += html.slice(from, at) + content;
    from = end;
  }
  return out + html.slice(from);
}

/** Fills one named slot (see fillSlots). */
export function fillSlot(html: string, name: string, content: string): string {
  return fillSlots(html, { [name]: content });
}
