/**
 * The search engine over the index file's documents: MiniSearch (https://lucaong.github.io/minisearch/),
 * indexed in the browser once the file is in. Titles count most, then summaries, then the body;
 * the last word typed matches as a prefix ("burg" finds "burglary"), longer words allow a typo,
 * and every word must match (AND). Filters (area, kind, year) narrow the documents searched.
 */
import MiniSearch from 'minisearch';
import type { ItemKind } from '../config/paths';
import type { SearchDoc, SearchIndexFile } from './documents';
import { snippet, markTerms, type SnippetPart } from './snippet';

/** The filters a search may carry (empty: any). Read from and written to the address. */
export interface SearchFilters {
  area: string;
  kind: '' | ItemKind;
  year: string;
}

export const NO_FILTERS: SearchFilters = { area: '', kind: '', year: '' };

/** One result: its document, the words of it that matched, and the text to show them in. */
export interface SearchHit {
  doc: SearchDoc;
  terms: ReadonlySet<string>;
  /** The body, or the summary when the body did not match (a match in the title alone shows the summary). */
  context: string;
}

/** A result's title and snippet, matched words marked: made only for the results shown. */
export function highlight(hit: SearchHit): { title: SnippetPart[]; snippet: SnippetPart[] } {
  return { title: markTerms(hit.doc.title, hit.terms), snippet: snippet(hit.context, hit.terms) };
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

type Indexed = { id: number; title: string; summary: string; text: string };

const OPTIONS = {
  fields: ['title', 'summary', 'text'],
  storeFields: [],
  searchOptions: {
    boost: { title: 3, summary: 2 },
    combineWith: 'AND' as const,
    // The word being typed is a prefix; words of five letters or more may have one typo in five.
    prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
    fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
    maxFuzzy: 2,
  },
};

/** Indexes the file's documents (once per file). */
export function createEngine(file: SearchIndexFile): SearchEngine {
  const mini = new MiniSearch<Indexed>(OPTIONS);
  mini.addAll(file.docs.map((doc, id) => ({ id, title: doc.title, summary: doc.summary, text: doc.text })));
  const docs = file.docs;
  return {
    docs,
    search(query, filters = NO_FILTERS) {
      if (query.trim() === '') return [];
      const found = mini.search(query, {
        filter: (result) => {
          const doc = docs[result.id as number];
          return doc !== undefined && passes(doc, filters);
        },
      });
      return found.flatMap((result) => {
        const doc = docs[result.id as number];
        if (!doc) return [];
        const fields = Object.values(result.match).flat();
        return [{ doc, terms: new Set(result.terms), context: fields.includes('text') ? doc.text : doc.summary || doc.text }];
      });
    },
  };
}
