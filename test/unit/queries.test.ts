import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedError, normaliseFeed, type FeedPage } from '../../src/feed';
import { feedQueryOptions, MAX_PAGES, nextPageUrl, retryDelay, retryFeed } from '../../src/feed/queries';

const V11 = 'https://jsonfeed.org/version/1.1';

function rawPage(id: string, nextUrl?: string): Record<string, unknown> {
  return { version: V11, title: 'T', items: [{ id, title: `Item ${id}` }], ...(nextUrl === undefined ? {} : { next_url: nextUrl }) };
}

function page(url: string, nextUrl?: string): FeedPage {
  return normaliseFeed(rawPage(url, nextUrl), url);
}

describe('nextPageUrl', () => {
  it('follows next_url from the last page', () => {
    const pages = [page('https://f.example/1.json', '2.json')];
    expect(nextPageUrl(pages)).toBe('https://f.example/2.json');
  });

  it('uses the last page, not the first', () => {
    const pages = [page('https://f.example/1.json', '2.json'), page('https://f.example/2.json', '3.json')];
    expect(nextPageUrl(pages)).toBe('https://f.example/3.json');
  });

  it('stops when the last page has no next_url', () => {
    expect(nextPageUrl([page('https://f.example/1.json')])).toBeUndefined();
    expect(nextPageUrl([page('https://f.example/1.json', '2.json'), page('https://f.example/2.json')])).toBeUndefined();
  });

  it('stops when there are no pages', () => {
    expect(nextPageUrl([])).toBeUndefined();
  });

  it('stops when next_url points back at the same page', () => {
    expect(nextPageUrl([page('https://f.example/1.json', '1.json')])).toBeUndefined();
  });

  it('stops when next_url repeats any page already fetched (a loop)', () => {
    const pages = [
      page('https://f.example/1.json', '2.json'),
      page('https://f.example/2.json', '3.json'),
      page('https://f.example/3.json', '/1.json'),
    ];
    expect(nextPageUrl(pages)).toBeUndefined();
    const midLoop = [
      page('https://f.example/1.json', '2.json'),
      page('https://f.example/2.json', '3.json'),
      page('https://f.example/3.json', '2.json'),
    ];
    expect(nextPageUrl(midLoop)).toBeUndefined();
  });

  it('stops at the bound', () => {
    const chain = (n: number) =>
      Array.from({ length: n }, (_, i) => page(`https://f.example/${i}.json`, `${i + 1}.json`));
    expect(nextPageUrl(chain(2), 3)).toBe('https://f.example/2.json');
    expect(nextPageUrl(chain(3), 3)).toBeUndefined();
    expect(nextPageUrl(chain(4), 3)).toBeUndefined();
    expect(nextPageUrl(chain(1), 1)).toBeUndefined();
  });

  it('has a default bound of MAX_PAGES', () => {
    expect(MAX_PAGES).toBeGreaterThan(1);
    const chain = (n: number) =>
      Array.from({ length: n }, (_, i) => page(`https://f.example/${i}.json`, `${i + 1}.json`));
    expect(nextPageUrl(chain(MAX_PAGES - 1))).toBe(`https://f.example/${MAX_PAGES - 1}.json`);
    expect(nextPageUrl(chain(MAX_PAGES))).toBeUndefined();
  });

  it('is what the feed query uses to find the next page', () => {
    const options = feedQueryOptions('https://f.example/1.json');
    const pages = [page('https://f.example/1.json', '2.json')];
    const last = pages[0];
    if (!last) throw new Error('no page');
    expect(options.getNextPageParam(last, pages, 'https://f.example/1.json', ['https://f.example/1.json'])).toBe(
      'https://f.example/2.json',
    );
    const looped = [page('https://f.example/1.json', '1.json')];
    const loopedLast = looped[0];
    if (!loopedLast) throw new Error('no page');
    expect(
      options.getNextPageParam(loopedLast, looped, 'https://f.example/1.json', ['https://f.example/1.json']),
    ).toBeUndefined();
  });
});

