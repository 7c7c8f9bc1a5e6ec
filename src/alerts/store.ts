/**
 * Dismissals, through the project's storage that never throws. Kept for the session in memory
 * too, so that with storage disabled or full a dismissal still holds until the page is closed.
 */
import type { SafeStorage } from '../lib/storage';
import { DISMISSED_KEY, MAX_DISMISSED, parseDismissed } from './dismissed';

/** This visit's dismissals, for each storage (tests bring their own). */
const memory = new WeakMap<SafeStorage, string[]>();

export function readDismissals(storage: SafeStorage): Set<string> {
  return new Set([...parseDismissed(storage.get(DISMISSED_KEY)), ...(memory.get(storage) ?? [])]);
}

/** Adds `key`; keeps only keys of alerts still in the feed (`inFeed`), at most MAX_DISMISSED. */
export function dismiss(storage: SafeStorage, key: string, inFeed: readonly string[]): Set<string> {
  const next = [...readDismissals(storage)].filter((k) => k !== key && inFeed.includes(k));
  next.push(key);
  const kept = next.slice(-MAX_DISMISSED);
  memory.set(storage, kept);
  storage.set(DISMISSED_KEY, JSON.stringify(kept));
  return new Set(kept);
}
