import type { Area, Item } from './types';

/** "Middlesbrough", "Middlesbrough and Stockton-on-Tees", or "Force-wide" for the whole patch. */
export function areaLabel(item: Pick<Item, 'areas'>, areas: readonly Area[]): string {
  const names = item.areas
    .map((id) => areas.find((a) => a.id === id)?.name)
    .filter((n): n is string => Boolean(n));
  if (names.length === 0) return 'Force-wide';
  if (names.length === 1) return names[0] ?? 'Force-wide';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Longest headline shown; a longer "title" (a 1 MB one, say) is cut so the page stays usable. */
const MAX_TITLE = 1000;

/** The headline to show: the title, cut to a usable length, or for an item without one its first words. */
export function displayTitle(item: Pick<Item, 'title' | 'contentText' | 'summary'>): string {
  if (item.title) return item.title.length > MAX_TITLE ? `${item.title.slice(0, MAX_TITLE)}…` : item.title;
  const source = item.summary ?? item.contentText ?? '';
  const words = source.split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'Untitled post';
  return words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : words.join(' ');
}
