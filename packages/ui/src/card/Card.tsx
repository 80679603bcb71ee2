import { type ReactNode, useId } from 'react';

export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

export interface CardProps {
  title?: ReactNode;
  /** The heading level of the title, to fit the page's outline. Default 2. */
  headingLevel?: HeadingLevel;
  /** Content placed at the end of the header, next to the title (a badge, an action). */
  headerEnd?: ReactNode;
  children: ReactNode;
}

/** A section container; with a title it becomes a region named by that title. */
export function Card({ title, headingLevel = 2, headerEnd, children }: CardProps) {
  const titleId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="lk-card" aria-labelledby={title ? titleId : undefined}>
      {title || headerEnd ? (
        <div className="lk-card__header">
          {title ? (
            <Heading className="lk-card__title" id={titleId}>
              {title}
            </Heading>
          ) : null}
          {headerEnd}
        </div>
      ) : null}
      {children}
    </section>
  );
}
