/**
 * What is the same on every page: the skip link, "Leave this site", the header (the newsroom's
 * name, the main navigation, the search box) and the footer. Markup only, a chunk of its own: the
 * build renders it into every page, and the app keeps that HTML as it stands rather than rendering
 * it again (./chrome.tsx, which also gives it its behaviour). The app renders it itself only where
 * a page has none of its own (the dev server, a page rendered afresh).
 *
 * Its links are plain <a href>: they work without script, and ./chrome.tsx makes them navigate in
 * place once the app runs, the same whether the build or the app rendered them.
 */
import { paths } from '../config/paths';
import { QuickExit } from '../ui/QuickExit';

/**
 * The main navigation: each section's address, and the addresses where it is marked as the current
 * page (a pattern, case-insensitive, which the app reads from `data-nav` as the reader moves on:
 * ./chrome.tsx). A release is in neither: it has "All news".
 */
export const NAV_SECTIONS = {
  news: { href: paths.news.href(), pattern: '^/(area/[^/]+|news/page/[^/]+)?/?$' },
  events: { href: paths.events.href(), pattern: '^/events(/[^/]+)?/?$' },
} as const;

export type NavSection = keyof typeof NAV_SECTIONS;

/** Whether an address is in a section of the main navigation. */
export function inSection(section: NavSection, pathname: string): boolean {
  return new RegExp(NAV_SECTIONS[section].pattern, 'i').test(pathname);
}

export interface SiteHeaderProps {
  /** The newsroom's name, as the header shows it. */
  siteName: string;
  /** The page's address: its section of the main navigation is marked as the current page. */
  pathname: string;
  /** The id of <main>, which the skip link moves focus to. */
  mainId: string;
}

function NavLink({ section, pathname, children }: { section: NavSection; pathname: string; children: string }) {
  return (
    <a href={NAV_SECTIONS[section].href} data-nav={NAV_SECTIONS[section].pattern} aria-current={inSection(section, pathname) ? 'page' : undefined}>
      {children}
    </a>
  );
}

export function SiteHeader({ siteName, pathname, mainId }: SiteHeaderProps) {
  return (
    <>
      {/* GOV.UK's skip link: first in the page, hidden until focused. */}
      <a href={`#${mainId}`} className="skip-link" data-skip-link="">
        Skip to content
      </a>
      <header className="site-header">
        <QuickExit />
        <div className="container site-header__inner">
          <p className="site-header__name">
            <a href={paths.news.href()} className="site-header__home">
              {siteName}
            </a>
          </p>
          <nav aria-label="Main">
            <ul className="site-nav">
              <li>
                <NavLink section="news" pathname={pathname}>
                  News
                </NavLink>
              </li>
              <li>
                <NavLink section="events" pathname={pathname}>
                  Events
                </NavLink>
              </li>
            </ul>
          </nav>
          {/* A plain GET form to the search page: it works without script; with script it navigates in place. */}
          <form role="search" className="site-search" action={paths.search.href()} method="get">
            <label htmlFor="site-search-q" className="site-search__label">
              Search
            </label>
            <input id="site-search-q" className="control site-search__input" type="search" name="q" autoComplete="off" />
            <button type="submit" className="site-search__button">
              Go
            </button>
          </form>
        </div>
      </header>
    </>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <ul className="site-footer__links">
          <li>
            <a href={paths.subscribe.href()}>Subscribe</a>
          </li>
          <li>
            <a href={paths.archive.href()}>Archive</a>
          </li>
          <li>
            <a href={paths.accessibility.href()}>Accessibility statement</a>
          </li>
          <li>
            <a href={paths.whatWeKeep.href()}>What this site keeps on your device</a>
          </li>
        </ul>
        <p>Powered by Bulletin</p>
      </div>
    </footer>
  );
}
