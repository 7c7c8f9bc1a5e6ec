/** URL checks shared by the feed boundary and the sanitiser. */

/**
 * Resolves `value` against `base` and returns it only when it is an http: or https: URL.
 * Anything else (javascript:, data:, blank, not a string, unparsable) gives null.
 */
export function httpUrl(value: unknown, base: string): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > 8192) return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
