/**
 * What a prerendered page starts only after its first paint, and how the page says so: one
 * `<meta name="bulletin:after-paint">` whose content lists what to start, each as `kind:address`,
 * separated by spaces:
 *
 *   <meta name="bulletin:after-paint" content="feed:/feed.json modulepreload:/assets/a.js module:/assets/index.js"
 *         data-page="/news/…" data-by-area>
 *
 * - `module`: the app's entry script; `modulepreload`: a module it imports; `feed`: the feed,
 *   preloaded so that the app's own fetch picks it up.
 * - `data-page`: the address the page was rendered for. `index.html` is also served for addresses
 *   without a file of their own; there the markup is stale.
 * - `data-by-area`: the page's content depends on the reader's postcode; `data-areas` then lists
 *   the feed's areas and their postcodes (JSON), for the boot script to find the reader's, and
 *   `data-area-views` says that the page carries each area's view of its `<main>` (latest news as
 *   `/area/<id>/` shows it), each in a `<template data-area-view="<id>">` after #root: the boot
 *   script shows the reader's in place of the general one, with no second request.
 * - `data-feed-page`: the feed page (beyond the first) that holds what the page shows, so that the
 *   app fetches that page rather than every page before it.
 * - `data-valid-until`: when what the page shows stops being true (an upcoming event starts or
 *   ends); after that the markup is stale.
 *
 * The one definition of this format: the build writes it (build/page-template.ts), the boot script
 * reads it (./boot-script.ts), and the build check follows it (build/check.ts). Pure; no DOM.
 */
import { samePage } from '../config/paths.ts';

export const AFTER_PAINT_META = 'bulletin:after-paint';

export const START_KINDS = ['feed', 'modulepreload', 'module'] as const;
export type StartKind = (typeof START_KINDS)[number];

export interface Start {
  kind: StartKind;
  /** Root-relative or absolute address; never contains whitespace. */
  href: string;
}

function isStartKind(kind: string): kind is StartKind {
  return (START_KINDS as readonly string[]).includes(kind);
}

/** The meta's content for these starts. Throws for an address the format cannot carry. */
export function formatStarts(starts: readonly Start[]): string {
  return starts
    .map(({ kind, href }) => {
      if (href === '' || /\s/.test(href)) throw new Error(`after-paint: the address ${JSON.stringify(href)} cannot be listed`);
      return `${kind}:${href}`;
    })
    .join(' ');
}

/** The starts a meta's content lists, in order; unknown kinds and empty addresses are skipped. */
export function parseStarts(content: string): Start[] {
  const starts: Start[] = [];
  for (const token of content.split(/\s+/)) {
    const colon = token.indexOf(':');
    if (colon <= 0) continue;
    const kind = token.slice(0, colon);
    const href = token.slice(colon + 1);
    if (isStartKind(kind) && href !== '') starts.push({ kind, href });
  }
  return starts;
}

/** The address of a page that stands for every address: the not-found page, served for any unknown one. */
export const ANY_ADDRESS = '*';

/** What the page says about itself on the meta. */
export interface RenderedFor {
  /** The address the markup was rendered for. */
  page: string;
  /** The markup depends on the reader's postcode (news grouped by area). */
  byArea: boolean;
  /** On a page that depends on the postcode: the areas and their postcodes. */
  areas: readonly PageArea[] | null;
  /** The page carries each area's view of its main content (areaViewSelector). */
  areaViews: boolean;
  /** The feed page beyond the first that holds what the page shows, or null. */
  feedPage: string | null;
  /** When the markup stops being true (RFC 3339), or null for never. */
  validUntil: string | null;
}

/** An area as the boot script needs it: its id and postcode prefixes. */
export interface PageArea {
  id: string;
  postcodes: readonly string[];
}

const ATTRIBUTES = {
  page: 'data-page',
  byArea: 'data-by-area',
  areas: 'data-areas',
  areaViews: 'data-area-views',
  feedPage: 'data-feed-page',
  validUntil: 'data-valid-until',
} as const;

