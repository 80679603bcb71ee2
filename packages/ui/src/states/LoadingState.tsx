import { VisuallyHidden } from '../visually-hidden/VisuallyHidden.tsx';

export interface LoadingStateProps {
  /** Announced to screen readers, e.g. "Chargement de l'agenda". */
  label: string;
  /** Number of skeleton lines (1–3). Default 3. */
  lines?: 1 | 2 | 3;
}

/** A light skeleton while content loads; it stops shimmering under `prefers-reduced-motion`. */
export function LoadingState({ label, lines = 3 }: LoadingStateProps) {
  return (
    <div className="lk-state lk-state--loading" role="status">
      <VisuallyHidden>{label}</VisuallyHidden>
      <div className="lk-skeleton" aria-hidden="true">
        {Array.from({ length: lines }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed, content-less placeholder lines
          <span key={index} className="lk-skeleton__line" />
        ))}
      </div>
    </div>
  );
}
