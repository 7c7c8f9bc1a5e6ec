/**
 * A chunk of the app loaded when first needed (a dynamic import) behind a module cache rather
 * than React.lazy: once loaded it renders at once, with no suspense, which hydrating a
 * prerendered page needs; the start-up path and the build load it before they render.
 */
import { useEffect, useState } from 'react';

export interface Chunk<M> {
  /** Loads the chunk (once; again after a failure). */
  load(): Promise<M>;
  /** The chunk, if it has loaded. */
  loaded(): M | null;
}

export function chunk<M>(importer: () => Promise<M>): Chunk<M> {
  let module: M | null = null;
  let loading: Promise<M> | null = null;
  return {
    load() {
      loading ??= importer().then(
        (m) => (module = m),
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    loaded: () => module,
  };
}

/**
 * The chunk in a component: null until it is in (it is loaded when `needed`); throws, for the
 * route's error boundary, when it cannot be loaded, but for an `optional` part (an aside the page
 * does without: null). `ready` gives one already in hand (at build time).
 */
export function useChunk<M>(of: Chunk<M>, needed = true, ready: M | null = null, optional = false): M | null {
  const [module, setModule] = useState<M | null>(() => ready ?? of.loaded());
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    if (!needed || module) return;
    let live = true;
    of.load().then(
      (m) => live && setModule(() => m),
      (error: unknown) => live && setFailure(error ?? new Error('A part of the page did not load')),
    );
    return () => {
      live = false;
    };
  }, [of, needed, module]);
  if (failure && !optional) throw failure;
  return module;
}
