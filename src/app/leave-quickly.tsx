/**
 * The safety advice page ("Leaving this site quickly") is a chunk of its own, behind a module
 * cache like the lists (./lists.tsx): the start-up path loads it before it hydrates that address,
 * and the build before it prerenders.
 */
import { matchPath } from 'react-router';
import { paths } from '../config/paths';
import { chunk, useChunk } from '../lib/chunk';
import { Loading } from '../ui/Loading';
import { PageHeading } from '../ui/PageHeading';

type Module = typeof import('./LeaveQuicklyPage');

const page = chunk<Module>(() => import('./LeaveQuicklyPage'));

export const loadLeaveQuickly = (): Promise<Module> => page.load();

export function isLeaveQuicklyPath(pathname: string): boolean {
  return matchPath(paths.leaveQuickly.pattern, pathname) !== null;
}

export function LeaveQuicklyRoute() {
  const loaded = useChunk(page);
  if (!loaded) {
    return (
      <>
        <PageHeading>Leaving this site quickly</PageHeading>
        <Loading label="Loading…" lines={4} />
      </>
    );
  }
  return <loaded.LeaveQuicklyPage />;
}
