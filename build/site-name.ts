/**
 * The site's name before the feed has arrived, so the header does not change size when it does
 * (a layout shift): VITE_SITE_NAME, or the embedded feed's title when the build uses that feed.
 */
import { readFileSync } from 'node:fs';

export function siteName(env: Record<string, string | undefined>, embeddedFeed: URL): string {
  if (env.VITE_SITE_NAME) return env.VITE_SITE_NAME;
  if (env.VITE_FEED_URL) return 'News';
  try {
    const feed = JSON.parse(readFileSync(embeddedFeed, 'utf8')) as { title?: unknown };
    return typeof feed.title === 'string' ? feed.title : 'News';
  } catch {
    return 'News';
  }
}
