/**
 * The HTTP headers every host must send, defined once and written in each host's own syntax by
 * the build: `_headers` for Netlify and Cloudflare Pages, an include file for nginx
 * (deploy/nginx/). The CSP is the page's own policy (build/csp.ts) plus what a <meta> cannot say.
 */

/** Headers on every response. */
export function securityHeaders(policy: string): Record<string, string> {
  return {
    // A <meta> CSP cannot forbid framing; the header can.
    'Content-Security-Policy': `${policy}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    // A reader leaving for another site (or pressing "Leave this site") tells it nothing.
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': [
      'accelerometer=()', 'autoplay=()', 'browsing-topics=()', 'camera=()', 'display-capture=()', 'encrypted-media=()',
      'fullscreen=()', 'geolocation=()', 'gyroscope=()', 'hid=()', 'magnetometer=()', 'microphone=()', 'midi=()',
      'payment=()', 'picture-in-picture=()', 'publickey-credentials-get=()', 'screen-wake-lock=()', 'serial=()',
      'usb=()', 'xr-spatial-tracking=()', 'clipboard-read=()', 'clipboard-write=(self)',
    ].join(', '),
    'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

export const CACHE = {
  /** File names that carry a hash of their content never change. */
  immutable: 'public, max-age=31536000, immutable',
  /** Pages, the feed and the service worker: kept, but checked with the server each time. */
  revalidate: 'no-cache',
  /** Icons and the manifest: a day. */
  day: 'public, max-age=86400',
} as const;

export interface CacheRule {
  /** A path as Netlify and Cloudflare Pages match it (`*` matches anything). */
  path: string;
  cacheControl: string;
  /** Said explicitly where a host's own list of types may not know the file's. */
  contentType?: string;
}

/** Which paths get which caching, most specific first. */
export const CACHE_RULES: readonly CacheRule[] = [
  { path: '/assets/*', cacheControl: CACHE.immutable },
  { path: '/workbox-*', cacheControl: CACHE.immutable },
  // Images served from the site (build/images.ts): each name is a hash of what it holds.
  { path: '/images/*', cacheControl: CACHE.immutable },
  { path: '/sw.js', cacheControl: CACHE.revalidate },
  { path: '/*.json', cacheControl: CACHE.revalidate },
  // Calendars (build/calendars.ts) change with every build; calendar apps ask again anyway.
  { path: '/calendars/*', cacheControl: CACHE.revalidate, contentType: 'text/calendar; charset=utf-8' },
  // The feeds for feed readers and the sitemap (build/syndication.ts, build/sitemap.ts) change with every build.
  { path: '/*.atom', cacheControl: CACHE.revalidate },
  { path: '/sitemap.xml', cacheControl: CACHE.revalidate },
  { path: '/icons/*', cacheControl: CACHE.day },
  { path: '/manifest.webmanifest', cacheControl: CACHE.day },
];

/**
 * `_headers` for Netlify and Cloudflare Pages. Both apply every rule that matches a path and join
 * a repeated header, so Cache-Control appears in one rule per path only; HTML (every other path)
 * is revalidated by both hosts' own default, and said explicitly for `/` and `/*.html`.
 */
export function netlifyHeaders(policy: string): string {
  const block = (path: string, headers: Record<string, string>) =>
    `${path}\n${Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`;
  return [
    block('/*', securityHeaders(policy)),
    ...CACHE_RULES.map((rule) => block(rule.path, { 'Cache-Control': rule.cacheControl, ...(rule.contentType ? { 'Content-Type': rule.contentType } : {}) })),
    block('/', { 'Cache-Control': CACHE.revalidate }),
    block('/*.html', { 'Cache-Control': CACHE.revalidate }),
    block('/*/', { 'Cache-Control': CACHE.revalidate }),
  ].join('\n');
}

/** nginx `add_header` lines for the security headers, for each location of deploy/nginx/bulletin.conf to include. */
export function nginxSecurityHeaders(policy: string): string {
  return `${Object.entries(securityHeaders(policy))
    .map(([name, value]) => `add_header ${name} "${value.replace(/["\\]/g, '\\$&')}" always;`)
    .join('\n')}\n`;
}
