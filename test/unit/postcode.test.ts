import { describe, expect, it } from 'vitest';
import type { Area } from '../../src/feed';
import { matchArea, normalisePostcode, POSTCODE_ERRORS } from '../../src/preferences/postcode';

/** As in sample/feed.json. */
const CLEVELAND: Area[] = [
  { id: 'middlesbrough', name: 'Middlesbrough', postcodes: ['TS1', 'TS2', 'TS3', 'TS4', 'TS5', 'TS7', 'TS8'] },
  {
    id: 'redcar-cleveland',
    name: 'Redcar and Cleveland',
    postcodes: ['TS6', 'TS10', 'TS11', 'TS12', 'TS13', 'TS14', 'TS7 0'],
  },
  {
    id: 'stockton',
    name: 'Stockton-on-Tees',
    postcodes: ['TS15', 'TS16', 'TS17', 'TS18', 'TS19', 'TS20', 'TS21', 'TS22', 'TS23', 'TS2 1'],
  },
  { id: 'hartlepool', name: 'Hartlepool', postcodes: ['TS24', 'TS25', 'TS26', 'TS27'] },
];

function area(id: string, postcodes: string[]): Area {
  return { id, name: id, postcodes };
}

describe('normalisePostcode', () => {
  it.each([
    ['ts1-2ab ', 'TS1 2AB'],
    ['  sw1a 1aa', 'SW1A 1AA'],
    ['SW1A1AA', 'SW1A 1AA'],
    ['ts1.2ab', 'TS1 2AB'],
    ['ts1 2ab', 'TS1 2AB'],
    ['TS1   2AB', 'TS1 2AB'],
    ['ts12 3ab', 'TS12 3AB'],
    ['m1 1ae', 'M1 1AE'],
    ['dl1 1aa', 'DL1 1AA'],
    ['TS8 9GL', 'TS8 9GL'],
  ])('accepts %j as %j', (input, expected) => {
    expect(normalisePostcode(input)).toEqual({ ok: true, postcode: expected });
  });

  it.each([[''], ['   '], ['\t\n'], ['-.-']])('gives "empty" for %j', (input) => {
    expect(normalisePostcode(input)).toEqual({ ok: false, error: 'empty' });
  });

  it.each([['hello'], ['TS1'], ['12345'], ['TS1 2AB extra'], ['TS1 2A'], ['TSS1 2AB'], ['TS1 2ABC'], ['1TS 2AB'], ['TS1 AAB']])(
    'gives "invalid" for %j',
    (input) => {
      expect(normalisePostcode(input)).toEqual({ ok: false, error: 'invalid' });
    },
  );

  it.each([
    ['ZZ99 ZZ', 'the reader’s own split is not a postcode, though the letters re-split as ZZ9 9ZZ'],
    ['zz99 zz', 'the same in lower case'],
    ['ZZ9 9ZZ', 'the right shape, but ZZ is no UK postcode area'],
    ['TS12 AB', 'split where no postcode splits (TS1 2AB would be real)'],
    ['QQ1 1AA', 'no such postcode area'],
  ])('refuses %s: %s', (input) => {
    expect(normalisePostcode(input)).toEqual({ ok: false, error: 'invalid' });
  });

  it.each([
    ['gy1 1aa', 'GY1 1AA'],
    ['IM1 1AA', 'IM1 1AA'],
    ['je2 3ab', 'JE2 3AB'],
    ['ec1a 1bb', 'EC1A 1BB'],
  ])('accepts the Channel Islands, the Isle of Man and London sub-districts: %s', (input, expected) => {
    expect(normalisePostcode(input)).toEqual({ ok: true, postcode: expected });
  });

  it('has words for both errors', () => {
    expect(POSTCODE_ERRORS.empty).toBe('Enter a postcode');
    expect(POSTCODE_ERRORS.invalid).toBe('Enter a real postcode');
  });
});

