import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { READING_ATTRIBUTE } from '../../src/listen';
import { FakeSpeech, installFakeSpeech, voice } from '../support/fake-speech';
import { renderApp, SEED } from '../support/render-app';

let uninstall: () => void = () => undefined;
afterEach(() => {
  uninstall();
  document.documentElement.removeAttribute('lang');
});

async function listenRegion() {
  return screen.findByRole('region', { name: 'Listen to this release' });
}

/** Lets the events a cancel() fires arrive (a moment later, as in Chrome). */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 5)));

function marked(): Element[] {
  return [...document.querySelectorAll(`[${READING_ATTRIBUTE}]`)];
}

describe('Listen to this release: where it shows', () => {
  it('is not there where the browser has no speech synthesis', async () => {
    renderApp({ path: SEED.path });
    await screen.findByRole('heading', { name: 'Share this' });
    // Long enough for a chunk to have loaded, had it been asked for.
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByRole('region', { name: 'Listen to this release' })).not.toBeInTheDocument();
  });

  it('shows only once a voice is there, and then after the body', async () => {
    const speech = new FakeSpeech([]);
    uninstall = installFakeSpeech(speech);
    renderApp({ path: SEED.path });
    await screen.findByRole('heading', { name: 'Share this' });
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByRole('region', { name: 'Listen to this release' })).not.toBeInTheDocument();
    act(() => speech.setVoices([voice('en-GB')]));
    const region = await listenRegion();
    const body = document.querySelector('.prose');
    expect(body && body.compareDocumentPosition(region) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(region).getByRole('button', { name: 'Play' })).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: 'Stop' })).toHaveAttribute('aria-disabled', 'true');
    expect(within(region).getByRole('combobox', { name: 'Speed' })).toHaveValue('1');
  });
});

