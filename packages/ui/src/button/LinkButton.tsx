import type { ReactNode } from 'react';
import { Link, type LinkProps } from 'react-aria-components';
import type { ButtonSize, ButtonVariant } from './Button.tsx';

export interface LinkButtonProps extends Omit<LinkProps, 'className' | 'style' | 'children'> {
  href: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  children: ReactNode;
}

/** A link (it navigates, through RAC's RouterProvider when there is one) that looks like a button. */
export function LinkButton({
  variant = 'secondary',
  size = 'medium',
  children,
  ...props
}: LinkButtonProps) {
  return (
    <Link {...props} className="lk-button" data-variant={variant} data-size={size}>
      {children}
    </Link>
  );
}