function readAreas(json: string | null): PageArea[] | null {
  if (json === null) return null;
  try {
    const raw: unknown = JSON.parse(json);
    if (!Array.isArray(raw)) return null;
    return raw.flatMap((a: unknown) => {
      if (!Array.isArray(a) || typeof a[0] !== 'string' || !Array.isArray(a[1])) return [];
      return [{ id: a[0], postcodes: (a[1] as unknown[]).filter((p): p is string => typeof p === 'string') }];
    });
  } catch {
    return null;
  }
}

/** The meta's attributes for a page, in order; a true flag has the value ''. Unset ones are left out. */
export function renderedForAttributes(r: RenderedFor): [string, string][] {
  const out: [string, string][] = [[ATTRIBUTES.page, r.page]];
  if (r.byArea) out.push([ATTRIBUTES.byArea, '']);
  if (r.areas !== null) out.push([ATTRIBUTES.areas, JSON.stringify(r.areas.map((a) => [a.id, a.postcodes]))]);
  if (r.areaViews) out.push([ATTRIBUTES.areaViews, '']);
  if (r.feedPage !== null) out.push([ATTRIBUTES.feedPage, r.feedPage]);
  if (r.validUntil !== null) out.push([ATTRIBUTES.validUntil, r.validUntil]);
  return out;
}

/** What the app takes of the meta (src/boot/hydrate.ts): the address the page was rendered for and the feed page it names. */
export type PageAndFeedPage = Pick<RenderedFor, 'page' | 'feedPage'>;

/**
 * The meta's address and feed page, read through `attribute` (an element's getAttribute): all the
 * app's entry needs of it, so the rest (the areas' JSON, the boot script's) stays out of the entry.
 */
export function readPageAndFeedPage(attribute: (name: string) => string | null): PageAndFeedPage {
  return { page: attribute(ATTRIBUTES.page) ?? '', feedPage: attribute(ATTRIBUTES.feedPage) };
}

/** What a page's meta says, read through `attribute` (an element's getAttribute). */
export function readRenderedFor(attribute: (name: string) => string | null): RenderedFor {
  // Not built on readPageAndFeedPage: the inline boot script, on every page, is the smaller for it.
  return {
    page: attribute(ATTRIBUTES.page) ?? '',
    byArea: attribute(ATTRIBUTES.byArea) !== null,
    areas: readAreas(attribute(ATTRIBUTES.areas)),
    areaViews: attribute(ATTRIBUTES.areaViews) !== null,
    feedPage: attribute(ATTRIBUTES.feedPage),
    validUntil: attribute(ATTRIBUTES.validUntil),
  };
}


/** The attribute of the `<template>` that holds one area's view of a page's `<main>`. */
export const AREA_VIEW_ATTRIBUTE = 'data-area-view';

/**
 * On <html>, once the boot script has shown an area's view in <main>: that area's id. The app
 * hydrates the page as shown (src/preferences/useReaderArea.ts), so React keeps the DOM.
 */
export const AREA_SHOWN_ATTRIBUTE = 'data-area-shown';

/** The selector of the template that holds area `id`'s view. */
export function areaViewSelector(id: string): string {
  return `template[${AREA_VIEW_ATTRIBUTE}="${id.replace(/["\\]/g, '\\$&')}"]`;
}

/**
 * Whether prerendered markup cannot be shown as it is: it was rendered for another address, for
 * no area when the reader has one (and it carries no view for theirs), or it has expired.
 */
export function isStale(renderedFor: RenderedFor, pathname: string, hasArea: boolean, now: number): boolean {
  const here = renderedFor.page === ANY_ADDRESS || samePage(renderedFor.page, pathname);
  if (!here) return true;
  if (renderedFor.byArea && hasArea && !renderedFor.areaViews) return true;
  const until = renderedFor.validUntil === null ? Number.NaN : Date.parse(renderedFor.validUntil);
  return now >= until;
}
