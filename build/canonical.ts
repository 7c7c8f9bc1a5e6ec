/**
 * Canonical addresses: the site file's `url` (the published site) joined with an address from
 * src/config/paths.ts. Feeds and the sitemap are read by other programs, which need whole URLs.
 */

/** `https://example.org/` + `/news/x/` → `https://example.org/news/x/` (a site under a folder keeps its folder). */
export function canonicalUrl(siteUrl: string, path: string): string {
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  return new URL(path.replace(/^\/+/, ''), base).href;
}
