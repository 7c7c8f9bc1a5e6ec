/**
 * Subscribe (/subscribe/): what a feed is, in plain words, and each feed's address with a copy
 * button: all news, and each area's (that area's news and the force-wide news). The files are
 * written by the build (build/syndication.ts); their addresses come from src/config/paths.ts, on
 * the site's canonical address (the site file's `url`, given to the app through src/config/site-url.ts).
 *
 * Each kind of subscription is a section of its own (an h2), so others (calendars) can be added
 * beside the feeds.
 */
import { canonicalUrl, feedFiles } from '../config/paths';
import { siteUrl } from '../config/site-url';
import { FeedGate, useFeed, type Feed } from '../feed';
import { useCopy } from '../lib/useCopy';
import { useDocumentTitle } from '../ui/useDocumentTitle';

const SITE_URL = siteUrl ?? '';

/** A feed's address as a reader pastes it: whole, on the site's own address (root-relative without one). */
export function feedAddress(path: string, siteUrl: string = SITE_URL): string {
  return siteUrl === '' ? path : canonicalUrl(path, siteUrl);
}

interface FeedLink {
  format: 'Atom' | 'JSON Feed';
  path: string;
}

interface Subscription {
  key: string;
  heading: string;
  about: string;
  /** Its name in the copy button's label and its status ("Middlesbrough news"). */
  name: string;
  links: FeedLink[];
}

function subscriptions(feed: Feed, hasSiteUrl: boolean): Subscription[] {
  // Without the site's address the build writes only feed.json (build/syndication.ts).
  const links = (area?: string): FeedLink[] => [
    ...(hasSiteUrl ? [{ format: 'Atom' as const, path: feedFiles.atom(area) }] : []),
    { format: 'JSON Feed' as const, path: feedFiles.json(area) },
  ];
  return [
    { key: '', heading: 'All news', about: 'Every release and event, from every area.', name: 'all news', links: links() },
    ...(hasSiteUrl
      ? feed.areas.map((area) => ({
          key: area.id,
          heading: area.name,
          about: `Releases and events for ${area.name}, and those for the whole area we cover.`,
          name: `${area.name} news`,
          links: links(area.id),
        }))
      : []),
  ];
}

function Feeds({ feed }: { feed: Feed }) {
  const { copied, copy } = useCopy();
  return (
    <>
      <section aria-labelledby="what-is-a-feed">
        <h2 className="heading-l" id="what-is-a-feed">
          What is a feed?
        </h2>
        <p>
          A feed is a list of our newest releases and events that other apps can read. Copy a feed’s address below and add it
          to a feed reader (an app or website for following news, sometimes called an RSS reader). It will then show you each
          new release as we publish it, so you do not have to keep checking this site.
        </p>
        <p>Feeds are free, you do not need to sign up, and we cannot see who follows them. You can stop at any time in your feed reader.</p>
      </section>
      <section aria-labelledby="news-feeds">
        <h2 className="heading-l" id="news-feeds">
          News feeds
        </h2>
        <p>
          Each feed comes in two formats. Most feed readers read <strong>Atom</strong>; choose it if you are not sure. JSON Feed
          is for apps that ask for it.
        </p>
        {subscriptions(feed, SITE_URL !== '').map((sub) => (
          <section key={sub.key} className="subscription" aria-labelledby={`feed-${sub.key || 'all'}`}>
            <h3 className="heading-m" id={`feed-${sub.key || 'all'}`}>
              {sub.heading}
            </h3>
            <p>{sub.about}</p>
            <ul className="subscription__feeds">
              {sub.links.map((link) => {
                const address = feedAddress(link.path);
                const what = `${sub.name} (${link.format})`;
                return (
                  <li key={link.format} className="subscription__feed">
                    <span className="subscription__format">{link.format}</span>
                    <code className="subscription__address">{address}</code>
                    {/* A root-relative address (a site without its address set) is copied whole, as this browser sees it. */}
                    <button type="button" className="button button--secondary" onClick={() => void copy(new URL(address, window.location.href).href, what)}>
                      Copy address <span className="visually-hidden">of {what}</span>
                    </button>
                    <span className="share__status" role="status">
                      {copied?.what === what && copied.state === 'copied' && 'Address copied'}
                      {copied?.what === what && copied.state === 'failed' && 'Could not copy it. Select the address and copy it yourself.'}
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </section>
    </>
  );
}

export function SubscribePage() {
  const { feed } = useFeed();
  useDocumentTitle('Subscribe', feed?.title ?? null);
  return (
    <FeedGate heading="Subscribe" loadingLabel="Loading the feeds…">
      {(f) => <Feeds feed={f} />}
    </FeedGate>
  );
}
