import type { ReactNode } from 'react';

export interface VisuallyHiddenProps {
  children: ReactNode;
  /** The element to render; `span` fits inside text and buttons. */
  elementType?: 'span' | 'div';
  id?: string;
}

/** Text that screen readers announce but that takes no room on screen. */
export function VisuallyHidden({ children, elementType = 'span', id }: VisuallyHiddenProps) {
  const Element = elementType;
  return (
    <Element className="lk-visually-hidden" id={id}>
      {children}
    </Element>
  );
}