describe('retryFeed', () => {
  const transient = [
    new FeedError('timeout', 't'),
    new FeedError('network', 'n'),
    new FeedError('http', '500', 500),
    new FeedError('http', '502', 502),
    new FeedError('http', '503', 503),
  ];
  const permanent = [
    new FeedError('not-found', '404', 404),
    new FeedError('not-found', '410', 410),
    new FeedError('invalid-json', 'j'),
    new FeedError('not-a-feed', 'f'),
    new FeedError('http', '400', 400),
    new FeedError('http', '403', 403),
    new Error('something else'),
    'a string',
    null,
  ];

  it.each(transient.map((e) => [e.message, e]))('retries %s on failures 0 and 1, then stops', (_m, error) => {
    expect([0, 1, 2, 3, 4].map((n) => retryFeed(n, error))).toEqual([true, true, false, false, false]);
  });

  it.each(permanent.map((e) => [String(e instanceof Error ? e.message : e), e]))('never retries %s', (_m, error) => {
    expect([0, 1, 2, 3].map((n) => retryFeed(n, error))).toEqual([false, false, false, false]);
  });

  it('backs off from half a second, doubling to at most 4 seconds', () => {
    expect([0, 1, 2, 3, 4, 10].map(retryDelay)).toEqual([500, 1000, 2000, 4000, 4000, 4000]);
  });

  async function attemptsWith(error: unknown): Promise<number> {
    const client = new QueryClient();
    let attempts = 0;
    await expect(
      client.fetchQuery({
        queryKey: ['retry', String(Math.random())],
        queryFn: () => {
          attempts += 1;
          return Promise.reject(error);
        },
        retry: retryFeed,
        retryDelay: 0,
      }),
    ).rejects.toBe(error);
    client.clear();
    return attempts;
  }

  it('with TanStack Query: a transient fault is tried 1 + 2 times', async () => {
    expect(await attemptsWith(new FeedError('timeout', 't'))).toBe(3);
    expect(await attemptsWith(new FeedError('network', 'n'))).toBe(3);
    expect(await attemptsWith(new FeedError('http', '503', 503))).toBe(3);
  });

  it('with TanStack Query: a permanent fault is tried once', async () => {
    expect(await attemptsWith(new FeedError('not-found', '404', 404))).toBe(1);
    expect(await attemptsWith(new FeedError('invalid-json', 'j'))).toBe(1);
    expect(await attemptsWith(new FeedError('not-a-feed', 'f'))).toBe(1);
  });
});

describe('feedQueryOptions following pages', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function serve(pages: Record<string, unknown>): string[] {
    const requested: string[] = [];
    vi.stubGlobal('fetch', (input: RequestInfo | URL) => {
      const url = String(input);
      requested.push(url);
      const body = pages[url];
      return Promise.resolve(
        body === undefined ? new Response('missing', { status: 404 }) : new Response(JSON.stringify(body), { status: 200 }),
      );
    });
    return requested;
  }

  it('stops fetching when next_url loops back to a page already fetched', async () => {
    const requested = serve({
      'https://f.example/feed.json': rawPage('a', 'feed-2.json'),
      'https://f.example/feed-2.json': rawPage('b', 'feed.json'),
    });
    const client = new QueryClient();
    const data = await client.fetchInfiniteQuery({ ...feedQueryOptions('https://f.example/feed.json'), pages: 10 });
    expect(requested).toEqual(['https://f.example/feed.json', 'https://f.example/feed-2.json']);
    expect(data.pages.map((p) => p.url)).toEqual(['https://f.example/feed.json', 'https://f.example/feed-2.json']);
    client.clear();
  });

  it('stops fetching when the last page has no next_url', async () => {
    const requested = serve({
      'https://f.example/feed.json': rawPage('a', 'feed-2.json'),
      'https://f.example/feed-2.json': rawPage('b', 'feed-3.json'),
      'https://f.example/feed-3.json': rawPage('c'),
    });
    const client = new QueryClient();
    const data = await client.fetchInfiniteQuery({ ...feedQueryOptions('https://f.example/feed.json'), pages: 10 });
    expect(requested).toHaveLength(3);
    expect(data.pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(['a', 'b', 'c']);
    client.clear();
  });
});
