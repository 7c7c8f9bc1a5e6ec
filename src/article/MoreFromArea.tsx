import { Link } from '../ui/Link';
import { itemHref } from '../config/paths';
import type { Area, Item } from '../feed';
import { displayTitle } from '../ui/item-text';

/** "More from <area>": a few other items from the reader's area. */
export function MoreFromArea({ area, items, current }: { area: Area; items: readonly Item[]; current: Item }) {
  const others = items.filter((i) => i.id !== current.id && i.areas.includes(area.id)).slice(0, 4);
  if (others.length === 0) return null;
  return (
    <aside className="related" aria-labelledby="more-from-area">
      <h2 className="heading-m" id="more-from-area">
        More from {area.name}
      </h2>
      <ul>
        {others.map((i) => (
          <li key={i.id}>
            <Link to={itemHref(i)}>{displayTitle(i)}</Link>
          </li>
        ))}
      </ul>
    </aside>
  );
}
