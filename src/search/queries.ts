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

/** How long the index may stall (nothing more arriving) before the page says it could not be loaded. */
export const SEARCH_INDEX_STALL_MS = 20_000;

export interface FetchSearchIndexOptions {
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
  stallMs?: number;
}

/**
 * The index, read as it arrives: a large one (2.3 MB gzip for 10,000 items) may take a while on a
 * slow connection, so what is bounded is a stall, not the whole download. A connection that stops
 * answering ends in an error the page can show (with Try again), never a search that loads for ever.
 */
export async function fetchSearchIndex({ signal, fetchImpl = fetch, stallMs = SEARCH_INDEX_STALL_MS }: FetchSearchIndexOptions = {}): Promise<SearchIndexFile> {
  const stalled = new AbortController();
  let timer = setTimeout(() => stalled.abort(), stallMs);
  const alive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => stalled.abort(), stallMs);
  };
  const combined = signal ? AbortSignal.any([signal, stalled.signal]) : stalled.signal;
  const fault = (error: unknown, what: string) => {
    if (signal?.aborted) return error; // cancelled (the reader left): not a fault to show
    if (stalled.signal.aborted) return new SearchIndexError('failed', `The search index stopped arriving (nothing for ${stallMs / 1000} s)`);
    return new SearchIndexError(typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'failed', `The search index could not be ${what}: ${String(error)}`);
  };
  try {
    let response: Response;
    try {
      response = await fetchImpl(searchIndexUrl(), { signal: combined, headers: { Accept: 'application/json' } });
    } catch (error) {
      throw fault(error, 'fetched');
    }
    if (!response.ok) throw new SearchIndexError('failed', `The search index answered ${response.status}`);
    let text = '';
    try {
      const reader = response.body?.getReader();
      const decoder = new TextDecoder();
      if (!reader) text = await response.text();
      else {
        for (let part = await reader.read(); !part.done; part = await reader.read()) {
          alive();
          text += decoder.decode(part.value, { stream: true });
        }
        text += decoder.decode();
      }
    } catch (error) {
      throw fault(error, 'read');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SearchIndexError('failed', 'The search index is not JSON');
    }
    const file = readSearchIndex(json);
    if (!file) throw new SearchIndexError('failed', 'The search index is not one this version reads');
    return file;
  } finally {
    clearTimeout(timer);
  }
}

export const SEARCH_INDEX_KEY = ['bulletin', 'search-index'] as const;

/**
 * The query of the index file: fetched once a visit, not retried on its own ("Try again" does).
 * Fetched offline too (networkMode "always", where TanStack Query would wait for a connection):
 * the service worker may answer with its saved copy.
 */
export function searchIndexQuery() {
  return { queryKey: SEARCH_INDEX_KEY, queryFn: ({ signal }: { signal: AbortSignal }) => fetchSearchIndex({ signal }), staleTime: Infinity, gcTime: Infinity, retry: false, networkMode: 'always' } as const;
}

export function useSearchIndex() {
  return useQuery(searchIndexQuery());
}
