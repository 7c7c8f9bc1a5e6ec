/**
 * The lists (src/news: latest news, an area's view, older pages, events, and Subscribe) are a chunk of their own:
 * a direct load of a release, the page people share most, does not pay for them. A module cache
 * rather than React.lazy, so that a chunk already loaded renders at once (hydration needs the
 * same markup as the prerendered page, with no suspense): the start-up path loads the chunk
 * before it hydrates or renders a list's address (src/boot/main.tsx), and the build before it
 * prerenders (src/boot/prerender.tsx).
 */
import { matchPath } from 'react-router';
import { paths } from '../config/paths';
import { chunk, useChunk } from '../lib/chunk';
import { Loading } from '../ui/Loading';
import { PageHeading } from '../ui/PageHeading';
import { quickExitUrl } from '../lib/quick-exit';

type Lists = typeof import('../news');
type ListPage = 'NewsListPage' | 'AreaNewsPage' | 'OlderNewsPage' | 'EventsPage' | 'SubscribePage';

const lists = chunk<Lists>(() => import('../news'));

/** Loads the lists' chunk (once; again after a failure). */
export const loadLists = (): Promise<Lists> => lists.load();

/** Until a page's chunk is in: its heading and a loading message. */
export function ChunkLoading({ heading }: { heading: string }) {
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <Loading label="Loading…" lines={6} />
    </>
  );
}

type About = typeof import('../about');
const about = chunk<About>(() => import('../about'));

/** Loads the chunk of the pages about the site (the accessibility statement, what the site keeps). */
export const loadAbout = (): Promise<About> => about.load();

/** Whether an address (path only) is a page about the site. */
export function isAboutPath(pathname: string): boolean {
  return [paths.accessibility, paths.whatWeKeep].some((p) => matchPath(p.pattern, pathname) !== null);
}

/** A page about the site, once its chunk is in. */
export function AboutRoute({ page, heading }: { page: 'AccessibilityPage' | 'StoragePage'; heading: string }) {
  const loaded = useChunk(about);
  if (!loaded) return <ChunkLoading heading={heading} />;
  return page === 'StoragePage' ? <loaded.StoragePage quickExit={quickExitUrl() !== null} /> : <loaded.AccessibilityPage />;
}

/** Whether an address (path only) is one of the lists. */
export function isListPath(pathname: string): boolean {
  return [paths.news, paths.newsPage, paths.area, paths.events, paths.subscribe].some((p) => matchPath(p.pattern, pathname) !== null);
}

/** One of the lists, once its chunk is in; until then the page's heading and a loading message. */
export function ListRoute({ page, heading }: { page: ListPage; heading: string }) {
  // A chunk that cannot be loaded goes to the route's error boundary ("Try again" loads it again).
  const loaded = useChunk(lists);
  if (!loaded) return <ChunkLoading heading={heading} />;
  const Page = loaded[page];
  return <Page />;
}
