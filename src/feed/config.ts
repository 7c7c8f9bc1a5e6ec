/**
 * Where the feed lives. By default `feed.json` next to index.html; a build-time setting
 * (VITE_FEED_URL, absolute or relative to the app's base) points it elsewhere.
 */
export function defaultFeedUrl(): string {
  const configured = import.meta.env.VITE_FEED_URL as string | undefined;
  const base = new URL(import.meta.env.BASE_URL, window.location.origin);
  return new URL(configured && configured.trim() !== '' ? configured : 'feed.json', base).href;
}
