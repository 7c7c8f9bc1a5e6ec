import { loadSanitiser, releaseContent } from '../article';
import { Link } from '../ui/Link';
import { itemHref } from '../config/paths';
import type { Area, Item } from '../feed';
import { formatEventWhen } from '../lib/dates';
import { AddToCalendar } from '../ui/AddToCalendar';
import { areaLabel, displayTitle } from '../ui/item-text';
import { FeedDateText } from './FeedDateText';

/** Each item's link in the lists on the page (LoadOlder moves focus among them). */
export const ITEM_LINK = '.item-list .item-card__title a';

interface ItemListProps {
  items: readonly Item[];
  areas: readonly Area[];
  zone: string;
  headingLevel: 2 | 3 | 4;
  /** The list's accessible name, e.g. "Latest news". */
  label: string;
  /** Each event's "Add to calendar" link (upcoming events). */
  calendarLinks?: boolean;
}

/**
 * A release's content and the sanitiser of its body are chunks of their own (src/article/): fetched
 * when the reader comes to a list's links (a pointer, a touch, the keyboard), so that following one
 * shows the release at once. A failure is left to the release's page, which tries again.
 */
const prefetchRelease = () => void Promise.all([releaseContent.load(), loadSanitiser()]).catch(() => undefined);

export function ItemList({ items, areas, zone, headingLevel, label, calendarLinks = false }: ItemListProps) {
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2] ?? 'h2';
  return (
    // The handlers only fetch code ahead of a link being followed: the links are the controls.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <ul className="item-list" aria-label={label} onPointerOver={prefetchRelease} onFocus={prefetchRelease} onTouchStart={prefetchRelease}>
      {items.map((item) => (
        <li key={item.id} className="item-card">
          <Heading className="item-card__title" dir="auto">
            <Link to={itemHref(item)}>
              {displayTitle(item)}
            </Link>
          </Heading>
          <p className="item-card__meta">
            {item.event ? (
              <>
                <span className="item-card__when">{formatEventWhen(item.event.start, item.event.end, zone)}</span>
                <span className="item-card__where">{item.event.location}</span>
              </>
            ) : (
              <FeedDateText date={item.published} zone={zone} />
            )}
            <span className="tag">
              <span className="visually-hidden">Area: </span>
              {areaLabel(item, areas)}
            </span>
          </p>
          {item.summary && (
            <p className="item-card__summary" dir="auto">
              {item.summary}
            </p>
          )}
          {calendarLinks && item.event && (
            <p className="item-card__calendar">
              <AddToCalendar slug={item.slug} eventName={displayTitle(item)} />
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
