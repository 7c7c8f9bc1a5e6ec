/**
 * Structured data (build/structured-data.ts): a release's NewsArticle and an event's Event, dates
 * with the newsroom's offset whatever the machine's zone, and JSON-LD no headline can break out of.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { inZone, jsonLdScript, structuredData, type Newsroom } from '../../build/structured-data';
import type { JsonFeedItem } from '../../build/sources/types';

const newsroom: Newsroom = {
  name: 'Police and Crime Commissioner for Cleveland',
  url: 'https://www.cleveland.pcc.police.uk/',
  logo: 'https://www.cleveland.pcc.police.uk/icons/icon-512.png',
  timezone: 'Europe/London',
  language: 'en-GB',
};
const canonical = 'https://www.cleveland.pcc.police.uk/news/a-0000000/';
const image = 'https://www.cleveland.pcc.police.uk/share-image.png';

const release: JsonFeedItem = {
  id: 'a',
  title: 'Commissioner sets policing budget',
  summary: 'The budget for 2018/19.',
  content_html: '<p>Text</p>',
  // Written in UTC by a source; given again in London's summer time.
  date_published: '2018-06-14T09:00:00Z',
  date_modified: '2018-06-15T16:20:00+00:00',
  _bulletin: { kind: 'news' },
};

const event: JsonFeedItem = {
  id: 'e',
  title: 'Police and Crime Panel public meeting',
  summary: 'The panel meets in public.',
  content_text: 'Text',
  date_published: '2018-03-20T11:00:00+00:00',
  _bulletin: {
    kind: 'event',
    event: { start: '2018-11-13T14:00:00+00:00', end: '2018-11-13T16:00:00+00:00', location: 'Council Chamber, Stockton-on-Tees', postcode: 'TS18 1LD', status: 'scheduled', allDay: false },
  },
};

describe('a release’s NewsArticle', () => {
  it('has its headline, description, dates in the newsroom’s zone, the newsroom as author and publisher, its image and its page', () => {
    expect(structuredData({ item: release, headline: 'Commissioner sets policing budget', canonical, image }, newsroom)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Commissioner sets policing budget',
      description: 'The budget for 2018/19.',
      datePublished: '2018-06-14T10:00:00+01:00',
      dateModified: '2018-06-15T17:20:00+01:00',
      author: { '@type': 'Organization', name: newsroom.name, url: newsroom.url, logo: { '@type': 'ImageObject', url: newsroom.logo } },
      publisher: { '@type': 'Organization', name: newsroom.name, url: newsroom.url, logo: { '@type': 'ImageObject', url: newsroom.logo } },
      image: [image],
      mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
      url: canonical,
      inLanguage: 'en-GB',
    });
  });

  it('is modified when published if never edited, and says nothing of dates it cannot read', () => {
    const unedited = structuredData({ item: { ...release, date_modified: undefined }, headline: 'x', canonical, image: null }, newsroom);
    expect(unedited).toMatchObject({ datePublished: '2018-06-14T10:00:00+01:00', dateModified: '2018-06-14T10:00:00+01:00' });
    expect(unedited).not.toHaveProperty('image');
    const undated = structuredData({ item: { ...release, date_published: 'last Tuesday', date_modified: undefined }, headline: 'x', canonical: null, image: null }, newsroom);
    expect(undated).not.toHaveProperty('datePublished');
    expect(undated).not.toHaveProperty('dateModified');
    expect(undated).not.toHaveProperty('mainEntityOfPage');
  });
});

describe('an event’s Event', () => {
  it('has its name, start and end with offset, status, place with address and postcode, and the newsroom as organiser', () => {
    expect(structuredData({ item: event, headline: 'Police and Crime Panel public meeting', canonical, image }, newsroom)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: 'Police and Crime Panel public meeting',
      startDate: '2018-11-13T14:00:00+00:00',
      endDate: '2018-11-13T16:00:00+00:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: {
        '@type': 'Place',
        name: 'Council Chamber, Stockton-on-Tees',
        address: { '@type': 'PostalAddress', streetAddress: 'Council Chamber, Stockton-on-Tees', postalCode: 'TS18 1LD' },
      },
      organizer: { '@type': 'Organization', name: newsroom.name, url: newsroom.url, logo: { '@type': 'ImageObject', url: newsroom.logo } },
      description: 'The panel meets in public.',
      image: [image],
      url: canonical,
      inLanguage: 'en-GB',
    });
  });

  it('is cancelled or postponed as the feed says, and an all-day event is dated by its days', () => {
    const base = event._bulletin?.event;
    if (!base) throw new Error('no event');
    const cancelled = structuredData({ item: { ...event, _bulletin: { kind: 'event', event: { ...base, status: 'cancelled' } } }, headline: 'x', canonical, image: null }, newsroom);
    expect(cancelled).toMatchObject({ eventStatus: 'https://schema.org/EventCancelled' });
    const postponed = structuredData({ item: { ...event, _bulletin: { kind: 'event', event: { ...base, status: 'postponed' } } }, headline: 'x', canonical, image: null }, newsroom);
    expect(postponed).toMatchObject({ eventStatus: 'https://schema.org/EventPostponed' });
    // Midnight of its first and last days in London's summer time (23:00 UTC the day before).
    const allDay = { ...base, start: '2027-05-28T23:00:00Z', end: '2027-05-29T23:00:00Z', allDay: true, postcode: undefined };
    const day = structuredData({ item: { ...event, _bulletin: { kind: 'event', event: allDay } }, headline: 'x', canonical, image: null }, newsroom);
    expect(day).toMatchObject({ startDate: '2027-05-29', endDate: '2027-05-30' });
    expect(day).toHaveProperty('location.address', { '@type': 'PostalAddress', streetAddress: base.location });
  });

  it('gives a New York newsroom’s times with New York’s offset', () => {
    const base = event._bulletin?.event;
    if (!base) throw new Error('no event');
    const ny = { ...event, _bulletin: { kind: 'event' as const, event: { ...base, start: '2024-03-10T23:00:00Z', end: '2024-03-11T01:00:00Z' } } };
    expect(structuredData({ item: ny, headline: 'x', canonical: null, image: null }, { ...newsroom, timezone: 'America/New_York' })).toMatchObject({
      startDate: '2024-03-10T19:00:00-04:00',
      endDate: '2024-03-10T21:00:00-04:00',
    });
  });
});

describe('dates in the newsroom’s zone', () => {
  it('keep the instant and carry the zone’s offset at it', () => {
    expect(inZone('2018-03-22T10:30:00Z', 'Europe/London')).toBe('2018-03-22T10:30:00+00:00');
    expect(inZone('2027-05-29T10:00:00Z', 'Europe/London')).toBe('2027-05-29T11:00:00+01:00');
    expect(inZone('2018-03-22T10:30:00Z', 'Pacific/Auckland')).toBe('2018-03-22T23:30:00+13:00');
    expect(inZone('not a date', 'Europe/London')).toBeUndefined();
    expect(inZone(undefined, 'Europe/London')).toBeUndefined();
  });
});

describe('the JSON-LD element', () => {
  const hostile = 'Quote " and \' </script><script>alert(1)</script> <!-- & -->\u2028';

  it('holds the data as JSON, and a headline that closes the element stays text', () => {
    const data = structuredData({ item: { ...release, title: hostile, summary: hostile }, headline: hostile, canonical, image: null }, newsroom);
    const markup = jsonLdScript(data);
    expect(markup).toMatch(/^<script type="application\/ld\+json">[^<]*<\/script>$/);
    expect(markup).not.toMatch(/<\/script>.*<\/script>/);
    const document = new JSDOM(`<!doctype html><head>${markup}</head>`).window.document;
    const scripts = document.querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(scripts[0]?.textContent ?? '')).toEqual(data);
    expect(data).toMatchObject({ headline: hostile, description: hostile });
  });
});
