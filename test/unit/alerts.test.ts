/** Alerts: the boundary (src/feed/normalise.ts), their order, timing, who sees them, and the dismissal key and store. */
import { describe, expect, it } from 'vitest';
import { DISMISSED_KEY, MAX_DISMISSED, parseDismissed } from '../../src/alerts/dismissed';
import { ageWords, alertKey, isCurrent, isForReader, orderAlerts } from '../../src/alerts/select';
import { dismiss, readDismissals } from '../../src/alerts/store';
import { normaliseFeed, type Alert } from '../../src/feed';
import type { SafeStorage } from '../../src/lib/storage';

const URL = 'https://news.example/feed.json';
const feedWith = (alerts: unknown) => normaliseFeed({ version: 'https://jsonfeed.org/version/1.1', title: 'N', items: [{ id: '1', title: 'An item' }], _bulletin: { alerts } }, URL);
const read = (...alerts: unknown[]) => feedWith(alerts).alerts;
const one = (fields: Record<string, unknown>) => read({ id: 'a', title: 'A', ...fields })[0];

describe('the feed boundary reads alerts', () => {
  it('keeps a full alert, with its dates parsed and its link resolved', () => {
    expect(one({ level: 'emergency', text: ' Avoid the riverside. ', url: '/flood', start: '2018-11-20T16:00:00+00:00', end: '2018-11-21T09:00:00Z', areas: ['stockton', 'stockton'] })).toEqual({
      id: 'a', level: 'emergency', title: 'A', text: 'Avoid the riverside.', url: 'https://news.example/flood',
      start: new Date('2018-11-20T16:00:00Z'), end: new Date('2018-11-21T09:00:00Z'), areas: ['stockton'], position: 0,
    });
  });

  it('defaults the level to info, and no areas (or an empty list) to everyone', () => {
    expect(one({})).toMatchObject({ level: 'info', text: null, url: null, start: null, end: null, areas: null });
    expect(one({ areas: [] })?.areas).toBeNull();
  });

  it.each([
    ['no id', { id: undefined }],
    ['a blank title', { title: '  ' }],
    ['a number for a title', { title: 7 }],
    ['an object for text', { text: { html: '<b>' } }],
    ['an unknown level', { level: 'urgent' }],
    ['an unreadable start', { start: 'tomorrow' }],
    ['a start without an offset', { start: '2018-11-20T16:00:00' }],
    ['an end before its start', { start: '2018-11-21T00:00:00Z', end: '2018-11-20T00:00:00Z' }],
    ['areas that are not a list of strings', { areas: 'stockton' }],
    ['areas holding a number', { areas: ['stockton', 3] }],
  ])('ignores an alert with %s, and keeps the rest of the feed', (_what, fields) => {
    const feed = feedWith([{ id: 'a', title: 'A', ...fields }, { id: 'b', title: 'B' }]);
    expect(feed.alerts.map((a) => a.id)).toEqual(['b']);
    expect(feed.items).toHaveLength(1);
  });

  it('never lets a hostile value through: script URLs dropped, HTML kept as plain text, junk ignored', () => {
    expect(one({ url: 'javascript:alert(1)' })?.url).toBeNull();
    expect(one({ url: ' data:text/html,<script>x</script>' })?.url).toBeNull();
    expect(one({ title: '<img src=x onerror=alert(1)>' })?.title).toBe('<img src=x onerror=alert(1)>');
    for (const junk of [null, 1, 'alerts', {}, { 0: { id: 'a', title: 'A' } }]) expect(feedWith(junk).alerts).toEqual([]);
    expect(read(null, 3, 'x', [], { id: 'ok', title: 'Kept' }, JSON.parse('{"__proto__": {"id": "p", "title": "P"}}')).map((a) => a.id)).toEqual(['ok']);
  });

  it('keeps the first of two alerts with one id', () => {
    expect(read({ id: 'a', title: 'First' }, { id: 'a', title: 'Second' }).map((a) => a.title)).toEqual(['First']);
  });
});

const alert = (id: string, fields: Partial<Alert> = {}, position = 0): Alert => ({ id, level: 'info', title: id, text: null, url: null, start: null, end: null, areas: null, position, ...fields });

describe('order', () => {
  it('puts the most severe first, then the newest by start, else the later in the feed', () => {
    const list = [
      alert('info-old', { start: new Date('2018-01-01T00:00:00Z') }, 0),
      alert('warning', { level: 'warning' }, 1),
      alert('info-new', { start: new Date('2018-06-01T00:00:00Z') }, 2),
      alert('emergency', { level: 'emergency' }, 3),
      alert('info-undated-1', {}, 4),
      alert('info-undated-2', {}, 5),
    ];
    expect(orderAlerts(list).map((a) => a.id)).toEqual(['emergency', 'warning', 'info-new', 'info-old', 'info-undated-2', 'info-undated-1']);
  });
});

describe('timing', () => {
  const a = alert('a', { start: new Date('2018-11-20T16:00:00Z'), end: new Date('2018-11-21T09:00:00Z') });
  it('shows an alert from its start until (not at) its end', () => {
    expect(isCurrent(a, new Date('2018-11-20T15:59:59Z'))).toBe(false);
    expect(isCurrent(a, new Date('2018-11-20T16:00:00Z'))).toBe(true);
    expect(isCurrent(a, new Date('2018-11-21T08:59:59Z'))).toBe(true);
    expect(isCurrent(a, new Date('2018-11-21T09:00:00Z'))).toBe(false);
  });
  it('leaves an open start or end open', () => {
    expect(isCurrent(alert('b'), new Date('1970-01-01T00:00:00Z'))).toBe(true);
    expect(isCurrent(alert('c', { end: new Date('2018-01-01T00:00:00Z') }), new Date('2017-01-01T00:00:00Z'))).toBe(true);
  });
  it('says how long ago a saved copy was current', () => {
    const saved = new Date('2018-11-20T12:00:00Z');
    const at = (iso: string) => ageWords(saved, new Date(iso));
    expect(at('2018-11-20T12:00:30Z')).toBe('less than a minute');
    expect(at('2018-11-20T12:01:00Z')).toBe('1 minute');
    expect(at('2018-11-20T13:30:00Z')).toBe('90 minutes');
    expect(at('2018-11-20T15:10:00Z')).toBe('3 hours');
    expect(at('2018-11-23T12:00:00Z')).toBe('3 days');
  });
});

