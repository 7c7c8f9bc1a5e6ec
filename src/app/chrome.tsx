/**
 * Every page's chrome (./SiteChrome.tsx: the skip link, "Leave this site", the header and the
 * footer) is kept as the build wrote it: the start-up path keeps its HTML (keepPageChrome) and the
 * app puts back that same HTML rather than rendering it, so its code is not in the entry. (Hydrating,
 * React leaves it as it stands; where React renders the page afresh, a page marked stale or a feed
 * that no longer matches it, it writes the same HTML again: the header never blinks.)
 *
 * The app gives it behaviour by delegation on its wrapper: a link to a page of the app navigates in
 * place (as src/ui/Link.tsx does: but with a modifier key, another target or a download; the same
 * address replaced: every same-origin link in the chrome is a page of the app, none a file), the skip link moves focus to <main>, the search box goes to the search page in
 * place, and the main navigation marks the page's section as the reader moves on. Where a page has
 * none of its own (the dev server, the app's shell), the app renders it from its chunk
 * (src/boot/main.tsx loads that first), with the same behaviour.
 */
import { useEffect, useMemo, useRef, type FormEvent, type MouseEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { paths } from '../config/paths';
import { chunk, useChunk } from '../lib/chunk';

/** The chrome's markup: the build loads it before it renders (src/boot/prerender.tsx). */
export const siteChrome = chunk(() => import('./SiteChrome'));

export type ChromePart = 'header' | 'footer';

/** The page's own chrome, each wrapper's inner HTML, kept by the start-up path. */
let kept: Partial<Record<ChromePart, string>> = {};

/** Keeps the chrome of a page the build rendered (the root's own wrappers); whether it has one. */
export function keepPageChrome(root: HTMLElement): boolean {
  const [header, footer] = root.querySelectorAll(':scope > .chrome');
  kept = header?.firstChild && footer?.firstChild ? { header: header.innerHTML, footer: footer.innerHTML } : {};
  return 'header' in kept;
}

export function Chrome({ part, siteName, mainId }: { part: ChromePart; siteName: string; mainId: string }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  // The page's own (none at build time: there the chrome is rendered). The same object every
  // time: React never writes it again, so the attributes set below stay.
  const own = useMemo(() => (import.meta.env.SSR || kept[part] === undefined ? null : { __html: kept[part] }), [part]);
  // Where it cannot load (the dev server, the app's shell), the page goes on without it.
  const loaded = useChunk(siteChrome, !own, null, true);
  // The page's own navigation follows the reader: each link says which addresses are its section
  // (`data-nav`, ./SiteChrome.tsx; the chunk's own is rendered for `pathname`).
  useEffect(() => {
    for (const link of own ? (ref.current?.querySelectorAll<HTMLElement>('[data-nav]') ?? []) : []) {
      if (new RegExp(link.dataset.nav ?? '$^', 'i').test(pathname)) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }, [own, pathname]);

  const onClick = (event: MouseEvent) => {
    const link = (event.target as Element).closest('a');
    const here = window.location;
    if (!link || event.defaultPrevented || event.button || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey || (link.target && link.target !== '_self') || link.hasAttribute('download') || link.origin !== here.origin) return;
    event.preventDefault();
    if (link.hasAttribute('data-skip-link')) {
      // GOV.UK's skip link: its target is focusable only while it has focus.
      const target = document.getElementById(mainId);
      target?.setAttribute('tabindex', '-1');
      target?.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true });
      target?.focus();
      target?.scrollIntoView({ block: 'start' });
    } else navigate(link.pathname + link.search + link.hash, { replace: link.href === here.href });
  };
  const onSubmit = (event: FormEvent) => {
    const form = event.target as HTMLFormElement;
    if (form.getAttribute('role') !== 'search') return;
    event.preventDefault();
    const q = String(new FormData(form).get('q') ?? '').trim();
    navigate(paths.search.href(q ? new URLSearchParams({ q }) : undefined));
  };
  return (
    // The handlers only enhance the links and the form inside, which are the controls.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
    <div ref={ref} className="chrome" onClick={onClick} onSubmit={onSubmit} dangerouslySetInnerHTML={own ?? undefined} suppressHydrationWarning={!!own}>
      {own ? undefined : loaded && (part === 'header' ? <loaded.SiteHeader siteName={siteName} pathname={pathname} mainId={mainId} /> : <loaded.SiteFooter />)}
    </div>
  );
}
