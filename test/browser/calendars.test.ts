/**
 * Calendars in a real browser: an event page's "Add to calendar" link (there without script,
 * reached by keyboard, axe clean), the events page's calendars to subscribe to, and the .ics files
 * served as text/calendar by the preview server and by nginx with the shipped configuration.
 */
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/config/paths';
import { ownSite, withOwnSites } from './own-site';
import { axe, newPage, ORIGIN, ready, screenshot, tabTo, visit, withBrowser } from './support';

withBrowser();
withOwnSites();

/** The first upcoming event on the events page: its page's address and its slug. */
async function firstUpcomingEvent(page: Page): Promise<{ href: string; slug: string }> {
  await visit(page, paths.events.href());
  const href = (await page.getByRole('list', { name: /upcoming events/i }).first().getByRole('heading').first().getByRole('link').getAttribute('href')) ?? '';
  const slug = href.split('/').filter(Boolean).at(-1) ?? '';
  expect(slug).not.toBe('');
  return { href, slug };
}

/** A calendar file's VEVENT UIDs, parsed by ical.js. */
function uids(text: string): string[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));
}

describe('An event’s "Add to calendar" link', () => {
  it('is on the prerendered page without script, a download of the event’s own .ics', async () => {
    const { page: lookup, close } = await newPage();
    const { href, slug } = await firstUpcomingEvent(lookup);
    await close();
    const { page } = await newPage({ javaScriptEnabled: false });
    await page.goto(href);
    const link = page.getByRole('link', { name: 'Add to calendar' });
    expect(await link.getAttribute('href')).toBe(paths.eventCalendar.href(slug));
    expect(await link.getAttribute('download')).toBe(`${slug}.ics`);
  });

  it('is reached by keyboard, axe finds nothing on the page, and its file is served as text/calendar', async () => {
    const session = await newPage();
    const { page } = session;
    const { href, slug } = await firstUpcomingEvent(page);
    await visit(page, href);
    const link = page.getByRole('link', { name: 'Add to calendar' });
    await page.locator('body').focus();
    await tabTo(link, 'The "Add to calendar" link', { max: 60 });
    const report = await axe(page);
    expect(report.summary).toBe('');
    // What the download gets: the preview server's answer for the link's address.
    const response = await page.request.get(`${ORIGIN}${paths.eventCalendar.href(slug)}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/calendar\b/);
    expect(uids(await response.text())).toHaveLength(1);
    // The download itself: pressing Enter on the focused link saves the file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(`${slug}.ics`);
    session.expectNoProblems();
  });
});

describe('The events page’s calendars', () => {
  it('offers each on webcal: beside https:, axe clean, every one of them served', async () => {
    const session = await newPage();
    const { page } = session;
    await visit(page, paths.events.href());
    const section = page.getByRole('region', { name: 'Events in your calendar' });
    const subscribe = section.getByRole('link', { name: 'Subscribe to All upcoming events' });
    expect(await subscribe.getAttribute('href')).toMatch(new RegExp(`^webcal://[^/]+${paths.upcomingCalendar.href().replaceAll('.', '\\.')}$`));
    const addresses = await section.locator('a[href^="/calendars/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(addresses).toContain(paths.upcomingCalendar.href());
    expect(addresses.length).toBeGreaterThan(1);
    for (const address of addresses) {
      const response = await page.request.get(`${ORIGIN}${address}`);
      expect(response.status(), address).toBe(200);
      expect(response.headers()['content-type'], address).toMatch(/^text\/calendar\b/);
    }
    expect((await axe(page)).summary).toBe('');
    session.expectNoProblems();
  });

  it('screenshots: the events page and an event page at 375 px, 1280 px and Largest text', async () => {
    for (const [name, width, preferences] of [
      ['375', 375, undefined],
      ['1280', 1280, undefined],
      ['largest', 375, { textSize: 'largest' as const }],
    ] as const) {
      const { page, close } = await newPage({ viewport: { width, height: 800 }, ...(preferences ? { preferences } : {}) });
      const { href } = await firstUpcomingEvent(page);
      await page.getByRole('region', { name: 'Events in your calendar' }).scrollIntoViewIfNeeded();
      await screenshot(page, `calendars-events-${name}`);
      await visit(page, href);
      await ready(page);
      await screenshot(page, `calendars-event-${name}`);
      await close();
    }
  });
});

describe('nginx with the shipped configuration', () => {
  it('serves every calendar as text/calendar in UTF-8, checked with the server each time', async () => {
    const site = await ownSite({ host: 'nginx' });
    const upcoming = await fetch(`${site.url}${paths.upcomingCalendar.href()}`);
    expect(upcoming.status).toBe(200);
    expect(upcoming.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(upcoming.headers.get('cache-control')).toBe('no-cache');
    expect(upcoming.headers.get('x-content-type-options')).toBe('nosniff');
    const ids = uids(await upcoming.text());
    expect(ids.length).toBeGreaterThan(0);
    const { page, close } = await newPage({ baseURL: site.url });
    const { slug } = await firstUpcomingEvent(page);
    await close();
    const one = await fetch(`${site.url}${paths.eventCalendar.href(slug)}`);
    expect(one.status).toBe(200);
    expect(one.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(ids).toContain(uids(await one.text())[0]);
    expect((await fetch(`${site.url}${paths.eventCalendar.href('no-such-event-zzzzzzz')}`)).status).toBe(404);
  });
});
