/**
 * What a reader types into "Set your postcode", checked with the `postcode` package: a full UK
 * postcode, its outward code alone ("TS8"), or its sector ("TS8 9"); any case, no or extra spaces,
 * stray punctuation. Gives only what is kept (./postcode.ts). Loaded when the form is first used,
 * not with the page: so what saving an entry comes to (the error shown, or what is kept and
 * announced) is worked out here too, and ./PostcodeOption.tsx keeps only its markup and state.
 */
import { parse, validOutcode } from 'postcode';
import type { Area } from '../feed';

/**
 * The rules of ./postcode.ts, given by the caller (./PostcodeOption.tsx): that module is in the
 * options' chunk, and a chunk loaded from it must import nothing of it (build/preload-helper.ts).
 */
export type PostcodeRules = Pick<typeof import('./postcode'), 'POSTCODE_AREAS' | 'matchArea' | 'areaChoices'>;

export type PostcodeEntry = { ok: true; postcode: string } | { ok: false; error: 'empty' | 'invalid' };

export function readPostcodeEntry(input: string, { POSTCODE_AREAS }: PostcodeRules): PostcodeEntry {
  const outward = (code: string): string | null => (validOutcode(code) && POSTCODE_AREAS.has(/^[A-Z]+/.exec(code)?.[0] ?? '') ? code : null);
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

/** What the form shows for an entry it cannot keep. */
const ENTRY_ERRORS = {
  empty: 'Enter a postcode',
  invalid: 'Enter a real postcode, or just the first half, like TS8',
} as const;

/** Saving an entry: what is kept and what is announced (politely) once it is, or the error the form shows. */
export type PostcodeSaving = { ok: true; postcode: string; announcement: string } | { ok: false; error: string };

/** What saving what the reader typed comes to, with the feed's areas (the reader's, or a choice among them). */
export function savePostcodeEntry(input: string, areas: readonly Area[], rules: PostcodeRules): PostcodeSaving {
  const { matchArea, areaChoices } = rules;
  const entry = readPostcodeEntry(input, rules);
  if (!entry.ok) return { ok: false, error: ENTRY_ERRORS[entry.error] };
  const kept = entry.postcode;
  const matched = matchArea(kept, areas);
  const announcement = areaChoices(kept, areas)
    ? `Postcode saved. ${kept} covers more than one of this newsroom's areas: choose yours.`
    : matched
      ? `Postcode saved. Showing news for ${matched.name} (${kept}).`
      : `Postcode saved. ${kept} is outside the areas this newsroom covers, so you are seeing news from the whole area.`;
  return { ok: true, postcode: kept, announcement };
}
