/**
 * The app's entry in the browser (index.html's module script; on a prerendered page the boot script
 * starts it after the first paint). Renders the app, or hydrates the prerendered page in place once
 * the app can render the same page.
 */
import { onlineManager } from '@tanstack/react-query';
import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App, createQueryClient } from '../app/App';
import { keepPageChrome, siteChrome } from '../app/chrome';
import { loadAlerts } from '../app/alerts';
import { isLeaveQuicklyPath, loadLeaveQuickly } from '../app/leave-quickly';
import { isAboutPath, isListPath, loadAbout, loadLists } from '../app/lists';
import { reportProblem } from '../app/report';
import { isSearchPath, loadSearchFor } from '../app/search';
import { loadSanitiser, releaseContent } from '../article';
import { isItemPath } from '../config/paths';
import { defaultFeedUrl } from '../feed';
import { optionsIsland, storesPreferences } from '../preferences';
import { readPageOnArrival, recoverableErrorHandler, whenReadyToHydrate } from './hydrate';
import '../styles/main.css';

// The live feed no longer matching the prerendered page is expected (React renders it afresh);
// any other error React recovers from is reported.
const onRecoverableError = recoverableErrorHandler(reportProblem);

async function start(root: HTMLElement): Promise<void> {
  // A reader who has stored options needs the options' chunk at once, to read them (the inline boot
  // script has put them on the page already) and show them (src/preferences/Options.tsx): fetched with the feed.
  if (storesPreferences()) void optionsIsland.load().catch(() => null);
  // TanStack Query assumes it starts online; a page loaded offline must know, so that coming back
  // online refetches the feed.
  onlineManager.setOnline(navigator.onLine);

  const feedUrl = defaultFeedUrl();
  const queryClient = createQueryClient();
  const page = readPageOnArrival(root);
  // The header and footer the build wrote are kept as they stand, even where the rest is rendered afresh (src/app/chrome.tsx).
  const hasChrome = keepPageChrome(root);
  // A prerendered release brings its content, its body sanitised at build time. Any other direct
  // load of an article needs the chunks that render a release and sanitise its body: start
  // fetching them now, alongside the feed, rather than after the feed has arrived. (A chunk that
  // fails to load here is tried again, and reported, when the release is rendered.)
  const path = window.location.pathname.slice(import.meta.env.BASE_URL.length - 1);
  const onArticle = isItemPath(path);
  const release = onArticle && !page.body.content ? Promise.all([loadSanitiser(), releaseContent.load()]).catch(() => null) : Promise.resolve(null);
  // A list's page needs the lists' chunk before it can render (or hydrate) what the HTML shows.
  // (A chunk that fails to load here is tried again, and reported, when the route renders.)
  const chunks = isListPath(path)
    ? loadLists().catch(() => null)
    : isAboutPath(path)
      ? loadAbout().catch(() => null)
      : isLeaveQuicklyPath(path)
        ? loadLeaveQuickly().catch(() => null)
        : isSearchPath(path)
          ? loadSearchFor(path, queryClient).catch(() => null)
          : null;
  // A page whose HTML shows an alert needs the banner's chunk to hydrate it as it stands.
  const banner = page.alertsInPage?.length ? loadAlerts().catch(() => null) : null;
  const app = (
    <StrictMode>
      <App feedUrl={feedUrl} queryClient={queryClient} body={page.body} feedPageHint={page.feedPageHint} areaShown={page.areaShown} alertsInPage={page.alertsInPage} />
    </StrictMode>
  );
  if (page.renderAfresh) {
    // Rendered afresh, the options have no HTML to keep until their island loads, nor the chrome
    // where the page has none of its own: their code is in first.
    await Promise.all([chunks, optionsIsland.load().catch(() => null), hasChrome ? null : siteChrome.load().catch(() => null)]);
    createRoot(root, { onRecoverableError }).render(app);
    return;
  }
  // A prerendered page is on screen and readable. Hydrate it (keeping its DOM, so nothing is painted
  // twice) once the app can render the same page.
  await whenReadyToHydrate(queryClient, feedUrl, page, Promise.all([release, chunks, banner]));
  startTransition(() => {
    hydrateRoot(root, app, { onRecoverableError });
  });
}

const root = document.getElementById('root');
if (root) void start(root);
