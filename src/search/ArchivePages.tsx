/**
 * The archive: every year that has releases (`/archive/`), and one year's releases
 * (`/news/<year>/`), month by month, newest first. Read from the search index file, so every item
 * of the source is there, not only the pages loaded. Prerendered: they read without script.
 */
import { useMemo } from 'react';
import { itemHref, paths } from '../config/paths';
import { useFeed } from '../feed';
import { dayKey, formatMonth } from '../lib/dates';
import { Link } from '../ui/Link';
import { Loading } from '../ui/Loading';
import { NotFoundPage } from '../ui/NotFoundPage';
import { areaLabel } from '../ui/item-text';
import { PageHeading } from '../ui/PageHeading';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import type { SearchDoc, SearchIndexFile } from './documents';
import { DocDate, IndexProblem } from './parts';
import { useSearchIndex } from './queries';

/** Releases (news, not events) by year, the years newest first. */
export function releasesByYear(file: SearchIndexFile): Map<number, SearchDoc[]> {
  const years = new Map<number, SearchDoc[]>();
  for (const doc of file.docs) {
    if (doc.kind !== 'news' || doc.year === null) continue;
    const list = years.get(doc.year);
    if (list) list.push(doc);
    else years.set(doc.year, [doc]);
  }
  return new Map([...years].sort((a, b) => b[0] - a[0]));
}

const plural = (n: number) => (n === 1 ? '1 release' : `${n.toLocaleString('en-GB')} releases`);

/** Until the index is in, or when it cannot be: the page's heading and what is happening. */
function Waiting({ heading }: { heading: string }) {
  const index = useSearchIndex();
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      {index.isError ? (
        <IndexProblem error={index.error} onRetry={() => void index.refetch()} archive={null} />
      ) : (
        <Loading label="Loading the archive…" lines={6} />
      )}
    </>
  );
}

export function ArchiveIndexPage() {
  const { feed } = useFeed();
  const index = useSearchIndex();
  useDocumentTitle('Archive', feed?.title ?? null);
  const years = useMemo(() => (index.data ? releasesByYear(index.data) : null), [index.data]);
  if (!years) return <Waiting heading="Archive" />;
  return (
    <>
      <PageHeading>Archive</PageHeading>
      <p className="lede">Every release, year by year.</p>
      {years.size === 0 ? (
        <p>There are no dated releases yet.</p>
      ) : (
        <ul className="archive-years" aria-label="Years">
          {[...years].map(([year, docs]) => (
            <li key={year}>
              <Link to={paths.archiveYear.href(year)}>{year}</Link> <span className="quiet-note">({plural(docs.length)})</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        To find a release by its words, use <Link to={paths.search.href()}>search</Link>.
      </p>
    </>
  );
}

/** "March 2018" for a document, in the newsroom's zone. */
function monthOf(doc: SearchDoc, zone: string): string {
  return doc.date ? formatMonth(new Date(doc.date), zone) : '';
}

export function ArchiveYearPage({ year }: { year: number }) {
  const { feed } = useFeed();
  const index = useSearchIndex();
  const heading = `News from ${year}`;
  useDocumentTitle(heading, feed?.title ?? null);
  const file = index.data ?? null;
  const years = useMemo(() => (file ? releasesByYear(file) : null), [file]);
  if (!file || !years) return <Waiting heading={heading} />;
  const docs = years.get(year);
  if (!docs) return <NotFoundPage />;
  const months = new Map<string, SearchDoc[]>();
  for (const doc of docs) {
    const key = doc.date ? dayKey(new Date(doc.date), file.zone).slice(0, 7) : '';
    const list = months.get(key);
    if (list) list.push(doc);
    else months.set(key, [doc]);
  }
  const all = [...years.keys()];
  const at = all.indexOf(year);
  const newer = all[at - 1];
  const older = all[at + 1];
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <p className="lede">{plural(docs.length)}, newest first.</p>
      <nav aria-label="Archive" className="archive-nav">
        <ul>
          {newer !== undefined ? (
            <li>
              <Link to={paths.archiveYear.href(newer)}>News from {newer}</Link>
            </li>
          ) : null}
          {older !== undefined ? (
            <li>
              <Link to={paths.archiveYear.href(older)}>News from {older}</Link>
            </li>
          ) : null}
          <li>
            <Link to={paths.archive.href()}>Every year</Link>
          </li>
        </ul>
      </nav>
      {[...months].map(([key, list]) => {
        const name = list[0] ? monthOf(list[0], file.zone) : key;
        const id = `month-${key}`;
        return (
          <section key={key} aria-labelledby={id}>
            <h2 className="heading-l" id={id}>
              {name}
            </h2>
            <ul className="item-list" aria-label={`News from ${name}`}>
              {list.map((doc) => (
                <li key={doc.slug} className="item-card">
                  <h3 className="item-card__title" dir="auto">
                    <Link to={itemHref(doc)}>{doc.title}</Link>
                  </h3>
                  <p className="item-card__meta">
                    <DocDate doc={doc} zone={file.zone} />
                    <span className="tag">
                      <span className="visually-hidden">Area: </span>
                      {areaLabel(doc, file.areas)}
                    </span>
                  </p>
                  {doc.summary ? (
                    <p className="item-card__summary" dir="auto">
                      {doc.summary}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
