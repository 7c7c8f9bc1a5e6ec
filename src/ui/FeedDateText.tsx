import type { FeedDate } from '../feed/types';
import { formatLongDate, formatShortDate } from '../lib/dates';

/** A feed date in the newsroom's zone, or "date unknown" rather than a wrong date. */
export function FeedDateText({ date, zone, long = false }: { date: FeedDate; zone: string; long?: boolean }) {
  if (date.state !== 'known') return <>date unknown</>;
  return (
    <time dateTime={date.date.toISOString()}>
      {long ? formatLongDate(date.date, zone) : formatShortDate(date.date, zone)}
    </time>
  );
}
