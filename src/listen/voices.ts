/**
 * The browser's own speech synthesis, where it has one: its voices (which may arrive after the
 * page has loaded, with `voiceschanged`), and the voice for a language.
 */
import { useEffect, useState } from 'react';

/** The browser's speech synthesis, or null where it has none. */
export function browserSynth(): SpeechSynthesis | null {
  if (typeof window === 'undefined') return null;
  const synth = (window as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
  return synth && typeof synth.speak === 'function' && typeof window.SpeechSynthesisUtterance === 'function' ? synth : null;
}

function voicesOf(synth: SpeechSynthesis | null): readonly SpeechSynthesisVoice[] {
  try {
    return synth?.getVoices() ?? [];
  } catch {
    return [];
  }
}

/** The synthesiser's voices, kept up to date; empty where there is none. */
export function useVoices(synth: SpeechSynthesis | null): readonly SpeechSynthesisVoice[] {
  const [voices, setVoices] = useState(() => voicesOf(synth));
  useEffect(() => {
    if (!synth) return;
    const update = () => setVoices(voicesOf(synth));
    update();
    synth.addEventListener?.('voiceschanged', update);
    return () => synth.removeEventListener?.('voiceschanged', update);
  }, [synth]);
  return voices;
}

const norm = (lang: string) => lang.replace(/_/g, '-').toLowerCase();

/**
 * The voice for a language: a voice on the device (it works offline) before one of an online
 * service; among those, one for exactly that language before one for its primary language ("en"
 * for "en-GB"),
 * the browser's default first among equals. Null: none fits, and the browser chooses.
 */
export function voiceFor(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | null {
  const wanted = norm(lang);
  const primary = wanted.split('-')[0] ?? wanted;
  const score = (v: SpeechSynthesisVoice): number => {
    const own = norm(v.lang);
    const match = own === wanted ? 2 : own.split('-')[0] === primary ? 1 : 0;
    if (match === 0) return 0;
    return match + (v.localService ? 4 : 0) + (v.default ? 0.5 : 0);
  };
  let best: SpeechSynthesisVoice | null = null;
  let bestScore = 0;
  for (const v of voices) {
    const s = score(v);
    if (s > bestScore) {
      best = v;
      bestScore = s;
    }
  }
  return best;
}
