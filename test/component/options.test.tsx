import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { safeLocalStorage } from '../../src/lib/storage';
import { embeddedRoutes, FEED_URL, memoryStorage, renderApp, SEED } from '../support/render-app';

const KEY = 'bulletin:preferences';
const stored = (s: ReturnType<typeof memoryStorage>) => JSON.parse(s.data.get(KEY) ?? 'null') as Record<string, unknown> | null;

describe('Text size', () => {
  it('offers Default, Large and Largest in a labelled group with the state exposed, and remembers the choice', async () => {
    const storage = memoryStorage();
    const { user } = renderApp({ storage });
    const group = await screen.findByRole('group', { name: 'Text size' });
    const [def, large, largest] = ['Default', 'Large', 'Largest'].map((name) => within(group).getByRole('button', { name }));
    expect(def).toHaveAttribute('aria-pressed', 'true');
    expect(largest).toHaveAttribute('aria-pressed', 'false');
    await user.click(largest as HTMLElement);
    expect(largest).toHaveAttribute('aria-pressed', 'true');
    expect(def).toHaveAttribute('aria-pressed', 'false');
    expect(document.documentElement.dataset.textSize).toBe('largest');
    expect(stored(storage)).toEqual({ version: 1, textSize: 'largest', textOnly: false, postcode: null, area: null, summary: null });
    await user.click(large as HTMLElement);
    expect(document.documentElement.dataset.textSize).toBe('large');
  });

  it('starts from what was stored', async () => {
    renderApp({ storage: memoryStorage({ [KEY]: JSON.stringify({ version: 1, textSize: 'large', textOnly: true, postcode: null }) }) });
    expect(await screen.findByRole('button', { name: 'Large' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Text only' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('follows a change made in another tab', async () => {
    renderApp({ storage: memoryStorage() });
    act(() => {
      window.dispatchEvent(
        new StorageEvent('storage', { key: KEY, newValue: JSON.stringify({ version: 1, textSize: 'largest', textOnly: true, postcode: null }) }),
      );
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Largest' })).toHaveAttribute('aria-pressed', 'true'));
    expect(document.documentElement).toHaveAttribute('data-text-only');
  });
});

describe('Text only', () => {
  it('is a toggle with its state exposed that stays reachable to switch back', async () => {
    const { user } = renderApp();
    const toggle = screen.getByRole('button', { name: 'Text only' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement).toHaveAttribute('data-text-only');
    await user.click(screen.getByRole('button', { name: 'Text only' }));
    expect(document.documentElement).not.toHaveAttribute('data-text-only');
  });
});

describe('Set your postcode', () => {
  it('has a label, the hint, postal-code autocomplete and a submit button', () => {
    renderApp();
    const input = screen.getByLabelText('Set your postcode');
    expect(input).toHaveAttribute('autocomplete', 'postal-code');
    expect(input).toHaveAccessibleDescription('Enter your postcode, or just the first half, for example TS8. Only the first half and one more digit are kept, on this device.');
    expect(screen.getByRole('button', { name: 'Set postcode' })).toBeInTheDocument();
  });

  it('says "Enter a postcode" when empty and "Enter a real postcode" for nonsense, linked to the input', async () => {
    const storage = memoryStorage();
    const { user } = renderApp({ storage });
    const input = screen.getByLabelText('Set your postcode');
    await user.click(screen.getByRole('button', { name: 'Set postcode' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Error: Enter a postcode');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/Enter a postcode/);
    expect(input).toHaveFocus();
    await user.type(input, 'zz99 zzz{Enter}');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Error: Enter a real postcode, or just the first half, like TS8'));
    expect(input).toHaveValue('zz99 zzz');
    expect(storage.data.has(KEY)).toBe(false);
  });

  it('keeps only the sector of a full postcode, says which area it personalises for, and announces it politely', async () => {
    const { storage } = await renderAndSet('ts1-2ab ');
    expect(await screen.findByText(/^Showing news for/)).toHaveTextContent('Showing news for Middlesbrough (TS1 2)');
    expect(stored(storage)?.postcode).toBe('TS1 2');
    expect(storage.data.get(KEY)).not.toContain('2AB');
    const status = screen.getAllByRole('status').find((s) => s.textContent?.includes('Postcode saved'));
    expect(status).toHaveTextContent('Postcode saved. Showing news for Middlesbrough (TS1 2).');
    expect(status).not.toHaveFocus();
    expect(await screen.findByRole('heading', { name: 'News for Middlesbrough' })).toBeInTheDocument();
  });

  it('keeps a valid postcode outside every area and says there is no local news for it yet', async () => {
    const { storage } = await renderAndSet('DL1 1AA');
    expect(await screen.findByText(/Your postcode DL1 1 is outside the areas this newsroom covers/)).toBeInTheDocument();
    expect(stored(storage)?.postcode).toBe('DL1 1');
    expect(screen.queryByRole('heading', { name: /^News for/ })).not.toBeInTheDocument();
  });

  it('can be changed and cleared', async () => {
    const { user, storage } = await renderAndSet('TS24 8AY');
    await user.click(await screen.findByRole('button', { name: 'Change postcode' }));
    const input = screen.getByLabelText('Set your postcode');
    await user.clear(input);
    await user.type(input, 'ts18 1ld{Enter}');
    await waitFor(() => expect(screen.getByText(/^Showing news for/)).toHaveTextContent('Showing news for Stockton-on-Tees (TS18 1)'));
    // The folded options' line is kept with the postcode, for the next page to hold its place.
    await waitFor(() => expect(stored(storage)?.summary).toBe('News for Stockton-on-Tees (TS18 1), Change'));
    await user.click(screen.getByRole('button', { name: 'Clear postcode' }));
    expect(screen.getByLabelText('Set your postcode')).toHaveValue('');
    // With the postcode gone every option is its default again: nothing of the reader's is kept.
    expect(storage.data.has(KEY)).toBe(false);
  });

  it('keeps the keyboard in the form as it swaps: on Change once saved, in the field on Change and Clear, on Change after Cancel', async () => {
    const { user } = await renderAndSet('TS24 8AY');
    // Focused as the summary is shown, not a frame later: a key pressed at once must not land on the page's body.
    await screen.findByText('Postcode saved. Showing news for Hartlepool (TS24 8).');
    const change = screen.getByRole('button', { name: 'Change postcode' });
    expect(change).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('Set your postcode')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Change postcode' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Clear postcode' }));
    expect(screen.getByLabelText('Set your postcode')).toHaveFocus();
  });

  it('keeps the folded line for the next page, and leaves another tab’s wording of it alone (no tug of war through storage)', async () => {
    const storage = memoryStorage({ [KEY]: JSON.stringify({ version: 1, textSize: 'default', textOnly: false, postcode: 'TS24 8', area: null }) });
    renderApp({ storage });
    await waitFor(() => expect(stored(storage)?.summary).toBe('News for Hartlepool (TS24 8), Change'));
    // Another tab, with an older feed, words it otherwise and stores that: this tab does not write back.
    const theirs = JSON.stringify({ version: 1, textSize: 'default', textOnly: false, postcode: 'TS24 8', area: null, summary: 'News for the whole area (TS24 8), Change' });
    const writes = vi.spyOn(storage, 'set');
    act(() => {
      storage.data.set(KEY, theirs);
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: theirs }));
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(writes).not.toHaveBeenCalled();
    expect(stored(storage)?.summary).toBe('News for the whole area (TS24 8), Change');
  });

  it('takes just the first half: TS8 alone personalises, and only TS8 is kept', async () => {
    const { storage } = await renderAndSet('ts8');
    expect(await screen.findByText(/^Showing news for/)).toHaveTextContent('Showing news for Middlesbrough (TS8)');
    expect(stored(storage)).toMatchObject({ postcode: 'TS8', area: null });
    expect(await screen.findByRole('heading', { name: 'News for Middlesbrough' })).toBeInTheDocument();
  });

  it('asks which area, never guessing, where the first half alone could be in more than one', async () => {
    // In the sample, TS2 is Middlesbrough but TS2 1 is Stockton-on-Tees.
    const { user, storage } = await renderAndSet('TS2');
    const group = await screen.findByRole('group', { name: 'TS2 covers more than one of this newsroom’s areas. Which is yours?' });
    expect(screen.queryByRole('heading', { name: /^News for/ })).not.toBeInTheDocument();
    expect(screen.getByText(/Until you choose, you are seeing news from the whole area/)).toBeInTheDocument();
    const options = within(group).getAllByRole('radio');
    expect(options.map((o) => o.getAttribute('value'))).toEqual(['middlesbrough', 'stockton', '']);
    expect(within(group).getByRole('radio', { name: 'None of these: show news from the whole area' })).toBeInTheDocument();
    // Choosing nothing is an error, in the GOV.UK pattern.
    await user.click(screen.getByRole('button', { name: 'Choose area' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Error: Choose your area, or none of these');
    await user.click(within(group).getByRole('radio', { name: 'Stockton-on-Tees' }));
    await user.click(screen.getByRole('button', { name: 'Choose area' }));
    expect(await screen.findByRole('heading', { name: 'News for Stockton-on-Tees' })).toBeInTheDocument();
    expect(screen.getByText(/^Showing news for/)).toHaveTextContent('Showing news for Stockton-on-Tees (TS2)');
    expect(stored(storage)).toMatchObject({ postcode: 'TS2', area: 'stockton' });
    expect(screen.queryByRole('group', { name: /Which is yours/ })).not.toBeInTheDocument();
  });

  it('reduces a full postcode stored by an earlier version to its sector on load', async () => {
    const storage = memoryStorage({ [KEY]: JSON.stringify({ version: 1, textSize: 'default', textOnly: false, postcode: 'TS24 8AY' }) });
    renderApp({ storage });
    expect(await screen.findByText(/^Showing news for/)).toHaveTextContent('Showing news for Hartlepool (TS24 8)');
    expect(stored(storage)?.postcode).toBe('TS24 8');
  });

  async function renderAndSet(value: string) {
    const storage = memoryStorage();
    const app = renderApp({ storage });
    await screen.findByRole('link', { name: SEED.title });
    await app.user.type(screen.getByLabelText('Set your postcode'), `${value}{Enter}`);
    return { ...app, storage };
  }
});

describe('Storage that fails', () => {
  it('keeps every option working for the visit when localStorage throws on every call, with no error shown', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const { user } = renderApp({ storage: safeLocalStorage });
    await user.click(screen.getByRole('button', { name: 'Largest' }));
    expect(document.documentElement.dataset.textSize).toBe('largest');
    await screen.findByRole('link', { name: SEED.title });
    await user.type(screen.getByLabelText('Set your postcode'), 'TS1 2AB{Enter}');
    expect(await screen.findByText(/^Showing news for/)).toHaveTextContent('Middlesbrough');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('reads garbage as defaults', () => {
    renderApp({ storage: memoryStorage({ [KEY]: '{not json' }) });
    expect(screen.getByRole('button', { name: 'Default' })).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('Skip to content', () => {
  it('is the first focusable element and moves focus to main', async () => {
    const { user } = renderApp();
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(skip).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
    fireEvent.blur(screen.getByRole('main'));
    expect(screen.getByRole('main')).not.toHaveAttribute('tabindex');
  });
});

describe('a kept postcode while the feed is on its way', () => {
  it('says nothing of its area until the areas are in (no "outside the areas"), keeping the line, then says it', async () => {
    let arrive: (body: Response) => void = () => {};
    const held = new Promise<Response>((resolve) => (arrive = resolve));
    const routes = embeddedRoutes();
    const body = routes[FEED_URL] as string;
    renderApp({
      storage: memoryStorage({ [KEY]: JSON.stringify({ version: 1, textSize: 'default', textOnly: false, postcode: 'TS1 2', area: null }) }),
      routes: { ...routes, [FEED_URL]: () => held },
    });
    const change = await screen.findByRole('button', { name: 'Change postcode' });
    const status = change.parentElement?.querySelector('.postcode__status');
    expect(status?.textContent).toBe('\u00a0');
    expect(screen.queryByText(/outside the areas/)).not.toBeInTheDocument();
    arrive(new Response(body, { status: 200, headers: { 'Content-Type': 'application/feed+json' } }));
    expect(await screen.findByText(/Showing news for/)).toHaveTextContent('Showing news for Middlesbrough (TS1 2)');
  });
});
