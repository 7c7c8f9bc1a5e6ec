/**
 * Issue 12, part 5: the options fold behind "Accessibility options" on a narrow screen. Which
 * screens fold is the CSS's (test/browser/options-fold.test.ts sees it); here, what the reader's
 * tools are told: the button's name and state, what it controls, the postcode's summary, Change
 * and Escape. (jsdom has no style sheet: the folded panel is still in the DOM here.)
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { memoryStorage, renderApp } from '../support/render-app';

const KEY = 'bulletin:preferences';
const withPostcode = (postcode: string) => memoryStorage({ [KEY]: JSON.stringify({ version: 1, textSize: 'default', textOnly: false, postcode, area: null }) });
const toggle = () => screen.getByRole('button', { name: 'Accessibility options' });
const summary = () => screen.getByRole('button', { name: 'Change your postcode' }).closest('p');

describe('Accessibility options (the fold)', () => {
  it('is a button named "Accessibility options", closed at first, that controls the options region and says whether it is open', async () => {
    const { user } = renderApp();
    // The options are an island (src/lib/island.tsx): a page the app renders itself loads them at once.
    const button = await screen.findByRole('button', { name: 'Accessibility options' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    const region = screen.getByRole('region', { name: 'Accessibility options' });
    const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(panel).not.toBeNull();
    expect(region).toContainElement(panel);
    expect(within(panel as HTMLElement).getByRole('group', { name: 'Text size' })).toBeInTheDocument();
    expect(within(panel as HTMLElement).getByRole('textbox', { name: 'Set your postcode' })).toBeInTheDocument();
    expect(within(panel as HTMLElement).queryByRole('button', { name: 'Accessibility options' })).not.toBeInTheDocument();
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('Escape in the open options folds them and puts the keyboard back on the button', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Accessibility options' }));
    expect(toggle()).toHaveAttribute('aria-expanded', 'true');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Default' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(toggle()).toHaveAttribute('aria-expanded', 'false');
    expect(toggle()).toHaveFocus();
    // Closed, Escape does nothing more.
    await user.keyboard('{Escape}');
    expect(toggle()).toHaveAttribute('aria-expanded', 'false');
  });

  it('shows no summary without a postcode', async () => {
    renderApp();
    await screen.findByRole('link', { name: 'Force praised for crime prevention work' });
    expect(screen.queryByRole('button', { name: 'Change your postcode' })).not.toBeInTheDocument();
  });

  it('sums a stored postcode up on one line, showing what is kept: "News for Middlesbrough (TS8 9), Change"', async () => {
    renderApp({ storage: withPostcode('TS8 9') });
    expect(await screen.findByText(/^News for Middlesbrough \(/)).toBeInTheDocument();
    expect(summary()).toHaveTextContent(/^News for Middlesbrough \(TS8 9\), Change$/);
  });

  it('says "News for the whole area" for a postcode outside every area', async () => {
    renderApp({ storage: withPostcode('DL1 1') });
    expect(await screen.findByText(/^News for the whole area/)).toBeInTheDocument();
    expect(summary()).toHaveTextContent(/^News for the whole area \(DL1 1\), Change$/);
  });

  it('counts as open once an option is used (a text size that folds the layout leaves them open)', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Largest' }));
    expect(toggle()).toHaveAttribute('aria-expanded', 'true');
  });

  it('Change opens the options and moves the keyboard to the postcode field, holding what is kept', async () => {
    const { user } = renderApp({ storage: withPostcode('TS8 9') });
    await screen.findByText(/^News for Middlesbrough \(/);
    await user.click(screen.getByRole('button', { name: 'Change your postcode' }));
    expect(toggle()).toHaveAttribute('aria-expanded', 'true');
    const input = await screen.findByRole('textbox', { name: 'Set your postcode' });
    await expect.poll(() => document.activeElement).toBe(input);
    expect(input).toHaveValue('TS8 9');
  });
});
