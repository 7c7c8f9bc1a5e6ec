import { describe, expect, it } from 'vitest';
import {
  dayKey,
  formatEventWhen,
  formatLongDate,
  formatMonth,
  formatShortDate,
  formatTime,
  isValidTimeZone,
  ordinal,
  parseRfc3339,
} from '../../src/lib/dates';

const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';

/** A Date at an exact UTC instant, written out so no test depends on the machine's zone. */
function utc(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime()) || !iso.endsWith('Z')) throw new Error(`bad fixture ${iso}`);
  return d;
}

describe('ordinal', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [23, '23rd'],
    [31, '31st'],
    [101, '101st'],
    [111, '111th'],
    [112, '112th'],
    [113, '113th'],
    [0, '0th'],
  ])('ordinal(%i) is %s', (n, expected) => {
    expect(ordinal(n)).toBe(expected);
  });
});

describe('formatLongDate', () => {
  it('writes the day in full, GOV.UK style', () => {
    expect(formatLongDate(utc('2018-03-22T10:30:00Z'), LONDON)).toBe('Thursday 22nd March 2018');
  });

  it('writes the short form without the weekday', () => {
    expect(formatShortDate(utc('2018-03-22T10:30:00Z'), LONDON)).toBe('22 March 2018');
  });

  it('writes a month, in the zone: 23:30 UTC on 31 March is April in Auckland', () => {
    expect(formatMonth(utc('2018-03-22T10:30:00Z'), LONDON)).toBe('March 2018');
    expect(formatMonth(utc('2018-03-31T23:30:00Z'), 'Pacific/Auckland')).toBe('April 2018');
  });

  describe('British Summer Time starts at 01:00 UTC on 25 March 2018', () => {
    it('one second before, London is still on GMT (00:59)', () => {
      const d = utc('2018-03-25T00:59:59Z');
      expect(formatLongDate(d, LONDON)).toBe('Sunday 25th March 2018');
      expect(formatTime(d, LONDON)).toBe('12:59am');
    });
    it('at the change, London jumps to 02:00 BST', () => {
      const d = utc('2018-03-25T01:00:00Z');
      expect(formatLongDate(d, LONDON)).toBe('Sunday 25th March 2018');
      expect(formatTime(d, LONDON)).toBe('2am');
    });
    it('late on the Saturday before, 23:30 UTC is still Saturday in London', () => {
      expect(formatLongDate(utc('2018-03-24T23:30:00Z'), LONDON)).toBe('Saturday 24th March 2018');
    });
    it('late on the Sunday of the change, 23:30 UTC is already Monday in London', () => {
      expect(formatLongDate(utc('2018-03-25T23:30:00Z'), LONDON)).toBe('Monday 26th March 2018');
    });
  });

  describe('British Summer Time ends at 01:00 UTC on 28 October 2018', () => {
    it('00:30 UTC is 1:30am BST', () => {
      const d = utc('2018-10-28T00:30:00Z');
      expect(formatTime(d, LONDON)).toBe('1:30am');
      expect(dayKey(d, LONDON)).toBe('2018-10-28');
    });
    it('01:30 UTC is 1:30am GMT (the hour repeats)', () => {
      const d = utc('2018-10-28T01:30:00Z');
      expect(formatTime(d, LONDON)).toBe('1:30am');
      expect(dayKey(d, LONDON)).toBe('2018-10-28');
    });
    it('23:30 UTC the evening before is already Sunday in London (still BST)', () => {
      expect(formatLongDate(utc('2018-10-27T23:30:00Z'), LONDON)).toBe('Sunday 28th October 2018');
    });
    it('23:30 UTC on the Sunday itself stays Sunday (now GMT)', () => {
      expect(formatLongDate(utc('2018-10-28T23:30:00Z'), LONDON)).toBe('Sunday 28th October 2018');
      expect(formatTime(utc('2018-10-28T23:30:00Z'), LONDON)).toBe('11:30pm');
    });
  });

  it('a summer 23:30 UTC release was posted on the next day in London', () => {
    const d = utc('2018-07-14T23:30:00Z');
    expect(formatLongDate(d, LONDON)).toBe('Sunday 15th July 2018');
    expect(formatShortDate(d, LONDON)).toBe('15 July 2018');
    expect(formatTime(d, LONDON)).toBe('12:30am');
    expect(dayKey(d, LONDON)).toBe('2018-07-15');
  });

  it('a winter 23:30 UTC release was posted on the same day in London', () => {
    const d = utc('2018-01-18T23:30:00Z');
    expect(formatLongDate(d, LONDON)).toBe('Thursday 18th January 2018');
    expect(formatTime(d, LONDON)).toBe('11:30pm');
    expect(dayKey(d, LONDON)).toBe('2018-01-18');
  });

  it('another zone gives another day for the same instant', () => {
    const d = utc('2018-03-22T02:00:00Z');
    expect(formatLongDate(d, LONDON)).toBe('Thursday 22nd March 2018');
    expect(formatLongDate(d, NEW_YORK)).toBe('Wednesday 21st March 2018');
    expect(formatTime(d, LONDON)).toBe('2am');
    expect(formatTime(d, NEW_YORK)).toBe('10pm');
  });

  it('the same instant reads differently in New York and London in summer too', () => {
    const d = utc('2018-07-14T23:30:00Z');
    expect(formatLongDate(d, NEW_YORK)).toBe('Saturday 14th July 2018');
    expect(formatTime(d, NEW_YORK)).toBe('7:30pm');
  });
});

