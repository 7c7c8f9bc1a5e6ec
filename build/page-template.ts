/**
 * Turns the built app shell (Vite's dist/index.html) into the template of a prerendered page, once
 * per build, and fills it for each page.
 *
 * On a prerendered page the app's module script, its module preloads and the feed preload are not
 * in the HTML: they are listed in the after-paint meta (src/boot/after-paint.ts) for the boot
 * script to start once the page has been painted. The shell is read with a real HTML parser, so
 * neither attribute order nor formatting matters; a shell without a module script fails the build
 * (a changed Vite output must not silently ship a page without its app).
 */
import { JSDOM } from 'jsdom';
import { AFTER_PAINT_META, AREA_VIEW_ATTRIBUTE, formatStarts, renderedForAttributes, type Start } from '../src/boot/after-paint.ts';
import type { PrerenderedPage } from '../src/boot/prerender.tsx';
import { escapeAttribute, escapeHtml, fillSlots, slot } from './html.ts';

/** A page as prerendering gives it (its description null: the site's own). */
export type PageContent = Omit<PrerenderedPage, 'item'>;

export interface PageTemplate {
  /** What the boot script starts after the first paint, in order. */
  starts: readonly Start[];
  /** The page, with `head` (markup the build wrote for it: share previews, structured data, build/share.ts; the `<link rel="alternate">` of its feeds) after its title. */
  render(page: PageContent, head?: string): string;
}

/** Without script a prerendered page can be read; what needs script is said plainly. */
export const PRERENDERED_NOSCRIPT =
  '<p>Without JavaScript every page of news reads as it is; the reader’s options (text size, text only, postcode) need it. ' +
  'All the news is also available as a JSON feed at <a href="/feed.json">feed.json</a>.</p>';

/** The comment node that serialises as slot(name). */
function slotNode(document: Document, name: string): Comment {
  return document.createComment(slot(name).slice('<!--'.length, -'-->'.length));
}

export function pageTemplate(shellHtml: string): PageTemplate {
  const dom = new JSDOM(shellHtml);
  const { document } = dom.window;
  const starts: Start[] = [];
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"][type="application/feed+json"]')) {
    starts.push({ kind: 'feed', href: link.getAttribute('href') ?? '' });
    link.remove();
  }
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')) {
    starts.push({ kind: 'modulepreload', href: link.getAttribute('href') ?? '' });
    link.remove();
  }
  const modules = document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]');
  if (modules.length === 0) throw new Error('The built index.html has no module script: nothing would start the app');
  for (const script of modules) {
    starts.push({ kind: 'module', href: script.getAttribute('src') ?? '' });
    script.remove();
  }
  const content = formatStarts(starts);

  const title = document.querySelector('title');
  const description = document.querySelector('meta[name="description"]');
  const root = document.getElementById('root');
  const noscript = document.querySelector('body noscript');
  const charset = document.querySelector('meta[charset]');
  if (!title || !root || !noscript || !charset) throw new Error('The built index.html lacks <meta charset>, <title>, #root or <noscript>');
  const siteDescription = description?.getAttribute('content') ?? null;
  charset.after(slotNode(document, 'after-paint'));
  if (description) description.replaceWith(slotNode(document, 'description'));
  else title.after(slotNode(document, 'description'));
  title.after(slotNode(document, 'head'));
  title.replaceWith(slotNode(document, 'title'));
  root.replaceChildren(slotNode(document, 'root'));
  root.after(slotNode(document, 'area-views'));
  noscript.replaceChildren(slotNode(document, 'noscript'));
  const template = dom.serialize();
  dom.window.close();

  return {
    starts,
    render(page, head = '') {
      const attributes = renderedForAttributes({ ...page, page: page.path })
        .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
        .join('');
      const meta = `<meta name="${AFTER_PAINT_META}" content="${escapeAttribute(content)}"${attributes}>`;
      const pageDescription = page.description ?? siteDescription;
      const views = page.views
        .map((view) => `<template ${AREA_VIEW_ATTRIBUTE}="${escapeAttribute(view.area)}">${view.main}</template>`)
        .join('');
      return fillSlots(template, {
        'after-paint': meta,
        title: `<title>${escapeHtml(page.title)}</title>`,
        description: pageDescription === null ? '' : `<meta name="description" content="${escapeAttribute(pageDescription)}">`,
        noscript: PRERENDERED_NOSCRIPT,
        head,
        root: page.html,
        'area-views': views,
      });
    },
  };
}
