/** RSS 2.0 (and RSS 1.0 / RDF) to Bulletin items, per FEED-FORMAT's table. Pure. */
import { categoriesToAreas, dateField, itemLabel, report, type MapContext, type MappedPage } from './context.ts';
import { firstText, httpUrl, list, rec, text, xmlBase } from './guards.ts';
import { absoluteLinks, htmlToText } from './html.ts';
import { finishItem } from './news-item.ts';
import type { JsonFeedAttachment, JsonFeedItem } from './types.ts';

function nextLink(links: unknown): string | undefined {
  for (const l of list(links)) {
    const link = rec(l);
    if (text(link.rel)?.toLowerCase() === 'next') return text(link.href);
  }
  return undefined;
}

function isImage(type: unknown, medium?: unknown): boolean {
  return /^image\//i.test(text(type) ?? '') || text(medium) === 'image';
}

function rssItem(pageCtx: MapContext, raw: unknown, position: number): JsonFeedItem | null {
  const item = rec(raw);
  const ctx = { ...pageCtx, base: xmlBase(item, pageCtx.base) };
  const rdf = rec(item.rdf);
  const dc = rec(item.dc);
  const rawTitle = text(item.title);
  const title = rawTitle === undefined ? undefined : htmlToText(rawTitle) || undefined;
  const link = httpUrl(item.link, ctx.base);
  const id = firstText(rec(item.guid).value, item.guid, link, httpUrl(rdf.about, ctx.base));
  const label = itemLabel(title, id, position);

  const encoded = text(rec(item.content).encoded);
  const description = text(item.description);
  const summary = encoded && description ? htmlToText(description) || undefined : undefined;
  const body = encoded ?? description;
  const contentHtml = body === undefined ? undefined : absoluteLinks(body, ctx.base);

  const names = [...list(dc.creators), dc.creator, ...list(item.authors).map((a) => rec(a).name ?? (typeof a === 'string' ? a : undefined))]
    .map(text)
    .filter((n): n is string => n !== undefined);

  const enclosures = list(item.enclosures).map(rec);
  const media = list(rec(item.media).contents).map(rec);
  const image = httpUrl(enclosures.find((e) => isImage(e.type))?.url, ctx.base) ?? httpUrl(media.find((m) => isImage(m.type, m.medium))?.url, ctx.base);
  const attachments: JsonFeedAttachment[] = [];
  for (const e of enclosures) {
    const url = httpUrl(e.url, ctx.base);
    const type = text(e.type);
    if (!url || !type || isImage(type)) continue;
    const length = Number(e.length);
    attachments.push(Number.isFinite(length) && length > 0 ? { url, mime_type: type, size_in_bytes: length } : { url, mime_type: type });
  }

  const categories = list(item.categories).map((c) => text(rec(c).name) ?? text(c)).filter((c): c is string => c !== undefined);
  const { areas, tags } = categoriesToAreas(ctx, categories);
  const published = dateField(ctx, firstText(item.pubDate, dc.date, list(dc.dates)[0]), 'pubDate', label);

  if (!link && id && !text(rec(item.guid).value) && !text(item.guid)) {
    report(ctx, { level: 'warning', item: label, field: 'link', message: 'has no link to the release on the web', fix: 'write <link>https://…/the-release</link>' });
  }
  return finishItem(ctx, {
    id,
    url: link,
    title,
    summary,
    content_html: contentHtml,
    date_published: published,
    authors: [...new Set(names)].map((name) => ({ name })),
    image,
    tags,
    attachments,
    _bulletin: areas.length > 0 ? { kind: 'news', areas } : { kind: 'news' },
  }, label, 'guid', '<guid isPermaLink="false">a-unique-id</guid>, or a <link>');
}

/** One RSS 2.0 or RDF document, as parsed by feedsmith (unknown until read here). */
export function mapRss(pageCtx: MapContext, parsed: unknown): MappedPage<JsonFeedItem> {
  const channel = rec(parsed);
  const ctx = { ...pageCtx, base: xmlBase(channel, pageCtx.base) };
  const items: JsonFeedItem[] = [];
  let skipped = 0;
  list(channel.items).forEach((raw, i) => {
    const item = rssItem(ctx, raw, i + 1);
    if (item) items.push(item);
    else skipped += 1;
  });
  const rawTitle = text(channel.title);
  const rawDescription = text(channel.description);
  return {
    title: rawTitle && htmlToText(rawTitle),
    homePageUrl: httpUrl(channel.link, ctx.base),
    description: rawDescription && htmlToText(rawDescription),
    language: text(channel.language) ?? text(rec(channel.dc).language),
    next: nextLink(rec(channel.atom).links),
    items,
    skipped,
  };
}
