/** The last step shared by RSS, RDF and Atom: an item is kept only with an id and a title or content. */
import { compact } from './guards.ts';
import { report, type MapContext } from './context.ts';
import type { JsonFeedItem } from './types.ts';

export interface Draft extends Omit<JsonFeedItem, 'id'> {
  id?: string;
}

/** The finished item, or null (reported) when it must be skipped. */
export function finishItem(ctx: MapContext, draft: Draft, label: string, idField: string, idHint: string): JsonFeedItem | null {
  if (!draft.id) {
    report(ctx, { level: 'error', item: label, field: idField, message: 'has no id, so it was skipped', fix: `write ${idHint}` });
    return null;
  }
  if (!draft.title && !draft.content_html && !draft.content_text) {
    report(ctx, { level: 'error', item: label, field: 'title', message: 'has no title and no content, so it was skipped', fix: 'write a title, or the release itself' });
    return null;
  }
  return compact({ ...draft, id: draft.id });
}
