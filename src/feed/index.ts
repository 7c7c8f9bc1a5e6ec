/**
 * The feed's public face: everything outside src/feed/ imports from here, never from the files
 * beside it (eslint.config.js enforces it). Past this point there is no raw JSON: only the app's
 * own types, the query every page shares, and the container that shows the feed's state.
 */
export type { Alert, AlertLevel, Area, Feed, FeedDate, FeedPage, Item } from './types';
export { FeedError } from './types';
export { defaultFeedUrl } from './config';
export { normaliseFeed } from './normalise';
export { combinePages, findBySlug } from './combine';
export {
  FeedPageHintContext,
  feedPageQueryOptions,
  feedQueryOptions,
  FeedUrlContext,
  retryDelay,
  retryFeed,
  useFeed,
  useHintedPage,
  type FeedPageHint,
  type FeedQuery,
} from './queries';
export { FeedErrorPage, OfflineNotice } from './FeedStates';
// The lists' gate: only src/news uses it, in the lists' chunk.
export { FeedGate, SkippedNote } from './FeedGate';
