/**
 * The safety advice page ("Leaving this site quickly") is a chunk of its own, behind a module
 * cache like the lists (./lists.tsx): the start-up path loads it before it hydrates that address,
 * and the build before it prerenders.
 */
import { matchPath } from 'react-router';
import { paths } from '../config/paths';
import { useFeed } from '../feed';
import { chunk, useChunk } from '../lib/chunk';
import { useIsClient } from '../lib/useIsClient';
import { Loading } from '../ui/Loading';
import { PageHeading } from '../ui/PageHeading';
import { quickExitUrl } from '../lib/quick-exit';
import { useDocumentTitle } from '../ui/useDocumentTitle';

export const LEAVE_QUICKLY_TITLE = 'Leaving this site quickly';

type Module = typeof import('./LeaveQuicklyPage');

const page = chunk<Module>(() => import('./LeaveQuicklyPage'));

export const loadLeaveQuickly = (): Promise<Module> => page.load();

export function isLeaveQuicklyPath(pathname: string): boolean {
  return matchPath(paths.leaveQuickly.pattern, pathname) !== null;
}

export function LeaveQuicklyRoute() {
  const loaded = useChunk(page);
  const { feed } = useFeed();
  const isClient = useIsClient();
  useDocumentTitle(LEAVE_QUICKLY_TITLE, feed?.title ?? null);
  return (
    <div className="prose">
      <PageHeading>{LEAVE_QUICKLY_TITLE}</PageHeading>
      {loaded ? <loaded.LeaveQuicklyPage url={quickExitUrl()} isClient={isClient} /> : <Loading label="Loading…" lines={4} />}
    </div>
  );
}
