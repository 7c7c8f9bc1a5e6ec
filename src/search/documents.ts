/**
 * The search index file (`/search-index.json`, written by the build: build/prerender.ts through
 * src/boot/prerender.tsx): one compact document per item of every page of the source, with the
 * few fields results and the archive show. The engine (./engine.ts) indexes them in the browser.
 * Pure: the body's plain text is given by the caller (the build reads it from the sanitised body).
 */
import type { ItemKind } from '../config/paths';
import { dayKey } from '../lib/dates';
import type { FeedPage, Item } from '../feed';
import { displayTitle } from '../ui/item-text';

/** Its shape's version: the app reads only the version it knows. */
export const SEARCH_INDEX_VERSION = 1;

/** One item as search and the archive need it. Plain text only, never HTML. */
export interface SearchDoc {
  slug: string;
  kind: ItemKind;
  title: string;
  summary: string;
  /** The body as plain text (from the sanitised HTML, else content_text). */
  text: string;
  /** Ids of areas the feed defines; empty means force-wide. */
  areas: string[];
  /** When it was published (ISO 8601), or null. */
  date: string | null;
  /** Its year in the newsroom's time zone, or null without a date. */
  year: number | null;
}

export interface SearchIndexFile {
  version: typeof SEARCH_INDEX_VERSION;
  /** The newsroom's time zone (dates are shown in it). */
  zone: string;
  areas: { id: string; name: string }[];
  /** Newest first; undated items last. */
  docs: SearchDoc[];
}

/** Every item of every page (duplicates by address dropped), as search documents, newest first. */
export function searchIndexFile(pages: readonly FeedPage[], plainText: (item: Item) => string): SearchIndexFile {
  const first = pages[0];
  const zone = first?.timezone ?? 'UTC';
  const seen = new Set<string>();
  const docs: { doc: SearchDoc; time: number; order: number }[] = [];
  for (const page of pages) {
    for (const item of page.items) {
      const key = `${item.kind}/${item.slug}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const date = item.published.state === 'known' ? item.published.date : null;
      docs.push({
        doc: {
          slug: item.slug,
          kind: item.kind,
          title: displayTitle(item),
          summary: item.summary ?? '',
          text: plainText(item),
          areas: item.areas,
          date: date ? date.toISOString() : null,
          year: date ? Number(dayKey(date, zone).slice(0, 4)) : null,
        },
        time: date ? date.getTime() : Number.NEGATIVE_INFINITY,
        order: docs.length,
      });
    }
  }
  docs.sort((a, b) => b.time - a.time || a.order - b.order);
  return {
    version: SEARCH_INDEX_VERSION,
    zone,
    areas: (first?.areas ?? []).map((a) => ({ id: a.id, name: a.name })),
    docs: docs.map((d) => d.doc),
  };
}

const BLOCKS = new Set([
  'ADDRESS', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HR', 'LI', 'OL', 'P', 'PRE', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/**
 * The text of a body (a sanitised fragment), as a reader reads it: words of separate blocks kept
 * apart, white space folded. Iterative, so a deeply nested body cannot overflow the stack.
 */
export function plainTextOf(root: Node): string {
  const out: string[] = [];
  const stack: (Node | ' ')[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node === ' ') {
      out.push(' ');
      continue;
    }
    if (node.nodeType === 3) {
      out.push(node.nodeValue ?? '');
      continue;
    }
    const block = node.nodeType === 1 && BLOCKS.has(node.nodeName.toUpperCase());
    if (block) stack.push(' ');
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
    if (block) out.push(' ');
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}

const isDoc = (d: unknown): d is SearchDoc => {
  if (typeof d !== 'object' || d === null) return false;
  const v = d as Record<string, unknown>;
  return (
    typeof v.slug === 'string' && (v.kind === 'news' || v.kind === 'event') && typeof v.title === 'string' && typeof v.summary === 'string' &&
    typeof v.text === 'string' && Array.isArray(v.areas) && v.areas.every((a) => typeof a === 'string') &&
    (v.date === null || typeof v.date === 'string') && (v.year === null || Number.isInteger(v.year))
  );
};

/**
 * The index file as read from the network, or null when it is not one this app reads (another
 * version, another shape). A malformed document is left out, never shown half.
 */
export function readSearchIndex(value: unknown): SearchIndexFile | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.version !== SEARCH_INDEX_VERSION || typeof v.zone !== 'string' || !Array.isArray(v.areas) || !Array.isArray(v.docs)) return null;
  const areas = v.areas.filter((a): a is { id: string; name: string } => typeof a === 'object' && a !== null && typeof (a as { id?: unknown }).id === 'string' && typeof (a as { name?: unknown }).name === 'string');
  return { version: SEARCH_INDEX_VERSION, zone: v.zone, areas, docs: v.docs.filter(isDoc) };
}
