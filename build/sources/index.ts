/** The build's sources: read every page of the news and events sources, check them, write JSON Feed pages. */
export { readSources, readEvents, DEFAULT_MAX_PAGES, type ReadOptions, type ReadResult } from './read.ts';
export { writeFeedPages, feedPages, pageNames, type WriteOptions } from './write.ts';
export { checkFeed, describeProblem, reportLines, type CheckResult } from './check.ts';
export { detectFormat, type SourceFormat } from './detect.ts';
export { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, fetchBytes, type FetchLike, type FetchOptions } from './fetch.ts';
export { SourceError, type JsonFeed, type JsonFeedItem, type Problem, type Stats, type BulletinEvent } from './types.ts';
