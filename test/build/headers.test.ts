import { describe, expect, it } from 'vitest';
import { CACHE, netlifyHeaders, nginxSecurityHeaders, securityHeaders } from '../../build/headers';

const POLICY = "default-src 'self'; script-src 'self' 'sha256-abc='";

/** `_headers` as Netlify and Cloudflare Pages read it: path lines, then indented `Name: value` lines. */
function parseHeadersFile(text: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | null = null;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (!line.startsWith(' ')) {
      current = new Map();
      rules.set(line, current);
    } else {
      const [name = '', ...value] = line.trim().split(': ');
      current?.set(name, value.join(': '));
    }
  }
  return rules;
}

describe('the headers every host sends', () => {
  it('forbid framing in the CSP header, and sniffing; send no referrer; deny what the reader never uses; insist on HTTPS', () => {
    const h = securityHeaders(POLICY);
    expect(h['Content-Security-Policy']).toBe(`${POLICY}; frame-ancestors 'none'`);
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Referrer-Policy']).toBe('no-referrer');
    expect(h['Permissions-Policy']).toMatch(/(^|, )camera=\(\)/);
    expect(h['Permissions-Policy']).toMatch(/(^|, )geolocation=\(\)/);
    expect(h['Permissions-Policy']).toMatch(/clipboard-write=\(self\)/);
    expect(h['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}/);
  });

  it('in _headers: security headers for every path, and one Cache-Control for each kind of file', () => {
    const rules = parseHeadersFile(netlifyHeaders(POLICY));
    expect(rules.get('/*')?.get('Content-Security-Policy')).toBe(`${POLICY}; frame-ancestors 'none'`);
    expect(rules.get('/*')?.has('Cache-Control')).toBe(false);
    expect(rules.get('/assets/*')?.get('Cache-Control')).toBe(CACHE.immutable);
    expect(rules.get('/images/*')?.get('Cache-Control')).toBe(CACHE.immutable);
    expect(rules.get('/sw.js')?.get('Cache-Control')).toBe('no-cache');
    expect(rules.get('/*.json')?.get('Cache-Control')).toBe('no-cache');
    expect(rules.get('/')?.get('Cache-Control')).toBe('no-cache');
    expect(rules.get('/calendars/*')?.get('Cache-Control')).toBe('no-cache');
    expect(rules.get('/calendars/*')?.get('Content-Type')).toBe('text/calendar; charset=utf-8');
  });

  it('for nginx: one add_header line each, quoted, sent on every status', () => {
    const lines = nginxSecurityHeaders('a "quoted" policy').trim().split('\n');
    expect(lines).toHaveLength(Object.keys(securityHeaders('')).length);
    expect(lines[0]).toBe(`add_header Content-Security-Policy "a \\"quoted\\" policy; frame-ancestors 'none'" always;`);
    for (const line of lines) expect(line).toMatch(/^add_header [A-Za-z-]+ ".*" always;$/);
  });
});
