/**
 * The app's own model of a feed. Everything past src/feed/ sees only these types:
 * validated, normalised, URLs resolved, dates parsed. Raw JSON never leaves src/feed/.
 */
import type { ItemKind } from '../config/paths';

export interface Area {
  /** Unique id: lowercase letters, digits and `-`. */
  id: string;
  name: string;
  /** Normalised postcode prefixes: an area ("TS"), an outward code ("TS1") or a sector ("TS2 1"). */
  postcodes: string[];
}

export interface Person {
  name: string | null;
  /** http(s) only, resolved against the feed's URL. */
  url: string | null;
  avatar: string | null;
}

export interface Attachment {
  url: string;
  mimeType: string;
  title: string | null;
  sizeInBytes: number | null;
  durationInSeconds: number | null;
}

export interface EventDetails {
  start: Date;
  end: Date | null;
  location: string;
  postcode: string | null;
}

/** How urgent an alert is: the order they are shown in, most severe first. */
export type AlertLevel = 'emergency' | 'warning' | 'info';

/** A notice the newsroom puts above every page (`_bulletin.alerts`). Plain text only. */
export interface Alert {
  id: string;
  level: AlertLevel;
  title: string;
  text: string | null;
  /** "Find out more": http(s) only, resolved against the feed's URL. */
  url: string | null;
  /** Shown only from `start` until `end` (either may be open). */
  start: Date | null;
  end: Date | null;
  /** Area ids it is for; null means everyone. */
  areas: string[] | null;
  /** Its place in the feed's list (newest-last tie-break when there is no start). */
  position: number;
}

/** A date field: absent, present and readable, or present but unreadable ("unknown"). */
export type FeedDate = { state: 'absent' } | { state: 'unknown'; raw: string } | { state: 'known'; date: Date };

export interface Item {
  id: string;
  /** URL of the feed page the item came from: relative links in its content resolve against it. */
  pageUrl: string;
  /** Readable, stable address segment: `<words-from-title>-<hash-of-id>`. */
  slug: string;
  /** Plain text. Never HTML. May be null (microblog posts have no title). */
  title: string | null;
  summary: string | null;
  /** Raw, UNSANITISED HTML from the feed. Only src/article/ renders it, through the sanitiser. */
  contentHtml: string | null;
  contentText: string | null;
  url: string | null;
  externalUrl: string | null;
  image: string | null;
  bannerImage: string | null;
  published: FeedDate;
  modified: FeedDate;
  authors: Person[];
  tags: string[];
  language: string | null;
  attachments: Attachment[];
  /** A release or an event: it decides the item's address (src/config/paths.ts). */
  kind: ItemKind;
  /** Ids of areas the feed defines; empty means force-wide. */
  areas: string[];
  event: EventDetails | null;
}

/** One fetched page of a feed (the first page, or one reached through `next_url`). */
export interface FeedPage {
  /** The URL this page was fetched from (after redirects are ignored: the requested URL). */
  url: string;
  title: string;
  description: string | null;
  homePageUrl: string | null;
  language: string | null;
  icon: string | null;
  favicon: string | null;
  authors: Person[];
  expired: boolean;
  /** IANA time zone in which dates are shown. Always a zone this browser understands. */
  timezone: string;
  areas: Area[];
  /** The feed's readable alerts, in feed order (malformed ones are left out). */
  alerts: Alert[];
  items: Item[];
  /** Items that were in the feed but could not be read (no usable id, no content and no title, wrong types). */
  skipped: number;
  /** Absolute URL of the next (older) page, if any. Not yet checked against pages already fetched. */
  nextUrl: string | null;
  /** When the server sent this copy (its Date header): tells how old a copy kept for offline reading is. */
  fetchedAt: Date | null;
}

/** The feed as the pages see it: every page fetched so far, joined (./combine.ts). */
export interface Feed {
  title: string;
  description: string | null;
  homePageUrl: string | null;
  timezone: string;
  areas: Area[];
  /** The first page's alerts: it speaks for the feed. */
  alerts: Alert[];
  /** Every readable item from every page fetched, duplicates (same id) dropped, newest first. */
  items: Item[];
  /** Items skipped as unreadable, across pages. */
  skipped: number;
  pageCount: number;
  /** When the first page's copy was sent by the server (null if unknown). */
  savedAt: Date | null;
}

/** Why a feed could not be shown at all. */
export type FeedErrorKind = 'invalid-json' | 'not-a-feed' | 'http' | 'not-found' | 'network' | 'timeout' | 'offline';

export class FeedError extends Error {
  readonly kind: FeedErrorKind;
  readonly status: number | null;
  constructor(kind: FeedErrorKind, message: string, status: number | null = null) {
    super(message);
    this.name = 'FeedError';
    this.kind = kind;
    this.status = status;
  }
}

export const DEFAULT_TIMEZONE = 'Europe/London';
