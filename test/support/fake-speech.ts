/**
 * A stand-in for the browser's speech synthesis in jsdom (which has none): it records every
 * utterance spoken and every call made, and the test says when an utterance starts and ends.
 * Like Chrome, cancel() fires `error` ("canceled") on the utterance it cancels, a moment later.
 */
export interface FakeVoice {
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
  voiceURI: string;
}

export class FakeUtterance extends EventTarget {
  text: string;
  lang = '';
  rate = 1;
  voice: FakeVoice | null = null;
  constructor(text = '') {
    super();
    this.text = text;
  }
}

function speechEvent(type: string, error?: string): Event {
  const event = new Event(type);
  if (error) Object.defineProperty(event, 'error', { value: error });
  return event;
}

export class FakeSpeech extends EventTarget {
  spoken: FakeUtterance[] = [];
  calls: string[] = [];
  voices: FakeVoice[];
  /** The utterance being spoken (or waiting to be), if any. */
  current: FakeUtterance | null = null;
  paused = false;
  constructor(voices: FakeVoice[] = [voice('en-GB')]) {
    super();
    this.voices = voices;
  }
  get speaking() {
    return this.current !== null;
  }
  get pending() {
    return false;
  }
  getVoices() {
    return this.voices;
  }
  speak(u: FakeUtterance) {
    this.calls.push('speak');
    this.spoken.push(u);
    this.current = u;
    u.dispatchEvent(speechEvent('start'));
  }
  cancel() {
    this.calls.push('cancel');
    const u = this.current;
    this.current = null;
    if (u) setTimeout(() => u.dispatchEvent(speechEvent('error', 'canceled')), 0);
  }
  pause() {
    this.calls.push('pause');
    this.paused = true;
  }
  resume() {
    this.calls.push('resume');
    this.paused = false;
  }
  /** The utterance being spoken comes to its end. */
  finish() {
    const u = this.current;
    if (!u) throw new Error('Nothing is being spoken');
    this.current = null;
    u.dispatchEvent(speechEvent('end'));
  }
  /** Voices arrive (as they do in Chrome, after the page has loaded). */
  setVoices(voices: FakeVoice[]) {
    this.voices = voices;
    this.dispatchEvent(new Event('voiceschanged'));
  }
  /** The texts spoken, in order. */
  texts() {
    return this.spoken.map((u) => u.text);
  }
}

export function voice(lang: string, { localService = true, name = `Voice ${lang}` } = {}): FakeVoice {
  return { name, lang, localService, default: false, voiceURI: name };
}

/** Puts a stand-in on window (removed with the returned function). */
export function installFakeSpeech(speech: FakeSpeech | null = new FakeSpeech()): () => void {
  const w = window as unknown as Record<string, unknown>;
  w.speechSynthesis = speech;
  w.SpeechSynthesisUtterance = FakeUtterance;
  return () => {
    delete w.speechSynthesis;
    delete w.SpeechSynthesisUtterance;
  };
}
