/**
 * The release body's HTML, made safe by DOMPurify (./sanitise). The sanitiser is the biggest
 * thing the reader needs only on an article, so it lives in a chunk of its own, loaded the first
 * time an article with content_html is shown.
 *
 * A release prerendered at build time was sanitised then. Its body carries `data-source`, a hash
 * of the content_html it was made from; when the live feed still has that same content_html, the
 * body already on the page is adopted as it stands, and a direct load of the release neither
 * fetches nor runs the sanitiser. (The adopted markup is our own build's output; a feed whose
 * content merely hashes the same would be shown the build's safe body, never its own markup.)
 */
import { useEffect, useMemo, useState } from 'react';
import type { Item } from '../feed';
import { hashId } from '../lib/slug';

type Sanitiser = typeof import('./sanitise');
let sanitiser: Sanitiser | null = null;
let loading: Promise<Sanitiser> | null = null;

/** Loads the sanitiser's chunk (once; again after a failure). */
export function loadSanitiser(): Promise<Sanitiser> {
  loading ??= import('./sanitise').then(
    (m) => (sanitiser = m),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** What a body was made from: a hash of its content_html and its length. */
export function bodySource(contentHtml: string): string {
  return `${hashId(contentHtml)}-${contentHtml.length.toString(36)}`;
}

let adopted: { source: string; html: string } | null = null;

/**
 * Keeps the prerendered body inside `root`, if there is one (call before the app takes the page
 * over). Returns whether there was.
 */
export function adoptPrerenderedBody(root: ParentNode): boolean {
  const body = root.querySelector<HTMLElement>('.prose[data-source]');
  const source = body?.dataset.source;
  adopted = body && source ? { source, html: body.innerHTML } : null;
  return adopted !== null;
}

/** A body's safe HTML and what it was made from (see bodySource). */
export interface BodyHtml {
  html: string;
  source: string;
}

/**
 * The safe HTML of an item's body: null when it has no content_html (show its text); undefined
 * while the sanitiser is still on its way. Throws (to the route's error boundary) when the
 * sanitiser cannot be loaded.
 */
export function useBodyHtml(item: Item): BodyHtml | null | undefined {
  const { contentHtml, pageUrl } = item;
  const source = useMemo(() => (contentHtml ? bodySource(contentHtml) : null), [contentHtml]);
  const fromPage = source !== null && adopted?.source === source ? adopted.html : null;
  const needed = source !== null && fromPage === null;
  const [loaded, setLoaded] = useState<Sanitiser | null>(sanitiser);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    if (!needed || loaded) return;
    let live = true;
    loadSanitiser().then(
      (m) => live && setLoaded(m),
      (error: unknown) => live && setFailure(error ?? new Error('The sanitiser did not load')),
    );
    return () => {
      live = false;
    };
  }, [needed, loaded]);
  const sanitised = useMemo(
    () => (needed && loaded && contentHtml ? loaded.sanitiseHtml(contentHtml, { base: pageUrl, origin: window.location.origin }) : null),
    [needed, loaded, contentHtml, pageUrl],
  );
  if (failure) throw failure;
  if (source === null) return null;
  const html = fromPage ?? sanitised;
  return html === null ? undefined : { html, source };
}
