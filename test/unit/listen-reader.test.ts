import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReader, READING_ATTRIBUTE, type ReaderState } from '../../src/listen/reader';
import { FakeSpeech, installFakeSpeech, voice } from '../support/fake-speech';

function blocks(...texts: string[]) {
  return texts.map((text) => {
    const p = document.createElement('p');
    p.textContent = text;
    document.body.append(p);
    return { text, element: p };
  });
}

let uninstall: () => void = () => undefined;
afterEach(() => {
  uninstall();
  vi.useRealTimers();
  document.body.replaceChildren();
});

function setUp(voices = [voice('en-GB')]) {
  const speech = new FakeSpeech(voices);
  uninstall = installFakeSpeech(speech);
  const states: ReaderState[] = [];
  const reader = createReader(speech as unknown as SpeechSynthesis, (s) => states.push(s));
  reader.setVoices(voices as unknown as SpeechSynthesisVoice[]);
  return { speech, states, reader };
}

describe('The reader', () => {
  it('keeps an online voice going with a pause and resume every 10 seconds while it speaks, and stops doing so when stopped', () => {
    vi.useFakeTimers();
    const { speech, reader } = setUp([voice('en-GB', { localService: false })]);
    reader.play(blocks('A long paragraph'));
    vi.advanceTimersByTime(10_000);
    expect(speech.calls).toEqual(['speak', 'pause', 'resume']);
    reader.stop();
    vi.advanceTimersByTime(30_000);
    expect(speech.calls).toEqual(['speak', 'pause', 'resume', 'cancel']);
  });

  it('never pauses a voice on the device', () => {
    vi.useFakeTimers();
    const { speech, reader } = setUp([voice('en-GB', { localService: true })]);
    reader.play(blocks('A long paragraph'));
    vi.advanceTimersByTime(30_000);
    expect(speech.calls).toEqual(['speak']);
  });

  it('on dispose, cancels the speech and takes the mark away, telling no one', () => {
    const { speech, states, reader } = setUp();
    const list = blocks('One', 'Two');
    reader.play(list);
    expect(list[0]?.element.hasAttribute(READING_ATTRIBUTE)).toBe(true);
    const told = states.length;
    reader.dispose();
    expect(speech.calls.at(-1)).toBe('cancel');
    expect(document.querySelectorAll(`[${READING_ATTRIBUTE}]`)).toHaveLength(0);
    expect(states).toHaveLength(told);
  });

  it('ignores the end (or error) a cancelled utterance fires later, as Chrome does', () => {
    const { speech, states, reader } = setUp();
    reader.play(blocks('One', 'Two'));
    const first = speech.current;
    reader.pause();
    first?.dispatchEvent(new Event('end'));
    first?.dispatchEvent(Object.assign(new Event('error'), { error: 'interrupted' }));
    expect(speech.texts()).toEqual(['One']);
    expect(states.at(-1)).toMatchObject({ mode: 'paused', at: 0, ended: null });
    reader.resume();
    const again = speech.current;
    reader.stop();
    again?.dispatchEvent(new Event('end'));
    expect(speech.texts()).toEqual(['One', 'One']);
    expect(states.at(-1)).toMatchObject({ mode: 'idle', ended: 'stopped' });
  });

  it('says when the browser could not speak a block, and stays there to be resumed', () => {
    const { speech, states, reader } = setUp();
    reader.play(blocks('One', 'Two'));
    speech.current?.dispatchEvent(Object.assign(new Event('error'), { error: 'synthesis-failed' }));
    expect(states.at(-1)).toMatchObject({ mode: 'paused', at: 0, ended: 'failed' });
    reader.resume();
    expect(speech.texts()).toEqual(['One', 'One']);
  });
});
