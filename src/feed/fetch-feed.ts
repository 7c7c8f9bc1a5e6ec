/** Fetching one page of the feed: network faults told apart, JSON parsed, then normalised. */
import { normaliseFeed } from './normalise';
import { FeedError, type FeedPage } from './types';

/** Time limit for one request; with retries a reader waits at most about 3 x this before the error page. */
const FEED_TIMEOUT_MS = 10_000;

export interface FetchFeedOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  isOnline?: () => boolean;
}

function browserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

export async function fetchFeedPage(url: string, options: FetchFeedOptions = {}): Promise<FeedPage> {
  const { signal, timeoutMs = FEED_TIMEOUT_MS, fetchImpl = fetch, isOnline = browserOnline } = options;
  // A timer of our own (not AbortSignal.timeout) so that tests with a fake clock can run it forward.
  const timer = new AbortController();
  const timeout = timer.signal;
  const timeoutId = setTimeout(() => timer.abort(new DOMException('The feed took too long', 'TimeoutError')), timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    return await fetchWithin(url, combined, { signal, timeout, timeoutMs, fetchImpl, isOnline });
  } finally {
    clearTimeout(timeoutId);
  }
}

interface Within {
  signal: AbortSignal | undefined;
  timeout: AbortSignal;
  timeoutMs: number;
  fetchImpl: typeof fetch;
  isOnline: () => boolean;
}

async function fetchWithin(url: string, combined: AbortSignal, { signal, timeout, timeoutMs, fetchImpl, isOnline }: Within): Promise<FeedPage> {
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: combined, headers: { Accept: 'application/feed+json, application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error; // the query was cancelled: not a fault to show
    if (timeout.aborted) throw new FeedError('timeout', `The feed did not answer within ${timeoutMs / 1000} seconds.`);
    if (!isOnline()) throw new FeedError('offline', 'This device is offline.');
    throw new FeedError('network', 'The connection to the feed failed.');
  }
  if (response.status === 404 || response.status === 410) {
    throw new FeedError('not-found', `The feed was not found (HTTP ${response.status}).`, response.status);
  }
  if (!response.ok) {
    throw new FeedError('http', `The feed server answered HTTP ${response.status}.`, response.status);
  }
  let body: string;
  try {
    body = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error; // cancelled while arriving: not a fault either
    if (timeout.aborted) throw new FeedError('timeout', 'The feed stopped arriving.');
    throw new FeedError('network', 'The connection dropped while the feed was arriving.');
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new FeedError('invalid-json', 'The feed is not valid JSON.');
  }
  const sent = Date.parse(response.headers.get('Date') ?? '');
  return { ...normaliseFeed(json, url), fetchedAt: Number.isNaN(sent) ? null : new Date(sent) };
}

/** Timeouts, 5xx and network failures may pass; a 404 or an unreadable feed will not. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof FeedError)) return false;
  if (error.kind === 'timeout' || error.kind === 'network') return true;
  return error.kind === 'http' && error.status !== null && error.status >= 500;
}
