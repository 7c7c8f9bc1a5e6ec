/**
 * Every page: the chrome's header (skip link first, "Leave this site" unless the site file turns it
 * off, the header with navigation and search: ./chrome.tsx), the reader's options, main, the chrome's footer.
 */
import { useEffect } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useFeed } from '../feed';
import { Options } from '../preferences';
import { Chrome } from './chrome';
import { AlertsSlot } from './alerts';
import { RouteErrorBoundary } from './RouteErrorBoundary';
import { UpdatePrompt } from './UpdatePrompt';
import { useRouteFocus } from './useRouteFocus';

const MAIN_ID = 'main';

export function Layout() {
  const { feed } = useFeed();
  const location = useLocation();
  const announcement = useRouteFocus(MAIN_ID);
  // The app is running: its controls (the options) may now be shown and used. Until then a
  // prerendered page keeps their space but hides them (src/styles/main.css). Stale prerendered
  // markup (see src/boot/main.tsx) has been replaced: <main> may show again.
  useEffect(() => {
    const html = document.documentElement;
    html.dataset.app = '';
    if ('stale' in html.dataset) delete html.dataset.stale;
  }, []);
  return (
    <>
      <Chrome part="header" siteName={feed?.title ?? (import.meta.env.VITE_SITE_NAME as string | undefined) ?? 'News'} mainId={MAIN_ID} />
      <UpdatePrompt />
      <Options />
      <main id={MAIN_ID} className="container main">
        {/* Above every page's heading, and outside the routes: not mounted again on navigation. */}
        <AlertsSlot />
        <RouteErrorBoundary resetKey={location.pathname}>
          <Outlet />
        </RouteErrorBoundary>
      </main>
      <Chrome part="footer" siteName="" mainId={MAIN_ID} />
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </>
  );
}
