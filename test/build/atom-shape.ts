/**
 * The shape RFC 4287 (The Atom Syndication Format) asks of a feed document, checked on the
 * document as a strict XML parser reads it (jsdom's XML mode, saxes: a document that is not
 * well-formed throws). Returns the problems found; none for a valid feed.
 */
import { JSDOM } from 'jsdom';

export const ATOM = 'http://www.w3.org/2005/Atom';

/** RFC 3339 date-time (RFC 4287 §3.3). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses XML strictly: throws on anything not well-formed. */
export function parseXml(xml: string): Document {
  return new JSDOM(xml, { contentType: 'application/xml' }).window.document;
}

const children = (el: Element, name: string): Element[] => [...el.children].filter((c) => c.namespaceURI === ATOM && c.localName === name);

function isIri(text: string): boolean {
  try {
    return new URL(text).protocol.length > 1;
  } catch {
    return false;
  }
}

function checkText(el: Element, where: string, problems: string[]): void {
  const type = el.getAttribute('type') ?? 'text';
  if (!['text', 'html', 'xhtml'].includes(type)) problems.push(`${where}: type "${type}" is not text, html or xhtml`);
}

function checkPerson(el: Element, where: string, problems: string[]): void {
  if (children(el, 'name').length !== 1) problems.push(`${where}: a person needs exactly one atom:name (§3.2)`);
  for (const uri of children(el, 'uri')) if (!isIri(uri.textContent ?? '')) problems.push(`${where}: atom:uri is not an IRI`);
}

/** The parts of §4.1.1 (feed) and §4.1.2 (entry) every feed must meet. */
export function atomProblems(xml: string): string[] {
  const problems: string[] = [];
  const doc = parseXml(xml);
  const feed = doc.documentElement;
  if (feed.namespaceURI !== ATOM || feed.localName !== 'feed') return [`the root is ${feed.namespaceURI ?? ''} ${feed.localName}, not atom:feed`];
  const one = (el: Element, name: string, where: string) => {
    const found = children(el, name);
    if (found.length !== 1) problems.push(`${where}: ${found.length} atom:${name}, not exactly one`);
    return found[0];
  };
  const atMostOne = (el: Element, name: string, where: string) => {
    if (children(el, name).length > 1) problems.push(`${where}: more than one atom:${name}`);
  };
  const checkCommon = (el: Element, where: string) => {
    const id = one(el, 'id', where);
    if (id && !isIri(id.textContent ?? '')) problems.push(`${where}: atom:id "${id.textContent ?? ''}" is not an absolute IRI (§4.2.6)`);
    const title = one(el, 'title', where);
    if (title) checkText(title, `${where} title`, problems);
    const updated = one(el, 'updated', where);
    if (updated && !DATE_TIME.test(updated.textContent ?? '')) problems.push(`${where}: atom:updated is not an RFC 3339 date-time`);
    for (const link of children(el, 'link')) {
      const href = link.getAttribute('href');
      if (href === null || !isIri(href)) problems.push(`${where}: a link's href "${href ?? ''}" is not a whole address`);
    }
    const alternates = children(el, 'link').filter((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate');
    const keys = alternates.map((l) => `${l.getAttribute('type') ?? ''} ${l.getAttribute('hreflang') ?? ''}`);
    if (new Set(keys).size !== keys.length) problems.push(`${where}: two alternate links of one type and hreflang`);
    for (const person of [...children(el, 'author'), ...children(el, 'contributor')]) checkPerson(person, where, problems);
    for (const date of children(el, 'published')) if (!DATE_TIME.test(date.textContent ?? '')) problems.push(`${where}: atom:published is not an RFC 3339 date-time`);
    return alternates;
  };

  checkCommon(feed, 'feed');
  for (const name of ['generator', 'icon', 'logo', 'rights', 'subtitle']) atMostOne(feed, name, 'feed');
  const feedHasAuthor = children(feed, 'author').length > 0;
  const ids = new Set<string>();
  for (const [i, entry] of children(feed, 'entry').entries()) {
    const where = `entry ${i + 1}`;
    const alternates = checkCommon(entry, where);
    for (const name of ['content', 'published', 'rights', 'source', 'summary']) atMostOne(entry, name, where);
    const content = children(entry, 'content')[0];
    if (content) checkText(content, `${where} content`, problems);
    for (const summary of children(entry, 'summary')) checkText(summary, `${where} summary`, problems);
    if (!content && alternates.length === 0) problems.push(`${where}: no atom:content, so it needs a rel="alternate" link (§4.1.1)`);
    if (!feedHasAuthor && children(entry, 'author').length === 0) problems.push(`${where}: no atom:author, and the feed has none (§4.1.1)`);
    const id = children(entry, 'id')[0]?.textContent ?? '';
    if (ids.has(id)) problems.push(`${where}: atom:id ${id} repeats another entry's`);
    ids.add(id);
  }
  return problems;
}
