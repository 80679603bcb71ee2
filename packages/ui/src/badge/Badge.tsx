import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'success' | 'warning' | 'danger' | 'info';

export interface BadgeProps {
  tone?: BadgeTone;
  children: ReactNode;
}

/** A short status label such as "Ouvert", "Fermé" or "QPV". The text carries the meaning; colour only repeats it. */
export function Badge({ tone = 'neutral', children }: BadgeProps) {
  return (
    <span className="lk-badge" data-tone={tone}>
      {children}
    </span>
  );
}
