/**
 * How an item is named to a reader, wherever it is shown (the lists, a release, More from <area>,
 * prerendered page titles): its headline and its area. Wording, so it lives with the shared
 * presentation; written over plain shapes, since src/ui/ sits below the feed (src/feed/Item fits).
 */

/** Longest headline shown; a longer "title" (a 1 MB one, say) is cut so the page stays usable. */
const MAX_TITLE = 1000;

/** The headline to show: the title, cut to a usable length, or for an item without one its first words. */
export function displayTitle(item: { title: string | null; contentText: string | null; summary: string | null }): string {
  if (item.title) return item.title.length > MAX_TITLE ? `${item.title.slice(0, MAX_TITLE)}…` : item.title;
  const source = item.summary ?? item.contentText ?? '';
  const words = source.split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'Untitled post';
  return words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : words.join(' ');
}

/** "Middlesbrough", "Middlesbrough and Stockton-on-Tees", or "Force-wide" for the whole patch. */
export function areaLabel(item: { areas: readonly string[] }, areas: readonly { id: string; name: string }[]): string {
  const names = item.areas
    .map((id) => areas.find((a) => a.id === id)?.name)
    .filter((n): n is string => Boolean(n));
  if (names.length === 0) return 'Force-wide';
  if (names.length === 1) return names[0] ?? 'Force-wide';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
