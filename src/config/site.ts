/**
 * The newsroom as its site file describes it (bulletin.site.json, read by build/site/), as far as
 * the app's own pages need it: put into the app at build time (vite.config.ts `define`), so that
 * it is there before any feed has arrived. Pure data; imports nothing but its address (./site-url.ts,
 * which a release needs without the rest).
 */
import { siteUrl } from './site-url';

export interface SiteContact {
  email?: string;
  phone?: string;
  address?: string;
}

export interface SiteInfo {
  name: string;
  /** The published site's address, or null. */
  url: string | null;
  contact: SiteContact | null;
  /** The newsroom's own privacy notice, or null. */
  privacyUrl: string | null;
  /** The day this build was made (YYYY-MM-DD): the accessibility statement's last review. */
  builtOn: string;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function contactOf(json: unknown): SiteContact | null {
  if (typeof json !== 'string' || json === '') return null;
  try {
    const raw: unknown = JSON.parse(json);
    if (typeof raw !== 'object' || raw === null) return null;
    const r = raw as Record<string, unknown>;
    const contact: SiteContact = {};
    for (const key of ['email', 'phone', 'address'] as const) {
      const v = text(r[key]);
      if (v) contact[key] = v;
    }
    return Object.keys(contact).length > 0 ? contact : null;
  } catch {
    return null;
  }
}

export const site: SiteInfo = {
  name: text(import.meta.env.VITE_SITE_NAME) ?? 'News',
  url: siteUrl,
  contact: contactOf(import.meta.env.VITE_SITE_CONTACT),
  privacyUrl: text(import.meta.env.VITE_SITE_PRIVACY_URL),
  builtOn: text(import.meta.env.VITE_BUILT_ON) ?? '1970-01-01',
};
