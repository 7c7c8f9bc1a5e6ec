/**
 * What "Listen to this release" reads, in order: one utterance per block of the page as it is
 * rendered (the headline, the date line, then the body's paragraphs, list items and headings).
 * Pure over the DOM it is given: no speech, no state.
 *
 * - A quoted section (`figure.quote`, or a bare `blockquote`) is introduced by its speaker: the
 *   caption's name (up to its first comma) or the quote's `<cite>`, "Barry Coppinger said: …",
 *   on its first paragraph; its caption is not read again. One with no speaker is "Quote: …".
 * - Footnote markers (an in-page link in `<sup>`) and the footnotes themselves
 *   (`aside.footnote`) are left out, as are images, scripts and anything hidden.
 */

export interface Utterance {
  /** The words to speak. */
  text: string;
  /** The block they come from: marked while it is read. */
  element: Element;
}

/** The parts of a release page that are read, each as it is rendered. */
export interface ReadableParts {
  headline: Element | null;
  posted: Element | null;
  body: Element | null;
}

/** Blocks read as one utterance each. */
const BLOCK = new Set(['P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DT', 'DD', 'FIGCAPTION', 'CAPTION', 'PRE', 'TR']);
/** Never read, nor anything inside. */
const SKIPPED = 'aside.footnote, script, style, template, img, svg, [hidden], [aria-hidden="true"]';

function isFootnoteMarker(el: Element): boolean {
  return el.tagName === 'SUP' && el.querySelector('a[href^="#"]') !== null && (el.textContent ?? '').trim().length <= 3;
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text of a block's own inline content: nested blocks and skipped parts are left out. */
function ownText(block: Element): string {
  let out = '';
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.matches(SKIPPED) || isFootnoteMarker(el) || BLOCK.has(el.tagName) || isQuote(el)) continue;
        // A quote's cite names its speaker, said before the quote.
        if (el.tagName === 'CITE' && el.closest('blockquote')) continue;
        if (el.tagName === 'BR') out += ' ';
        else walk(el);
      }
    }
  };
  walk(block);
  return tidy(out);
}

function isQuote(el: Element): boolean {
  return el.matches('figure.quote') || (el.tagName === 'BLOCKQUOTE' && !el.closest('figure.quote'));
}

/** Who a quoted section is by: its caption's name (before the first comma) or its cite; null when unnamed. */
export function speakerOf(quote: Element): string | null {
  const caption = quote.tagName === 'FIGURE' ? quote.querySelector(':scope > figcaption') : null;
  const cite = quote.querySelector('cite');
  const named = tidy((caption ?? cite)?.textContent ?? '')
    .replace(/^[\s\u2010-\u2015~-]+/, '')
    .split(',')[0]
    ?.trim();
  return named ? named : null;
}

function blocksOf(root: Element, out: Utterance[], intro: { text: string | null }): void {
  for (const el of root.children) {
    if (el.matches(SKIPPED)) continue;
    if (isQuote(el)) {
      const speaker = speakerOf(el);
      const pending = { text: speaker ? `${speaker} said:` : 'Quote:' };
      const content = el.tagName === 'FIGURE' ? (el.querySelector(':scope > blockquote') ?? el) : el;
      const before = out.length;
      blocksOf(content, out, pending);
      if (out.length === before) {
        // A quote of bare text, with no paragraphs.
        const text = ownText(content);
        out.push({ text: text ? `${pending.text} ${text}` : pending.text, element: el });
      }
      continue;
    }
    if (BLOCK.has(el.tagName)) {
      const text = ownText(el);
      if (text) {
        out.push({ text: intro.text ? `${intro.text} ${text}` : text, element: el });
        intro.text = null;
      }
    }
    blocksOf(el, out, intro);
  }
}

/** The utterances for a release, in reading order. */
export function readingOrder({ headline, posted, body }: ReadableParts): Utterance[] {
  const out: Utterance[] = [];
  for (const el of [headline, posted]) {
    const text = el ? tidy(el.textContent ?? '') : '';
    if (el && text) out.push({ text, element: el });
  }
  if (body) {
    // A body that is only text (no blocks): read as one.
    const before = out.length;
    blocksOf(body, out, { text: null });
    if (out.length === before) {
      const text = ownText(body);
      if (text) out.push({ text, element: body });
    }
  }
  return out;
}
