/**
 * The safety advice page ("Leaving this site quickly") is a chunk of its own, behind a module
 * cache like the lists (./lists.tsx): the start-up path loads it before it hydrates that address,
 * and the build before it prerenders. The page gives its own heading and title.
 */
import { matchPath } from 'react-router';
import { paths } from '../config/paths';
import { chunk, useChunk } from '../lib/chunk';
import { quickExitUrl } from '../lib/quick-exit';
import { ChunkLoading } from './lists';
import { LEAVE_QUICKLY_TITLE } from './leave-quickly-title';

export { LEAVE_QUICKLY_TITLE };

type Module = typeof import('./LeaveQuicklyPage');

const page = chunk<Module>(() => import('./LeaveQuicklyPage'));

export const loadLeaveQuickly = (): Promise<Module> => page.load();

export function isLeaveQuicklyPath(pathname: string): boolean {
  return matchPath(paths.leaveQuickly.pattern, pathname) !== null;
}

export function LeaveQuicklyRoute() {
  const loaded = useChunk(page);
  return loaded ? <loaded.LeaveQuicklyPage url={quickExitUrl()} /> : <ChunkLoading heading={LEAVE_QUICKLY_TITLE} />;
}