describe('matchArea', () => {
  it.each([
    ['TS1 1AA', 'middlesbrough'],
    ['TS5 6AB', 'middlesbrough'],
    ['TS10 1AA', 'redcar-cleveland'],
    ['TS12 3AB', 'redcar-cleveland'],
    ['TS18 1LD', 'stockton'],
    ['TS24 8AY', 'hartlepool'],
    ['TS8 9GL', 'middlesbrough'],
  ])('%s is in %s', (postcode, id) => {
    expect(matchArea(postcode, CLEVELAND)?.id).toBe(id);
  });

  it('compares whole parts: TS1 never matches TS12 3AB', () => {
    expect(matchArea('TS12 3AB', [area('ts1-only', ['TS1'])])).toBeNull();
    expect(matchArea('TS10 1AA', [area('ts1-only', ['TS1'])])).toBeNull();
    expect(matchArea('TS1 3AB', [area('ts1-only', ['TS1'])])?.id).toBe('ts1-only');
  });

  it('compares whole parts at the postcode-area level: S never matches SW1A 1AA', () => {
    expect(matchArea('SW1A 1AA', [area('sheffield', ['S'])])).toBeNull();
    expect(matchArea('S1 2AB', [area('sheffield', ['S'])])?.id).toBe('sheffield');
  });

  it('compares whole parts at the sector level: TS2 1 never matches TS21 1AB', () => {
    expect(matchArea('TS21 1AB', [area('sector', ['TS2 1'])])).toBeNull();
    expect(matchArea('TS2 1AB', [area('sector', ['TS2 1'])])?.id).toBe('sector');
  });

  it('a sector beats its district: TS2 1 is Stockton, the rest of TS2 is Middlesbrough', () => {
    expect(matchArea('TS2 1AB', CLEVELAND)?.id).toBe('stockton');
    expect(matchArea('TS2 2AB', CLEVELAND)?.id).toBe('middlesbrough');
    expect(matchArea('TS7 0AB', CLEVELAND)?.id).toBe('redcar-cleveland');
    expect(matchArea('TS7 9AB', CLEVELAND)?.id).toBe('middlesbrough');
  });

  it('a sector beats a district whatever the order', () => {
    const sectorFirst = [area('sector', ['TS2 1']), area('district', ['TS2'])];
    const districtFirst = [area('district', ['TS2']), area('sector', ['TS2 1'])];
    expect(matchArea('TS2 1AB', sectorFirst)?.id).toBe('sector');
    expect(matchArea('TS2 1AB', districtFirst)?.id).toBe('sector');
  });

  it('a district beats a postcode area whatever the order', () => {
    const areaFirst = [area('teesside', ['TS']), area('mbro', ['TS1'])];
    const districtFirst = [area('mbro', ['TS1']), area('teesside', ['TS'])];
    expect(matchArea('TS1 1AA', areaFirst)?.id).toBe('mbro');
    expect(matchArea('TS1 1AA', districtFirst)?.id).toBe('mbro');
    expect(matchArea('TS9 9AA', areaFirst)?.id).toBe('teesside');
  });

  it('a sector beats a postcode area', () => {
    expect(matchArea('TS2 1AB', [area('teesside', ['TS']), area('sector', ['TS2 1'])])?.id).toBe('sector');
  });

  it('the first listed wins a tie at the same level', () => {
    expect(matchArea('TS1 1AA', [area('first', ['TS1']), area('second', ['TS1'])])?.id).toBe('first');
    expect(matchArea('TS1 1AA', [area('second', ['TS1']), area('first', ['TS1'])])?.id).toBe('second');
    expect(matchArea('TS9 9AA', [area('a', ['TS']), area('b', ['TS'])])?.id).toBe('a');
    expect(matchArea('TS2 1AB', [area('a', ['TS2 1']), area('b', ['TS2 1'])])?.id).toBe('a');
  });

  it('a more specific match later in the list still wins over an earlier broad one', () => {
    const areas = [area('broad', ['TS', 'DL']), area('mid', ['TS2', 'DL1']), area('narrow', ['TS2 1'])];
    expect(matchArea('TS2 1AB', areas)?.id).toBe('narrow');
    expect(matchArea('TS2 5AB', areas)?.id).toBe('mid');
    expect(matchArea('DL1 1AA', areas)?.id).toBe('mid');
    expect(matchArea('DL3 1AA', areas)?.id).toBe('broad');
  });

  it.each([['DL1 1AA'], ['SW1A 1AA'], ['TS9 5AA'], ['TS28 5AA']])('%s is outside the Cleveland areas', (postcode) => {
    expect(matchArea(postcode, CLEVELAND)).toBeNull();
  });

  it('gives null when there are no areas or the postcode is not valid', () => {
    expect(matchArea('TS1 1AA', [])).toBeNull();
    expect(matchArea('hello', CLEVELAND)).toBeNull();
    expect(matchArea('TS1', CLEVELAND)).toBeNull();
  });

  it('matches what normalisePostcode gives for messy input', () => {
    const result = normalisePostcode(' ts2-1ab ');
    expect(result.ok).toBe(true);
    if (result.ok) expect(matchArea(result.postcode, CLEVELAND)?.id).toBe('stockton');
  });
});
