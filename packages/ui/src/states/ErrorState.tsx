import type { ReactNode } from 'react';
import { Button } from '../button/Button.tsx';

export interface ErrorStateProps {
  title: ReactNode;
  /** What went wrong, in the user's words (e.g. the problem+json `detail`). */
  detail?: ReactNode;
  /** Both are needed for the retry button to show. */
  retryLabel?: string;
  onRetry?: () => void;
}

/** A failure, announced at once (role alert), with an optional retry. */
export function ErrorState({ title, detail, retryLabel, onRetry }: ErrorStateProps) {
  return (
    <div className="lk-state lk-state--error" role="alert">
      <p className="lk-state__title">{title}</p>
      {detail ? <p className="lk-state__text">{detail}</p> : null}
      {retryLabel && onRetry ? (
        <Button variant="secondary" onPress={onRetry}>
          {retryLabel}
        </Button>
      ) : null}
    </div>
  );
}
