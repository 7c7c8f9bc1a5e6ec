import type { FeedDate } from '../feed';
import { formatShortDate } from '../lib/dates';

/** An item's date in a list, in the newsroom's zone, or "date unknown" rather than a wrong date. */
export function FeedDateText({ date, zone }: { date: FeedDate; zone: string }) {
  if (date.state !== 'known') return <>date unknown</>;
  return <time dateTime={date.date.toISOString()}>{formatShortDate(date.date, zone)}</time>;
}
