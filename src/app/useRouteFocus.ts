/**
 * After a client-side navigation: focus moves to the new page's h1 (or <main>), the new title is
 * announced politely, the page starts at the top, and Back restores the earlier scroll position.
 * Nothing happens on the first load: focus is never stolen.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useLocation, useNavigationType } from 'react-router';

const positions = new Map<string, number>();

export function useRouteFocus(mainId: string): string {
  const location = useLocation();
  const navigationType = useNavigationType();
  const first = useRef(true);
  const [announcement, setAnnouncement] = useState('');

  // The history entry on screen. Updated in a layout effect, before this render's scrollTo, so a
  // scroll caused by the route change is never written to the entry the reader just left.
  const currentKey = useRef(location.key);

  // Remember where each history entry was scrolled to: one listener for the app's lifetime.
  useEffect(() => {
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
    let frame = 0;
    const onScroll = () => {
      const key = currentKey.current;
      const y = window.scrollY;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (key === currentKey.current) positions.set(key, y);
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
    };
  }, []);

  useLayoutEffect(() => {
    currentKey.current = location.key;
    if (first.current) return;
    const saved = navigationType === 'POP' ? positions.get(location.key) : undefined;
    window.scrollTo(0, saved ?? 0);
  }, [location.key, navigationType]);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById(mainId);
    const heading = main?.querySelector<HTMLElement>('[data-page-heading]');
    const target = heading ?? main;
    if (target) {
      if (!heading) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    }
    setAnnouncement(document.title);
  }, [location.pathname, mainId]);

  return announcement;
}
