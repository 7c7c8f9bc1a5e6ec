/**
 * The search page (`/search/?q=&area=&kind=&year=`): every item of the source, searched in the
 * browser over the index file. The query and filters live in the address (shareable; back and
 * forward work); typing updates it after a pause, so the count is announced once per change.
 * Prerendered with a plain message for readers without script, which links to the archive.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { itemHref, paths, type ItemKind } from '../config/paths';
import { useFeed } from '../feed';
import { useIsClient } from '../lib/useIsClient';
import { Link } from '../ui/Link';
import { Loading } from '../ui/Loading';
import { areaLabel } from '../ui/item-text';
import { PageHeading } from '../ui/PageHeading';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import type { SearchIndexFile } from './documents';
import { createEngine, highlight, type SearchEngine, type SearchFilters, type SearchHit } from './engine';
import { DocDate, IndexProblem, Marked } from './parts';
import { useSearchIndex } from './queries';

/** How long typing pauses before the address (and so the results and their count) follow. */
export const TYPING_PAUSE_MS = 400;
/** Results shown at first, and added by "Show more results". */
export const RESULTS_STEP = 20;

const KINDS: { value: '' | ItemKind; label: string }[] = [
  { value: '', label: 'News and events' },
  { value: 'news', label: 'News' },
  { value: 'event', label: 'Events' },
];

/** The filters as the address gives them (anything unknown read as "any"). */
export function readFilters(params: URLSearchParams): SearchFilters {
  const kind = params.get('kind');
  const year = params.get('year') ?? '';
  return { area: params.get('area') ?? '', kind: kind === 'news' || kind === 'event' ? kind : '', year: /^\d{4}$/.test(year) ? year : '' };
}

/** One engine per index file, so coming back to search does not index again. */
const engines = new WeakMap<SearchIndexFile, SearchEngine>();
function engineFor(file: SearchIndexFile): SearchEngine {
  let engine = engines.get(file);
  if (!engine) engines.set(file, (engine = createEngine(file)));
  return engine;
}

function ArchiveLink() {
  return (
    <p>
      You can also browse every release by year in the <Link to={paths.archive.href()}>archive</Link>.
    </p>
  );
}

export function SearchPage() {
  const { search } = useLocation();
  const { feed } = useFeed();
  const isClient = useIsClient();
  const q = new URLSearchParams(search).get('q')?.trim() ?? '';
  useDocumentTitle(q ? `Search: ${q}` : 'Search', feed?.title ?? null);
  return (
    <>
      <PageHeading>Search</PageHeading>
      <noscript>
        <div className="problem">
          <p>Search needs JavaScript, which is turned off or has not loaded in this browser.</p>
          <p>
            You can find every release by year in the <a href={paths.archive.href()}>archive</a>.
          </p>
        </div>
      </noscript>
      {isClient ? <SearchForm /> : null}
    </>
  );
}