describe('Listen to this release: reading', () => {
  let speech: FakeSpeech;
  beforeEach(() => {
    document.documentElement.lang = 'en-GB';
    speech = new FakeSpeech([voice('en-US', { name: 'US' }), voice('en-GB', { name: 'GB online', localService: false }), voice('en-GB', { name: 'GB here' })]);
    uninstall = installFakeSpeech(speech);
  });

  it('plays, pauses, resumes and stops by keyboard, in order, one block at a time, marking each', async () => {
    const { user } = renderApp({ path: SEED.path });
    const region = await listenRegion();
    const toggle = within(region).getByRole('button', { name: 'Play' });
    const stop = within(region).getByRole('button', { name: 'Stop' });
    const status = within(region).getByRole('status');
    toggle.focus();
    await user.keyboard('{Enter}');

    expect(speech.texts()).toEqual([SEED.title]);
    expect(speech.spoken[0]).toMatchObject({ lang: 'en-GB', rate: 1, voice: { name: 'GB here' } });
    expect(toggle).toHaveAccessibleName('Pause');
    expect(toggle).toHaveFocus();
    expect(stop).toHaveAttribute('aria-disabled', 'false');
    expect(status).toHaveTextContent('Reading aloud');
    expect(marked()).toEqual([screen.getByRole('heading', { level: 1 })]);

    act(() => speech.finish());
    act(() => speech.finish());
    expect(speech.texts()).toEqual([SEED.title, SEED.posted, expect.stringMatching(/^Her Majesty’s Inspectorate/)]);
    expect(within(region).getByText('Reading part 3 of 22')).toBeInTheDocument();
    // The status is not redone for each block.
    expect(status).toHaveTextContent(/^Reading aloud$/);
    expect(marked()).toHaveLength(1);
    expect(marked()[0]).toHaveTextContent(/^Her Majesty’s Inspectorate/);

    await user.keyboard('{Enter}');
    await settle();
    expect(toggle).toHaveAccessibleName('Resume');
    expect(status).toHaveTextContent('Paused at part 3 of 22');
    expect(speech.calls.at(-1)).toBe('cancel');
    // The cancelled utterance's error moved nothing on.
    expect(speech.spoken).toHaveLength(3);
    expect(marked()[0]).toHaveTextContent(/^Her Majesty’s Inspectorate/);

    await user.keyboard('{Enter}');
    expect(toggle).toHaveAccessibleName('Pause');
    expect(status).toHaveTextContent('Reading aloud from part 3 of 22');
    expect(speech.texts().slice(3)).toEqual([expect.stringMatching(/^Her Majesty’s Inspectorate/)]);
    act(() => speech.finish());
    expect(speech.texts()[4]).toMatch(/^The force was given/);

    await user.tab();
    expect(stop).toHaveFocus();
    await user.keyboard('{Enter}');
    await settle();
    expect(status).toHaveTextContent('Stopped');
    expect(toggle).toHaveAccessibleName('Play');
    expect(stop).toHaveAttribute('aria-disabled', 'true');
    expect(stop).toHaveFocus();
    expect(marked()).toEqual([]);
    expect(speech.speaking).toBe(false);
    // Stop again does nothing.
    await user.keyboard('{Enter}');
    expect(speech.spoken).toHaveLength(5);
  });

  it('reads to the end, the quote introduced by its speaker, and says it has finished', async () => {
    const { user } = renderApp({ path: SEED.path });
    const region = await listenRegion();
    await user.click(within(region).getByRole('button', { name: 'Play' }));
    for (let i = 0; i < 22; i += 1) act(() => speech.finish());
    expect(speech.texts()).toHaveLength(22);
    expect(speech.texts()[5]).toMatch(/^Barry Coppinger said: I am delighted/);
    expect(within(region).getByRole('status')).toHaveTextContent('Finished');
    expect(within(region).getByRole('button', { name: 'Play' })).toBeInTheDocument();
    expect(marked()).toEqual([]);
  });

  it('applies a new speed at once, starting the block being read again', async () => {
    const { user } = renderApp({ path: SEED.path });
    const region = await listenRegion();
    await user.click(within(region).getByRole('button', { name: 'Play' }));
    act(() => speech.finish());
    await user.selectOptions(within(region).getByRole('combobox', { name: 'Speed' }), '1.25 times');
    await settle();
    expect(speech.spoken.map((u) => [u.text, u.rate])).toEqual([
      [SEED.title, 1],
      [SEED.posted, 1],
      [SEED.posted, 1.25],
    ]);
    act(() => speech.finish());
    expect(speech.spoken.at(-1)?.rate).toBe(1.25);
    // Paused, a new speed waits for Resume.
    await user.click(within(region).getByRole('button', { name: 'Pause' }));
    await settle();
    await user.selectOptions(within(region).getByRole('combobox', { name: 'Speed' }), '0.75 times');
    expect(speech.spoken).toHaveLength(4);
    await user.click(within(region).getByRole('button', { name: 'Resume' }));
    expect(speech.spoken.at(-1)?.rate).toBe(0.75);
  });

  it('stops and takes the mark away when the reader leaves the release', async () => {
    const { user } = renderApp({ path: SEED.path });
    const region = await listenRegion();
    await user.click(within(region).getByRole('button', { name: 'Play' }));
    act(() => speech.finish());
    expect(marked()).toHaveLength(1);
    await user.click(screen.getByRole('link', { name: 'All news' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Listen to this release' })).not.toBeInTheDocument());
    expect(speech.calls.at(-1)).toBe('cancel');
    expect(speech.speaking).toBe(false);
    expect(speech.spoken).toHaveLength(2);
  });

  it('pauses where something else cancelled the speech, to be resumed there', async () => {
    const { user } = renderApp({ path: SEED.path });
    const region = await listenRegion();
    await user.click(within(region).getByRole('button', { name: 'Play' }));
    act(() => speech.cancel());
    await settle();
    expect(within(region).getByRole('button', { name: 'Resume' })).toBeInTheDocument();
    expect(within(region).getByRole('status')).toHaveTextContent('Paused at part 1 of 22');
    expect(speech.spoken).toHaveLength(1);
  });
});
