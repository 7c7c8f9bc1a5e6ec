/**
 * Where "Listen to this release" (src/listen, a chunk of its own) goes on a release: loaded once
 * the app has started, only where the browser has speech synthesis and a voice; nothing before
 * that, without script, or when it cannot be loaded. It sits after the release's content (the body, attachments and authors), so appearing later shifts nothing
 * above it. What it reads is found here, where the release's markup is known.
 */
import { useEffect, useState } from 'react';
import { chunk } from '../lib/chunk';

type ListenModule = typeof import('../listen');
// The chunk and its stylesheet: the controls show once both are in.
const listen = chunk<ListenModule>(async () => {
  const m = await import('../listen');
  await m.loadStyles();
  return m;
});

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
    // Loaded only once the browser has a voice (voices often arrive after the page): a browser
    // that cannot speak never fetches it.
    const synth = window.speechSynthesis as SpeechSynthesis | undefined;
    if (!synth?.addEventListener) return;
    let live = true;
    const load = () => {
      if (!synth.getVoices().length) return;
      synth.removeEventListener('voiceschanged', load);
      listen.load().then(
        (m) => live && setLoaded(() => m),
        () => undefined, // Left out: the release reads as before.
      );
    };
    synth.addEventListener('voiceschanged', load);
    load();
    return () => {
      live = false;
      synth.removeEventListener('voiceschanged', load);
    };
  }, []);
  return loaded ? <loaded.Listen findParts={findParts} /> : null;
}
