import { FeedGate, SkippedNote, useFeed, type Feed, type FeedQuery } from '../feed';
import { useClock } from '../lib/clock';
import { useReaderArea } from '../preferences';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { groupByArea, splitEvents } from './group';
import { CalendarSubscribe } from './CalendarSubscribe';
import { ItemList } from './ItemList';
import { LoadOlder, useInSteps } from './LoadOlder';

function Events({ feed, query }: { feed: Feed; query: FeedQuery }) {
  const now = useClock()();
  const { area } = useReaderArea(feed.areas);
  const { upcoming, past: allPast } = splitEvents(feed.items, now);
  const grouped = groupByArea(upcoming, area?.id ?? null);
  const steps = useInSteps(grouped.local, grouped.others, allPast);
  const [local, others, past] = steps.shown;
  const common = { areas: feed.areas, zone: feed.timezone };
  const upcomingCommon = { ...common, calendarLinks: true };
  return (
    <>
      <section aria-labelledby="upcoming-events">
        <h2 className="heading-l" id="upcoming-events">
          Upcoming events
        </h2>
        {upcoming.length === 0 && <p>There are no upcoming events in what has loaded so far.</p>}
        {area && (
          <>
            <h3 className="heading-m">Events in {area.name}</h3>
            {local.length > 0 ? (
              <ItemList items={local} headingLevel={4} label={`Events in ${area.name}`} {...upcomingCommon} />
            ) : (
              <p>There are no upcoming events in {area.name} yet.</p>
            )}
            {others.length > 0 && <h3 className="heading-m">Other upcoming events</h3>}
          </>
        )}
        {others.length > 0 && <ItemList items={others} headingLevel={area ? 4 : 3} label={area ? 'Other upcoming events' : 'Upcoming events'} {...upcomingCommon} />}
      </section>
      <section aria-labelledby="past-events">
        <h2 className="heading-l" id="past-events">
          Past events
        </h2>
        {past.length > 0 ? <ItemList items={past} headingLevel={3} label="Past events" {...common} /> : <p>No past events.</p>}
      </section>
      <LoadOlder
        query={query}
        label="Load more"
        hidden={steps.hidden}
        onReveal={steps.reveal}
        shown={steps.count}
      />
      <CalendarSubscribe areas={feed.areas} />
      <SkippedNote count={feed.skipped} />
    </>
  );
}

export function EventsPage() {
  const { feed } = useFeed();
  useDocumentTitle('Events', feed?.title ?? null);
  return (
    <FeedGate heading="Events" loadingLabel="Loading events…">
      {(f, query) => <Events feed={f} query={query} />}
    </FeedGate>
  );
}
