/**
 * Islands: parts of every page that are prerendered whole but only do something when used (the
 * reader's options, the header's search box). Their code is not in the entry: it is a chunk of its
 * own, loaded when the reader comes to them (a pointer over them, a touch, focus inside), at once
 * where `eager`, or at once where there is no prerendered HTML (the island's element is empty).
 *
 * Until then the app's own tree keeps the island's HTML as the build wrote it and does not hydrate
 * it (an element with empty inner HTML, which React leaves alone). Once the chunk is in, the island
 * is hydrated as a React root of its own over the same elements, so focus and anything typed stay
 * where they are. Where there is no HTML to keep (a page the app renders afresh or itself), the
 * island is simply part of the app's tree, once its chunk is in (src/boot/main.tsx loads the
 * options' first, so a page rendered afresh has them at once). A press or a submit made before that is held and made again once the island can
 * take it: nothing the reader does is lost. docs/architecture.md, "Islands".
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import type { Chunk } from './chunk';
import { useIsClient } from './useIsClient';

/** Inner HTML React never writes again (the same empty string every time), keeping the prerendered island. */
const KEEP = { __html: '' };
/**
 * Each island's root, by its element (one per element, whatever React's development mode does twice):
 * whether it has hydrated, and what to render once it has (a root given an update before it has
 * hydrated gives up the page's HTML and renders afresh: React's error 424).
 */
interface IslandRoot {
  root: Root;
  ready: boolean;
  next: ReactNode;
}
const roots = new WeakMap<Element, IslandRoot>();
/** What says the reader is about to use an island (its code is fetched then), or is using it (a press, a submit: held). */
const ARM = ['focusin', 'pointerover', 'touchstart', 'click', 'submit'] as const;

/** Calls `onReady` once the island is hydrated (it renders nothing of its own). */
function Ready({ onReady, children }: { onReady: () => void; children: ReactNode }) {
  useEffect(onReady, [onReady]);
  return children;
}

export interface IslandProps<M> {
  /** The island's code. */
  of: Chunk<M>;
  /** Load it at once (the reader has used it before: their stored options need it). */
  eager?: boolean;
  /** The island from its loaded chunk. The build loads the chunk before it renders (src/boot/prerender.tsx), so the page has it. */
  render: (loaded: M) => ReactNode;
}

export function Island<M>({ of, eager = false, render }: IslandProps<M>) {
  const ref = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState(() => of.loaded());
  // Rendered by the app, not hydrated (no HTML of the page's to keep), the island is part of the
  // app's own tree: at once where its code is in already, else once it is.
  const client = useIsClient();
  const [inline, setInline] = useState(() => client && loaded !== null);
  const held = useRef<(() => void) | null>(null);
  const replay = useCallback(() => {
    const island = ref.current ? roots.get(ref.current) : undefined;
    if (island && !island.ready) {
      island.ready = true;
      if (island.next) island.root.render(island.next);
      island.next = null;
    }
    const again = held.current;
    held.current = null;
    again?.();
  }, []);

  // Until its code is in: fetch it when the reader comes near, and hold a press or a submit.
  useEffect(() => {
    const el = ref.current;
    if (!el || loaded || inline) return;
    // A failure is tried again the next time the reader comes near; a held press waits for it.
    const load = () => void of.load().then((m) => setLoaded(() => m), () => undefined);
    const arm = (event: Event) => {
      load();
      const target = event.target as Element;
      const form = event.type === 'submit' ? (target as HTMLFormElement) : null;
      const button = event.type === 'click' ? target.closest('button') : null;
      if (!form && !button) return;
      event.preventDefault();
      event.stopPropagation();
      held.current = () => (form ? form.requestSubmit() : button?.click());
    };
    if (eager || !el.firstChild) load();
    for (const type of ARM) el.addEventListener(type, arm, true);
    return () => {
      for (const type of ARM) el.removeEventListener(type, arm, true);
    };
  }, [of, eager, loaded, inline]);

  // Its code is in: hydrate it over the page's HTML, and keep it in step with the app (or, with no
  // HTML to keep, render it in the app's tree).
  useEffect(() => {
    const el = ref.current;
    if (!el || !loaded || inline) return;
    const island = <Ready onReady={replay}>{render(loaded)}</Ready>;
    const had = roots.get(el);
    if (had?.ready) had.root.render(island);
    else if (had) had.next = island; // rendered once it has hydrated
    else if (el.firstChild) roots.set(el, { root: hydrateRoot(el, island), ready: false, next: null });
  });
  useEffect(() => {
    const el = ref.current;
    if (el && loaded && !el.firstChild && !roots.has(el)) setInline(true);
  }, [loaded]);

  // Gone from the page (not merely rendered again): its root goes too, once React is done with this one.
  useEffect(() => {
    const el = ref.current;
    return () => {
      setTimeout(() => {
        if (!el || el.isConnected) return;
        roots.get(el)?.root.unmount();
        roots.delete(el);
      });
    };
  }, []);

  if (import.meta.env.SSR || inline) return <div key="inline" className="island">{loaded && render(loaded)}</div>;
  return <div key="kept" ref={ref} className="island" dangerouslySetInnerHTML={KEEP} suppressHydrationWarning />;
}
