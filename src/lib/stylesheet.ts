/**
 * A lazy chunk's own stylesheet, added to the page when the chunk is loaded: a chunk imports its
 * CSS as an address (`import href from './x.css?url'`), since a CSS import would need Vite's
 * preload helper, which the build leaves out (build/preload-helper.ts). Settles once the sheet
 * has loaded or failed, or after WAIT_MS should the host never answer (the chunk's markup is then
 * shown; without its styles it still reads), so its controls never show unstyled. One <link> per
 * address, however often it is asked for.
 */
const WAIT_MS = 3000;
const sheets = new Map<string, Promise<void>>();

export function loadStylesheet(href: string, doc: Document = document): Promise<void> {
  let loading = sheets.get(href);
  if (!loading) {
    loading = new Promise<void>((settle) => {
      const link = doc.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.addEventListener('load', () => settle(), { once: true });
      link.addEventListener('error', () => settle(), { once: true });
      doc.head.append(link);
      setTimeout(settle, WAIT_MS);
    });
    sheets.set(href, loading);
  }
  return loading;
}
