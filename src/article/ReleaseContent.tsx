/**
 * A release's content, between its heading and "Share this": its area, when it was posted, an
 * event's details, its image, its body, attachments, the original and its authors. A chunk of its
 * own: a direct load of a prerendered release adopts this part of the page as the build wrote it
 * (./ArticlePage.tsx, ./supply.ts), so only a release reached within the app, or one the feed has
 * changed since the build, runs it.
 */
import type { FeedDate, Item } from '../feed';
import { formatEventWhen, formatLongDate } from '../lib/dates';
import type { ReactNode } from 'react';
import { ArticleBody } from './ArticleBody';

function wasUpdated(published: FeedDate, modified: FeedDate): modified is { state: 'known'; date: Date } {
  if (modified.state !== 'known') return false;
  return published.state !== 'known' || modified.date.getTime() !== published.date.getTime();
}

function Posted({ item, zone }: { item: Item; zone: string }) {
  const { published, modified } = item;
  return (
    <div className="article__dates">
      <p>
        Posted on{' '}
        {published.state === 'known' ? (
          <time dateTime={published.date.toISOString()}>{formatLongDate(published.date, zone)}</time>
        ) : (
          'an unknown date'
        )}
      </p>
      {wasUpdated(published, modified) && (
        <p>
          Updated on <time dateTime={modified.date.toISOString()}>{formatLongDate(modified.date, zone)}</time>
        </p>
      )}
    </div>
  );
}

export interface ReleaseContentProps {
  item: Item;
  /** The newsroom's time zone. */
  zone: string;
  /** The item's areas by name (src/ui/item-text.ts). */
  area: string;
  /**
   * An event's "Add to calendar" (src/ui/AddToCalendar.tsx), given by the page: the lists use it
   * too, and a module two chunks share must be in the entry (build/preload-helper.ts).
   */
  calendar: ReactNode;
  /** What its body was made from (./supply.ts, bodySource), worked out once by the page. */
  bodySource: string | null;
}

export function ReleaseContent({ item, zone, area, calendar, bodySource }: ReleaseContentProps) {
  return (
    <>
      <p className="article__area">
        <span className="tag">
          <span className="visually-hidden">Area: </span>
          {area}
        </span>
      </p>
      <Posted item={item} zone={zone} />
      {item.event && (
        <dl className="event-details">
          <dt>When</dt>
          <dd>{formatEventWhen(item.event.start, item.event.end, zone)}</dd>
          <dt>Where</dt>
          <dd>
            {item.event.location}
            {item.event.postcode && `, ${item.event.postcode}`}
          </dd>
        </dl>
      )}
      {item.event && <p className="event-calendar">{calendar}</p>}
      {item.image && <img className="article__image" src={item.image} alt="" width={960} height={540} />}
      <ArticleBody item={item} source={bodySource} />
      {item.attachments.length > 0 && (
        <ul className="attachments">
          {item.attachments.map((a) => (
            <li key={a.url}>
              <a href={a.url} rel="noopener noreferrer">
                {a.title ?? 'Attachment'} ({a.mimeType})
              </a>
            </li>
          ))}
        </ul>
      )}
      {item.externalUrl && (
        <p>
          <a href={item.externalUrl} rel="noopener noreferrer">
            Read the original at {new URL(item.externalUrl).hostname}
          </a>
        </p>
      )}
      {item.authors.length > 0 && <p className="article__authors">By {item.authors.map((a) => a.name ?? a.url ?? 'unknown').join(', ')}</p>}
    </>
  );
}
