/**
 * The published site's address (the site file's `url`, put into the app at build time by
 * vite.config.ts `define`), or null where the site file gives none. A module of its own: a release
 * (its printed address) and the lists' chunk need only this, so the rest of ./site.ts (the contact,
 * read from JSON) goes with the pages about the site, in their chunk.
 */
const url: unknown = import.meta.env.VITE_SITE_URL;

export const siteUrl: string | null = typeof url === 'string' && url !== '' ? url : null;
