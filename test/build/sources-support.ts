/** Shared by the sources tests: a site for a source, and a page served by an injected fetch. */
import { join } from 'node:path';
import type { Site } from '../../build/site/index.ts';

export const CORPUS = join(import.meta.dirname, '../corpus/sources');

export function siteFor(source: string, extra: Partial<Site> = {}): Site {
  return {
    file: null, name: 'Test newsroom', shortName: 'Test', language: 'en-GB', timezone: 'Europe/London', source,
    areas: [
      { id: 'middlesbrough', name: 'Middlesbrough', postcodes: ['TS1'] },
      { id: 'redcar-cleveland', name: 'Redcar and Cleveland', postcodes: ['TS10'] },
      { id: 'hartlepool', name: 'Hartlepool', postcodes: ['TS24'] },
    ],
    categories: { Middlesbrough: 'middlesbrough', 'Redcar and Cleveland': 'redcar-cleveland', Hartlepool: 'hartlepool' },
    alerts: [], quickExit: false, images: 'remote', pageSize: 50, ...extra,
  };
}

/** A fetch that serves the given bodies by URL (404 otherwise) and records what was asked. */
export function fakeFetch(pages: Record<string, string>) {
  const asked: string[] = [];
  const fetch = async (url: string) => {
    asked.push(url);
    const body = pages[url];
    return body === undefined ? new Response('gone', { status: 404, statusText: 'Not Found' }) : new Response(body, { status: 200 });
  };
  return { fetch, asked };
}
