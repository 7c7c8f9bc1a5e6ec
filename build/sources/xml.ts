/** RSS, RDF and Atom documents to plain data with feedsmith, after the entity guard. */
import { parseAtomFeed, parseRdfFeed, parseRssFeed } from 'feedsmith';
import { SourceError } from './types.ts';
import { refuseEntities } from './xml-guard.ts';

export function parseXmlFeed(xml: string, format: 'rss' | 'rdf' | 'atom', source: string): unknown {
  refuseEntities(xml, source);
  try {
    if (format === 'rss') return parseRssFeed(xml);
    if (format === 'rdf') return parseRdfFeed(xml);
    return parseAtomFeed(xml);
  } catch (e) {
    const cause = (e as { cause?: unknown }).cause;
    const detail = cause instanceof Error ? cause.message : e instanceof Error ? e.message : String(e);
    const name = format === 'atom' ? 'an Atom feed' : format === 'rdf' ? 'an RSS 1.0 feed' : 'an RSS feed';
    throw new SourceError(source, `cannot be read as ${name} (${detail.split('\n')[0]}).`);
  }
}
