import { createHash } from 'node:crypto';
import { JSDOM } from 'jsdom';
import type { IndexHtmlTransformHook, Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { compileBootScript, scriptHash } from '../../build/boot-script';
import { contentSecurityPolicy, csp } from '../../build/csp';

const SHELL = '<!doctype html><html><head>\n    <meta charset="UTF-8" />\n    <!--bulletin:boot-->\n    <title>x</title></head><body></body></html>';

async function transform(plugin: Plugin, html: string): Promise<string> {
  const hook = plugin.transformIndexHtml as { handler: IndexHtmlTransformHook };
  const out = await hook.handler.call({} as never, html, {} as never);
  if (typeof out !== 'string') throw new Error('expected the plugin to return the page');
  return out;
}

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
}

describe('the Content Security Policy', () => {
  it('allows scripts from our origin and each inline script by its hash, never unsafe-inline or unsafe-eval', () => {
    const policy = directives(contentSecurityPolicy({ inlineScripts: ['console.log(1)', 'x()'] }));
    expect(policy.get('script-src')).toEqual(["'self'", scriptHash('console.log(1)'), scriptHash('x()')]);
    expect([...policy.values()].flat()).not.toContain("'unsafe-inline'");
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
  });

  it('lets the feed come from VITE_FEED_URL’s origin, and only ours for a relative address', () => {
    expect(directives(contentSecurityPolicy({ feedUrl: 'https://news.example.org/feeds/all.json', inlineScripts: [] })).get('connect-src')).toEqual([
      "'self'",
      'https://news.example.org',
    ]);
    expect(directives(contentSecurityPolicy({ feedUrl: 'feeds/all.json', inlineScripts: [] })).get('connect-src')).toEqual(["'self'"]);
  });

  it('allows images from our own origin alone when the build serves them itself, and from any http(s) host otherwise', () => {
    const imgSrc = (options: Partial<Parameters<typeof contentSecurityPolicy>[0]>) => directives(contentSecurityPolicy({ inlineScripts: [], ...options })).get('img-src');
    expect(imgSrc({ images: 'self' })).toEqual(["'self'"]);
    expect(imgSrc({ images: 'self', feedUrl: 'feeds/all.json' })).toEqual(["'self'"]);
    expect(imgSrc({ images: 'remote' })).toEqual(["'self'", 'https:', 'http:']);
    expect(imgSrc({})).toEqual(["'self'", 'https:', 'http:']);
    // A live feed elsewhere names images the build never fetched.
    expect(imgSrc({ images: 'self', feedUrl: 'https://news.example.org/feeds/all.json' })).toEqual(["'self'", 'https:', 'http:']);
  });

  it('hashes the exact text of a script, as a browser does', () => {
    expect(scriptHash('a')).toBe(`'sha256-${createHash('sha256').update('a').digest('base64')}'`);
  });
});

describe('the CSP plugin', () => {
  it('fills the boot slot with the policy and the compiled boot script, allowed by the hash of the text on the page', async () => {
    const html = await transform(csp({}), SHELL);
    const { document } = new JSDOM(html).window;
    const script = document.querySelector('head > script');
    const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(script?.textContent).toBe(await compileBootScript());
    const hash = `'sha256-${createHash('sha256').update(script?.textContent ?? '').digest('base64')}'`;
    expect(directives(meta?.getAttribute('content') ?? '').get('script-src')).toEqual(["'self'", hash]);
    // Right after <meta charset>, before anything it must govern.
    expect(document.head.firstElementChild?.getAttribute('charset')).toBe('UTF-8');
    expect(document.head.children[1]).toBe(meta);
    expect(html).not.toContain('<!--bulletin:boot-->');
  });

  it('fails the build for a page without the boot slot', async () => {
    await expect(transform(csp({}), '<html><head><meta charset="UTF-8" /></head></html>')).rejects.toThrow(/bulletin:boot/);
  });
});
