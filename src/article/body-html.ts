/**
 * The release body's HTML, made safe by DOMPurify (./sanitise, a chunk of its own, loaded the
 * first time a body is rendered that the page does not already have).
 *
 * Part of the release's content (./ReleaseContent.tsx), so only loaded with it. A body the build
 * prerendered carries `data-source`, what it was made from (./supply.ts): when the live feed
 * still has that content_html, the body on the page is adopted and the sanitiser is not fetched.
 */
import { useMemo } from 'react';
import { useChunk } from '../lib/chunk';
import type { Item } from '../feed';
import { sanitiser, useBodySupply, type Adoptable } from './supply';

/**
 * The safe HTML of an item's body, given what it was made from (`bodySource`, worked out once by the
 * release's page: ./ArticlePage.tsx): null when it has no content_html (show its text); undefined
 * while the sanitiser is still on its way. Throws (to the route's error boundary) when the
 * sanitiser cannot be loaded.
 */
export function useBodyHtml(item: Item, source: string | null): Adoptable | null | undefined {
  const { contentHtml, pageUrl } = item;
  const supply = useBodySupply();
  const fromPage = source !== null && supply.prerendered?.source === source ? supply.prerendered.html : null;
  const needed = source !== null && fromPage === null;
  // Throws, to the route's error boundary, when the chunk cannot be loaded.
  const loaded = useChunk(sanitiser, needed, supply.sanitiser);
  const sanitised = useMemo(() => {
    if (!needed || !loaded || !contentHtml) return null;
    const win = supply.window ?? window;
    return loaded.sanitiseHtml(contentHtml, { base: pageUrl, origin: supply.origin ?? win.location.origin, window: win });
  }, [needed, loaded, contentHtml, pageUrl, supply]);
  if (source === null) return null;
  const html = fromPage ?? sanitised;
  return html === null ? undefined : { html, source };
}
