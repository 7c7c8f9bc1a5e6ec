/**
 * Generated JSON Feeds for the scale runs: N news items, newest first, each with an id, a title,
 * a summary, a few paragraphs of content_html (about 1 KB) and areas from `_bulletin`. The text
 * is made from a fixed word list and the item's number, so every run gets the same bytes.
 */

const AREAS = [
  { id: 'middlesbrough', name: 'Middlesbrough', postcodes: ['TS1', 'TS2', 'TS3', 'TS4', 'TS5', 'TS7', 'TS8'] },
  { id: 'redcar-cleveland', name: 'Redcar and Cleveland', postcodes: ['TS6', 'TS10', 'TS11', 'TS12', 'TS13', 'TS14'] },
  { id: 'stockton', name: 'Stockton-on-Tees', postcodes: ['TS15', 'TS16', 'TS17', 'TS18', 'TS19', 'TS20', 'TS21'] },
  { id: 'hartlepool', name: 'Hartlepool', postcodes: ['TS24', 'TS25', 'TS26', 'TS27'] },
];

const WORDS = (
  'police commissioner community safety funding neighbourhood officers residents council partnership ' +
  'scheme victims support youth project crime prevention patrols burglary vehicle road rural town ' +
  'centre grant charity volunteers meeting surgery panel report inspection award training campaign ' +
  'awareness housing school families health service response review plan budget week month year'
).split(' ');

/** A small deterministic generator (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function words(rand, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]);
  return out.join(' ');
}

function sentence(rand, n) {
  const s = words(rand, n);
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

const NEWEST = Date.UTC(2025, 10, 1, 9, 0, 0);

/** Item number `n` (0 = newest), published one hour after item n + 1. */
export function makeItem(n) {
  const rand = rng(n + 1);
  const title = `${sentence(rand, 6).slice(0, -1)} (${n + 1})`;
  const paragraphs = Array.from({ length: 4 }, () => `<p>${sentence(rand, 14)} ${sentence(rand, 12)}</p>`);
  const areaCount = n % 7 === 0 ? 0 : n % 5 === 0 ? 2 : 1;
  const areas = Array.from({ length: areaCount }, (_, i) => AREAS[(n + i) % AREAS.length].id);
  return {
    id: `bench-item-${n + 1}`,
    title,
    summary: sentence(rand, 22),
    content_html: paragraphs.join(''),
    date_published: new Date(NEWEST - n * 3_600_000).toISOString().replace('.000Z', 'Z'),
    _bulletin: { areas },
  };
}

function feedDoc(items, nextUrl) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Police and Crime Commissioner for Cleveland',
    home_page_url: 'https://www.cleveland.pcc.police.uk/',
    description: 'Generated feed for the Bulletin benchmark.',
    language: 'en-GB',
    ...(nextUrl ? { next_url: nextUrl } : {}),
    _bulletin: { timezone: 'Europe/London', areas: AREAS },
    items,
  };
}

/** One document holding `count` items: Map of URL path -> JSON text. */
export function singleFeed(count) {
  const items = Array.from({ length: count }, (_, n) => makeItem(n));
  return new Map([['/feed.json', JSON.stringify(feedDoc(items))]]);
}

/** `count` items over pages of `perPage`, linked by relative next_url: /feed.json, /feed-p2.json, … */
export function pagedFeed(count, perPage) {
  const pages = Math.ceil(count / perPage);
  const map = new Map();
  for (let p = 1; p <= pages; p++) {
    const items = [];
    for (let n = (p - 1) * perPage; n < Math.min(count, p * perPage); n++) items.push(makeItem(n));
    const next = p < pages ? `feed-p${p + 1}.json` : null;
    map.set(p === 1 ? '/feed.json' : `/feed-p${p}.json`, JSON.stringify(feedDoc(items, next)));
  }
  return map;
}

export const FEED_PATH = /^\/feed(-p\d+)?\.json$/;