describe('who sees an alert', () => {
  const stockton = alert('s', { areas: ['stockton'] });
  const none = { postcode: null, area: null, choices: null };
  it('shows an alert without areas to everyone', () => {
    expect(isForReader(alert('all'), { postcode: 'TS24 8', area: { id: 'hartlepool' }, choices: null })).toBe(true);
  });
  it('shows an area alert to readers of that area and to readers with no postcode, not to readers elsewhere', () => {
    expect(isForReader(stockton, none)).toBe(true);
    expect(isForReader(stockton, { postcode: 'TS18 1', area: { id: 'stockton' }, choices: null })).toBe(true);
    expect(isForReader(stockton, { postcode: 'TS24 8', area: { id: 'hartlepool' }, choices: null })).toBe(false);
    expect(isForReader(stockton, { postcode: 'ZZ1', area: null, choices: [] })).toBe(false);
  });
  it('shows it to a reader yet to choose between areas when one of them is the alert’s', () => {
    expect(isForReader(stockton, { postcode: 'TS2', area: null, choices: [{ id: 'middlesbrough' }, { id: 'stockton' }] })).toBe(true);
    expect(isForReader(stockton, { postcode: 'TS7', area: null, choices: [{ id: 'middlesbrough' }, { id: 'redcar-cleveland' }] })).toBe(false);
  });
});

describe('the dismissal key', () => {
  const base = alert('flood', { title: 'Flood', text: 'Avoid the river', level: 'warning' });
  it('is the same for the same alert, and fixed in length however long the id', () => {
    expect(alertKey(base)).toBe(alertKey({ ...base, position: 9 }));
    expect(alertKey(base)).toMatch(/^[0-9a-z]{7}\.[0-9a-z]{7}$/);
    expect(alertKey(alert('x'.repeat(100_000)))).toHaveLength(15);
  });
  it('changes when the alert is edited, keeping the part for its id', () => {
    for (const edit of [{ title: 'Flood!' }, { text: 'Avoid the river paths' }, { level: 'info' as const }, { url: 'https://x.example/' }, { end: new Date(0) }, { areas: ['stockton'] }]) {
      const edited = alertKey({ ...base, ...edit });
      expect(edited).not.toBe(alertKey(base));
      expect(edited.slice(0, 7)).toBe(alertKey(base).slice(0, 7));
    }
    expect(alertKey(alert('other', { title: 'Flood', text: 'Avoid the river', level: 'warning' })).slice(0, 7)).not.toBe(alertKey(base).slice(0, 7));
  });
});

function storage(initial: string | null = null, works = true): SafeStorage & { value: () => string | null } {
  let value = initial;
  return {
    value: () => value,
    get: () => value,
    set: (_k, v) => {
      if (works) value = v;
      return works;
    },
    remove: () => undefined,
  };
}

describe('what is kept of dismissals', () => {
  it('reads only well-formed keys from storage; anything else is nothing dismissed', () => {
    expect(parseDismissed(null)).toEqual([]);
    expect(parseDismissed('{not json')).toEqual([]);
    expect(parseDismissed('{"a":1}')).toEqual([]);
    expect(parseDismissed(JSON.stringify(['abcdefg.hijklmn', 'x', 3, '"]{display:block}', 'ABCDEFG.HIJKLMN']))).toEqual(['abcdefg.hijklmn']);
  });

  it('keeps a dismissal under one key, and prunes those of alerts no longer in the feed', () => {
    const s = storage(JSON.stringify(['aaaaaaa.bbbbbbb', 'ccccccc.ddddddd']));
    const kept = dismiss(s, 'eeeeeee.fffffff', ['ccccccc.ddddddd', 'eeeeeee.fffffff']);
    expect([...kept]).toEqual(['ccccccc.ddddddd', 'eeeeeee.fffffff']);
    expect(JSON.parse(s.value() ?? '')).toEqual(['ccccccc.ddddddd', 'eeeeeee.fffffff']);
  });

  it('keeps at most MAX_DISMISSED', () => {
    const keys = Array.from({ length: MAX_DISMISSED + 5 }, (_, i) => `${String(i).padStart(7, '0')}.aaaaaaa`);
    const s = storage(JSON.stringify(keys.slice(0, -1)));
    expect(parseDismissed(s.value())).toHaveLength(MAX_DISMISSED);
    dismiss(s, keys.at(-1) ?? '', keys);
    const stored = parseDismissed(s.value());
    expect(stored).toHaveLength(MAX_DISMISSED);
    expect(stored.at(-1)).toBe(keys.at(-1));
  });

  it('holds for the visit when storage is full or disabled', () => {
    const broken = storage(null, false);
    dismiss(broken, 'aaaaaaa.bbbbbbb', ['aaaaaaa.bbbbbbb']);
    expect(broken.value()).toBeNull();
    expect(readDismissals(broken).has('aaaaaaa.bbbbbbb')).toBe(true);
    expect(readDismissals(storage()).size).toBe(0);
  });

  it('is kept under its own key', () => {
    expect(DISMISSED_KEY).toBe('bulletin:alerts-dismissed');
  });
});
