/**
 * What a prerendered release brings to the app, passed in from the start-up path (src/boot/) and
 * never kept in a module: its content and its body as the build wrote them, and, at build time,
 * a sanitiser already loaded and the window to parse in.
 *
 * A release prerendered at build time carries, on its content (./ArticlePage.tsx) and on its body
 * (./body-html.ts), `data-source`: a hash of what each was made from. While the live feed still
 * has the same, what is on the page is adopted as it stands: a direct load of a release then
 * neither fetches nor runs the code that renders a release's content (./ReleaseContent.tsx) or
 * the sanitiser. (Adopted markup is our own build's output; a feed whose item merely hashes the
 * same would be shown the build's markup, never its own.)
 */
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import { chunk } from '../lib/chunk';
import { hashId } from '../lib/slug';

import type { DomWindow } from './sanitise';

export type Sanitiser = typeof import('./sanitise');
/** DOMPurify and its setup (./sanitise.ts): the biggest thing only a release needs, so a chunk of its own. */
export const sanitiser = chunk<Sanitiser>(() => import('./sanitise'));

/** Loads the sanitiser's chunk (once; again after a failure). */
export const loadSanitiser = (): Promise<Sanitiser> => sanitiser.load();

/** What a text was made from: a hash of it and its length. */
export function sourceOf(text: string): string {
  return `${hashId(text)}-${text.length.toString(36)}`;
}

/** What a body was made from: its content_html's source, or null without one. */
export const bodySource = (contentHtml: string | null): string | null => (contentHtml ? sourceOf(contentHtml) : null);

/** Markup on the page and what it was made from (see sourceOf). */
export interface Adoptable {
  html: string;
  source: string;
}

/** The element of a release's content, and of its body, that the build marks with what it was made from. */
const CONTENT_SELECTOR = '.article__content[data-source]';
const BODY_SELECTOR = '.prose[data-source]';

/** A release's content on the page, and the release's slug. */
export interface AdoptableContent extends Adoptable {
  slug: string;
}

/** The prerendered release's content inside `root`, if there is one (read it before the app takes the page over). */
export function readPrerenderedContent(root: ParentNode): AdoptableContent | null {
  const el = root.querySelector<HTMLElement>(CONTENT_SELECTOR);
  const { source, slug } = el?.dataset ?? {};
  return el && source && slug ? { source, slug, html: el.innerHTML } : null;
}

/** The prerendered release's body inside `root`, if there is one: adopted where its content is not. */
export function readPrerenderedBody(root: ParentNode): Adoptable | null {
  const el = root.querySelector<HTMLElement>(BODY_SELECTOR);
  const source = el?.dataset.source;
  return el && source ? { source, html: el.innerHTML } : null;
}

/** What the page brings for a release. */
export interface BodySupply {
  /** The release's content prerendered on the page (everything between its heading and "Share this"). */
  content: AdoptableContent | null;
  /** Its body, adopted where the content has changed but the body has not. */
  prerendered: Adoptable | null;
  /** A sanitiser already loaded (at build time), so that none is fetched. */
  sanitiser: Sanitiser | null;
  /** The window to sanitise in and the reader's origin; null: the browser's own. */
  window: DomWindow | null;
  origin: string | null;
}

const NOTHING_SUPPLIED: BodySupply = { content: null, prerendered: null, sanitiser: null, window: null, origin: null };
const BodySupplyContext = createContext<BodySupply>(NOTHING_SUPPLIED);

export function BodySupplyProvider({ value, children }: { value: Partial<BodySupply>; children: ReactNode }) {
  const supply = useMemo(() => ({ ...NOTHING_SUPPLIED, ...value }), [value]);
  return createElement(BodySupplyContext.Provider, { value: supply }, children);
}

export const useBodySupply = (): BodySupply => useContext(BodySupplyContext);
