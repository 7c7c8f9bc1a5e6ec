import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyToDocument,
  parsePreferences,
  serialisePreferences,
  TEXT_SIZES,
  type Preferences,
} from '../../src/preferences/model';

const DEFAULTS: Preferences = { textSize: 'default', textOnly: false, postcode: null };

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
    });
  });

  it('reads a valid version 1 record', () => {
    const stored = JSON.stringify({ version: 1, textSize: 'largest', textOnly: true, postcode: 'TS1 2AB' });
    expect(parsePreferences(stored)).toEqual({ textSize: 'largest', textOnly: true, postcode: 'TS1 2AB' });
  });

  it('normalises a stored postcode', () => {
    const stored = JSON.stringify({ version: 1, textSize: 'default', textOnly: false, postcode: ' ts1-2ab ' });
    expect(parsePreferences(stored).postcode).toBe('TS1 2AB');
  });

  it('drops an invalid stored postcode but keeps the other fields', () => {
    const stored = JSON.stringify({ version: 1, textSize: 'large', textOnly: true, postcode: 'hello' });
    expect(parsePreferences(stored)).toEqual({ textSize: 'large', textOnly: true, postcode: null });
  });

  it('reads a newer version field by field', () => {
    const stored = JSON.stringify({ version: 9, textSize: 'large', textOnly: false, postcode: 'SW1A 1AA', theme: 'dark' });
    expect(parsePreferences(stored)).toEqual({ textSize: 'large', textOnly: false, postcode: 'SW1A 1AA' });
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
        if (p.postcode !== null) expect(p.postcode).toMatch(/^[A-Z0-9]{2,4} [0-9][A-Z]{2}$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('serialisePreferences', () => {
  it('writes the current version', () => {
    const stored = JSON.parse(serialisePreferences({ textSize: 'large', textOnly: true, postcode: 'TS1 2AB' })) as unknown;
    expect(stored).toEqual({ version: 1, textSize: 'large', textOnly: true, postcode: 'TS1 2AB' });
  });

  const prefs = fc.record({
    textSize: fc.constantFrom(...TEXT_SIZES),
    textOnly: fc.boolean(),
    postcode: fc.constantFrom(null, 'TS1 2AB', 'SW1A 1AA', 'M1 1AE', 'TS12 3AB', 'DL1 1AA'),
  });

  it('round-trips through parsePreferences', () => {
    fc.assert(
      fc.property(prefs, (p) => {
        expect(parsePreferences(serialisePreferences(p))).toEqual(p);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips every text size explicitly', () => {
    for (const textSize of TEXT_SIZES) {
      const p: Preferences = { textSize, textOnly: textSize === 'largest', postcode: null };
      expect(parsePreferences(serialisePreferences(p))).toEqual(p);
    }
  });
});

describe('applyToDocument', () => {
  it('puts the text size and text-only flag on the root element', () => {
    const root = document.createElement('div');
    applyToDocument({ textSize: 'large', textOnly: true, postcode: null }, root);
    expect(root.dataset.textSize).toBe('large');
    expect(root.hasAttribute('data-text-only')).toBe(true);
    applyToDocument({ textSize: 'default', textOnly: false, postcode: null }, root);
    expect(root.dataset.textSize).toBe('default');
    expect(root.hasAttribute('data-text-only')).toBe(false);
  });

  it('writes nothing when the root already shows the options (a change to <html> restyles the page)', async () => {
    const root = document.createElement('div');
    applyToDocument({ textSize: 'largest', textOnly: true, postcode: null }, root);
    const changed: string[] = [];
    const observer = new MutationObserver((records) => changed.push(...records.map((r) => r.attributeName ?? '')));
    observer.observe(root, { attributes: true });
    applyToDocument({ textSize: 'largest', textOnly: true, postcode: 'TS1 2AB' }, root);
    await Promise.resolve();
    expect(changed).toEqual([]);
    applyToDocument({ textSize: 'largest', textOnly: false, postcode: null }, root);
    await Promise.resolve();
    observer.disconnect();
    expect(changed).toEqual(['data-text-only']);
  });
});
