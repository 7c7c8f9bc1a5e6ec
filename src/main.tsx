import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './app/App';
import { defaultFeedUrl } from './feed/config';
import { applyToDocument, readStoredPreferences } from './preferences';
import './styles/main.css';

// Options apply before the first paint: no flash of the default text size.
applyToDocument(readStoredPreferences());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App feedUrl={defaultFeedUrl()} queryClient={createQueryClient()} />
    </StrictMode>,
  );
}
