/**
 * Fetching the search index (src/search/queries.ts): what is bounded is a stall, not the download,
 * so a slow connection still gets a large index and a dead one gets a message, never a search
 * that loads for ever. The clock is faked; the connection is a stream the test feeds.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_INDEX_VERSION } from '../../src/search/documents';
import { fetchSearchIndex, SearchIndexError } from '../../src/search/queries';

const STALL = 1_000;
const INDEX = JSON.stringify({ version: SEARCH_INDEX_VERSION, zone: 'Europe/London', areas: [], docs: [] });

/** A connection the test controls: `send` a part of the body, `end` it; aborting the request errors the body. */
function connection() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  const fetchImpl = vi.fn((_url: RequestInfo | URL, init?: RequestInit) => {
    init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
    return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }));
  });
  return {
    fetchImpl: fetchImpl as unknown as typeof fetch,
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
}

/** Where a promise stands, without waiting for it. */
function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

describe('fetching the search index', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a connection that stops sending ends, after the stall and not before, in an error the page shows', async () => {
    const net = connection();
    const state = track(fetchSearchIndex({ fetchImpl: net.fetchImpl, stallMs: STALL }));
    await vi.advanceTimersByTimeAsync(STALL / 2);
    net.send(INDEX.slice(0, 10));
    await vi.advanceTimersByTimeAsync(STALL - 10);
    expect(state.settled, 'still arriving: within the stall of the last part').toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(state.settled).toBe(true);
    expect(state.error).toBeInstanceOf(SearchIndexError);
    expect((state.error as SearchIndexError).kind).toBe('failed');
    expect((state.error as Error).message).toMatch(/stopped arriving/);
  });

  it('a slow connection that keeps sending gets the whole index, however long it takes', async () => {
    const net = connection();
    const state = track(fetchSearchIndex({ fetchImpl: net.fetchImpl, stallMs: STALL }));
    for (let at = 0; at < INDEX.length; at += 8) {
      await vi.advanceTimersByTimeAsync(STALL - 1);
      net.send(INDEX.slice(at, at + 8));
    }
    net.end();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.error).toBeUndefined();
    expect(state.value).toMatchObject({ version: SEARCH_INDEX_VERSION, docs: [] });
  });

  it('a fetch the reader cancelled (they left the page) is not turned into a fault to show', async () => {
    const net = connection();
    const leaving = new AbortController();
    const state = track(fetchSearchIndex({ fetchImpl: net.fetchImpl, stallMs: STALL, signal: leaving.signal }));
    await vi.advanceTimersByTimeAsync(1);
    leaving.abort(new DOMException('left', 'AbortError'));
    await vi.advanceTimersByTimeAsync(1);
    expect(state.settled).toBe(true);
    expect(state.error).not.toBeInstanceOf(SearchIndexError);
  });
});
