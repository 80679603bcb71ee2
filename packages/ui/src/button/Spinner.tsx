import { VisuallyHidden } from '../visually-hidden/VisuallyHidden.tsx';

export interface SpinnerProps {
  /** Read by screen readers; the spinner itself is decorative. */
  label?: string | undefined;
}

/** A small spinning ring; still under `prefers-reduced-motion: reduce`. */
export function Spinner({ label }: SpinnerProps) {
  return (
    <>
      <span className="lk-spinner" aria-hidden="true" />
      {label ? <VisuallyHidden>{label}</VisuallyHidden> : null}
    </>
  );
}
