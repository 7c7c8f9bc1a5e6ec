/**
 * The Content Security Policy, and the plugin that puts it and the inline boot script into every
 * built page: scripts only from our own origin and the one inline script, by the hash of its
 * compiled text (no 'unsafe-inline', no 'unsafe-eval'); images from our own origin alone when the
 * build serves every image itself (the site file's `"images": "self"`, build/images.ts), else from
 * anywhere on http(s) (`"remote"`, or a live feed at VITE_FEED_URL, whose images the build never
 * sees); the feed from our origin or VITE_FEED_URL's. The dev server is left without it (Vite's
 * dev client needs inline scripts).
 */
import type { Plugin } from 'vite';
import { compileBootScript, scriptHash } from './boot-script.ts';
import { netlifyHeaders, nginxSecurityHeaders } from './headers.ts';
import { escapeAttribute, fillSlot } from './html.ts';

export interface PolicyOptions {
  /** Where the reader fetches its feed: a relative address is our own origin. */
  feedUrl?: string | undefined;
  /** The exact text of each inline script the pages carry. */
  inlineScripts: readonly string[];
  /** The site file's `images` (default "remote": images from anywhere on http(s)). */
  images?: 'self' | 'remote';
}

/** The origin of an absolute feed address; '' for a relative one (our own origin). */
function originOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

export function contentSecurityPolicy({ feedUrl, inlineScripts, images = 'remote' }: PolicyOptions): string {
  const feedOrigin = originOf(feedUrl);
  // A live feed elsewhere names its own images, which the build never fetched.
  const ownImages = images === 'self' && !feedOrigin;
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...inlineScripts.map(scriptHash)].join(' '),
    "style-src 'self'",
    ownImages ? "img-src 'self'" : "img-src 'self' https: http:",
    `connect-src 'self'${feedOrigin ? ` ${feedOrigin}` : ''}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
    "form-action 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ].join('; ');
}

/** Files the build writes for hosts, beside the pages: the headers with this build's policy. */
export const HOST_FILES = { netlify: '_headers', nginx: 'nginx-headers.conf' } as const;

/**
 * Puts the CSP <meta> and the compiled boot script into index.html's `boot` slot, right after
 * <meta charset> and before any script or stylesheet they must govern; and writes the same policy,
 * as an HTTP header with what a <meta> cannot say, into the files hosts read (build/headers.ts).
 */
export function csp(options: { feedUrl?: string | undefined; images?: 'self' | 'remote' }): Plugin {
  let boot: Promise<{ code: string; policy: string }> | null = null;
  const compiled = () =>
    (boot ??= compileBootScript().then((code) => ({ code, policy: contentSecurityPolicy({ feedUrl: options.feedUrl, inlineScripts: [code], images: options.images }) })));
  return {
    name: 'bulletin:csp',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const { code, policy } = await compiled();
        return fillSlot(
          html,
          'boot',
          `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}" />\n    <script>${code}</script>`,
        );
      },
    },
    async generateBundle() {
      const { policy } = await compiled();
      this.emitFile({ type: 'asset', fileName: HOST_FILES.netlify, source: netlifyHeaders(policy) });
      this.emitFile({ type: 'asset', fileName: HOST_FILES.nginx, source: nginxSecurityHeaders(policy) });
    },
  };
}
