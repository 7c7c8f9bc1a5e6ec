/** "What this site keeps on your device": every thing kept, said the same way, from the one list; no cookies; how to remove it; the privacy notice. */
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { StoragePage } from '../../src/about';
import { paths } from '../../src/config/paths';
import type { SiteInfo } from '../../src/config/site';
import { storedShape } from '../../src/preferences';
import { renderApp } from '../support/render-app';

const FIRE: SiteInfo = {
  name: 'Example Fire and Rescue Service',
  url: 'https://fire.example.org/',
  contact: null,
  privacyUrl: 'https://fire.example.org/privacy-notice',
  builtOn: '2026-03-01',
};

const ROWS = ['Kept in', 'Name', 'What it is', 'Why it is kept', 'How long', 'What is sent anywhere'];

function renderPage({ info = FIRE, quickExit = true }: { info?: SiteInfo; quickExit?: boolean } = {}) {
  return render(
    <MemoryRouter>
      <StoragePage options={storedShape()} info={info} quickExit={quickExit} />
    </MemoryRouter>,
  );
}

/** Each thing the page lists: its heading and its summary list, key by key. */
function listed() {
  return screen.getAllByRole('region').map((region) => {
    const terms = within(region).getAllByRole('term').map((t) => t.textContent);
    const definitions = within(region).getAllByRole('definition').map((d) => d.textContent);
    return {
      heading: within(region).getByRole('heading', { level: 2 }).textContent,
      rows: Object.fromEntries(terms.map((term, i) => [term, definitions[i]])),
      region,
    };
  });
}

describe('what this site keeps on your device', () => {
  it('says first that no cookies are set', () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('What this site keeps on your device');
    expect(screen.getByRole('heading', { level: 2, name: 'No cookies are set' })).toBeInTheDocument();
    expect(screen.getByText(/^This site sets no cookies/)).toBeInTheDocument();
    expect(screen.getByText(/None of it is sent to Example Fire and Rescue Service or to anyone else\./)).toBeInTheDocument();
  });

  it('lists each thing kept, where, under which name, what, why, how long, and that nothing is sent', () => {
    renderPage();
    const things = listed();
    expect(things.map((t) => [t.heading, t.rows['Kept in'], t.rows.Name])).toEqual([
      ['Your options', 'Local storage', 'bulletin:preferences'],
      ['Leaving this site', 'Session storage', 'bulletin:left'],
      ['This site, for reading offline', 'Cache storage', 'bulletin-precache-, then a version number and this site’s address'],
      ['The news you have loaded', 'Cache storage', 'bulletin-feed'],
      ['Pictures you have seen', 'Cache storage', 'bulletin-images'],
      ['When each copy was saved', 'IndexedDB', 'workbox-expiration'],
      ['The service worker', 'Service workers', 'sw.js'],
    ]);
    for (const thing of things) {
      expect(Object.keys(thing.rows), thing.heading ?? '').toEqual(ROWS);
      for (const row of ROWS) expect(thing.rows[row], `${thing.heading ?? ''}: ${row}`).not.toBe('');
      expect(thing.rows['What is sent anywhere']).toMatch(/^Nothing/);
    }
    // The wording is put together from parts: no word twice in a row ("Until until").
    expect(document.body.textContent).not.toMatch(/\b(\w+) \1\b/i);
  });

  it('lists every field of the stored options, in the order stored, and keeps no whole postcode', () => {
    renderPage();
    const fields = screen.getByRole('list', { name: 'What bulletin:preferences holds' });
    const items = within(fields).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('code')?.textContent)).toEqual(['version', 'textSize', 'textOnly', 'postcode', 'area', 'summary']);
    expect(items[1]).toHaveTextContent('The text size you chose: default, large or largest.');
    expect(items[3]).toHaveTextContent(/Never your whole postcode\./);
    expect(items[5]).toHaveTextContent(/It goes when your postcode goes\./);
  });

  it('says how long the offline copies are kept, from the worker’s own limits', () => {
    renderPage();
    const byHeading = Object.fromEntries(listed().map((t) => [t.heading, t.rows]));
    expect(byHeading['The news you have loaded']?.['How long']).toMatch(/At most 300 pages of news are kept/);
    expect(byHeading['Pictures you have seen']?.['How long']).toMatch(/^Up to 30 days.*At most 60 pictures are kept/);
    expect(byHeading['Leaving this site']?.['How long']).toBe('Until you close the tab or window.');
  });

  it('links to clearing this site’s data, and to the newsroom’s privacy notice', () => {
    renderPage();
    expect(screen.getByRole('link', { name: 'Clear this site’s data from this device' })).toHaveAttribute('href', paths.leaveQuickly.href());
    expect(screen.getByRole('link', { name: 'privacy notice' })).toHaveAttribute('href', 'https://fire.example.org/privacy-notice');
  });

  it('without "Leave this site" lists no note of it and no link to its page; without a privacy notice, no link to one', () => {
    renderPage({ info: { ...FIRE, privacyUrl: null }, quickExit: false });
    expect(listed().map((t) => t.heading)).not.toContain('Leaving this site');
    expect(screen.queryByText('bulletin:left')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Clear this site’s data from this device' })).toBeNull();
    expect(screen.getByText(/^Your browser’s own settings remove it too/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'privacy notice' })).toBeNull();
  });

  it('is linked from every page’s footer and has its own address', async () => {
    const { user } = renderApp();
    const link = within(screen.getByRole('contentinfo')).getByRole('link', { name: 'What this site keeps on your device' });
    expect(link).toHaveAttribute('href', paths.whatWeKeep.href());
    await user.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: 'What this site keeps on your device' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'What bulletin:preferences holds' })).toBeInTheDocument();
  });
});
