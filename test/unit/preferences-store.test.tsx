/**
 * The options' store reads what is stored with the options' model, which is in the options' chunk
 * (src/preferences/options-chunk.ts), not the entry: a reader who has stored nothing never loads
 * it; one who has sees the defaults until it is in, and the page is never set back to the defaults
 * meanwhile (the boot script has put their options on it). Here the chunk is one the test lets in.
 */
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OptionsModel } from '../../src/preferences/options-chunk';
import { memoryStorage } from '../support/render-app';

const KEY = 'bulletin:preferences';

/** The options' chunk as the test lets it in: `load` waits for `arrive` or `fail`. */
const chunkControl = vi.hoisted(() => {
  let module: { model: unknown } | null = null;
  let pending: { resolve: (m: { model: unknown }) => void; reject: (e: unknown) => void } | null = null;
  const loads = { count: 0 };
  return {
    loads,
    reset() {
      module = null;
      pending = null;
      loads.count = 0;
    },
    chunk: {
      load: () => {
        loads.count += 1;
        if (module) return Promise.resolve(module);
        return new Promise<{ model: unknown }>((resolve, reject) => {
          pending = { resolve: (m) => ((module = m), resolve(m)), reject };
        });
      },
      loaded: () => module,
    },
    arrive(model: unknown) {
      pending?.resolve({ model });
    },
    fail() {
      pending?.reject(new Error('Failed to fetch dynamically imported module'));
    },
  };
});

vi.mock('../../src/preferences/options-chunk', () => ({ optionsIsland: chunkControl.chunk }));

const { PreferencesProvider, usePreferences } = await import('../../src/preferences/PreferencesProvider');
const model = await vi.importActual<OptionsModel>('../../src/preferences/model');

function Shown() {
  const { textSize, postcode } = usePreferences();
  return <p>{`Text size ${textSize}, postcode ${postcode ?? 'none'}`}</p>;
}

beforeEach(() => {
  chunkControl.reset();
  // What the inline boot script put on the page from what is stored.
  document.documentElement.setAttribute('data-text-size', 'largest');
});
afterEach(() => document.documentElement.removeAttribute('data-text-size'));

describe('The options’ store', () => {
  it('never loads the options’ chunk for a reader who has stored nothing', () => {
    render(
      <PreferencesProvider storage={memoryStorage()}>
        <Shown />
      </PreferencesProvider>,
    );
    expect(screen.getByText('Text size default, postcode none')).toBeInTheDocument();
    expect(chunkControl.loads.count).toBe(0);
  });

  it('shows the defaults until the chunk is in, leaving the page as the boot script set it; then the stored options', async () => {
    const storage = memoryStorage({ [KEY]: JSON.stringify({ version: 1, textSize: 'largest', textOnly: false, postcode: 'TS24 8AY', area: null }) });
    render(
      <PreferencesProvider storage={storage}>
        <Shown />
      </PreferencesProvider>,
    );
    expect(chunkControl.loads.count).toBe(1);
    expect(screen.getByText('Text size default, postcode none')).toBeInTheDocument();
    expect(document.documentElement.getAttribute('data-text-size'), 'not set back to the default meanwhile').toBe('largest');
    await act(async () => chunkControl.arrive(model));
    expect(screen.getByText('Text size largest, postcode TS24 8')).toBeInTheDocument();
    expect(document.documentElement.getAttribute('data-text-size')).toBe('largest');
    // A full postcode kept by an earlier version is stored again as its sector, as read.
    expect(JSON.parse(storage.data.get(KEY) ?? '{}')).toMatchObject({ postcode: 'TS24 8' });
  });

  it('keeps the page as the boot script set it when the chunk cannot be loaded', async () => {
    const storage = memoryStorage({ [KEY]: JSON.stringify({ version: 1, textSize: 'largest', textOnly: true, postcode: null, area: null }) });
    render(
      <PreferencesProvider storage={storage}>
        <Shown />
      </PreferencesProvider>,
    );
    await act(async () => chunkControl.fail());
    expect(screen.getByText('Text size default, postcode none')).toBeInTheDocument();
    expect(document.documentElement.getAttribute('data-text-size')).toBe('largest');
  });

  it('reads another tab’s change with the model, loading the chunk if it is not in yet', async () => {
    render(
      <PreferencesProvider storage={memoryStorage()}>
        <Shown />
      </PreferencesProvider>,
    );
    const newValue = JSON.stringify({ version: 1, textSize: 'large', textOnly: false, postcode: 'TS1', area: null });
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue }));
    });
    expect(chunkControl.loads.count).toBe(1);
    await act(async () => chunkControl.arrive(model));
    expect(screen.getByText('Text size large, postcode TS1')).toBeInTheDocument();
    expect(document.documentElement.getAttribute('data-text-size')).toBe('large');
  });
});
