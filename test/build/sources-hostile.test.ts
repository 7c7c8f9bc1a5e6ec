import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSources, SourceError } from '../../build/sources/index.ts';
import { CORPUS, fakeFetch, siteFor } from './sources-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'bulletin-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A real-looking RSS document of about `mb` megabytes. */
function hugeRss(mb: number): string {
  const item = `<item><title>Item</title><guid>g</guid><description>${'a'.repeat(1000)}</description></item>`;
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>${item.repeat(Math.ceil((mb * 1024 * 1024) / item.length))}</channel></rss>`;
}

async function failure(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await promise;
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
  throw new Error('expected the source to be refused');
}

describe('hostile XML', () => {
  it('refuses an external entity (XXE): nothing from the file reaches the output, and the message says why', async () => {
    const { error } = await failure(readSources(siteFor(join(CORPUS, 'hostile-xxe.xml'))));
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(/hostile-xxe\.xml: the document declares an external XML entity/);
    expect((error as Error).message).not.toMatch(/root:/);
  });

  it('never expands an internal entity either, even written in a different case or with a parameter entity', async () => {
    for (const doctype of ['<!DOCTYPE rss [<!entity x "EXPANDED">]>', '<!DOCTYPE rss [ <!ENTITY % p SYSTEM "file:///etc/passwd"> %p; ]>']) {
      const { fetch } = fakeFetch({ 'https://x.example/rss': `<?xml version="1.0"?>${doctype}<rss version="2.0"><channel><title>&x;</title><item><title>&x;</title><guid>1</guid></item></channel></rss>` });
      const { error } = await failure(readSources(siteFor('https://x.example/rss'), { fetch }));
      expect((error as Error).message).toMatch(/^https:\/\/x\.example\/rss: the document declares .*XML entit/);
    }
  });

  it('reads a feed whose DOCTYPE declares no entities (RSS 0.91 style) and never fetches the DTD', async () => {
    const { fetch, asked } = fakeFetch({ 'https://x.example/rss': '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>T</title><item><title>A</title><link>https://x.example/a</link></item></channel></rss>' });
    const { feed } = await readSources(siteFor('https://x.example/rss'), { fetch });
    expect(feed.items.map((i) => i.id)).toEqual(['https://x.example/a']);
    expect(asked).toEqual(['https://x.example/rss']);
  });

  it('refuses "billion laughs" within 2 s with a clear message', async () => {
    const { error, ms } = await failure(readSources(siteFor(join(CORPUS, 'hostile-billion-laughs.xml'))));
    expect((error as Error).message).toMatch(/hostile-billion-laughs\.xml: the document declares XML entities .*"billion laughs"/);
    expect(ms).toBeLessThan(2000);
  });

  it('refuses a 50 MB file before parsing it, within 2 s', async () => {
    const file = join(dir, 'huge.xml');
    writeFileSync(file, hugeRss(50));
    const { error, ms } = await failure(readSources(siteFor(file)));
    expect((error as Error).message).toBe(`${file}: the document is 50 MB, more than the limit of 32 MB.`);
    expect(ms).toBeLessThan(2000);
  });

  it('stops a 50 MB download as soon as it passes the limit, even when the server sends no length', async () => {
    const body = hugeRss(50);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= body.length) return controller.close();
        const chunk = new TextEncoder().encode(body.slice(sent, sent + 1024 * 1024));
        sent += 1024 * 1024;
        controller.enqueue(chunk);
      },
    });
    const fetch = async () => new Response(stream, { status: 200 });
    const { error, ms } = await failure(readSources(siteFor('https://x.example/huge'), { fetch }));
    expect((error as Error).message).toBe('https://x.example/huge: the document is more than the limit of 32 MB.');
    expect(sent).toBeLessThan(36 * 1024 * 1024);
    expect(ms).toBeLessThan(2000);
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const fetch = async () => new Response('x', { status: 200, headers: { 'content-length': String(50 * 1024 * 1024) } });
    const { error } = await failure(readSources(siteFor('https://x.example/huge'), { fetch }));
    expect((error as Error).message).toBe('https://x.example/huge: the document is 50 MB, more than the limit of 32 MB.');
  });
});

describe('sources that cannot be read', () => {
  it('names the source and the reason in one line: HTTP status, network failure, time limit, missing file, not a feed', async () => {
    const cases: [string, Parameters<typeof readSources>[1], RegExp][] = [
      ['https://x.example/gone', { fetch: fakeFetch({}).fetch }, /^https:\/\/x\.example\/gone: the server answered 404 Not Found\.$/],
      ['https://x.example/down', { fetch: async () => { throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }); } }, /^https:\/\/x\.example\/down: cannot be fetched \(ECONNREFUSED\)\.$/],
      ['https://x.example/slow', { timeoutMs: 50, fetch: (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))) }, /^https:\/\/x\.example\/slow: no answer within 0\.05 s\.$/],
      [join(dir, 'missing.json'), {}, /missing\.json: no such file\.$/],
      ['https://x.example/html', { fetch: fakeFetch({ 'https://x.example/html': '<!doctype html><html><body>Hello</body></html>' }).fetch }, /^https:\/\/x\.example\/html: is not a feed: expected JSON Feed, RSS 2\.0 or Atom 1\.0\.$/],
      ['https://x.example/bad.json', { fetch: fakeFetch({ 'https://x.example/bad.json': '{"version": "https://jsonfeed.org/version/1.1", "items": [' }).fetch }, /^https:\/\/x\.example\/bad\.json: is not valid JSON/],
      ['https://x.example/v.json', { fetch: fakeFetch({ 'https://x.example/v.json': '{"version": "1.1", "items": []}' }).fetch }, /not a JSON Feed: "version" must be "https:\/\/jsonfeed\.org\/version\/1\.1", not "1\.1"/],
      ['https://x.example/broken.xml', { fetch: fakeFetch({ 'https://x.example/broken.xml': '<rss version="2.0"><channel><title>T</title><item><title>A</item></channel>' }).fetch }, /^https:\/\/x\.example\/broken\.xml: cannot be read as an RSS feed/],
      ['ftp://x.example/feed', {}, /^ftp:\/\/x\.example\/feed: only a file path or an http\(s\) URL can be read\.$/],
    ];
    for (const [source, options, message] of cases) {
      const { error } = await failure(readSources(siteFor(source), options));
      expect(error, source).toBeInstanceOf(SourceError);
      expect((error as Error).message, source).toMatch(message);
      expect((error as Error).message.includes('\n'), source).toBe(false);
    }
  });
});
