/**
 * The options' store reads what is stored with the options' model, which is in the options' chunk
 * (src/preferences/options-chunk.ts), not the entry: a reader who has stored nothing never loads
 * it; one who has sees the defaults until it is in, and the page is never set back to the defaults
 * meanwhile (the boot script has put their options on it). Here the chunk is one the test lets in.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SafeStorage } from '../../src/lib/storage';
import type { OptionsModel } from '../../src/preferences/options-chunk';
import { memoryStorage } from '../support/render-app';

const KEY = 'bulletin:preferences';

/** The options' chunk as the test lets it in: each `load` waits for `arrive` or `fail`; arrivals are heard as the real chunk's are. */
const chunkControl = vi.hoisted(() => {
  let module: { model: unknown } | null = null;
  let pending: { resolve: (m: { model: unknown }) => void; reject: (e: unknown) => void } | null = null;
  const arrivals = new Set<(model: unknown) => void>();
  const loads = { count: 0 };
  return {
    loads,
    reset() {
      module = null;
      pending = null;
      arrivals.clear();
      loads.count = 0;
    },
    chunk: {
      load: () => {
        loads.count += 1;
        if (module) return Promise.resolve(module);
        return new Promise<{ model: unknown }>((resolve, reject) => {
          pending = {
            resolve: (m) => {
              for (const arrived of arrivals) arrived(m.model);
              module = m;
              resolve(m);
            },
            reject,
          };
        });
      },
      loaded: () => module,
    },
    onArrival(arrived: (model: unknown) => void) {
      if (module) arrived(module.model);
      else arrivals.add(arrived);
    },
    arrive(model: unknown) {
      pending?.resolve({ model });
    },
    fail() {
      pending?.reject(new Error('Failed to fetch dynamically imported module'));
    },
  };
});

vi.mock('../../src/preferences/options-chunk', () => ({ optionsIsland: chunkControl.chunk, onArrival: chunkControl.onArrival }));

const { PreferencesProvider, usePreferences } = await import('../../src/preferences/PreferencesProvider');
type Update = ReturnType<typeof usePreferences>['update'];
const model = await vi.importActual<OptionsModel>('../../src/preferences/model');

/** The options as the store has them, and buttons that change them as the options do. */
function Shown() {
  const { textSize, postcode, update } = usePreferences();
  const changes: [string, Parameters<Update>[0]][] = [
    ['Text only', { textOnly: true }],
    ['Large', { textSize: 'large' }],
    ['Default', { textSize: 'default' }],
  ];
  return (
    <>
      <p>{`Text size ${textSize}, postcode ${postcode ?? 'none'}`}</p>
      {changes.map(([name, change]) => (
        <button key={name} type="button" onClick={() => update(change)}>
          {name}
        </button>
      ))}
    </>
  );
}
const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
/** The store over `storage`, as a page's provider has it. */
const show = (storage: SafeStorage) =>
  render(
    <PreferencesProvider storage={storage}>
      <Shown />
    </PreferencesProvider>,
  );

beforeEach(() => {
  chunkControl.reset();
  // What the inline boot script put on the page from what is stored.
  document.documentElement.setAttribute('data-text-size', 'largest');
});
afterEach(() => document.documentElement.removeAttribute('data-text-size'));

describe('The options’ store', () => {
  it('never loads the options’ chunk for a reader who has stored nothing', () => {
    show(memoryStorage());
    expect(screen.getByText('Text size default, postcode none')).toBeInTheDocument();
    expect(chunkControl.loads.count).toBe(0);
  });

  it('shows the defaults until the chunk is in, leaving the page as the boot script set it; then the stored options', async () => {
    const storage = memoryStorage({ [KEY]: JSON.stringify({ version: 1, textSize: 'largest', textOnly: false, postcode: 'TS24 8AY', area: null }) });
    show(storage);
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
    show(storage);
    await act(async () => chunkControl.fail());
    expect(screen.getByText('Text size default, postcode none')).toBeInTheDocument();
    expect(document.documentElement.getAttribute('data-text-size')).toBe('largest');
  });

  it('reads what is stored once the chunk is in after a failed load, whoever loads it, so a change keeps what was stored', async () => {
    const storage = memoryStorage({ [KEY]: JSON.stringify({ version: 1, textSize: 'largest', textOnly: false, postcode: 'TS24 8', area: null }) });
    show(storage);
    await act(async () => chunkControl.fail());
    // The reader comes to the options: the island loads the chunk again, and this time it arrives.
    await act(async () => {
      const loading = chunkControl.chunk.load();
      chunkControl.arrive(model);
      await loading;
    });
    expect(screen.getByText('Text size largest, postcode TS24 8')).toBeInTheDocument();
    press('Text only');
    expect(JSON.parse(storage.data.get(KEY) ?? '{}')).toMatchObject({ textSize: 'largest', textOnly: true, postcode: 'TS24 8' });
  });

  it('keeps nothing once every option is back to its default, and drops a stored value that holds no choice', async () => {
    const storage = memoryStorage({ [KEY]: JSON.stringify({ version: 1, textSize: 'default', textOnly: false, postcode: null, area: null }) });
    show(storage);
    await act(async () => chunkControl.arrive(model));
    expect(storage.data.has(KEY), 'the defaults are not kept').toBe(false);
    press('Large');
    expect(JSON.parse(storage.data.get(KEY) ?? '{}')).toMatchObject({ textSize: 'large' });
    press('Default');
    expect(storage.data.has(KEY), 'back to the defaults: nothing kept').toBe(false);
    // A shape a newer version wrote is left for it, though this version reads no choice in it.
    const newer = JSON.stringify({ version: 2, fontScale: 1.5 });
    expect(model.readStored(newer, storage)).toEqual(model.parsePreferences(newer));
    expect(storage.data.has(KEY)).toBe(false);
    storage.data.set(KEY, newer);
    model.readStored(newer, storage);
    expect(storage.data.get(KEY)).toBe(newer);
  });

  it('reads another tab’s change with the model, loading the chunk if it is not in yet', async () => {
    const storage = memoryStorage();
    show(storage);
    const newValue = JSON.stringify({ version: 1, textSize: 'large', textOnly: false, postcode: 'TS1', area: null });
    storage.data.set(KEY, newValue);
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue }));
    });
    expect(chunkControl.loads.count).toBe(1);
    await act(async () => chunkControl.arrive(model));
    expect(screen.getByText('Text size large, postcode TS1')).toBeInTheDocument();
    expect(document.documentElement.getAttribute('data-text-size')).toBe('large');
  });
});
