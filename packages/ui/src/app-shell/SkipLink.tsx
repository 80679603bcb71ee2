import type { MouseEvent, ReactNode } from 'react';

export interface SkipLinkProps {
  targetId: string;
  children: ReactNode;
}

/**
 * First focusable element of the page; visible only when focused. It moves focus itself
 * (rather than relying on the URL fragment) so client-side routers are not involved.
 */
export function SkipLink({ targetId, children }: SkipLinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView?.();
  };
  return (
    <a className="lk-skip-link" href={`#${targetId}`} onClick={onClick}>
      {children}
    </a>
  );
}
