/** Every page: skip link first, "Leave this site" (unless the site file turns it off), header with navigation, the reader's options, main, footer. */
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { matchPath, Outlet, useLocation } from 'react-router';
import { Link } from '../ui/Link';
import { paths, samePage } from '../config/paths';
import { useFeed } from '../feed';
import { Options } from '../preferences';
import { QuickExit } from '../ui/QuickExit';
import { AlertsSlot } from './alerts';
import { HeaderSearch } from './search';
import { SkipLink } from '../ui/SkipLink';
import { RouteErrorBoundary } from './RouteErrorBoundary';
import { UpdatePrompt } from './UpdatePrompt';
import { useRouteFocus } from './useRouteFocus';

const MAIN_ID = 'main';

/** A link of the main navigation, marked as the current page on its own address and on `also`'s. */
function NavItem({ to, also, children }: { to: string; also: readonly string[]; children: ReactNode }) {
  const { pathname } = useLocation();
  const current = samePage(pathname, to) || also.some((pattern) => matchPath(pattern, pathname) !== null);
  return (
    <Link to={to} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

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
      <SkipLink targetId={MAIN_ID} />
      <header className="site-header">
        <QuickExit />
        <div className="container site-header__inner">
          <p className="site-header__name">
            <Link to={paths.news.href()} className="site-header__home">
              {feed?.title ?? (import.meta.env.VITE_SITE_NAME as string | undefined) ?? 'News'}
            </Link>
          </p>
          <nav aria-label="Main">
            <ul className="site-nav">
              <li>
                <NavItem to={paths.news.href()} also={[paths.area.pattern, paths.newsPage.pattern]}>
                  News
                </NavItem>
              </li>
              <li>
                <NavItem to={paths.events.href()} also={[paths.event.pattern]}>
                  Events
                </NavItem>
              </li>
            </ul>
          </nav>
          <HeaderSearch />
        </div>
      </header>
      <UpdatePrompt />
      <Options />
      <main id={MAIN_ID} className="container main">
        {/* Above every page's heading, and outside the routes: not mounted again on navigation. */}
        <AlertsSlot />
        <RouteErrorBoundary resetKey={location.pathname}>
          <Outlet />
        </RouteErrorBoundary>
      </main>
      <footer className="site-footer">
        <div className="container">
          <ul className="site-footer__links">
            <li>
              <Link to={paths.subscribe.href()}>Subscribe</Link>
            </li>
            <li>
              <Link to={paths.archive.href()}>Archive</Link>
            </li>
            <li>
              <Link to={paths.accessibility.href()}>Accessibility statement</Link>
            </li>
            <li>
              <Link to={paths.whatWeKeep.href()}>What this site keeps on your device</Link>
            </li>
          </ul>
          <p>Powered by Bulletin</p>
        </div>
      </footer>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </>
  );
}
