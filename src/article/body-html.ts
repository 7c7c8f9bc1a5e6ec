/**
 * The release body's HTML, made safe by DOMPurify (./sanitise). The sanitiser is the biggest
 * thing the reader needs only on an article, so it lives in a chunk of its own, loaded the first
 * time an article with content_html is shown.
 *
 * What the page already has is passed in, never kept in this module: a `BodySupply` from the
 * start-up path (src/boot/) says which body is prerendered on the page and, at build time, gives
 * a sanitiser that is already loaded and the window to parse in.
 *
 * A release prerendered at build time was sanitised then. Its body carries `data-source`, a hash
 * of the content_html it was made from; when the live feed still has that same content_html, the
 * body already on the page is adopted as it stands, and a direct load of the release neither
 * fetches nor runs the sanitiser. (The adopted markup is our own build's output; a feed whose
 * content merely hashes the same would be shown the build's safe body, never its own markup.)
 */
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import { chunk, useChunk } from '../lib/chunk';
import type { Item } from '../feed';
import { hashId } from '../lib/slug';

import type { DomWindow } from './sanitise';

export type Sanitiser = typeof import('./sanitise');
const sanitiser = chunk<Sanitiser>(() => import('./sanitise'));

/** Loads the sanitiser's chunk (once; again after a failure). */
export const loadSanitiser = (): Promise<Sanitiser> => sanitiser.load();

/** What a body was made from: a hash of its content_html and its length. */
export function bodySource(contentHtml: string): string {
  return `${hashId(contentHtml)}-${contentHtml.length.toString(36)}`;
}

/** A body's safe HTML and what it was made from (see bodySource). */
export interface BodyHtml {
  html: string;
  source: string;
}

/** The prerendered body inside `root`, if there is one (read it before the app takes the page over). */
export function readPrerenderedBody(root: ParentNode): BodyHtml | null {
  const body = root.querySelector<HTMLElement>('.prose[data-source]');
  const source = body?.dataset.source;
  return body && source ? { source, html: body.innerHTML } : null;
}

/** What the page brings for release bodies. */
export interface BodySupply {
  /** The body prerendered on the page, adopted while the feed still has its source. */
  prerendered: BodyHtml | null;
  /** A sanitiser already loaded (at build time), so that none is fetched. */
  sanitiser: Sanitiser | null;
  /** The window to sanitise in and the reader's origin; null: the browser's own. */
  window: DomWindow | null;
  origin: string | null;
}

const NOTHING_SUPPLIED: BodySupply = { prerendered: null, sanitiser: null, window: null, origin: null };
const BodySupplyContext = createContext<BodySupply>(NOTHING_SUPPLIED);

export function BodySupplyProvider({ value, children }: { value: Partial<BodySupply>; children: ReactNode }) {
  const supply = useMemo(() => ({ ...NOTHING_SUPPLIED, ...value }), [value]);
  return createElement(BodySupplyContext.Provider, { value: supply }, children);
}

/**
 * The safe HTML of an item's body: null when it has no content_html (show its text); undefined
 * while the sanitiser is still on its way. Throws (to the route's error boundary) when the
 * sanitiser cannot be loaded.
 */
export function useBodyHtml(item: Item): BodyHtml | null | undefined {
  const { contentHtml, pageUrl } = item;
  const supply = useContext(BodySupplyContext);
  const source = useMemo(() => (contentHtml ? bodySource(contentHtml) : null), [contentHtml]);
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