describe('formatTime', () => {
  it.each([
    ['2018-01-10T09:00:00Z', '9am'],
    ['2018-01-10T14:30:00Z', '2:30pm'],
    ['2018-01-10T12:00:00Z', 'midday'],
    ['2018-01-10T00:00:00Z', 'midnight'],
    ['2018-01-10T12:30:00Z', '12:30pm'],
    ['2018-01-10T00:05:00Z', '12:05am'],
    ['2018-01-10T23:59:00Z', '11:59pm'],
    ['2018-01-10T10:07:00Z', '10:07am'],
    // Summer: London is UTC+1.
    ['2018-07-10T08:00:00Z', '9am'],
    ['2018-07-10T11:00:00Z', 'midday'],
    ['2018-07-10T23:00:00Z', 'midnight'],
  ])('%s in London is %s', (iso, expected) => {
    expect(formatTime(utc(iso), LONDON)).toBe(expected);
  });
});

describe('formatEventWhen', () => {
  it('same day: one date, two times', () => {
    expect(formatEventWhen(utc('2018-11-13T14:00:00Z'), utc('2018-11-13T16:00:00Z'), LONDON)).toBe(
      'Tuesday 13th November 2018, 2pm to 4pm',
    );
  });

  it('no end: the start only', () => {
    expect(formatEventWhen(utc('2018-11-13T14:00:00Z'), null, LONDON)).toBe('Tuesday 13th November 2018, 2pm');
  });

  it('across days: both dates in full', () => {
    expect(formatEventWhen(utc('2018-11-13T09:00:00Z'), utc('2018-11-14T17:00:00Z'), LONDON)).toBe(
      'Tuesday 13th November 2018, 9am to Wednesday 14th November 2018, 5pm',
    );
  });

  it('one UTC day can be two London days (summer, past midnight BST)', () => {
    expect(formatEventWhen(utc('2018-07-14T20:00:00Z'), utc('2018-07-14T23:30:00Z'), LONDON)).toBe(
      'Saturday 14th July 2018, 9pm to Sunday 15th July 2018, 12:30am',
    );
  });

  it('two UTC days can be one London day (summer, 23:30 UTC start)', () => {
    expect(formatEventWhen(utc('2018-07-14T23:30:00Z'), utc('2018-07-15T01:00:00Z'), LONDON)).toBe(
      'Sunday 15th July 2018, 12:30am to 2am',
    );
  });
});

