/**
 * Starts the feed request from the page, in parallel with the JavaScript, instead of after it.
 * The app's fetch (same URL, CORS mode, same-origin credentials) picks up the preloaded response.
 */
import type { Plugin } from 'vite';

/** The feed's address as a page preloads it: VITE_FEED_URL, or the embedded /feed.json. */
export function preloadHref(feedUrl: string | undefined): string {
  return feedUrl && feedUrl.trim() !== '' ? feedUrl : '/feed.json';
}

export function preloadFeed(feedUrl: string | undefined): Plugin {
  return {
    name: 'bulletin:preload-feed',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'link',
        attrs: { rel: 'preload', href: preloadHref(feedUrl), as: 'fetch', type: 'application/feed+json', crossorigin: 'anonymous' },
        injectTo: 'head',
      },
    ],
  };
}
