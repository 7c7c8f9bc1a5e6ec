import { useEffect } from 'react';

/** Names the page: "<page> | <site>". */
export function useDocumentTitle(page: string | null, site: string | null): void {
  useEffect(() => {
    const parts = [page, site].filter((p): p is string => Boolean(p)).map((p) => (p.length > 200 ? `${p.slice(0, 200)}…` : p));
    document.title = parts.length > 0 ? parts.join(' | ') : 'Bulletin';
  }, [page, site]);
}
