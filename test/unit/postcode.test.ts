import { describe, expect, it } from 'vitest';
import type { Area } from '../../src/feed';
import { areaChoices, keptPostcode, matchArea, postcodeParts } from '../../src/preferences/postcode';
import * as rules from '../../src/preferences/postcode';
import { readPostcodeEntry, savePostcodeEntry } from '../../src/preferences/postcode-entry';

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

  it('gives null when there are no areas or the postcode is not one', () => {
    expect(matchArea('TS1 1AA', [])).toBeNull();
    expect(matchArea('hello', CLEVELAND)).toBeNull();
    expect(matchArea('ZZ9 9', CLEVELAND)).toBeNull();
  });

  it('matches what is kept of messy input: the sector', () => {
    const result = readPostcodeEntry(' ts2-1ab ', rules);
    expect(result).toEqual({ ok: true, postcode: 'TS2 1' });
    if (result.ok) expect(matchArea(result.postcode, CLEVELAND)?.id).toBe('stockton');
  });

  it('places a sector as its full postcode: the same area for every unit in it', () => {
    for (const [sector, units] of [['TS2 1', ['TS2 1AB', 'TS2 1ZZ']], ['TS7 0', ['TS7 0AA']], ['TS8 9', ['TS8 9GL']], ['TS24 8', ['TS24 8AY']]] as const) {
      for (const unit of units) expect(matchArea(sector, CLEVELAND)?.id).toBe(matchArea(unit, CLEVELAND)?.id);
    }
  });

  it('places an outward code alone where no area splits it: TS8 is Middlesbrough, TS24 Hartlepool, TS9 nowhere', () => {
    expect(matchArea('TS8', CLEVELAND)?.id).toBe('middlesbrough');
    expect(matchArea('TS24', CLEVELAND)?.id).toBe('hartlepool');
    expect(matchArea('TS9', CLEVELAND)).toBeNull();
    expect(areaChoices('TS8', CLEVELAND)).toBeNull();
    expect(matchArea('TS1', [area('teesside', ['TS'])])?.id).toBe('teesside');
  });

  it('never guesses for an outward code the areas split by sector: the reader’s choice, or none', () => {
    // TS2 is Middlesbrough, but TS2 1 is Stockton; TS7 is Middlesbrough, but TS7 0 is Redcar and Cleveland.
    expect(areaChoices('TS2', CLEVELAND)?.map((a) => a.id)).toEqual(['middlesbrough', 'stockton']);
    expect(areaChoices('TS7', CLEVELAND)?.map((a) => a.id)).toEqual(['middlesbrough', 'redcar-cleveland']);
    expect(matchArea('TS2', CLEVELAND)).toBeNull();
    expect(matchArea('TS2', CLEVELAND, 'stockton')?.id).toBe('stockton');
    expect(matchArea('TS2', CLEVELAND, 'middlesbrough')?.id).toBe('middlesbrough');
    expect(matchArea('TS2', CLEVELAND, 'hartlepool')).toBeNull();
    expect(matchArea('TS2', CLEVELAND, '')).toBeNull();
    // A choice does not outweigh a sector: the sector is placed by the rules.
    expect(matchArea('TS2 1', CLEVELAND, 'middlesbrough')?.id).toBe('stockton');
  });

  it('offers only the sectors’ areas where no area has the rest of the district', () => {
    expect(areaChoices('TS2', [area('sector', ['TS2 1']), area('other', ['TS3'])])?.map((a) => a.id)).toEqual(['sector']);
    expect(areaChoices('TS21', [area('sector', ['TS2 1'])])).toBeNull();
  });
});

describe('what is kept of a postcode', () => {
  it.each([
    ['TS8 9GL', 'TS8 9'],
    ['ts8 9gl', 'TS8 9'],
    [' TS8  9 ', 'TS8 9'],
    ['TS8', 'TS8'],
    ['sw1a 1aa', 'SW1A 1'],
    ['EC1A', 'EC1A'],
    ['M1 1AE', 'M1 1'],
  ])('%j keeps %j', (stored, kept) => {
    expect(keptPostcode(stored)).toBe(kept);
  });

  it.each([[''], ['hello'], ['ZZ9 9ZZ'], ['TS'], ['TS8 9G'], ['TS8 99'], ['TS8 9GLX'], [42], [null], ['TS8 9'.padEnd(40, ' ')]])('keeps nothing of %j', (stored) => {
    expect(keptPostcode(stored)).toBeNull();
  });

  it('splits a kept postcode into what matching compares', () => {
    expect(postcodeParts('TS12 3')).toEqual({ area: 'TS', outcode: 'TS12', sector: 'TS12 3' });
    expect(postcodeParts('TS1')).toEqual({ area: 'TS', outcode: 'TS1', sector: null });
    expect(postcodeParts('TS1 2AB')).toEqual({ area: 'TS', outcode: 'TS1', sector: 'TS1 2' });
  });
});

describe('savePostcodeEntry', () => {
  it('gives the error the form shows for an entry it cannot keep', () => {
    expect(savePostcodeEntry('  ', CLEVELAND, rules)).toEqual({ ok: false, error: 'Enter a postcode' });
    expect(savePostcodeEntry('ZZ9', CLEVELAND, rules)).toEqual({ ok: false, error: 'Enter a real postcode, or just the first half, like TS8' });
  });

  it('keeps what is kept and announces the area it is in, a choice to make, or none', () => {
    expect(savePostcodeEntry('ts24 8ab', CLEVELAND, rules)).toEqual({ ok: true, postcode: 'TS24 8', announcement: 'Postcode saved. Showing news for Hartlepool (TS24 8).' });
    expect(savePostcodeEntry('ts2', CLEVELAND, rules)).toEqual({ ok: true, postcode: 'TS2', announcement: "Postcode saved. TS2 covers more than one of this newsroom's areas: choose yours." });
    expect(savePostcodeEntry('M1', CLEVELAND, rules)).toEqual({
      ok: true,
      postcode: 'M1',
      announcement: 'Postcode saved. M1 is outside the areas this newsroom covers, so you are seeing news from the whole area.',
    });
  });
});
