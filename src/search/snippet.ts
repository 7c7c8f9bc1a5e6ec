/**
 * The matched words in context: a short run of a document's text around the first matched word,
 * cut at word boundaries, every matched word marked. Words are split as the engine splits them
 * (./engine.ts: white space and punctuation), compared as the engine compares them (fold).
 */

/** A run of text, marked or not. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/** What the engine takes as a word: a run of anything but line breaks, white space and punctuation. */
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/**
 * A word as the engine indexes and looks it up: lower case, a plural's "s" dropped ("patrols" and
 * "patrol" are one word; "address" keeps its "ss"). Matched words are marked by the same rule.
 */
export function fold(word: string): string {
  const w = word.toLowerCase();
  return w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/** How many characters of context, roughly, a snippet shows. */
export const SNIPPET_LENGTH = 180;

/** The text's words that are among `terms` (lower case), marked; the rest plain. */
export function markTerms(text: string, terms: ReadonlySet<string>): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (!terms.has(fold(m[0]))) continue;
    if (m.index > last) parts.push({ text: text.slice(last, m.index), match: false });
    parts.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

/** Where the first of `terms` is in `text`, or -1. */
export function firstMatch(text: string, terms: ReadonlySet<string>): number {
  for (const m of text.matchAll(WORD)) if (terms.has(fold(m[0]))) return m.index;
  return -1;
}

/**
 * A snippet of `text` around its first matched word (or its start, when none matches), about
 * `length` characters long, "…" where it is cut, matched words marked.
 */
export function snippet(text: string, terms: ReadonlySet<string>, length = SNIPPET_LENGTH): SnippetPart[] {
  if (text.length <= length) return markTerms(text, terms);
  const at = Math.max(0, firstMatch(text, terms));
  let start = Math.max(0, at - Math.floor(length / 3));
  let end = Math.min(text.length, start + length);
  if (end === text.length) start = Math.max(0, end - length);
  // Cut at white space, so no word is shown in part.
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space < 0 || space >= at ? start : space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > Math.max(start, at) ? space : end;
  }
  const parts = markTerms(text.slice(start, end), terms);
  if (start > 0) parts.unshift({ text: '…', match: false });
  if (end < text.length) parts.push({ text: '…', match: false });
  return parts;
}
