import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** Usually a button or link to create the first item. */
  action?: ReactNode;
}

/** Nothing to show yet, and what to do about it. */
export function EmptyState({ title, description, action }: EmptyStateProps) {
  return (
    <div className="lk-state lk-state--empty">
      <p className="lk-state__title">{title}</p>
      {description ? <p className="lk-state__text">{description}</p> : null}
      {action ? <div className="lk-state__action">{action}</div> : null}
    </div>
  );
}
