import { onlineManager } from '@tanstack/react-query';
import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App, createQueryClient } from './app/App';
import { adoptPrerenderedBody, loadSanitiser } from './article';
import { defaultFeedUrl, feedQueryOptions } from './feed';
import { applyToDocument, readStoredPreferences } from './preferences';
import './styles/main.css';

// Options apply before the first paint (index.html's inline boot script did the same already).
applyToDocument(readStoredPreferences());

// TanStack Query assumes it starts online; a page loaded offline must know, so that coming back
// online refetches the feed.
onlineManager.setOnline(navigator.onLine);

const feedUrl = defaultFeedUrl();
const queryClient = createQueryClient();
const onArticle = /^\/(news|events)\/[^/]+/.test(window.location.pathname.slice(import.meta.env.BASE_URL.length - 1));

async function start(root: HTMLElement): Promise<void> {
  // Markup prerendered for another address, or grouped for no area when the reader has one: the
  // boot script has hidden its <main>. It is rendered afresh; React replaces the old markup in its
  // first commit, so the header (the same on every page) never blinks. (Layout shows <main> again.)
  const stale = 'stale' in document.documentElement.dataset;
  // A prerendered release brings its body, sanitised at build time. Any other direct load of an
  // article needs the sanitiser's chunk: start fetching it now, alongside the feed, rather than
  // after the feed has arrived.
  const bodyOnPage = !stale && root.hasChildNodes() && adoptPrerenderedBody(root);
  // (A chunk that fails to load here is tried again, and reported, when the body is rendered.)
  const sanitiser = onArticle && !bodyOnPage ? loadSanitiser().catch(() => null) : Promise.resolve(null);
  const app = (
    <StrictMode>
      <App feedUrl={feedUrl} queryClient={queryClient} />
    </StrictMode>
  );
  if (stale || !root.hasChildNodes()) {
    createRoot(root).render(app);
    return;
  }
  // A prerendered page is on screen. Hydrate it (keeping its DOM, so nothing is painted
  // twice) once the app can render the same page: the feed (and the sanitiser, if needed) is in.
  const ready = Promise.allSettled([queryClient.prefetchInfiniteQuery(feedQueryOptions(feedUrl)), sanitiser]);
  await Promise.race([ready, new Promise((r) => setTimeout(r, 5000))]);
  startTransition(() => {
    hydrateRoot(root, app, {
      // If the live feed no longer matches the prerendered page, React renders the page afresh:
      // expected, not an error for the reader's console.
      onRecoverableError: () => undefined,
    });
  });
}

const root = document.getElementById('root');
if (root) void start(root);
