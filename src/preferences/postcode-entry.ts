/**
 * What a reader types into "Set your postcode", checked with the `postcode` package: a full UK
 * postcode, its outward code alone ("TS8"), or its sector ("TS8 9"); any case, no or extra spaces,
 * stray punctuation. Gives only what is kept (./postcode.ts). Loaded when the form is first used,
 * not with the page.
 */
import { parse, validOutcode } from 'postcode';
import { POSTCODE_AREAS } from './postcode';

export type PostcodeEntry = { ok: true; postcode: string } | { ok: false; error: 'empty' | 'invalid' };

function outward(code: string): string | null {
  if (!validOutcode(code)) return null;
  const area = /^[A-Z]+/.exec(code)?.[0] ?? '';
  return POSTCODE_AREAS.has(area) ? code : null;
}

export function readPostcodeEntry(input: string): PostcodeEntry {
  const words = input.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  const compact = words.join('');
  if (compact === '') return { ok: false, error: 'empty' };
  const [first = '', second] = words;
  // The first half alone, or with the sector digit.
  if (words.length === 1 && compact.length <= 4) {
    const code = outward(compact);
    return code ? { ok: true, postcode: code } : { ok: false, error: 'invalid' };
  }
  if (words.length === 2 && second !== undefined && /^\d$/.test(second)) {
    const code = outward(first);
    return code ? { ok: true, postcode: `${code} ${second}` } : { ok: false, error: 'invalid' };
  }
  if (compact.length < 5 || compact.length > 7) return { ok: false, error: 'invalid' };
  const parsed = parse(compact);
  if (!parsed.valid || !POSTCODE_AREAS.has(parsed.area)) return { ok: false, error: 'invalid' };
  // Where the reader split the postcode in two, the split must be the real one ("ZZ99 ZZ" is not "ZZ9 9ZZ").
  if (words.length === 2 && (first !== parsed.outcode || second !== parsed.incode)) return { ok: false, error: 'invalid' };
  return { ok: true, postcode: parsed.sector };
}
