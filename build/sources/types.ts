/**
 * What the build writes: JSON Feed 1.1 with Bulletin's `_bulletin` extension
 * (../shared/FEED-FORMAT.md), and what it says about what it read.
 */

export interface JsonFeedAuthor {
  name?: string;
  url?: string;
  avatar?: string;
}

export interface JsonFeedAttachment {
  url: string;
  mime_type: string;
  title?: string;
  size_in_bytes?: number;
  duration_in_seconds?: number;
}

export type EventStatus = 'scheduled' | 'cancelled' | 'postponed';

export interface BulletinEvent {
  /** RFC 3339 with an offset. For an all-day event, midnight of its first day in the feed's zone. */
  start: string;
  /** RFC 3339; for an all-day event, midnight of its last day (inclusive). */
  end?: string;
  location: string;
  postcode?: string;
  status: EventStatus;
  allDay: boolean;
}

export interface BulletinItemExtension {
  kind: 'news' | 'event';
  areas?: string[];
  event?: BulletinEvent;
}

export interface JsonFeedItem {
  id: string;
  url?: string;
  external_url?: string;
  title?: string;
  summary?: string;
  content_html?: string;
  content_text?: string;
  image?: string;
  banner_image?: string;
  date_published?: string;
  date_modified?: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
  language?: string;
  attachments?: JsonFeedAttachment[];
  _bulletin?: BulletinItemExtension;
}

export interface BulletinArea {
  id: string;
  name: string;
  postcodes: string[];
}

export interface BulletinAlert {
  id: string;
  level: 'emergency' | 'warning' | 'info';
  title: string;
  text?: string;
  url?: string;
  start?: string;
  end?: string;
  areas?: string[];
}

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url?: string;
  feed_url?: string;
  description?: string;
  language?: string;
  next_url?: string;
  items: JsonFeedItem[];
  _bulletin: { timezone: string; areas: BulletinArea[]; alerts: BulletinAlert[] };
}

export interface Problem {
  level: 'error' | 'warning';
  /** The source (path or URL) the problem was found in. */
  source: string;
  /** The item's title, else its id. */
  item?: string;
  field?: string;
  message: string;
  /** What to write instead. */
  fix?: string;
}

export interface Stats {
  read: number;
  skipped: number;
  warnings: number;
}

/** A source that cannot be fetched or read, or is not a feed: the build stops. */
export class SourceError extends Error {
  readonly source: string;
  /** What went wrong, without the source's name (the message is both, for one line of output). */
  readonly reason: string;
  constructor(source: string, reason: string) {
    super(`${source}: ${reason}`);
    this.name = 'SourceError';
    this.source = source;
    this.reason = reason;
  }
}
