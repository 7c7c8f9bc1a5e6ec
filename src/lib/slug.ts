/**
 * Readable, stable addresses for items: `/news/force-praised-for-crime-prevention-work-1x2y3z4`.
 * The words come from the title (for people); the suffix is a hash of the item's id (for the
 * reader), so the address keeps working when a newsroom edits a headline.
 */

const MAX_WORDS_LENGTH = 60;

/** FNV-1a, 32 bit, as 7 base-36 characters. Stable across browsers and runs. */
export function hashId(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, '0');
}

/** Lowercase ASCII words joined by `-`, accents folded, at most 60 characters, cut at a word. */
export function slugWords(text: string): string {
  const words = text
    .slice(0, 500)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= MAX_WORDS_LENGTH) return words;
  const cut = words.slice(0, MAX_WORDS_LENGTH + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 0 ? cut.slice(0, lastDash) : cut.slice(0, MAX_WORDS_LENGTH)).replace(/-+$/, '');
}

export function makeSlug(id: string, title: string | null): string {
  const words = slugWords(title ?? '') || 'item';
  return `${words}-${hashId(id)}`;
}

/** The id hash at the end of a slug, or null when the slug cannot be one of ours. */
export function slugHash(slug: string): string | null {
  const m = /-([0-9a-z]{7})$/.exec(slug);
  return m ? (m[1] ?? null) : null;
}
