import { onlineManager } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './app/App';
import { loadArticleBody } from './article';
import { defaultFeedUrl } from './feed/config';
import { applyToDocument, readStoredPreferences } from './preferences';
import './styles/main.css';

// Options apply before the first paint: no flash of the default text size.
applyToDocument(readStoredPreferences());

// A direct load of an article needs the article body (and its sanitiser) at once: start
// fetching that chunk now, alongside the feed, rather than after the feed has arrived.
if (/^\/(news|events)\/[^/]+/.test(window.location.pathname.slice(import.meta.env.BASE_URL.length - 1))) {
  void loadArticleBody();
}

// TanStack Query assumes it starts online; a page loaded offline must know, so that coming back
// online refetches the feed.
onlineManager.setOnline(navigator.onLine);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App feedUrl={defaultFeedUrl()} queryClient={createQueryClient()} />
    </StrictMode>,
  );
}
