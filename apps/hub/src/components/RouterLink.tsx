import { createLink } from '@tanstack/react-router';
import { forwardRef } from 'react';
import { Link as AriaLink, type LinkProps as AriaLinkProps } from 'react-aria-components';

const StyledAriaLink = forwardRef<HTMLAnchorElement, AriaLinkProps>(function StyledAriaLink(
  { className, ...props },
  ref,
) {
  return <AriaLink {...props} ref={ref} className={className ?? 'lk-link'} />;
});

/**
 * A type-checked router link (`to`, `params`, `search`, preloading on intent) with React Aria's
 * focus and press behaviour, so it also works inside keyboard-navigable tables.
 */
export const RouterLink = createLink(StyledAriaLink);
