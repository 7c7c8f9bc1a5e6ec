import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RouteErrorBoundary } from '../../src/app/RouteErrorBoundary';
import { paths } from '../../src/config/paths';
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { renderApp, SEED, SITE } from '../support/render-app';

describe('Moving between pages', () => {
  it('does not steal focus on the first load', async () => {
    renderApp();
    await screen.findByRole('link', { name: SEED.title });
    expect(document.body).toHaveFocus();
  });

  it('moves focus to the new page’s h1 and announces the new title', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('link', { name: SEED.title }));
    const h1 = await screen.findByRole('heading', { level: 1, name: SEED.title });
    await waitFor(() => expect(h1).toHaveFocus());
    const live = document.querySelector('[aria-live="polite"][aria-atomic="true"]');
    expect(live).toHaveTextContent(`${SEED.title} | ${SITE}`);
    await user.click(screen.getByRole('link', { name: 'Events' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Events' })).toHaveFocus());
  });
});

describe('Events', () => {
  it('lists upcoming events soonest first and past events apart, by the injected "now"', async () => {
    renderApp({ path: paths.events.href(), now: '2027-03-01T00:00:00Z' });
    const upcoming = await screen.findByRole('list', { name: 'Upcoming events' });
    const names = within(upcoming).getAllByRole('heading').map((h) => h.textContent);
    expect(names).toEqual(['PCSO drop-in at Guisborough Library', 'Youth diversion fun day in Hemlington']);
    const past = screen.getByRole('list', { name: 'Past events' });
    expect(within(past).getAllByRole('heading').map((h) => h.textContent)).toEqual([
      'Police and Crime Panel: public meeting',
      'Commissioner’s community surgery in Hartlepool',
    ]);
    expect(within(upcoming).getAllByRole('listitem')[0]).toHaveTextContent('Thursday 18th March 2027, 10am to midday');
  });

  it('puts events in the reader’s area first', async () => {
    const { user } = renderApp({ path: paths.events.href(), now: '2026-11-26T12:00:00Z' });
    await screen.findByRole('list', { name: 'Upcoming events' });
    await user.type(screen.getByLabelText('Set your postcode'), 'TS24 8AY{Enter}');
    const local = await screen.findByRole('list', { name: 'Events in Hartlepool' });
    expect(within(local).getAllByRole('heading').map((h) => h.textContent)).toEqual(['Commissioner’s community surgery in Hartlepool']);
    expect(screen.getByRole('list', { name: 'Other upcoming events' })).toBeInTheDocument();
  });
});

describe('Events in a calendar', () => {
  it('gives each upcoming event its own "Add to calendar" download, and past events none', async () => {
    renderApp({ path: paths.events.href(), now: '2027-03-01T00:00:00Z' });
    const upcoming = await screen.findByRole('list', { name: 'Upcoming events' });
    for (const item of within(upcoming).getAllByRole('listitem')) {
      const page = within(item).getByRole('heading').querySelector('a')?.getAttribute('href') ?? '';
      const slug = page.split('/').filter(Boolean).at(-1) ?? '';
      const name = within(item).getByRole('heading').textContent ?? '';
      const link = within(item).getByRole('link', { name: `Add to calendar: ${name}` });
      expect(link).toHaveAttribute('href', paths.eventCalendar.href(slug));
      expect(link).toHaveAttribute('download', `${slug}.ics`);
    }
    expect(within(screen.getByRole('list', { name: 'Past events' })).queryByRole('link', { name: /Add to calendar/ })).toBeNull();
  });

  it('offers every upcoming event’s calendar and each area’s, on webcal: beside https:', async () => {
    renderApp({ path: paths.events.href(), now: '2027-03-01T00:00:00Z' });
    const section = await screen.findByRole('region', { name: 'Events in your calendar' });
    const site = 'www.cleveland.pcc.police.uk';
    expect(within(section).getByRole('link', { name: 'Subscribe to All upcoming events' })).toHaveAttribute('href', `webcal://${site}${paths.upcomingCalendar.href()}`);
    const https = within(section).getByRole('link', { name: `https://${site}${paths.upcomingCalendar.href()}` });
    expect(https).toHaveAttribute('href', paths.upcomingCalendar.href());
    expect(within(section).getByRole('link', { name: 'Subscribe to Events in Hartlepool, and force-wide' })).toHaveAttribute(
      'href',
      `webcal://${site}${paths.areaCalendar.href('hartlepool')}`,
    );
  });
});

describe('A page that fails to render', () => {
  it('shows a friendly page with Try again and the way home', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    function Broken(): never {
      throw new Error('boom');
    }
    render(
      <RouteErrorBoundary resetKey="/x">
        <Broken />
      </RouteErrorBoundary>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Sorry, something went wrong with this page' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the latest news' })).toHaveAttribute('href', paths.news.href());
    expect(screen.queryByText('boom')).not.toBeInTheDocument();
  });
});
