import { describe, expect, it } from 'vitest';
import { fetchFeedPage, isTransient } from '../../src/feed/fetch-feed';
import { FeedError } from '../../src/feed';

const URL_1 = 'https://feeds.example/dir/feed.json';
const VALID = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'A feed',
  next_url: 'feed-2.json',
  items: [{ id: '1', title: 'One', content_text: 'Body' }, { title: 'no id' }],
});

function respond(body: string, status = 200): typeof fetch {
  return () => Promise.resolve(new Response(body, { status }));
}

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(FeedError);
  return caught as FeedError;
}

/** A fetch that never answers, but rejects as soon as its signal aborts (as real fetch does). */
const hangingFetch: typeof fetch = (_input, init) =>
  new Promise<Response>((_resolve, reject) => {
    const signal = init?.signal;
    if (!signal) return;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

describe('fetchFeedPage', () => {
  it('reads a valid body into a FeedPage for the URL it fetched', async () => {
    const page = await fetchFeedPage(URL_1, { fetchImpl: respond(VALID) });
    expect(page.url).toBe(URL_1);
    expect(page.title).toBe('A feed');
    expect(page.items.map((i) => i.id)).toEqual(['1']);
    expect(page.skipped).toBe(1);
    expect(page.nextUrl).toBe('https://feeds.example/dir/feed-2.json');
  });

  it('asks for the URL with a JSON Feed Accept header and a signal', async () => {
    const calls: { url: string; accept: string | null; signal: boolean }[] = [];
    const fetchImpl: typeof fetch = (input, init) => {
      calls.push({
        url: String(input),
        accept: new Headers(init?.headers).get('accept'),
        signal: init?.signal instanceof AbortSignal,
      });
      return Promise.resolve(new Response(VALID));
    };
    await fetchFeedPage(URL_1, { fetchImpl });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(URL_1);
    expect(calls[0]?.accept).toContain('application/feed+json');
    expect(calls[0]?.signal).toBe(true);
  });

  it.each([[404], [410]])('HTTP %i is not-found', async (status) => {
    const error = await failure(fetchFeedPage(URL_1, { fetchImpl: respond('gone', status) }));
    expect(error.kind).toBe('not-found');
    expect(error.status).toBe(status);
  });

  it.each([[500], [502], [503], [400], [403]])('HTTP %i is http with the status', async (status) => {
    const error = await failure(fetchFeedPage(URL_1, { fetchImpl: respond('oops', status) }));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(status);
  });

  it('a failed fetch while offline is offline', async () => {
    const fetchImpl: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const error = await failure(fetchFeedPage(URL_1, { fetchImpl, isOnline: () => false }));
    expect(error.kind).toBe('offline');
  });

  it('a failed fetch while online is network', async () => {
    const fetchImpl: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const error = await failure(fetchFeedPage(URL_1, { fetchImpl, isOnline: () => true }));
    expect(error.kind).toBe('network');
    expect(error.status).toBeNull();
  });

  it('a fetch that never answers times out', async () => {
    const started = Date.now();
    const error = await failure(fetchFeedPage(URL_1, { fetchImpl: hangingFetch, timeoutMs: 50, isOnline: () => true }));
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a timeout is a timeout even when the device also reports offline', async () => {
    const error = await failure(fetchFeedPage(URL_1, { fetchImpl: hangingFetch, timeoutMs: 50, isOnline: () => false }));
    expect(error.kind).toBe('timeout');
  });

  it('a cancelled query is not reported as a feed fault', async () => {
    const controller = new AbortController();
    const promise = fetchFeedPage(URL_1, { fetchImpl: hangingFetch, signal: controller.signal, timeoutMs: 10_000 });
    controller.abort();
    let caught: unknown;
    try {
      await promise;
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeDefined();
    expect(caught).not.toBeInstanceOf(FeedError);
  });

  // Like the cancelled-fetch case above: a cancellation that lands while the body is arriving
  // is the caller's doing, not a network fault (which isTransient would retry).
  it('a query cancelled while the body is arriving is not reported as a feed fault', async () => {
    const controller = new AbortController();
    const fetchImpl: typeof fetch = (_input, init) =>
      Promise.resolve(
        new Response(
          new ReadableStream<Uint8Array>({
            start(stream) {
              stream.enqueue(new TextEncoder().encode('{"version": "https://jsonfeed.org/version/1.1", '));
              init?.signal?.addEventListener('abort', () => stream.error(init.signal?.reason), { once: true });
            },
          }),
          { status: 200 },
        ),
      );
    const promise = fetchFeedPage(URL_1, { fetchImpl, signal: controller.signal, timeoutMs: 10_000 });
    setTimeout(() => controller.abort(), 20);
    let caught: unknown;
    try {
      await promise;
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeDefined();
    expect(caught).not.toBeInstanceOf(FeedError);
  });

  it.each([['{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": ['], ['<html>Not JSON</html>'], ['']])(
    'an unparsable body %j is invalid-json',
    async (body) => {
      const error = await failure(fetchFeedPage(URL_1, { fetchImpl: respond(body) }));
      expect(error.kind).toBe('invalid-json');
    },
  );

  it('valid JSON that is not a feed is not-a-feed', async () => {
    const error = await failure(fetchFeedPage(URL_1, { fetchImpl: respond('{"verion": "1.0", "items": []}') }));
    expect(error.kind).toBe('not-a-feed');
  });

  it('a body that fails while arriving is network', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(new TypeError('connection reset'));
      },
    });
    const fetchImpl: typeof fetch = () => Promise.resolve(new Response(broken, { status: 200 }));
    const error = await failure(fetchFeedPage(URL_1, { fetchImpl, isOnline: () => true }));
    expect(error.kind).toBe('network');
  });
});

describe('isTransient', () => {
  it.each([
    ['timeout', new FeedError('timeout', 't')],
    ['network', new FeedError('network', 'n')],
    ['HTTP 500', new FeedError('http', 'x', 500)],
    ['HTTP 503', new FeedError('http', 'x', 503)],
    ['HTTP 599', new FeedError('http', 'x', 599)],
  ])('%s may pass', (_label, error) => {
    expect(isTransient(error)).toBe(true);
  });

  it.each([
    ['not-found 404', new FeedError('not-found', 'x', 404)],
    ['HTTP 400', new FeedError('http', 'x', 400)],
    ['HTTP with no status', new FeedError('http', 'x')],
    ['invalid-json', new FeedError('invalid-json', 'x')],
    ['not-a-feed', new FeedError('not-a-feed', 'x')],
    ['a plain Error', new Error('timeout')],
    ['a TypeError', new TypeError('Failed to fetch')],
    ['a string', 'timeout'],
    ['null', null],
    ['an object that looks like a FeedError', { kind: 'timeout', status: null }],
  ])('%s will not', (_label, error) => {
    expect(isTransient(error)).toBe(false);
  });
});
