/**
 * Search and the archive (src/search) are a chunk of their own, loaded when first used, like the
 * lists (./lists.tsx): the search page, the archive's index and each year's releases. The
 * header's search box is here, in the entry: a plain GET form to the search page (it works
 * without script), which with script navigates in place.
 */
import type { FormEvent, ReactNode } from 'react';
import { matchPath, useNavigate, useParams } from 'react-router';
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

/** The header's search box: a GET form to the search page, labelled, that works without script. */
export function HeaderSearch() {
  const navigate = useNavigate();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get('q');
    const text = typeof q === 'string' ? q.trim() : '';
    navigate(paths.search.href(text ? new URLSearchParams({ q: text }) : undefined));
  };
  return (
    <form role="search" className="site-search" action={paths.search.href()} method="get" onSubmit={onSubmit}>
      <label htmlFor="site-search-q" className="site-search__label">
        Search
      </label>
      <input id="site-search-q" className="control site-search__input" type="search" name="q" autoComplete="off" />
      <button type="submit" className="site-search__button">
        Go
      </button>
    </form>
  );
}
