import type { ReactNode } from 'react';

/** A page's h1. Focusable by script (tabindex -1) so focus can land on it after navigation. */
export function PageHeading({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <h1 className={className ? `heading-xl ${className}` : 'heading-xl'} tabIndex={-1} data-page-heading="" dir="auto">
      {children}
    </h1>
  );
}
