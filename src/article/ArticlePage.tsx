/**
 * One release (or event) at its own address. An item on a later feed page is found on the page
 * the prerendered HTML names, or else by following next_url (bounded) until it turns up; an
 * edited headline redirects to the new address.
 */
import { useEffect, useMemo, type MouseEvent } from 'react';
import { Navigate, useLocation, useParams } from 'react-router';
import { Link } from '../ui/Link';
import { canonicalUrl, itemHref, listHref, paths, samePage } from '../config/paths';
import { siteUrl } from '../config/site-url';
import { FeedError, FeedErrorPage, findBySlug, OfflineNotice, useFeed, useHintedPage, type Area, type Feed, type Item } from '../feed';
import { chunk, useChunk } from '../lib/chunk';
import { formatLongDate } from '../lib/dates';
import { useIsClient } from '../lib/useIsClient';
import { useReaderArea } from '../preferences';
import { AddToCalendar } from '../ui/AddToCalendar';
import { areaLabel, displayTitle } from '../ui/item-text';
import { Loading } from '../ui/Loading';
import { NotFoundPage } from '../ui/NotFoundPage';
import { PageHeading } from '../ui/PageHeading';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { ListenSlot } from './ListenSlot';
import { Share } from './Share';
import { bodySource, sanitiser, sourceOf, useBodySupply } from './supply';

/** The release's content (./ReleaseContent.tsx): the build loads it before it renders (src/boot/prerender.tsx). */
export const releaseContent = chunk(() => import('./ReleaseContent'));

/** "More from <area>" (./MoreFromArea.tsx): only a reader whose postcode is in an area has it, so it loads only for them. */
const moreFromArea = chunk(() => import('./MoreFromArea'));

/** The aside once its chunk is in; nothing if it cannot load (the page does without it). */
function More({ area, feed, item }: { area: Area; feed: Feed; item: Item }) {
  const loaded = useChunk(moreFromArea, true, null, true);
  return loaded && <loaded.MoreFromArea area={area} items={feed.items} current={item} />;
}

/** Moves focus (and scroll) to an in-page target, as a keyboard or screen-reader user needs (footnotes, both ways). */
function followInPageLink(event: MouseEvent<HTMLElement>): void {
  const link = (event.target as Element).closest?.('a[href^="#"]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const id = decodeURIComponent((link.getAttribute('href') ?? '').slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target || !event.currentTarget.contains(target)) return;
  event.preventDefault();
  if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
}

/**
 * What a release's content is made from: the item as the feed has it (but for the address of the
 * feed page it came from, which differs between the build and the browser), the time zone and the
 * names of its areas. Written on the prerendered content, so the browser knows it is unchanged.
 */
function contentSource(item: Item, zone: string, area: string): string {
  return sourceOf(JSON.stringify([zone, area, item], (key, value: unknown) => (key === 'pageUrl' ? undefined : value)));
}

/**
 * The release's content (./ReleaseContent.tsx, a chunk): on a direct load of its prerendered page,
 * the page's own, adopted as it stands while the feed has what it was made from; else rendered
 * once its chunk is in. Where the feed has changed since the build, the page's own stays until the
 * chunk (and the sanitiser, for a changed body) is in, and is then replaced in one commit: no
 * loading state between the two. (Focus inside it, rare so soon after the page is shown, is lost then.)
 */
function Content({ item, feed }: { item: Item; feed: Feed }) {
  const zone = feed.timezone;
  const area = areaLabel(item, feed.areas);
  const source = useMemo(() => contentSource(item, zone, area), [item, zone, area]);
  const supply = useBodySupply();
  const own = supply.content?.slug === item.slug ? supply.content : null;
  const fresh = own?.source === source;
  const loaded = useChunk(releaseContent, !fresh);
  // A body the page does not have needs the sanitiser too: fetched beside the content's code, not
  // after it; and the page's own content stays until both are in (no loading state in between).
  const { contentHtml } = item;
  const body = useMemo(() => bodySource(contentHtml), [contentHtml]);
  const bodyIsNew = body !== null && supply.prerendered?.source !== body;
  const sanitising = useChunk(sanitiser, !fresh && bodyIsNew, supply.sanitiser);
  const kept = own && (fresh || !loaded || (bodyIsNew && !sanitising)) ? own.html : null;
  if (kept !== null) {
    return (
      // The click handler only enhances the footnotes' links; the links themselves are the controls.
      // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
      <div key="kept" className="article__content" data-source={own?.source} data-slug={item.slug} onClick={followInPageLink} dangerouslySetInnerHTML={{ __html: kept }} />
    );
  }
  if (!loaded) return <Loading label="Loading the release…" lines={10} />;
  return (
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
    <div key="rendered" className="article__content" data-source={source} data-slug={item.slug} onClick={followInPageLink}>
      <loaded.ReleaseContent item={item} zone={zone} area={area} calendar={<AddToCalendar slug={item.slug} />} bodySource={body} />
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
      <Content item={item} feed={feed} />
      {/* Read aloud (src/listen): after the content, so appearing once the app starts shifts nothing above it; a new release starts it afresh. */}
      <ListenSlot key={item.id} />
      {/* A new release is a new island: the one the page was rendered with is the last release's. */}
      {shareUrl && <Share key={`share-${item.id}`} title={title} url={shareUrl} />}
      {printedUrl && <PrintFooter item={item} zone={feed.timezone} address={printedUrl} />}
      {area && <More area={area} feed={feed} item={item} />}
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
