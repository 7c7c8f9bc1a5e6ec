/**
 * "What this site keeps on your device" (`/what-we-keep/`): no cookies, and each thing the site
 * keeps in the browser (./storage-inventory.ts, the one list of them): where it is kept and its
 * name there, what it is, why, for how long, and that nothing is sent. Then how to remove it all
 * (the control on the page about leaving quickly, where the site has it) and the newsroom's own
 * privacy notice (the site file's `privacyUrl`), when there is one.
 */
import type { ReactNode } from 'react';
import { Link } from '../ui/Link';
import { paths } from '../config/paths';
import { site, type SiteInfo } from '../config/site';
import { PageHeading } from '../ui/PageHeading';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { storedShape, type StoredShape } from '../preferences';
import { storageInventory, type KeptThing } from './storage-inventory';

export const STORAGE_PAGE_TITLE = 'What this site keeps on your device';

/** The questions each thing answers, in order, and its answer to each. */
const ROWS: readonly (readonly [string, (thing: KeptThing) => ReactNode])[] = [
  ['Kept in', (t) => t.place],
  [
    'Name',
    (t) => (
      <>
        <code>{t.name}</code>
        {t.nameIsStart ? ', then a version number and this site’s address' : null}
      </>
    ),
  ],
  ['What it is', (t) => t.what],
  ['Why it is kept', (t) => t.why],
  ['How long', (t) => t.howLong],
  ['What is sent anywhere', (t) => t.sent],
];

function Kept({ thing, id }: { thing: KeptThing; id: string }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{thing.heading}</h2>
      <dl className="summary-list">
        {ROWS.map(([key, value]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>{value(thing)}</dd>
          </div>
        ))}
      </dl>
      {thing.fields.length > 0 ? (
        <>
          <h3 id={`${id}-fields`} className="fields__heading">
            What {thing.name} holds
          </h3>
          <ul className="fields" aria-labelledby={`${id}-fields`}>
            {thing.fields.map((field) => (
              <li key={field.name}>
                <code>{field.name}</code> {field.holds}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export interface StoragePageProps {
  /** The stored options' key and fields (src/preferences' storedShape, unless a test gives others). */
  options?: StoredShape;
  info?: SiteInfo;
  /** Whether the site has "Leave this site" (the site file's quickExit; given by src/app). */
  quickExit: boolean;
}

/**
 * What the page shares with the rest of the app comes as props: importing the preferences or
 * src/ui/QuickExit.tsx here would make the bundler split chunks off the entry.
 */
export function StoragePage({ options = storedShape(), info = site, quickExit }: StoragePageProps) {
  useDocumentTitle(STORAGE_PAGE_TITLE, info.name);
  const things = storageInventory({ quickExit, options });
  return (
    <article className="prose">
      <PageHeading>{STORAGE_PAGE_TITLE}</PageHeading>
      <p className="lede">
        No cookies. Only what is listed here, kept in your browser so that your choices and the news you have read are there
        next time. None of it is sent to {info.name} or to anyone else.
      </p>
      <h2>No cookies are set</h2>
      <p>This site sets no cookies, and has no analytics, tracking or advertising.</p>
      <p>
        Each thing it keeps is listed below with where your browser keeps it and its name there, as your browser’s developer
        tools show it.
      </p>
      {things.map((thing, i) => (
        <Kept key={thing.name} thing={thing} id={`kept-${i + 1}`} />
      ))}
      <h2>Removing what this site keeps</h2>
      {quickExit ? (
        <p>
          <Link to={paths.leaveQuickly.href()}>Clear this site’s data from this device</Link>, on the page about leaving this site
          quickly, removes everything listed here at once.
        </p>
      ) : null}
      <p>
        Your browser’s own settings remove it too: clear the cookies and site data, or the browsing data, for this site. A
        private window (Incognito, InPrivate or Private Browsing) keeps none of it once it is closed.
      </p>
      {info.privacyUrl ? (
        <>
          <h2>Your personal information</h2>
          <p>
            How {info.name} looks after personal information is set out in its <a href={info.privacyUrl}>privacy notice</a>.
          </p>
        </>
      ) : null}
    </article>
  );
}
