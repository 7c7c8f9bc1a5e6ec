/**
 * Latest news (`/`), the same list as a reader in one area sees it (`/area/<id>/`), and its older
 * pages (`/news/page/<n>/`: the news on the feed's page n), each at its own address so that each
 * can be prerendered and read without script.
 */
import { useEffect } from 'react';
import { useLocation, useParams } from 'react-router';
import { Link } from '../ui/Link';
import { paths } from '../config/paths';
import { FeedGate, SkippedNote, useFeed, useHintedPage, type Area, type Feed, type FeedPage, type FeedQuery } from '../feed';
import { useReaderArea } from '../preferences';
import { Loading } from '../ui/Loading';
import { NotFoundPage } from '../ui/NotFoundPage';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { groupByArea, newsOnly } from './group';
import { ItemList } from './ItemList';
import { LoadOlder, useInSteps } from './LoadOlder';

function NewsList({ feed, query, area }: { feed: Feed; query: FeedQuery; area: Area | null }) {
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
        href={paths.newsPage.href(2)}
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

function ReadersNews({ feed, query }: { feed: Feed; query: FeedQuery }) {
  const { area } = useReaderArea(feed.areas);
  return <NewsList feed={feed} query={query} area={area} />;
}

export function NewsListPage() {
  const { feed } = useFeed();
  useDocumentTitle('Latest news', feed?.title ?? null);
  return (
    <FeedGate heading="Latest news" loadingLabel="Loading the latest news…">
      {(f, query) => <ReadersNews feed={f} query={query} />}
    </FeedGate>
  );
}

/** Latest news with one area's first, whatever the reader's own postcode: "News for Middlesbrough". */
export function AreaNewsPage() {
  const { area: id = '' } = useParams();
  const { feed } = useFeed();
  const area = feed?.areas.find((a) => a.id === id) ?? null;
  useDocumentTitle(area ? `News for ${area.name}` : 'Latest news', feed?.title ?? null);
  if (feed && !area) return <NotFoundPage />;
  return (
    <FeedGate heading="Latest news" loadingLabel="Loading the latest news…">
      {(f, query) => <NewsList feed={f} query={query} area={area} />}
    </FeedGate>
  );
}

function PageOfNews({ feed, page, n }: { feed: Feed; page: FeedPage; n: number }) {
  const news = newsOnly(page.items);
  return (
    <>
      {news.length > 0 ? (
        <ItemList items={news} headingLevel={2} label={`Latest news: page ${n}`} areas={feed.areas} zone={feed.timezone} />
      ) : (
        <p>There is no news on this page.</p>
      )}
      <nav className="pagination" aria-label="Pages of news">
        <ul>
          <li>
            <Link to={paths.newsPage.href(n - 1)}>Newer news</Link>
          </li>
          {page.nextUrl && (
            <li>
              <Link to={paths.newsPage.href(n + 1)}>Older news</Link>
            </li>
          )}
        </ul>
      </nav>
    </>
  );
}

function OlderNews({ n }: { n: number }) {
  const location = useLocation();
  const query = useFeed();
  const { feed, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const heading = `Latest news: page ${n}`;
  useDocumentTitle(heading, feed?.title ?? null);
  const loaded = query.data?.pages[n - 1] ?? null;
  // A prerendered page names the feed page it shows; failing that, pages are fetched in order.
  const hinted = useHintedPage(location.pathname, feed !== null && loaded === null);
  const page = loaded ?? hinted.page;
  const searching = feed !== null && page === null && !hinted.pending && hasNextPage && !isFetchNextPageError;
  useEffect(() => {
    if (searching && !isFetchingNextPage) void fetchNextPage();
  }, [searching, isFetchingNextPage, fetchNextPage]);
  return (
    <FeedGate heading={heading} loadingLabel="Loading older news…">
      {(f) => {
        if (page) return <PageOfNews feed={f} page={page} n={n} />;
        if (hinted.pending || searching || isFetchingNextPage) return <Loading label="Loading older news…" lines={6} />;
        if (isFetchNextPageError) {
          return (
            <div className="notice notice--warning" role="alert">
              <p>We couldn't load this page of news.</p>
              <button type="button" className="button" onClick={() => void fetchNextPage()}>
                Try again
              </button>
            </div>
          );
        }
        return (
          <p>
            There is no page {n} of news. <Link to={paths.news.href()}>Go to the latest news</Link>
          </p>
        );
      }}
    </FeedGate>
  );
}

/** `/news/page/<n>/`: n from 2 up; anything else is not a page. */
export function OlderNewsPage() {
  const { page = '' } = useParams();
  const n = /^[1-9]\d{0,4}$/.test(page) ? Number(page) : 0;
  if (n < 2) return <NotFoundPage />;
  return <OlderNews n={n} />;
}
