/** Search and the archive (docs/search.md): a chunk of its own, loaded when first used (src/app/search.tsx). */
export { SearchPage, readFilters, TYPING_PAUSE_MS, RESULTS_STEP } from './SearchPage';
export { ArchiveIndexPage, ArchiveYearPage, releasesByYear } from './ArchivePages';
export { searchIndexQuery, searchIndexUrl, SEARCH_INDEX_KEY } from './queries';
export { searchIndexFile, plainTextOf, readSearchIndex, type SearchDoc, type SearchIndexFile } from './documents';
export { createEngine, highlight, type SearchEngine, type SearchFilters, type SearchHit } from './engine';
