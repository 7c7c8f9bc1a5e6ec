/** Small readers over `unknown`: what a parser hands back is not trusted until read through these. */

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A record, or an empty one. */
export function rec(value: unknown): Json {
  return isRecord(value) ? value : {};
}

/** An array (a single value becomes a list of one; absent, an empty list). */
export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A non-blank string, trimmed (a number is turned into one); anything else is undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t === '' ? undefined : t;
}

/** The first of several values that is a usable string. */
export function firstText(...values: unknown[]): string | undefined {
  for (const v of values) {
    const t = text(v);
    if (t !== undefined) return t;
  }
  return undefined;
}

/** Resolves `value` against `base`; only http(s) URLs are kept. */
export function httpUrl(value: unknown, base?: string): string | undefined {
  const t = text(value);
  if (t === undefined || t.length > 8192) return undefined;
  try {
    const url = base ? new URL(t, base) : new URL(t);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Drops keys whose value is undefined or an empty list, so the written JSON stays small. */
export function compact<T extends object>(value: T): T {
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as T;
}

/** xml:base on an element (as feedsmith gives it), resolved against its parent's base (RFC 3986). */
export function xmlBase(element: unknown, parent: string): string {
  const base = text(rec(rec(element).xml).base);
  if (!base) return parent;
  try {
    return new URL(base, parent).href;
  } catch {
    return parent;
  }
}
