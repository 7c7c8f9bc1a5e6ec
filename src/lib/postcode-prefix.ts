/**
 * Postcode prefixes as areas name them (FEED-FORMAT.md): a postcode area ("TS"), an outward code
 * ("TS1") or a sector ("TS2 1"), in normalised form. Pure; shared by the feed boundary and the
 * build's site file and sources.
 */
const POSTCODE_PREFIX = /^[A-Z]{1,2}(\d[A-Z\d]?( \d)?)?$/;

/** A postcode prefix in normalised form ("ts2  1" → "TS2 1"), or null if it is not one of the three levels. */
export function normalisePostcodePrefix(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const p = value.trim().toUpperCase().replace(/\s+/g, ' ');
  return POSTCODE_PREFIX.test(p) ? p : null;
}
