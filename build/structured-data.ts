/**
 * Structured data (schema.org, as JSON-LD) for each prerendered release and event: a release is a
 * `NewsArticle`, an event an `Event`, both from the item as the build wrote it to the feed and the
 * newsroom as the site file names it. Dates carry the offset of the newsroom's time zone.
 *
 * The JSON goes into a `<script type="application/ld+json">`: a data block, which no browser runs
 * (so the CSP need not allow it). Its text is escaped so that nothing in it can end the element or
 * start a comment: every `<`, `>` and `&` is written as a JSON escape (`\u003c`, …), as are U+2028
 * and U+2029, so a headline of `</script><script>…` stays text.
 */
import type { Event, EventStatusType, NewsArticle, Organization, Place, WithContext } from 'schema-dts';
import { parseRfc3339 } from '../src/lib/dates.ts';
import { formatInZone } from './sources/dates.ts';
import type { EventStatus, JsonFeedItem } from './sources/types.ts';

/** What the structured data says about the newsroom (from the site file). */
export interface Newsroom {
  name: string;
  /** The site's canonical address, if the site file gives one. */
  url: string | null;
  /** An absolute address of the newsroom's logo (its 512 px icon), if the site has an address. */
  logo: string | null;
  /** The IANA zone dates are written in. */
  timezone: string;
  language: string;
}

/** One item's page: the item as written, its headline as the page shows it, and where it lives. */
export interface ItemPage {
  item: JsonFeedItem;
  headline: string;
  /** The page's canonical address, if the site has one. */
  canonical: string | null;
  /** The absolute address of the image its preview shows (the item's, else the newsroom's), if any. */
  image: string | null;
}

export type StructuredData = WithContext<NewsArticle> | WithContext<Event>;

/** An RFC 3339 date from the written feed, again with the newsroom's offset at that instant; undefined if unreadable. */
export function inZone(value: string | undefined, zone: string): string | undefined {
  const date = value === undefined ? null : parseRfc3339(value);
  return date ? formatInZone(date, zone) : undefined;
}

function organisation(newsroom: Newsroom): Organization {
  return {
    '@type': 'Organization',
    name: newsroom.name,
    ...(newsroom.url ? { url: newsroom.url } : {}),
    ...(newsroom.logo ? { logo: { '@type': 'ImageObject', url: newsroom.logo } } : {}),
  };
}

const EVENT_STATUS: Record<EventStatus, EventStatusType> = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
};

/** The `NewsArticle` of a release, or the `Event` of an event. */
export function structuredData({ item, headline, canonical, image }: ItemPage, newsroom: Newsroom): StructuredData {
  const zone = newsroom.timezone;
  const description = item.summary;
  const common = {
    ...(description ? { description } : {}),
    ...(image ? { image: [image] } : {}),
    ...(canonical ? { url: canonical } : {}),
    inLanguage: item.language ?? newsroom.language,
  };
  const event = item._bulletin?.event;
  if (item._bulletin?.kind === 'event' && event) {
    // An all-day event is dated by its days in the newsroom's zone (its end: the last day, inclusive).
    const when = (value: string | undefined) => {
      const at = inZone(value, zone);
      return at && event.allDay ? at.slice(0, 10) : at;
    };
    const start = when(event.start);
    const end = when(event.end);
    const location: Place = {
      '@type': 'Place',
      name: event.location,
      address: { '@type': 'PostalAddress', streetAddress: event.location, ...(event.postcode ? { postalCode: event.postcode } : {}) },
    };
    return {
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: headline,
      ...(start ? { startDate: start } : {}),
      ...(end ? { endDate: end } : {}),
      eventStatus: EVENT_STATUS[event.status],
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location,
      organizer: organisation(newsroom),
      ...common,
    };
  }
  const published = inZone(item.date_published, zone);
  const modified = inZone(item.date_modified, zone) ?? published;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline,
    ...(published ? { datePublished: published } : {}),
    ...(modified ? { dateModified: modified } : {}),
    author: organisation(newsroom),
    publisher: organisation(newsroom),
    ...(canonical ? { mainEntityOfPage: { '@type': 'WebPage', '@id': canonical } } : {}),
    ...common,
  };
}

const UNSAFE_IN_SCRIPT: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** The JSON-LD element: JSON whose text cannot end the element or open a comment, whatever the feed wrote. */
export function jsonLdScript(data: StructuredData): string {
  const json = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE_IN_SCRIPT[c] ?? c);
  return `<script type="application/ld+json">${json}</script>`;
}
