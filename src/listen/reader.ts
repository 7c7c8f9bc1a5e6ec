/**
 * Reading aloud, apart from React: a list of utterances spoken one at a time by the browser's
 * speech synthesis, so that each is short (some builds of Chrome stop a long one after about 15
 * seconds). Pausing stops at a block and resuming starts that block again (pause() is not kept
 * by every engine); a change of speed starts the block being read again at the new speed.
 *
 * Every utterance belongs to one run (a number): `cancel()` makes some browsers fire `end` or
 * `error` on the utterance it cancelled, and those of an earlier run are ignored.
 */
import type { Utterance } from './reading';
import { voiceFor } from './voices';

/** The attribute on the block being read (styled in listen.css). */
export const READING_ATTRIBUTE = 'data-listen-reading';

export type Mode = 'idle' | 'reading' | 'paused';

export interface ReaderState {
  mode: Mode;
  /** The block being read (or paused at), from 0. */
  at: number;
  total: number;
  /** How the last change ended: 'finished' after the last block, 'failed' when the browser could not speak. */
  ended: 'finished' | 'stopped' | 'failed' | 'interrupted' | null;
}

export interface Reader {
  play(utterances: Utterance[]): void;
  pause(): void;
  resume(): void;
  stop(): void;
  setRate(rate: number): void;
  setVoices(voices: readonly SpeechSynthesisVoice[]): void;
  /** Stops without telling anyone (the reader has left). */
  dispose(): void;
}

function mark(previous: Element | null, element: Element | null): Element | null {
  previous?.removeAttribute(READING_ATTRIBUTE);
  if (!element) return null;
  element.setAttribute(READING_ATTRIBUTE, '');
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  // Kept in view, focus staying where the reader left it: scrolled as little as will show it,
  // or, when it is taller than the window (large text on a phone), to its start.
  const fits = element.getBoundingClientRect().height <= window.innerHeight;
  element.scrollIntoView?.({ block: fits ? 'nearest' : 'start', behavior: reduce ? 'auto' : 'smooth' });
  return element;
}

export function createReader(synth: SpeechSynthesis, onChange: (state: ReaderState) => void, rate = 1): Reader {
  let run = 0;
  let list: Utterance[] = [];
  let state: ReaderState = { mode: 'idle', at: 0, total: 0, ended: null };
  let marked: Element | null = null;
  let voices: readonly SpeechSynthesisVoice[] = [];
  let keepAlive: number | undefined;

  const set = (next: Partial<ReaderState>) => {
    state = { ...state, ...next };
    onChange(state);
  };

  /** Ends the current run: nothing of it is heard or acted on any more. */
  const silence = () => {
    run += 1;
    window.clearInterval(keepAlive);
    keepAlive = undefined;
    if (synth.speaking || synth.pending) synth.cancel();
  };

  const end = (ended: ReaderState['ended'], mode: Mode = 'idle') => {
    silence();
    if (mode === 'idle') marked = mark(marked, null);
    set({ mode, at: mode === 'idle' ? 0 : state.at, ended });
  };

  const speak = (index: number) => {
    const item = list[index];
    if (!item) return end('finished');
    const current = ++run;
    const utterance = new SpeechSynthesisUtterance(item.text);
    const lang = item.element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
    utterance.lang = lang;
    const voice = voiceFor(voices, lang);
    if (voice) utterance.voice = voice;
    utterance.rate = rate;
    utterance.addEventListener('end', () => {
      if (run === current) speak(index + 1);
    });
    utterance.addEventListener('error', (event) => {
      if (run !== current) return;
      // Cancelled by something else (the system, another tab): paused there, to be resumed.
      end(event.error === 'interrupted' || event.error === 'canceled' ? 'interrupted' : 'failed', 'paused');
    });
    marked = mark(marked, item.element);
    set({ mode: 'reading', at: index, ended: null });
    // Some builds of Chrome fall silent after about 15 seconds with an online voice: a pause and
    // resume every 10 seconds keeps them going (voices on the device never need it).
    if (voice?.localService === false && keepAlive === undefined) {
      keepAlive = window.setInterval(() => {
        if (synth.speaking && !synth.paused) {
          synth.pause();
          synth.resume();
        }
      }, 10_000);
    }
    synth.speak(utterance);
  };

  return {
    play(utterances) {
      silence();
      list = utterances;
      set({ total: utterances.length });
      speak(0);
    },
    pause() {
      if (state.mode === 'reading') end(null, 'paused');
    },
    resume() {
      if (state.mode !== 'paused') return;
      silence();
      speak(state.at);
    },
    stop() {
      if (state.mode !== 'idle') end('stopped');
    },
    setRate(value) {
      rate = value;
      if (state.mode !== 'reading') return;
      silence();
      speak(state.at);
    },
    setVoices(value) {
      voices = value;
    },
    dispose() {
      if (state.mode !== 'idle') silence();
      marked = mark(marked, null);
      state = { ...state, mode: 'idle' };
    },
  };
}
