/**
 * The index file, fetched once when search or the archive is first used (TanStack Query, kept for
 * the visit). The service worker keeps the last good copy (build/offline.ts: it is a JSON file of
 * our own origin, network first), so search works offline once it has been used online.
 */
import { useQuery } from '@tanstack/react-query';
import { SEARCH_INDEX_FILE } from '../config/paths';
import { readSearchIndex, type SearchIndexFile } from './documents';

/** Why the index is not in: no connection and no saved copy, or it could not be fetched or read. */
export class SearchIndexError extends Error {
  readonly kind: 'offline' | 'failed';
  constructor(kind: 'offline' | 'failed', message: string) {
    super(message);
    this.kind = kind;
  }
}

/** The index file's address under the app's base. */
export function searchIndexUrl(): string {
  return `${import.meta.env.BASE_URL}${SEARCH_INDEX_FILE.slice(1)}`;
}

async function fetchSearchIndex(): Promise<SearchIndexFile> {
  let response: Response;
  try {
    response = await fetch(searchIndexUrl(), { headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new SearchIndexError(navigator.onLine === false ? 'offline' : 'failed', `The search index could not be fetched: ${String(error)}`);
  }
  if (!response.ok) throw new SearchIndexError('failed', `The search index answered ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new SearchIndexError('failed', 'The search index is not JSON');
  }
  const file = readSearchIndex(json);
  if (!file) throw new SearchIndexError('failed', 'The search index is not one this version reads');
  return file;
}

export const SEARCH_INDEX_KEY = ['bulletin', 'search-index'] as const;

/**
 * The query of the index file: fetched once a visit, not retried on its own ("Try again" does).
 * Fetched offline too (networkMode "always", where TanStack Query would wait for a connection):
 * the service worker may answer with its saved copy.
 */
export function searchIndexQuery() {
  return { queryKey: SEARCH_INDEX_KEY, queryFn: fetchSearchIndex, staleTime: Infinity, gcTime: Infinity, retry: false, networkMode: 'always' } as const;
}

export function useSearchIndex() {
  return useQuery(searchIndexQuery());
}
