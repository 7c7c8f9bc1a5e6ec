import { FeedGate, SkippedNote, useFeed, type Feed, type FeedQuery } from '../feed';
import { useReaderArea } from '../preferences';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { groupByArea, newsOnly } from './group';
import { ItemList } from './ItemList';
import { LoadOlder, useInSteps } from './LoadOlder';

function NewsList({ feed, query }: { feed: Feed; query: FeedQuery }) {
  const { area } = useReaderArea(feed.areas);
  const news = newsOnly(feed.items);
  const grouped = groupByArea(news, area?.id ?? null);
  // Long feeds are shown a step at a time; "Older news" shows more before it fetches more.
  const steps = useInSteps(grouped.local, grouped.others);
  const [local, others] = steps.shown;
  const common = { areas: feed.areas, zone: feed.timezone };
  return (
    <>
      {feed.description && <p className="lede">{feed.description}</p>}
      {area ? (
        <>
          <section aria-labelledby="local-news">
            <h2 className="heading-l" id="local-news">
              News for {area.name}
            </h2>
            {local.length > 0 ? (
              <ItemList items={local} headingLevel={3} label={`News for ${area.name}`} {...common} />
            ) : (
              <p>There is no news for {area.name} in what has loaded so far.</p>
            )}
          </section>
          <section aria-labelledby="other-news">
            <h2 className="heading-l" id="other-news">
              Other news
            </h2>
            <ItemList items={others} headingLevel={3} label="Other news" {...common} />
          </section>
        </>
      ) : news.length > 0 ? (
        <ItemList items={others} headingLevel={2} label="Latest news" {...common} />
      ) : (
        <p>There is no news in this feed yet.</p>
      )}
      <LoadOlder
        query={query}
        label="Older news"
        hidden={steps.hidden}
        onReveal={steps.reveal}
        shown={steps.count}
      />
      <SkippedNote count={feed.skipped} />
    </>
  );
}

export function NewsListPage() {
  const { feed } = useFeed();
  useDocumentTitle('Latest news', feed?.title ?? null);
  return (
    <FeedGate heading="Latest news" loadingLabel="Loading the latest news…">
      {(f, query) => <NewsList feed={f} query={query} />}
    </FeedGate>
  );
}
