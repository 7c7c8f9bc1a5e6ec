/**
 * Where "Listen to this release" (src/listen, a chunk of its own) goes on a release: loaded once
 * the app has started, only where the browser has speech synthesis; nothing before that, without
 * script, or when it cannot be loaded. It sits after the body, so appearing later shifts nothing
 * above it. What it reads is found here, where the release's markup is known.
 */
import { useEffect, useState } from 'react';
import { chunk } from '../lib/chunk';

type ListenModule = typeof import('../listen');
const listen = chunk<ListenModule>(() => import('../listen'));

function findParts(from: Element) {
  const article = from.closest('article');
  return {
    headline: article?.querySelector('h1') ?? null,
    posted: article?.querySelector('.article__dates p') ?? null,
    body: article?.querySelector('.prose') ?? null,
  };
}

export function ListenSlot() {
  const [loaded, setLoaded] = useState<ListenModule | null>(null);
  useEffect(() => {
    if (!('speechSynthesis' in window)) return;
    let live = true;
    listen.load().then(
      (m) => live && setLoaded(() => m),
      () => undefined, // Left out: the release reads as before.
    );
    return () => {
      live = false;
    };
  }, []);
  return loaded ? <loaded.Listen findParts={findParts} /> : null;
}
