import type { ReactNode } from 'react';
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import { Spinner } from './Spinner.tsx';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'small' | 'medium' | 'large';

export interface ButtonProps extends Omit<AriaButtonProps, 'className' | 'style' | 'children'> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Announced to screen readers while `isPending` (e.g. "Enregistrement en cours"). */
  pendingLabel?: string;
  /** For icon-only buttons: square shape. Give them an `aria-label`. */
  isIconOnly?: boolean;
  children: ReactNode;
}

/**
 * A button on react-aria-components' Button: press, keyboard and touch behave alike.
 * While `isPending` it stays focusable, ignores presses, shows a spinner and announces
 * `pendingLabel`.
 */
export function Button({
  variant = 'primary',
  size = 'medium',
  pendingLabel,
  isIconOnly = false,
  isPending,
  children,
  ...props
}: ButtonProps) {
  return (
    <AriaButton
      {...props}
      isPending={isPending}
      className={isIconOnly ? 'lk-button lk-button--icon' : 'lk-button'}
      data-variant={variant}
      data-size={size}
    >
      {isPending ? <Spinner label={pendingLabel} /> : null}
      <span className="lk-button__label">{children}</span>
    </AriaButton>
  );
}
