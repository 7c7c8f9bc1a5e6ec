/**
 * XML is hostile input. Before any parser sees a document, refuse one whose prolog declares
 * entities: an external entity (XXE, `<!ENTITY x SYSTEM "file:///etc/passwd">`) could bring
 * a file from the build machine into the output, and nested entities ("billion laughs") expand
 * without bound. Feeds have no need of either; a plain DOCTYPE (RSS 0.91's) is allowed: no
 * parser used here fetches a DTD.
 */
import { SourceError } from './types.ts';

/** The part of the document before its root element. */
function prolog(xml: string): string {
  let i = 0;
  for (;;) {
    const next = xml.indexOf('<', i);
    if (next === -1) return xml;
    const after = xml[next + 1];
    if (after === '?') {
      const end = xml.indexOf('?>', next);
      if (end === -1) return xml;
      i = end + 2;
    } else if (xml.startsWith('<!--', next)) {
      const end = xml.indexOf('-->', next);
      if (end === -1) return xml;
      i = end + 3;
    } else if (after === '!') {
      // A DOCTYPE, with or without an internal subset [ … ].
      const subset = xml.indexOf('[', next);
      const close = xml.indexOf('>', next);
      if (close === -1) return xml;
      if (subset !== -1 && subset < close) {
        const end = xml.indexOf(']', subset);
        if (end === -1) return xml;
        i = end + 1;
      } else {
        i = close + 1;
      }
    } else {
      return xml.slice(0, next);
    }
  }
}

export function refuseEntities(xml: string, source: string): void {
  const head = prolog(xml);
  if (/<!ENTITY/i.test(head)) {
    const external = /<!ENTITY[^>]*\b(SYSTEM|PUBLIC)\b/i.test(head);
    throw new SourceError(
      source,
      external
        ? 'the document declares an external XML entity (<!ENTITY … SYSTEM …>), which could read files from the machine; Bulletin refuses it. Remove the DOCTYPE.'
        : 'the document declares XML entities (<!ENTITY …>), which can expand without bound ("billion laughs"); Bulletin refuses them. Remove the DOCTYPE.',
    );
  }
}
