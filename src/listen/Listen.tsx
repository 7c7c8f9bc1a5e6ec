/**
 * "Listen to this release": the page read aloud by the browser's own speech synthesis (no third
 * party; with a voice on the device it works offline). What is read is ./reading.ts's, how it is
 * spoken ./reader.ts's; this is the controls: Play, then Pause and Resume on that same button (so
 * focus stays on it), Stop, and the speed. A polite status says when reading starts, pauses,
 * stops or finishes, never on every block; the block being read is shown beside the controls.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { createReader, type ReaderState } from './reader';
import { readingOrder, type ReadableParts } from './reading';
import { browserSynth, useVoices } from './voices';
import stylesHref from './listen.css?url';
import { loadStylesheet } from '../lib/stylesheet';

/** Its styles (the controls, the block being read), added to the page with the chunk. */
export function loadStyles(): Promise<void> {
  return loadStylesheet(stylesHref);
}

export const RATES = [
  { value: 0.75, label: '0.75 times' },
  { value: 1, label: 'Normal' },
  { value: 1.25, label: '1.25 times' },
  { value: 1.5, label: '1.5 times' },
] as const;

export interface ListenProps {
  /** Finds what is read, from the controls' own element (they sit inside the release). */
  findParts: (from: Element) => ReadableParts;
}

/** The controls, where the browser can speak: nothing where it has no speech synthesis or no voice. */
export function Listen({ findParts }: ListenProps) {
  const [synth] = useState(browserSynth);
  const voices = useVoices(synth);
  if (!synth || voices.length === 0) return null;
  return <Player synth={synth} voices={voices} findParts={findParts} />;
}

function statusOf({ mode, at, total, ended }: ReaderState, started: boolean): string {
  if (mode === 'reading') return started ? `Reading aloud from part ${at + 1} of ${total}` : '';
  if (mode === 'paused') {
    if (ended === 'failed') return `Stopped at part ${at + 1} of ${total}: the browser could not read it aloud`;
    return `Paused at part ${at + 1} of ${total}`;
  }
  if (ended === 'finished') return 'Finished';
  if (ended === 'stopped') return 'Stopped';
  return '';
}

function Player({ synth, voices, findParts }: ListenProps & { synth: SpeechSynthesis; voices: readonly SpeechSynthesisVoice[] }) {
  const id = useId();
  const root = useRef<HTMLElement>(null);
  const [state, setState] = useState<ReaderState>({ mode: 'idle', at: 0, total: 0, ended: null });
  // The status announces a change of state: the start of a run or a resume, not each block.
  const [status, setStatus] = useState('');
  const [rate, setRate] = useState(1);
  const [reader] = useState(() =>
    createReader(synth, (next) => {
      setState(next);
      if (next.mode !== 'reading') setStatus(statusOf(next, false));
    }),
  );
  useEffect(() => reader.setVoices(voices), [reader, voices]);
  // Leaving the release (or the page) stops the reading and takes the mark away.
  useEffect(() => {
    const leave = () => reader.dispose();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [reader]);

  const { mode, at, total } = state;
  const play = () => {
    if (!root.current) return;
    reader.play(readingOrder(findParts(root.current)));
    setStatus('Reading aloud');
  };
  const resume = () => {
    reader.resume();
    setStatus(`Reading aloud from part ${at + 1} of ${total}`);
  };
  const toggle =
    mode === 'reading' ? { name: 'Pause', act: () => reader.pause() } : mode === 'paused' ? { name: 'Resume', act: resume } : { name: 'Play', act: play };
  const heading = `${id}-heading`;
  return (
    <section ref={root} className="listen" aria-labelledby={heading}>
      <h2 className="heading-m" id={heading}>
        Listen to this release
      </h2>
      <div className="listen__controls">
        <button type="button" className="button" onClick={toggle.act}>
          {toggle.name}
        </button>
        <button type="button" className="button button--secondary" aria-disabled={mode === 'idle'} onClick={() => reader.stop()}>
          Stop
        </button>
        <span className="listen__rate">
          <label htmlFor={`${id}-rate`}>Speed</label>
          <select
            className="control"
            id={`${id}-rate`}
            value={rate}
            onChange={(event) => {
              const value = Number(event.target.value);
              setRate(value);
              reader.setRate(value);
            }}
          >
            {RATES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </span>
      </div>
      <p className="listen__progress">{mode === 'idle' ? '' : `${mode === 'paused' ? 'Paused at' : 'Reading'} part ${at + 1} of ${total}`}</p>
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </section>
  );
}
