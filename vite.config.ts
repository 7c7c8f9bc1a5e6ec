/// <reference types="vitest/config" />
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The production build ships a strict Content Security Policy as a <meta> tag, so it holds on
 * any static host. Scripts only from our own origin (no 'unsafe-inline', no 'unsafe-eval');
 * images from anywhere on http(s) (feed images); the feed from our origin or VITE_FEED_URL's.
 * The dev server is left without it (Vite's dev client needs inline scripts).
 */
export function contentSecurityPolicy(feedUrl: string | undefined): string {
  let feedOrigin = '';
  try {
    if (feedUrl) feedOrigin = new URL(feedUrl).origin;
  } catch {
    feedOrigin = ''; // relative: same origin
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' https: http:",
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

function cspPlugin(policy: string): Plugin {
  return {
    name: 'bulletin-csp',
    apply: 'build',
    // Right after <meta charset>, before any script or stylesheet it must govern.
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          /(<meta charset="UTF-8" \/>)/,
          `$1\n    <meta http-equiv="Content-Security-Policy" content="${policy.replaceAll("'", '&#39;')}" />`,
        ),
    },
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  return {
    plugins: [react(), cspPlugin(contentSecurityPolicy(env.VITE_FEED_URL))],
    build: {
      target: 'es2022',
      sourcemap: false,
    },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true },
    test: {
      environment: 'jsdom',
      include: ['test/unit/**/*.test.{ts,tsx}', 'test/component/**/*.test.{ts,tsx}'],
      setupFiles: ['test/support/setup.ts'],
      restoreMocks: true,
    },
  };
});
