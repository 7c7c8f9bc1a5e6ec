/**
 * One release (or event) at its own address. An item on a later feed page is found on the page
 * the prerendered HTML names, or else by following next_url (bounded) until it turns up; an
 * edited headline redirects to the new address.
 */
import { useEffect } from 'react';
import { Navigate, useLocation, useParams } from 'react-router';
import { Link } from '../ui/Link';
import { canonicalUrl, itemHref, listHref, paths, samePage } from '../config/paths';
import { siteUrl } from '../config/site-url';
import { FeedError, FeedErrorPage, findBySlug, OfflineNotice, useFeed, useHintedPage, type Feed, type FeedDate, type Item } from '../feed';
import { formatEventWhen, formatLongDate } from '../lib/dates';
import { useIsClient } from '../lib/useIsClient';
import { useReaderArea } from '../preferences';
import { AddToCalendar } from '../ui/AddToCalendar';
import { areaLabel, displayTitle } from '../ui/item-text';
import { Loading } from '../ui/Loading';
import { NotFoundPage } from '../ui/NotFoundPage';
import { PageHeading } from '../ui/PageHeading';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { ArticleBody } from './ArticleBody';
import { ListenSlot } from './ListenSlot';
import { MoreFromArea } from './MoreFromArea';
import { Share } from './Share';

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

/** The published site's address (the site file's `url`), set by the build; empty when it gives none. */
const SITE_URL = siteUrl;

/** Only in print: when the release was published and its canonical address, last. */
function PrintFooter({ item, zone, address }: { item: Item; zone: string; address: string }) {
  const { published } = item;
  return (
    <footer className="print-only article__print-footer">
      {published.state === 'known' && (
        <p>
          Published on <time dateTime={published.date.toISOString()}>{formatLongDate(published.date, zone)}</time>
        </p>
      )}
      <p>This page: {address}</p>
    </footer>
  );
}

function Article({ item, feed }: { item: Item; feed: Feed }) {
  const title = displayTitle(item);
  useDocumentTitle(title, feed.title);
  const { area } = useReaderArea(feed.areas);
  const client = useIsClient();
  // Its canonical address where the site file gives the site's (known at build time, so the page
  // shares, and prints, it without script too); else the reader's own, known only in the browser.
  const shareUrl = SITE_URL ? canonicalUrl(itemHref(item), SITE_URL) : client ? new URL(itemHref(item), window.location.origin).href : null;
  const printedUrl = shareUrl;
  return (
    <article className="article" lang={item.language ?? undefined}>
      <OfflineNotice feed={feed} />
      <p className="back-link">
        <Link to={listHref(item.kind)}>{item.kind === 'event' ? 'All events' : 'All news'}</Link>
      </p>
      <PageHeading className="article__title">{title}</PageHeading>
      <p className="article__area">
        <span className="tag">
          <span className="visually-hidden">Area: </span>
          {areaLabel(item, feed.areas)}
        </span>
      </p>
      <Posted item={item} zone={feed.timezone} />
      {item.event && (
        <dl className="event-details">
          <dt>When</dt>
          <dd>{formatEventWhen(item.event.start, item.event.end, feed.timezone)}</dd>
          <dt>Where</dt>
          <dd>
            {item.event.location}
            {item.event.postcode && `, ${item.event.postcode}`}
          </dd>
        </dl>
      )}
      {item.event && (
        <p className="event-calendar">
          <AddToCalendar slug={item.slug} />
        </p>
      )}
      {item.image && (
        <img className="article__image" src={item.image} alt="" width={960} height={540} />
      )}
      <ArticleBody item={item} />
      {/* Read aloud (src/listen): after the body, so appearing once the app starts shifts nothing above it; a new release starts it afresh. */}
      <ListenSlot key={item.id} />
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
      {item.authors.length > 0 && (
        <p className="article__authors">By {item.authors.map((a) => a.name ?? a.url ?? 'unknown').join(', ')}</p>
      )}
      {/* A new release is a new island: the one the page was rendered with is the last release's. */}
      {shareUrl && <Share key={`share-${item.id}`} title={title} url={shareUrl} />}
      {printedUrl && <PrintFooter item={item} zone={feed.timezone} address={printedUrl} />}
      {area && <MoreFromArea area={area} items={feed.items} current={item} />}
    </article>
  );
}

/** Offline, a release that was never loaded on this device cannot be shown: say so, keep the way back. */
function NeedsConnection({ onRetry }: { onRetry: () => void }) {
  useDocumentTitle('This release needs a connection', null);
  return (
    <div className="problem">
      <PageHeading>This release needs a connection</PageHeading>
      <p>You're offline, and this release has not been saved on this device. Connect to the internet, then try again.</p>
      <p>
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      </p>
      <p>
        <Link to={paths.news.href()}>Read the news saved on this device</Link>
      </p>
    </div>
  );
}

export function ArticlePage() {
  const { slug = '' } = useParams();
  const location = useLocation();
  const query = useFeed();
  const { feed, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const loaded = feed ? findBySlug(feed.items, slug) : null;
  // A prerendered release names the feed page it is on; failing that, next_url is followed.
  const hinted = useHintedPage(location.pathname, feed !== null && loaded === null);
  const match = loaded ?? (hinted.page ? findBySlug(hinted.page.items, slug) : null);
  const searching = feed !== null && match === null && !hinted.pending && hasNextPage && !isFetchNextPageError;

  useEffect(() => {
    if (searching && !isFetchingNextPage) void fetchNextPage();
  }, [searching, isFetchingNextPage, fetchNextPage]);

  if (!feed) {
    if (query.isError) return <FeedErrorPage error={query.error} onRetry={() => void query.refetch()} />;
    return <Loading label="Loading the release…" lines={10} />;
  }
  if (match) {
    const canonical = itemHref(match.item);
    if (!samePage(canonical, location.pathname)) return <Navigate to={canonical} replace />;
    return <Article item={match.item} feed={feed} />;
  }
  if (hinted.pending || searching || isFetchingNextPage) return <Loading label="Looking for the release in older news…" lines={10} />;
  if (isFetchNextPageError) {
    if (query.error instanceof FeedError && query.error.kind === 'offline') return <NeedsConnection onRetry={() => void fetchNextPage()} />;
    return <FeedErrorPage error={query.error} onRetry={() => void fetchNextPage()} />;
  }
  return <NotFoundPage what="release" />;
}
