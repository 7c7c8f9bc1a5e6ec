/**
 * A link to another page of the app: a real <a href> (it works without script, opens in a new tab,
 * can be copied), and with script a navigation in place. Built on the router's own hooks
 * (useHref, useLinkClickHandler: modifier keys, other targets, the same address replaced, as
 * react-router's <Link>). Its <Link> is not used because it carries framework-mode prefetching
 * and route discovery, which this app has no use for and which react-router cannot leave out of
 * the bundle when <Link> is in it (about 2 KB gzip on every page).
 */
import type { AnchorHTMLAttributes, MouseEvent, Ref } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** An address in the app ("/news/…"), as the route paths give it (src/config/paths.ts). */
  to: string;
  ref?: Ref<HTMLAnchorElement>;
}

export function Link({ to, onClick, target, children, ...rest }: LinkProps) {
  const href = useHref(to);
  const navigate = useLinkClickHandler<HTMLAnchorElement>(to, { target });
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (!event.defaultPrevented) navigate(event);
  };
  return (
    <a {...rest} href={href} target={target} onClick={handleClick}>
      {children}
    </a>
  );
}
