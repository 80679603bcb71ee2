import type { ReactNode } from 'react';

export interface NavigationProps {
  /** Names the landmark, e.g. "Menu principal". */
  label: string;
  /** `NavLink` elements. */
  children: ReactNode;
}

/** A navigation landmark holding a list of links. */
export function Navigation({ label, children }: NavigationProps) {
  return (
    <nav aria-label={label} className="lk-nav">
      <ul className="lk-nav__list">{children}</ul>
    </nav>
  );
}
