/** Which format a document is, from its content (never from its name or content type). */

export type SourceFormat = 'json' | 'rss' | 'atom' | 'rdf' | 'ical';

export function detectFormat(content: string): SourceFormat | null {
  const t = content.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('{')) return 'json';
  if (/^BEGIN:VCALENDAR/i.test(t)) return 'ical';
  if (!t.startsWith('<')) return null;
  // The root element: the first tag that is not a declaration, comment or DOCTYPE.
  const root = /<(?![?!])([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(t.replace(/<!--[\s\S]*?-->/g, '').replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/i, ''));
  const name = root?.[2]?.toLowerCase();
  if (name === 'rss') return 'rss';
  if (name === 'feed') return 'atom';
  if (name === 'rdf') return 'rdf';
  return null;
}
