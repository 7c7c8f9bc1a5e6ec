import { describe, expect, it } from 'vitest';
import { formatInZone, readDate, wallTimeToInstant } from '../../build/sources/dates.ts';

const iso = (raw: string, zone = 'Europe/London') => readDate(raw, zone)?.iso;
const utc = (raw: string, zone = 'Europe/London') => readDate(raw, zone)?.instant.toISOString();

describe('dates from feeds', () => {
  it('RFC 3339 passes through as the same instant, written with the newsroom zone\'s offset', () => {
    expect(iso('2018-03-22T10:30:00+00:00')).toBe('2018-03-22T10:30:00+00:00');
    expect(iso('2017-07-14T23:30:00Z')).toBe('2017-07-15T00:30:00+01:00');
    expect(iso('2018-03-22T10:30:00Z', 'America/New_York')).toBe('2018-03-22T06:30:00-04:00');
    expect(readDate('2018-03-22T10:30:00Z', 'Europe/London')?.assumedZone).toBe(false);
  });

  it('RFC 822 (RSS): numeric offsets, GMT, named zones, two-digit years, no seconds, no weekday', () => {
    expect(utc('Fri, 03 May 2024 18:59:53 +0000')).toBe('2024-05-03T18:59:53.000Z');
    expect(utc('Fri, 31 May 2019 12:17:58 -0700')).toBe('2019-05-31T19:17:58.000Z');
    expect(utc('Tue, 13 Nov 2018 14:00:00 GMT')).toBe('2018-11-13T14:00:00.000Z');
    expect(utc('Sat, 29 May 2027 14:00:00 BST')).toBe('2027-05-29T13:00:00.000Z');
    expect(utc('Mon, 12 Nov 18 09:00 EST')).toBe('2018-11-12T14:00:00.000Z');
    expect(utc('13 November 2018 14:00:00 +0100')).toBe('2018-11-13T13:00:00.000Z');
  });

  it('a date without a zone is read in the newsroom\'s zone, and marked so', () => {
    expect(readDate('2027-05-29T14:00:00', 'Europe/London')).toMatchObject({ iso: '2027-05-29T14:00:00+01:00', assumedZone: true });
    expect(utc('2018-11-13 14:00')).toBe('2018-11-13T14:00:00.000Z');
    expect(utc('Sat, 29 May 2027 14:00:00')).toBe('2027-05-29T13:00:00.000Z');
    expect(readDate('2018-03-22', 'Europe/London')).toMatchObject({ iso: '2018-03-22T00:00:00+00:00', assumedZone: true });
    expect(utc('2027-05-29T14:00:00', 'Pacific/Auckland')).toBe('2027-05-29T02:00:00.000Z');
  });

  it('not a date: null', () => {
    for (const raw of ['yesterday', '', '2018-02-30T10:00:00Z', '2018-02-30', '32 Jan 2018 10:00 GMT', 'Tue, 13 Foo 2018 14:00:00 GMT', 'Tue, 13 Nov 2018 14:00:00 XYZ']) {
      expect(readDate(raw, 'Europe/London'), raw).toBeNull();
    }
  });

  it('wall-clock times across daylight saving, including the hour that does not exist and the one that happens twice', () => {
    expect(wallTimeToInstant(2027, 3, 28, 0, 30, 0, 'Europe/London').toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(wallTimeToInstant(2027, 3, 28, 2, 30, 0, 'Europe/London').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    // 01:30 does not exist that night (01:00 GMT became 02:00 BST): read as 02:30 BST.
    expect(wallTimeToInstant(2027, 3, 28, 1, 30, 0, 'Europe/London').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(wallTimeToInstant(2027, 10, 31, 1, 30, 0, 'Europe/London').toISOString()).toMatch(/^2027-10-31T0[01]:30:00\.000Z$/);
    expect(formatInZone(new Date('2027-03-28T01:30:00Z'), 'Europe/London')).toBe('2027-03-28T02:30:00+01:00');
    expect(formatInZone(new Date('2027-01-01T00:00:00Z'), 'Asia/Kolkata')).toBe('2027-01-01T05:30:00+05:30');
  });
});
