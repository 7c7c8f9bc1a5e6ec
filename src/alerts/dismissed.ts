/**
 * What is kept of dismissed alerts, in one `localStorage` key: a list of alert keys
 * (`<hash of id>.<hash of content>`, src/alerts/select.ts), so an edited alert has a new key and
 * shows again. Free of React: the inline boot script reads it too, to hide a dismissed alert in a
 * prerendered page before the first paint.
 */
export const DISMISSED_KEY = 'bulletin:alerts-dismissed';
/** The most dismissals kept; ids no longer in the feed are pruned on every write. */
export const MAX_DISMISSED = 50;
const KEY = /^[0-9a-z]{7}\.[0-9a-z]{7}$/;

/** The keys in a stored value; anything unreadable is nothing dismissed. */
export function parseDismissed(raw: string | null): string[] {
  try {
    const value: unknown = raw === null ? [] : JSON.parse(raw);
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string' && KEY.test(k)).slice(-MAX_DISMISSED) : [];
  } catch {
    return [];
  }
}
