import type { ReactNode } from 'react';
import { Link, type LinkProps } from 'react-aria-components';

export interface NavLinkProps extends Omit<LinkProps, 'className' | 'style' | 'children'> {
  href: string;
  /** The page this link leads to is the one shown: sets `aria-current="page"`. */
  isCurrent?: boolean;
  children: ReactNode;
}

/**
 * One entry of a `Navigation` list. Built on RAC's `Link`, so inside a `RouterProvider`
 * it navigates client-side.
 */
export function NavLink({ href, isCurrent = false, children, ...props }: NavLinkProps) {
  return (
    <li className="lk-nav__item">
      <Link
        {...props}
        href={href}
        className="lk-nav__link"
        aria-current={isCurrent ? 'page' : undefined}
      >
        {children}
      </Link>
    </li>
  );
}
