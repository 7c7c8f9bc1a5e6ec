/**
 * The dev server (`npm run dev`) serves the feed pages the build would write, read from the site's
 * sources when first asked for (and again after a change to the site file restarts the server).
 */
import type { Plugin } from 'vite';
import type { Site } from './site/index.ts';
import { feedPages, readSources } from './sources/index.ts';

export function devFeed(site: Site): Plugin {
  let pages: Promise<Map<string, string>> | null = null;
  const load = async () => {
    const read = await readSources(site);
    return new Map(feedPages(read.feed, site.pageSize).map(({ name, page }) => [`/${name}`, JSON.stringify(page)]));
  };
  return {
    name: 'bulletin:dev-feed',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '').split('?')[0] ?? '';
        if (!/^\/feed(-\d+)?\.json$/.test(path)) return next();
        pages ??= load();
        pages.then(
          (all) => {
            const body = all.get(path);
            if (body === undefined) return next();
            response.setHeader('Content-Type', 'application/feed+json');
            response.end(body);
          },
          (error: unknown) => {
            pages = null;
            response.statusCode = 502;
            response.end(error instanceof Error ? error.message : String(error));
          },
        );
      });
    },
  };
}
