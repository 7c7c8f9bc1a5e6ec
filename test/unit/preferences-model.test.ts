import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyToDocument, hasChosen } from '../../src/preferences/apply';
import {
  changed,
  parsePreferences,
  serialisePreferences,
  readStored,
  STORAGE_KEY,
  TEXT_SIZES,
  type Preferences,
} from '../../src/preferences/model';

const DEFAULTS: Preferences = { textSize: 'default', textOnly: false, postcode: null, area: null, summary: null };

describe('parsePreferences', () => {
  it.each([
    ['nothing stored', null],
    ['an empty string', ''],
    ['garbage', 'not json {'],
    ['truncated JSON', '{"version":1,"textSize":"large"'],
    ['a JSON array', '["large", true]'],
    ['JSON null', 'null'],
    ['a JSON string', '"large"'],
    ['a JSON number', '1'],
    ['JSON true', 'true'],
    ['an empty object', '{}'],
  ])('gives the defaults for %s', (_label, stored) => {
    expect(parsePreferences(stored)).toEqual(DEFAULTS);
  });

  it('gives the defaults for fields of the wrong type', () => {
    const stored = JSON.stringify({ version: 1, textSize: 42, textOnly: 'yes', postcode: 7 });
    expect(parsePreferences(stored)).toEqual(DEFAULTS);
  });

  it('gives the defaults for an unknown text size and a truthy but not true textOnly', () => {
    const stored = JSON.stringify({ version: 1, textSize: 'huge', textOnly: 1, postcode: ['TS1 2AB'] });
    expect(parsePreferences(stored)).toEqual(DEFAULTS);
  });

  it('reads an older shape with no version (size, textonly)', () => {
    expect(parsePreferences('{"size":"large","textonly":true}')).toEqual({
      textSize: 'large',
      textOnly: true,
      postcode: null,
      area: null,
      summary: null,
    });
  });

  it('reads a valid version 1 record', () => {
    const stored = JSON.stringify({ version: 1, textSize: 'largest', textOnly: true, postcode: 'TS2', area: 'stockton' });
    expect(parsePreferences(stored)).toEqual({ textSize: 'largest', textOnly: true, postcode: 'TS2', area: 'stockton', summary: null });
  });

  it('reads a full postcode stored by an earlier version as its sector, and stores it again as read; removes what holds no choice', () => {
    /** What is stored once `stored` has been read. */
    const afterReading = (stored: string): string | null => {
      const data = new Map([[STORAGE_KEY, stored]]);
      readStored(stored, { get: (k) => data.get(k) ?? null, set: (k, v) => (data.set(k, v), true), remove: (k) => void data.delete(k) });
      return data.get(STORAGE_KEY) ?? null;
    };
    const stored = JSON.stringify({ version: 1, textSize: 'default', textOnly: false, postcode: 'TS1 2AB' });
    const read = parsePreferences(stored);
    expect(read.postcode).toBe('TS1 2');
    expect(afterReading(stored)).toBe(serialisePreferences(read));
    // What is kept already is left as it is.
    expect(afterReading(serialisePreferences(read))).toBe(serialisePreferences(read));
    const large = JSON.stringify({ version: 1, textSize: 'large' });
    expect(afterReading(large)).toBe(large);
    // No postcode that can be kept, and nothing else chosen: nothing is kept.
    expect(afterReading(JSON.stringify({ version: 1, postcode: 'nonsense' }))).toBeNull();
    expect(afterReading(JSON.stringify({ version: 1, textSize: 'large', postcode: 'nonsense' }))).toBe(serialisePreferences({ ...DEFAULTS, textSize: 'large' }));
    expect(afterReading(JSON.stringify({ version: 1 }))).toBeNull();
    expect(afterReading('{')).toBeNull();
    // A shape a newer version wrote is left for it.
    const newer = JSON.stringify({ version: 2, fontScale: 1.5 });
    expect(afterReading(newer)).toBe(newer);
  });

  it('normalises a stored postcode', () => {
    const stored = JSON.stringify({ version: 1, textSize: 'default', textOnly: false, postcode: ' ts1  2 ' });
    expect(parsePreferences(stored).postcode).toBe('TS1 2');
  });

  it('keeps a chosen area only with a postcode, and only a short one', () => {
    expect(parsePreferences(JSON.stringify({ version: 1, area: 'stockton' })).area).toBeNull();
    expect(parsePreferences(JSON.stringify({ version: 1, postcode: 'TS2', area: 'x'.repeat(101) })).area).toBeNull();
    expect(parsePreferences(JSON.stringify({ version: 1, postcode: 'TS2', area: 7 })).area).toBeNull();
    expect(parsePreferences(JSON.stringify({ version: 1, postcode: 'TS2', area: '' })).area).toBe('');
  });

  it('keeps the summary line only with a postcode, and only a short string', () => {
    const line = 'News for Redcar and Cleveland (TS10 1), Change';
    expect(parsePreferences(JSON.stringify({ version: 1, postcode: 'TS10 1', summary: line })).summary).toBe(line);
    expect(parsePreferences(JSON.stringify({ version: 1, summary: line })).summary).toBeNull();
    expect(parsePreferences(JSON.stringify({ version: 1, postcode: 'TS10 1', summary: 'x'.repeat(301) })).summary).toBeNull();
    expect(parsePreferences(JSON.stringify({ version: 1, postcode: 'TS10 1', summary: ['News'] })).summary).toBeNull();
  });

  it('drops an invalid stored postcode but keeps the other fields', () => {
    const stored = JSON.stringify({ version: 1, textSize: 'large', textOnly: true, postcode: 'hello' });
    expect(parsePreferences(stored)).toEqual({ textSize: 'large', textOnly: true, postcode: null, area: null, summary: null });
  });

  it('reads a newer version field by field', () => {
    const stored = JSON.stringify({ version: 9, textSize: 'large', textOnly: false, postcode: 'SW1A 1AA', theme: 'dark' });
    expect(parsePreferences(stored)).toEqual({ textSize: 'large', textOnly: false, postcode: 'SW1A 1', area: null, summary: null });
  });

  it('gives the defaults for an implausibly large value', () => {
    const stored = JSON.stringify({ version: 1, textSize: 'large', textOnly: true, pad: 'x'.repeat(20_000) });
    expect(parsePreferences(stored)).toEqual(DEFAULTS);
  });

  it('never throws, whatever is stored', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))), (stored) => {
        const p = parsePreferences(stored);
        expect(TEXT_SIZES).toContain(p.textSize);
        expect(typeof p.textOnly).toBe('boolean');
        // Never a unit postcode: an outward code, or a sector.
        if (p.postcode !== null) expect(p.postcode).toMatch(/^[A-Z]{1,2}[0-9][A-Z0-9]?( [0-9])?$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('serialisePreferences', () => {
  it('writes the current version', () => {
    const stored = JSON.parse(serialisePreferences({ textSize: 'large', textOnly: true, postcode: 'TS1 2', area: null, summary: 'News for Middlesbrough (TS1 2), Change' })) as unknown;
    expect(stored).toEqual({ version: 1, textSize: 'large', textOnly: true, postcode: 'TS1 2', area: null, summary: 'News for Middlesbrough (TS1 2), Change' });
  });

  it('never writes a summary without its postcode: it names the postcode', () => {
    const stored = JSON.parse(serialisePreferences({ textSize: 'default', textOnly: false, postcode: null, area: null, summary: 'News for Middlesbrough (TS1 2), Change' })) as unknown;
    expect(stored).toMatchObject({ postcode: null, summary: null });
  });

  const prefs = fc.record({
    textSize: fc.constantFrom(...TEXT_SIZES),
    textOnly: fc.boolean(),
    postcode: fc.constantFrom('TS1 2', 'SW1A 1', 'M1', 'TS12 3', 'DL1', 'TS2'),
    area: fc.constantFrom(null, '', 'stockton'),
    summary: fc.oneof(fc.constant(null), fc.string({ maxLength: 300 })),
  });

  it('round-trips through parsePreferences', () => {
    fc.assert(
      fc.property(prefs, (p) => {
        expect(parsePreferences(serialisePreferences(p))).toEqual(p);
        expect(parsePreferences(serialisePreferences({ ...p, postcode: null }))).toEqual({ ...p, postcode: null, area: null, summary: null });
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips every text size explicitly', () => {
    for (const textSize of TEXT_SIZES) {
      const p: Preferences = { textSize, textOnly: textSize === 'largest', postcode: null, area: null, summary: null };
      expect(parsePreferences(serialisePreferences(p))).toEqual(p);
    }
  });
});

describe('applyToDocument', () => {
  it('puts the text size and text-only flag on the root element', () => {
    const root = document.createElement('div');
    applyToDocument({ textSize: 'large', textOnly: true, postcode: null, area: null, summary: null }, root);
    expect(root.dataset.textSize).toBe('large');
    expect(root.hasAttribute('data-text-only')).toBe(true);
    applyToDocument({ textSize: 'default', textOnly: false, postcode: null, area: null, summary: null }, root);
    expect(root.dataset.textSize).toBe('default');
    expect(root.hasAttribute('data-text-only')).toBe(false);
  });

  it('writes nothing when the root already shows the options (a change to <html> restyles the page)', async () => {
    const root = document.createElement('div');
    applyToDocument({ textSize: 'largest', textOnly: true, postcode: null, area: null, summary: null }, root);
    const changed: string[] = [];
    const observer = new MutationObserver((records) => changed.push(...records.map((r) => r.attributeName ?? '')));
    observer.observe(root, { attributes: true });
    applyToDocument({ textSize: 'largest', textOnly: true, postcode: 'TS1 2', area: null, summary: null }, root);
    await Promise.resolve();
    expect(changed).toEqual([]);
    applyToDocument({ textSize: 'largest', textOnly: false, postcode: null, area: null, summary: null }, root);
    await Promise.resolve();
    observer.disconnect();
    expect(changed).toEqual(['data-text-only']);
  });
});

describe('hasChosen (the options\' island loads at once for such a reader)', () => {
  it('is false for the defaults only, and true for any one option set', () => {
    expect(hasChosen(DEFAULTS)).toBe(false);
    expect(hasChosen({ ...DEFAULTS, textSize: 'large' })).toBe(true);
    expect(hasChosen({ ...DEFAULTS, textSize: 'largest' })).toBe(true);
    expect(hasChosen({ ...DEFAULTS, textOnly: true })).toBe(true);
    expect(hasChosen({ ...DEFAULTS, postcode: 'TS8' })).toBe(true);
  });
});

describe('changed (the store’s update)', () => {
  const withSummary: Preferences = { textSize: 'large', textOnly: false, postcode: 'TS8 9', area: null, summary: 'News for Middlesbrough (TS8 9), Change' };

  it('drops the summary of the last postcode when the postcode changes or goes, and keeps it otherwise', () => {
    expect(changed(withSummary, { postcode: 'TS10 1', area: null })).toEqual({ ...withSummary, postcode: 'TS10 1', summary: null });
    expect(changed(withSummary, { postcode: null, area: null })).toEqual({ ...withSummary, postcode: null, summary: null });
    expect(changed(withSummary, { textSize: 'largest' })).toEqual({ ...withSummary, textSize: 'largest' });
    expect(changed(withSummary, { postcode: 'TS8 9' })).toEqual(withSummary);
    expect(changed(withSummary, { summary: 'News for the whole area (TS8 9), Change' }).summary).toBe('News for the whole area (TS8 9), Change');
  });
});
