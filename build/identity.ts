/**
 * One identity: the newsroom's name, description, language and colours come from the site file
 * and nowhere else. This fills index.html's `%bulletin:field%` markers (attribute values and text,
 * escaped) and gives the web manifest's fields.
 */
import type { Plugin } from 'vite';
import { escapeHtml } from './html.ts';
import type { WebManifest } from './offline.ts';

export interface Identity {
  name: string;
  shortName: string;
  description: string;
  /** BCP 47, e.g. en-GB. */
  language: string;
  /** #rrggbb */
  themeColour: string;
}

/** What the site file may leave out, filled as the identity needs it. */
export interface IdentitySource {
  name: string;
  shortName: string;
  description?: string;
  language: string;
  themeColour?: string;
}

/** A theme colour for a site file without one (GOV.UK's blue, with white text at AA). */
export const DEFAULT_THEME_COLOUR = '#1d70b8';

export function identityOf(site: IdentitySource): Identity {
  return {
    name: site.name,
    shortName: site.shortName,
    description: site.description ?? `News and events from ${site.name}.`,
    language: site.language,
    themeColour: site.themeColour ?? DEFAULT_THEME_COLOUR,
  };
}

const MARKER = /%bulletin:([a-zA-Z]+)%/g;

/** index.html with every marker filled; an unknown marker fails the build rather than ship as text. */
export function fillIdentity(html: string, identity: Identity): string {
  const values: Record<string, string> = { ...identity };
  return html.replace(MARKER, (marker, field: string) => {
    const value = values[field];
    if (value === undefined) throw new Error(`index.html names ${marker}, which the site file does not give`);
    return escapeHtml(value);
  });
}

export function webManifest(site: IdentitySource): WebManifest {
  const identity = identityOf(site);
  return {
    name: identity.name,
    short_name: identity.shortName,
    description: identity.description,
    lang: identity.language,
    theme_color: identity.themeColour,
    background_color: '#ffffff',
  };
}

/** Fills index.html's identity markers, in the dev server and the build alike. */
export function identity(site: IdentitySource): Plugin {
  const filled = identityOf(site);
  return {
    name: 'bulletin:identity',
    transformIndexHtml: { order: 'pre', handler: (html) => fillIdentity(html, filled) },
  };
}
