/**
 * UK postcodes: parsing and normalising (the `postcode` package), and matching a postcode to one
 * of the feed's areas by the rule in FEED-FORMAT.md: the most specific level wins (sector over
 * outward code over postcode area), whole parts only (TS1 never matches TS12), first listed wins a tie.
 */
import { parse } from 'postcode';
import type { Area } from '../feed';

export type PostcodeResult = { ok: true; postcode: string } | { ok: false; error: 'empty' | 'invalid' };

export const POSTCODE_ERRORS = {
  empty: 'Enter a postcode',
  invalid: 'Enter a real postcode',
} as const;

/** Every UK postcode area (with the Channel Islands and the Isle of Man): "ZZ9 9ZZ" has the right shape but is not real. */
const POSTCODE_AREAS = new Set(
  (
    'AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX ' +
    'FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG ' +
    'NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS ' +
    'TW UB W WA WC WD WF WN WR WS WV YO ZE'
  ).split(' '),
);

/**
 * Accepts any case, no or extra spaces and stray punctuation: "ts1-2ab " gives "TS1 2AB".
 * Where the reader split the postcode in two, the split must be the real one ("ZZ99 ZZ" is not "ZZ9 9ZZ").
 */
export function normalisePostcode(input: string): PostcodeResult {
  const words = input.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  const compact = words.join('');
  if (compact === '') return { ok: false, error: 'empty' };
  if (compact.length < 5 || compact.length > 7) return { ok: false, error: 'invalid' };
  const parsed = parse(compact);
  if (!parsed.valid || !POSTCODE_AREAS.has(parsed.area)) return { ok: false, error: 'invalid' };
  if (words.length === 2 && (words[0] !== parsed.outcode || words[1] !== parsed.incode)) return { ok: false, error: 'invalid' };
  return { ok: true, postcode: parsed.postcode };
}

type Level = 0 | 1 | 2 | 3; // 0: no match; 1: postcode area; 2: outward code; 3: sector

function matchLevel(prefix: string, parts: { area: string; outcode: string; sector: string }): Level {
  if (prefix.includes(' ')) return prefix === parts.sector ? 3 : 0;
  if (/\d/.test(prefix)) return prefix === parts.outcode ? 2 : 0;
  return prefix === parts.area ? 1 : 0;
}

/** The area a (valid) postcode belongs to, or null when it is outside every area. */
export function matchArea<A extends { postcodes: readonly string[] } = Area>(postcode: string, areas: readonly A[]): A | null {
  const parsed = parse(postcode);
  if (!parsed.valid) return null;
  const parts = { area: parsed.area, outcode: parsed.outcode, sector: parsed.sector };
  let best: A | null = null;
  let bestLevel: Level = 0;
  for (const area of areas) {
    for (const prefix of area.postcodes) {
      const level = matchLevel(prefix, parts);
      if (level > bestLevel) {
        best = area;
        bestLevel = level;
      }
    }
  }
  return best;
}
