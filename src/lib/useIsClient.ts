import { useSyncExternalStore } from 'react';

const noSubscribe = () => () => {};

/**
 * False while the page is prerendered at build time, true in the browser. For parts that only
 * make sense with the reader's own address and script (sharing, for example).
 */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}
