/** Atom 1.0 to Bulletin items, per FEED-FORMAT's table, with xml:base resolution. Pure. */
import { categoriesToAreas, dateField, itemLabel, type MapContext, type MappedPage } from './context.ts';
import { httpUrl, list, rec, text, xmlBase as baseOf } from './guards.ts';
import { absoluteLinks, htmlToText } from './html.ts';
import { finishItem } from './news-item.ts';
import type { JsonFeedItem } from './types.ts';

/** An Atom text construct as plain text (html and xhtml reduced to text). */
function plain(construct: unknown): string | undefined {
  const c = rec(construct);
  const value = text(c.value) ?? text(construct);
  if (value === undefined) return undefined;
  const type = text(c.type)?.toLowerCase();
  return (type === 'html' || type === 'xhtml' ? htmlToText(value) : value) || undefined;
}

function linkWith(links: unknown, rel: string, type?: RegExp): Record<string, unknown> | undefined {
  return list(links).map(rec).find((l) => (text(l.rel)?.toLowerCase() ?? 'alternate') === rel && (!type || type.test(text(l.type) ?? '')));
}

function alternate(links: unknown, base: string): string | undefined {
  const html = linkWith(links, 'alternate', /html/i) ?? linkWith(links, 'alternate');
  return httpUrl(html?.href, baseOf(html, base));
}

function atomEntry(ctx: MapContext, raw: unknown, position: number, feedBase: string, feedAuthors: unknown): JsonFeedItem | null {
  const entry = rec(raw);
  const base = baseOf(entry, feedBase);
  const id = text(entry.id);
  const title = plain(entry.title);
  const label = itemLabel(title, id, position);

  const content = rec(entry.content);
  const contentType = text(content.type)?.toLowerCase() ?? 'text';
  const contentValue = text(content.value) ?? text(entry.content);
  const isMarkup = contentType === 'html' || contentType === 'xhtml' || contentType.includes('html');

  const enclosure = linkWith(entry.links, 'enclosure', /^image\//i);
  const authors = list(entry.authors).length > 0 ? list(entry.authors) : list(feedAuthors);
  // A category maps to an area by its term or its label; otherwise it becomes one tag (its label, else its term).
  const areas = new Set<string>();
  const tags = new Set<string>();
  for (const c of list(entry.categories).map(rec)) {
    const names = [text(c.term), text(c.label)].filter((n): n is string => n !== undefined);
    const mapped = categoriesToAreas(ctx, names).areas;
    if (mapped.length > 0) mapped.forEach((a) => areas.add(a));
    else if (names.length > 0) tags.add(names[names.length - 1] ?? '');
  }

  const published = text(entry.published);
  const updated = text(entry.updated);
  return finishItem(ctx, {
    id,
    url: alternate(entry.links, base),
    title,
    summary: plain(entry.summary),
    content_html: isMarkup && contentValue !== undefined ? absoluteLinks(contentValue, base) : undefined,
    content_text: contentType === 'text' ? contentValue : undefined,
    date_published: dateField(ctx, published ?? updated, published ? 'published' : 'updated', label),
    date_modified: published && updated ? dateField(ctx, updated, 'updated', label) : undefined,
    authors: authors.map(rec).flatMap((a) => {
      const name = text(a.name);
      const url = httpUrl(a.uri, base);
      return name || url ? [{ ...(name ? { name } : {}), ...(url ? { url } : {}) }] : [];
    }),
    image: httpUrl(enclosure?.href, baseOf(enclosure, base)),
    tags: [...tags],
    _bulletin: areas.size > 0 ? { kind: 'news', areas: [...areas] } : { kind: 'news' },
  }, label, 'id', '<id>a-unique-id</id>');
}

/** One Atom document, as parsed by feedsmith (unknown until read here). */
export function mapAtom(ctx: MapContext, parsed: unknown): MappedPage<JsonFeedItem> {
  const feed = rec(parsed);
  const base = baseOf(feed, ctx.base);
  const items: JsonFeedItem[] = [];
  let skipped = 0;
  list(feed.entries).forEach((raw, i) => {
    const item = atomEntry(ctx, raw, i + 1, base, feed.authors);
    if (item) items.push(item);
    else skipped += 1;
  });
  const next = linkWith(feed.links, 'next');
  return {
    title: plain(feed.title),
    homePageUrl: alternate(feed.links, base),
    description: plain(feed.subtitle),
    language: text(rec(feed.xml).lang),
    next: next ? httpUrl(next.href, baseOf(next, base)) ?? text(next.href) : undefined,
    items,
    skipped,
  };
}
