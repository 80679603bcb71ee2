export { Button, type ButtonProps, type ButtonSize, type ButtonVariant } from './Button.tsx';
export { LinkButton, type LinkButtonProps } from './LinkButton.tsx';
export { Spinner, type SpinnerProps } from './Spinner.tsx';
