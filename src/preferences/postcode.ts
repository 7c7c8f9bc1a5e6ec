/**
 * UK postcodes: parsing and normalising (the `postcode` package), and matching a postcode to one
 * of the feed's areas by the rule in FEED-FORMAT.md: the most specific level wins (sector over
 * outward code over postcode area), whole parts only (TS1 never matches TS12), first listed wins a tie.
 */
import { parse } from 'postcode';
import type { Area } from '../feed/types';

export type PostcodeResult = { ok: true; postcode: string } | { ok: false; error: 'empty' | 'invalid' };

export const POSTCODE_ERRORS = {
  empty: 'Enter a postcode',
  invalid: 'Enter a real postcode',
} as const;

/** Accepts any case, no or extra spaces and stray punctuation: "ts1-2ab " gives "TS1 2AB". */
export function normalisePostcode(input: string): PostcodeResult {
  const compact = input.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  if (compact === '') return { ok: false, error: 'empty' };
  if (compact.length < 5 || compact.length > 7) return { ok: false, error: 'invalid' };
  const parsed = parse(compact);
  return parsed.valid ? { ok: true, postcode: parsed.postcode } : { ok: false, error: 'invalid' };
}

type Level = 0 | 1 | 2 | 3; // 0: no match; 1: postcode area; 2: outward code; 3: sector

function matchLevel(prefix: string, parts: { area: string; outcode: string; sector: string }): Level {
  if (prefix.includes(' ')) return prefix === parts.sector ? 3 : 0;
  if (/\d/.test(prefix)) return prefix === parts.outcode ? 2 : 0;
  return prefix === parts.area ? 1 : 0;
}

/** The area a (valid) postcode belongs to, or null when it is outside every area. */
export function matchArea(postcode: string, areas: readonly Area[]): Area | null {
  const parsed = parse(postcode);
  if (!parsed.valid) return null;
  const parts = { area: parsed.area, outcode: parsed.outcode, sector: parsed.sector };
  let best: Area | null = null;
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
