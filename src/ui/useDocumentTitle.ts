import { useEffect } from 'react';

/** A page's title: "<page> | <site>" (each cut at 200 characters). Prerendering names its pages the same way. */
export function documentTitle(page: string | null, site: string | null): string {
  const parts = [page, site].filter((p): p is string => Boolean(p)).map((p) => (p.length > 200 ? `${p.slice(0, 200)}…` : p));
  return parts.length > 0 ? parts.join(' | ') : 'Bulletin';
}

/** Names the page: "<page> | <site>". */
export function useDocumentTitle(page: string | null, site: string | null): void {
  useEffect(() => {
    document.title = documentTitle(page, site);
  }, [page, site]);
}
