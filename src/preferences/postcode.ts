/**
 * What Bulletin keeps of a reader's postcode, and matching it to one of the feed's areas.
 *
 * Bulletin keeps no more than matching needs: the outward code ("TS8"), plus the sector digit when
 * the reader gave a full postcode ("TS8 9"). Never the unit postcode ("TS8 9GL"): one stored by an
 * earlier version is cut down to its sector when read.
 *
 * Matching follows FEED-FORMAT.md: the most specific level wins (sector over outward code over
 * postcode area), whole parts only (TS1 never matches TS12), the first listed wins a tie. An
 * outward code alone cannot be placed where the feed's areas split its district by sector (TS2 is
 * Middlesbrough, but TS2 1 is Stockton): there the reader is asked (areaChoices), never guessed for.
 *
 * Pure string work, no postcode library: this runs in the inline boot script of every page. What
 * a reader types is checked by ./postcode-entry.ts, loaded when the form is used.
 */
import type { Area } from '../feed';

/** Every UK postcode area (with the Channel Islands and the Isle of Man): "ZZ9" has the right shape but is not real. */
export const POSTCODE_AREAS = new Set(
  (
    'AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX ' +
    'FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG ' +
    'NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS ' +
    'TW UB W WA WC WD WF WN WR WS WV YO ZE'
  ).split(' '),
);

/** A postcode's parts as matching needs them. */
export interface PostcodeParts {
  /** "TS" */
  area: string;
  /** "TS8" */
  outcode: string;
  /** "TS8 9", or null where only the outward code is known. */
  sector: string | null;
}

/** An outward code, then optionally the sector digit and optionally the unit letters, in normalised form. */
const NORMALISED = /^([A-Z]{1,2})(\d[A-Z\d]?)(?: (\d)([A-Z]{2})?)?$/;

/** The parts of a normalised outward code, sector or full postcode ("TS8", "TS8 9", "TS8 9GL"), or null. */
export function postcodeParts(value: string): PostcodeParts | null {
  const m = NORMALISED.exec(value);
  if (!m?.[1] || !m[2] || !POSTCODE_AREAS.has(m[1])) return null;
  const outcode = m[1] + m[2];
  return { area: m[1], outcode, sector: m[3] === undefined ? null : `${outcode} ${m[3]}` };
}

/** What is kept of a stored or given postcode: "TS8 9GL" and "ts8 9" give "TS8 9", "TS8" gives "TS8"; null if it is none. */
export function keptPostcode(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 16) return null;
  const parts = postcodeParts(value.trim().toUpperCase().replace(/\s+/g, ' '));
  return parts ? (parts.sector ?? parts.outcode) : null;
}

type Level = 0 | 1 | 2 | 3; // 0: no match; 1: postcode area; 2: outward code; 3: sector

function matchLevel(prefix: string, parts: PostcodeParts): Level {
  if (prefix.includes(' ')) return prefix === parts.sector ? 3 : 0;
  if (/\d/.test(prefix)) return prefix === parts.outcode ? 2 : 0;
  return prefix === parts.area ? 1 : 0;
}

function bestMatch<A extends { postcodes: readonly string[] }>(parts: PostcodeParts, areas: readonly A[]): A | null {
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

/**
 * For an outward code alone in a district the feed's areas split by sector: the areas the reader
 * could be in, in the feed's order (each area with a sector of it, and the one that has the rest
 * of the district, if any). Null where the postcode can be placed without asking.
 */
export function areaChoices<A extends { postcodes: readonly string[] } = Area>(postcode: string, areas: readonly A[]): A[] | null {
  const parts = postcodeParts(postcode);
  if (!parts || parts.sector !== null) return null;
  const split = areas.filter((a) => a.postcodes.some((p) => p.startsWith(`${parts.outcode} `)));
  if (split.length === 0) return null;
  const rest = bestMatch(parts, areas);
  return areas.filter((a) => split.includes(a) || a === rest);
}

/**
 * The area a kept postcode belongs to, or null when it is outside every area (or, for an outward
 * code the feed splits, when the reader has not chosen one of areaChoices: `chosen` is their choice).
 */
export function matchArea<A extends { id: string; postcodes: readonly string[] } = Area>(
  postcode: string,
  areas: readonly A[],
  chosen: string | null = null,
): A | null {
  const parts = postcodeParts(postcode);
  if (!parts) return null;
  const choices = parts.sector === null ? areaChoices(postcode, areas) : null;
  if (choices) return choices.find((a) => a.id === chosen) ?? null;
  return bestMatch(parts, areas);
}
