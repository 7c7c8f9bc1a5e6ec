/**
 * Search and the archive (src/search) are a chunk of their own, loaded when first used, like the
 * lists (./lists.tsx): the search page, the archive's index and each year's releases. The header's
 * search box is part of every page's chrome (./SiteChrome.tsx, ./chrome.tsx).
 */
import type { ReactNode } from 'react';
import { matchPath, useParams } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { ArticlePage } from '../article';
import { isArchiveYear, paths } from '../config/paths';
import { chunk, useChunk } from '../lib/chunk';
import { ChunkLoading } from './lists';

type Search = typeof import('../search');
const search = chunk<Search>(() => import('../search'));

/** Loads the search chunk (once; again after a failure). */
export const loadSearch = (): Promise<Search> => search.load();

/** Whether an address (path only) is search's or the archive's. */
export function isSearchPath(pathname: string): boolean {
  if (matchPath(paths.search.pattern, pathname) || matchPath(paths.archive.pattern, pathname)) return true;
  return isArchiveYear(matchPath(paths.archiveYear.pattern, pathname)?.params.slug);
}

/**
 * What a search or archive address needs before it is hydrated as the HTML shows it: the chunk,
 * and on the archive's pages the index file (search's own page shows nothing of it at first).
 */
export async function loadSearchFor(pathname: string, queryClient: QueryClient): Promise<void> {
  const loaded = await loadSearch();
  if (!matchPath(paths.search.pattern, pathname)) await queryClient.prefetchQuery(loaded.searchIndexQuery());
}

function Page({ heading, page }: { heading: string; page: (loaded: Search) => ReactNode }) {
  const loaded = useChunk(search);
  if (!loaded) return <ChunkLoading heading={heading} />;
  return <>{page(loaded)}</>;
}

export function SearchRoute() {
  return <Page heading="Search" page={(s) => <s.SearchPage />} />;
}

export function ArchiveRoute() {
  return <Page heading="Archive" page={(s) => <s.ArchiveIndexPage />} />;
}

/** `/news/:slug`: a year's releases when the segment is a year (four digits), else a release. */
export function ReleaseOrYear() {
  const { slug } = useParams();
  if (!isArchiveYear(slug)) return <ArticlePage />;
  const year = Number(slug);
  return <Page heading={`News from ${year}`} page={(s) => <s.ArchiveYearPage year={year} />} />;
}
