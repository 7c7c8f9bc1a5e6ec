/**
 * What search's pages take from the app rather than import: the app's links, its not-found page,
 * the site's name, the address's query and a way to change it. The app's own modules are in the
 * first load; a lazy chunk that imports some of them (the router, the feed) makes the bundler
 * split them out of the entry into shared chunks, which cost every page about 4 KB gzip
 * (docs/search.md, "Cost"; since then vite.config.ts keeps the entry's modules in the entry,
 * which may make this unneeded). Types only are imported here.
 */
import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import type { LinkProps } from '../ui/Link';

export interface SearchKit {
  Link: ComponentType<LinkProps>;
  NotFound: ComponentType;
  /** The site's name (the feed's title), for the page's title; null until the feed is in. */
  site: string | null;
  /** The address's query string (`?q=…`). */
  search: string;
  navigate: (to: string, options?: { replace?: boolean }) => void;
}

const Kit = createContext<SearchKit | null>(null);

export function KitProvider({ kit, children }: { kit: SearchKit; children: ReactNode }) {
  return <Kit.Provider value={kit}>{children}</Kit.Provider>;
}

export function useKit(): SearchKit {
  const kit = useContext(Kit);
  if (!kit) throw new Error('Search pages need the app’s kit (src/app/search.tsx)');
  return kit;
}