function SearchForm() {
  const index = useSearchIndex();
  const { search } = useLocation();
  const navigate = useNavigate();
  const params = new URLSearchParams(search);
  const q = params.get('q') ?? '';
  const filters = readFilters(params);
  const inputId = useId();
  const [text, setText] = useState(q);
  // The address changed from outside (the header's box, back, forward): the box follows it.
  const [addressQuery, setAddressQuery] = useState(q);
  if (addressQuery !== q) {
    setAddressQuery(q);
    setText(q);
  }

  const update = (change: Partial<Record<'q' | keyof SearchFilters, string>>, replace: boolean) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    void navigate(paths.search.href(next), { replace });
  };

  // Typing: the address follows after a pause (replacing it, so back is not a keystroke each).
  useEffect(() => {
    if (text.trim() === q.trim()) return;
    const timer = setTimeout(() => update({ q: text.trim() }, true), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
    // update is a new function each render; it writes onto the address of this render (search).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, q, search]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (text.trim() !== q.trim()) update({ q: text.trim() }, false);
  };

  const file = index.data ?? null;
  const engine = useMemo(() => (file ? engineFor(file) : null), [file]);
  const query = q.trim();
  const hits = useMemo(
    () => (engine ? engine.search(query, { area: filters.area, kind: filters.kind, year: filters.year }) : []),
    [engine, query, filters.area, filters.kind, filters.year],
  );
  const years = useMemo(() => [...new Set((file?.docs ?? []).flatMap((d) => (d.year === null ? [] : [d.year])))].sort((a, b) => b - a), [file]);

  const filtered = filters.area !== '' || filters.kind !== '' || filters.year !== '';
  const summary =
    !engine || query === ''
      ? ''
      : hits.length === 0
        ? `No results for “${query}”${filtered ? ' with these filters' : ''}.`
        : `${hits.length === 1 ? '1 result' : `${hits.length} results`} for “${query}”${filtered ? ' with these filters' : ''}.`;

  return (
    <>
      <form className="search-form" onSubmit={onSubmit} action={paths.search.href()} method="get">
        <div className="search-form__query">
          <label htmlFor={inputId} className="search-form__label">
            Search news and events
          </label>
          <div className="search-form__row">
            <input id={inputId} className="control" type="search" name="q" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" spellCheck={false} />
            <button type="submit" className="button">
              Search
            </button>
          </div>
        </div>
        <fieldset className="search-form__filters">
          <legend>Filter results</legend>
          <Select label="Area" name="area" value={filters.area} onChange={(v) => update({ area: v }, false)}
            options={[{ value: '', label: 'All areas' }, ...(file?.areas ?? []).map((a) => ({ value: a.id, label: a.name }))]} />
          <Select label="Kind" name="kind" value={filters.kind} onChange={(v) => update({ kind: v }, false)} options={KINDS} />
          <Select label="Year" name="year" value={filters.year} onChange={(v) => update({ year: v }, false)}
            options={[{ value: '', label: 'Any year' }, ...years.map((y) => ({ value: String(y), label: String(y) }))]} />
        </fieldset>
      </form>
      {/* The count, announced politely once per change of the address (never per keystroke). */}
      <p className="search-summary" role="status" aria-live="polite" aria-atomic="true">
        {summary}
      </p>
      {index.isError ? (
        <IndexProblem error={index.error} onRetry={() => void index.refetch()} archive={<ArchiveLink />} />
      ) : !engine ? (
        <Loading label="Loading search…" lines={3} />
      ) : query === '' ? (
        <>
          <p>Type a word or two to search every release and event, then choose filters to narrow the results.</p>
          <ArchiveLink />
        </>
      ) : hits.length === 0 ? (
        <>
          <p>Check the spelling, try fewer or other words{filtered ? ', or remove a filter' : ''}.</p>
          <ArchiveLink />
        </>
      ) : (
        <Results key={`${query}|${filters.area}|${filters.kind}|${filters.year}`} hits={hits} file={file} />
      )}
    </>
  );
}

function Select({ label, name, value, options, onChange }: { label: string; name: string; value: string; options: readonly { value: string; label: string }[]; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="search-form__filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="control" name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Results({ hits, file }: { hits: readonly SearchHit[]; file: SearchIndexFile | null }) {
  const [shown, setShown] = useState(RESULTS_STEP);
  // After "Show more results", focus moves to the first result added (the button is gone or moved).
  const focusAt = useRef<number | null>(null);
  const focusIfFirstNew = (i: number) => (link: HTMLAnchorElement | null) => {
    if (link && focusAt.current === i) {
      focusAt.current = null;
      link.focus();
    }
  };
  if (!file) return null;
  const visible = hits.slice(0, shown);
  return (
    <>
      <ol className="item-list search-results" aria-label="Results">
        {visible.map((hit, i) => {
          const { title, snippet } = highlight(hit);
          return (
            <li key={`${hit.doc.kind}/${hit.doc.slug}`} className="item-card">
              <h2 className="item-card__title" dir="auto">
                <Link to={itemHref(hit.doc)} ref={focusIfFirstNew(i)}>
                  <Marked parts={title} />
                </Link>
              </h2>
              <p className="item-card__meta">
                <DocDate doc={hit.doc} zone={file.zone} />
                <span className="tag">{hit.doc.kind === 'event' ? 'Event' : 'News'}</span>
                <span className="tag">
                  <span className="visually-hidden">Area: </span>
                  {areaLabel(hit.doc, file.areas)}
                </span>
              </p>
              <p className="item-card__summary search-results__snippet" dir="auto">
                <Marked parts={snippet} />
              </p>
            </li>
          );
        })}
      </ol>
      {hits.length > shown ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              focusAt.current = shown;
              setShown(shown + RESULTS_STEP);
            }}
          >
            Show {Math.min(RESULTS_STEP, hits.length - shown)} more results
          </button>
        </p>
      ) : null}
    </>
  );
}
