/** What a reader types into "Set your postcode": a full postcode or its first half, and only what is kept comes back. */
import { describe, expect, it } from 'vitest';
import * as rules from '../../src/preferences/postcode';
import { readPostcodeEntry } from '../../src/preferences/postcode-entry';

describe('readPostcodeEntry', () => {
  it.each([
    ['ts1-2ab ', 'TS1 2'],
    ['  sw1a 1aa', 'SW1A 1'],
    ['SW1A1AA', 'SW1A 1'],
    ['ts1.2ab', 'TS1 2'],
    ['ts1 2ab', 'TS1 2'],
    ['TS1   2AB', 'TS1 2'],
    ['ts12 3ab', 'TS12 3'],
    ['m1 1ae', 'M1 1'],
    ['dl1 1aa', 'DL1 1'],
    ['TS8 9GL', 'TS8 9'],
  ])('takes the full postcode %j and keeps only its sector, %j', (input, expected) => {
    expect(readPostcodeEntry(input, rules)).toEqual({ ok: true, postcode: expected });
  });

  it.each([
    ['TS1', 'TS1'],
    ['ts8', 'TS8'],
    [' ts24 ', 'TS24'],
    ['sw1a', 'SW1A'],
    ['M1', 'M1'],
    ['ts8 9', 'TS8 9'],
  ])('takes the first half alone (or with its sector digit), %j as %j', (input, expected) => {
    expect(readPostcodeEntry(input, rules)).toEqual({ ok: true, postcode: expected });
  });

  it.each([[''], ['   '], ['\t\n'], ['-.-']])('gives "empty" for %j', (input) => {
    expect(readPostcodeEntry(input, rules)).toEqual({ ok: false, error: 'empty' });
  });

  it.each([['hello'], ['TS'], ['T'], ['1TS'], ['12345'], ['TS1 2AB extra'], ['TS1 2A'], ['TSS1 2AB'], ['TS1 2ABC'], ['1TS 2AB'], ['TS1 AAB'], ['ZZ9'], ['QQ1'], ['TS 8'], ['TS8 99']])(
    'gives "invalid" for %j',
    (input) => {
      expect(readPostcodeEntry(input, rules)).toEqual({ ok: false, error: 'invalid' });
    },
  );

  it.each([
    ['ZZ99 ZZ', 'the reader’s own split is not a postcode, though the letters re-split as ZZ9 9ZZ'],
    ['zz99 zz', 'the same in lower case'],
    ['ZZ9 9ZZ', 'the right shape, but ZZ is no UK postcode area'],
    ['TS12 AB', 'split where no postcode splits (TS1 2AB would be real)'],
    ['QQ1 1AA', 'no such postcode area'],
  ])('refuses %s: %s', (input) => {
    expect(readPostcodeEntry(input, rules)).toEqual({ ok: false, error: 'invalid' });
  });

  it.each([
    ['gy1 1aa', 'GY1 1'],
    ['IM1 1AA', 'IM1 1'],
    ['je2 3ab', 'JE2 3'],
    ['ec1a 1bb', 'EC1A 1'],
  ])('accepts the Channel Islands, the Isle of Man and London sub-districts: %s', (input, expected) => {
    expect(readPostcodeEntry(input, rules)).toEqual({ ok: true, postcode: expected });
  });
});
