/**
 * GOV.UK's skip link: first in the page, hidden until focused, moves focus to <main>
 * (which carries tabindex="-1" only while it is focused).
 */
import type { MouseEvent } from 'react';

export function SkipLink({ targetId = 'main' }: { targetId?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    target.setAttribute('tabindex', '-1');
    target.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true });
    target.focus();
    target.scrollIntoView({ block: 'start' });
  };
  return (
    <a href={`#${targetId}`} className="skip-link" onClick={onClick}>
      Skip to content
    </a>
  );
}
