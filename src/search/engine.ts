/**
 * The search engine over the index file's documents: MiniSearch (https://lucaong.github.io/minisearch/),
 * indexed in the browser once the file is in, over the title and the body (the summary with it);
 * titles count three times as much;
 * the last word typed matches as a prefix ("burg" finds "burglary"), every word must match (AND),
 * and only when nothing matches so are longer words allowed a typo (a fuzzy search costs about as
 * much again over 10,000 items, and would widen every search). Filters (area, kind, year) narrow the documents searched.
 */
import MiniSearch from 'minisearch';
import type { ItemKind } from '../config/paths';
import type { SearchDoc, SearchIndexFile } from './documents';
import { firstMatch, fold, markTerms, snippet, type SnippetPart } from './snippet';

/** The filters a search may carry (empty: any). Read from and written to the address. */
export interface SearchFilters {
  area: string;
  kind: '' | ItemKind;
  year: string;
}

export const NO_FILTERS: SearchFilters = { area: '', kind: '', year: '' };

/** One result: its document and the words of it that matched. */
export interface SearchHit {
  doc: SearchDoc;
  terms: readonly string[];
}

/**
 * A result's title and snippet, matched words marked: made only for the results shown. The
 * snippet is from the body, or the summary when the body did not match (a match in the title
 * alone shows the summary).
 */
export function highlight(hit: SearchHit): { title: SnippetPart[]; snippet: SnippetPart[] } {
  const terms = new Set(hit.terms);
  const context = firstMatch(hit.doc.text, terms) >= 0 || !hit.doc.summary ? hit.doc.text : hit.doc.summary;
  return { title: markTerms(hit.doc.title, terms), snippet: snippet(context, terms) };
}

export interface SearchEngine {
  /** The documents, in the file's order (newest first). */
  docs: readonly SearchDoc[];
  /** Results for a query under filters, best first (an empty query has none). */
  search(query: string, filters?: SearchFilters): SearchHit[];
}

/** Whether a document passes the filters. An area's filter keeps force-wide items, as the area's feed does. */
export function passes(doc: SearchDoc, filters: SearchFilters): boolean {
  if (filters.kind !== '' && doc.kind !== filters.kind) return false;
  if (filters.year !== '' && String(doc.year) !== filters.year) return false;
  if (filters.area !== '' && doc.areas.length > 0 && !doc.areas.includes(filters.area)) return false;
  return true;
}

type Indexed = { id: number; title: string; body: string };

const OPTIONS = {
  // Two fields, not three: the summary is read with the body (each field is scored apart, so a
  // third costs a third more per query).
  fields: ['title', 'body'],
  storeFields: [],
  processTerm: fold,
  searchOptions: {
    boost: { title: 3 },
    combineWith: 'AND' as const,
    // The word being typed is a prefix.
    prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
  },
};

/** When nothing matched: words of five letters or more may have one typo in five (at most two). */
const TYPOS = { fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false), maxFuzzy: 2 };

/** Indexes the file's documents (once per file). */
export function createEngine(file: SearchIndexFile): SearchEngine {
  const mini = new MiniSearch<Indexed>(OPTIONS);
  mini.addAll(file.docs.map((doc, id) => ({ id, title: doc.title, body: `${doc.summary}\n${doc.text}` })));
  const docs = file.docs;
  return {
    docs,
    search(query, filters = NO_FILTERS) {
      if (query.trim() === '') return [];
      const filtered = filters.area !== '' || filters.kind !== '' || filters.year !== '';
      const options = filtered ? { filter: (result: { id: unknown }) => passes(docs[result.id as number] as SearchDoc, filters) } : {};
      let found = mini.search(query, options);
      if (found.length === 0) found = mini.search(query, { ...options, ...TYPOS });
      const hits: SearchHit[] = [];
      for (const result of found) {
        const doc = docs[result.id as number];
        if (doc) hits.push({ doc, terms: result.terms });
      }
      return hits;
    },
  };
}