describe('parseRfc3339', () => {
  it.each([
    ['2018-03-22T10:30:00Z', Date.UTC(2018, 2, 22, 10, 30, 0)],
    ['2018-03-22T10:30:00+00:00', Date.UTC(2018, 2, 22, 10, 30, 0)],
    ['2018-03-22T10:30:00-00:00', Date.UTC(2018, 2, 22, 10, 30, 0)],
    ['2018-03-22T11:30:00+01:00', Date.UTC(2018, 2, 22, 10, 30, 0)],
    ['2017-05-17T08:02:12-07:00', Date.UTC(2017, 4, 17, 15, 2, 12)],
    ['2018-03-22T10:30:00+14:00', Date.UTC(2018, 2, 21, 20, 30, 0)],
    ['2018-03-22T10:30:00.123Z', Date.UTC(2018, 2, 22, 10, 30, 0, 123)],
    ['2019-10-12T07:20:50.52Z', Date.UTC(2019, 9, 12, 7, 20, 50, 520)],
    ['2018-04-13T22:06:43.000Z', Date.UTC(2018, 3, 13, 22, 6, 43)],
    ['2018-03-22T10:30:00.5+01:00', Date.UTC(2018, 2, 22, 9, 30, 0, 500)],
    ['2018-03-22t10:30:00z', Date.UTC(2018, 2, 22, 10, 30, 0)],
    ['2018-03-22 10:30:00Z', Date.UTC(2018, 2, 22, 10, 30, 0)],
    ['2020-02-29T00:00:00Z', Date.UTC(2020, 1, 29)],
    // A leap second is read as the last second of that minute.
    ['2016-12-31T23:59:60Z', Date.UTC(2016, 11, 31, 23, 59, 59)],
    ['1990-12-31T15:59:60-08:00', Date.UTC(1990, 11, 31, 23, 59, 59)],
    ['  2018-03-22T10:30:00Z  ', Date.UTC(2018, 2, 22, 10, 30, 0)],
  ])('accepts %s', (value, expected) => {
    const d = parseRfc3339(value);
    expect(d).toBeInstanceOf(Date);
    expect(d?.getTime()).toBe(expected);
  });

  it.each([
    ['Fri, 31 May 2019 12:17:58 -0700'],
    ['Tue, 06 Feb 2018 06:34:12 GMT'],
    ['2018-03-22'],
    ['2018-03-22T10:30'],
    ['2018-03-22T10:30:00'],
    ['2018-02-30T10:00:00Z'],
    ['2019-02-29T00:00:00Z'],
    ['2018-04-31T00:00:00Z'],
    ['2018-13-01T00:00:00Z'],
    ['2018-00-10T00:00:00Z'],
    ['2018-03-00T00:00:00Z'],
    ['2018-03-22T24:00:00Z'],
    ['2018-03-22T10:60:00Z'],
    ['2018-03-22T10:30:61Z'],
    ['2018-03-22T10:30:00+24:00'],
    ['2018-03-22T10:30:00+01:60'],
    ['2018-03-22T10:30:00+0100'],
    ['20180322T103000Z'],
    ['1521714600'],
    ['garbage'],
    [''],
    ['   '],
  ])('rejects %j', (value) => {
    expect(parseRfc3339(value)).toBeNull();
  });

  // RFC 3339 allows years 0000-9999 and uses the proleptic Gregorian calendar, where year 0 is a
  // leap year. Date.UTC maps years 0-99 to 1900-1999 (1900 is not a leap year), so the
  // days-in-month check wrongly refuses 29 February 0000.
  it('accepts 29 February of year 0000 (a leap year)', () => {
    expect(parseRfc3339('0000-02-29T00:00:00Z')?.toISOString()).toBe('0000-02-29T00:00:00.000Z');
  });
});

describe('dayKey', () => {
  it('is the calendar day in the zone', () => {
    expect(dayKey(utc('2018-07-14T23:30:00Z'), LONDON)).toBe('2018-07-15');
    expect(dayKey(utc('2018-07-14T23:30:00Z'), NEW_YORK)).toBe('2018-07-14');
    expect(dayKey(utc('2018-07-14T23:30:00Z'), 'UTC')).toBe('2018-07-14');
  });
});

describe('isValidTimeZone', () => {
  it.each(['Europe/London', 'America/New_York', 'Pacific/Auckland', 'UTC'])('knows %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });
  it.each(['Mars/Olympus_Mons', 'Europe/Atlantis', 'not a zone', ''])('refuses %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
  it('gives the same answer when asked twice (cached)', () => {
    expect(isValidTimeZone('Nowhere/Else')).toBe(false);
    expect(isValidTimeZone('Nowhere/Else')).toBe(false);
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
  });
});
