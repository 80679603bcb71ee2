import { createLink } from '@tanstack/react-router';
import { forwardRef } from 'react';
import { Link as AriaLink, type LinkProps as AriaLinkProps } from 'react-aria-components';

const StyledAriaLink = forwardRef<HTMLAnchorElement, AriaLinkProps>(function StyledAriaLink(
  { className, ...props },
  ref,
) {
  // The router adds `active` to links whose target contains the current page (a "back to my
  // account" link on /account/tokens): keep the link style whatever else it adds.
  return (
    <AriaLink
      {...props}
      ref={ref}
      className={typeof className === 'string' && className ? `lk-link ${className}` : 'lk-link'}
    />
  );
});

/**
 * A type-checked router link (`to`, `params`, `search`, preloading on intent) with React Aria's
 * focus and press behaviour, so it also works inside keyboard-navigable tables.
 */
export const RouterLink = createLink(StyledAriaLink);
