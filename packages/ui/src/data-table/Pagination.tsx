import { Button } from '../button/Button.tsx';
import { pageWindow } from './page-window.ts';

export interface PaginationLabels {
  /** Names the navigation landmark, e.g. "Pagination". */
  navigation: string;
  previous: string;
  next: string;
  /** Accessible name of a page button, e.g. (n) => `Page ${n}`. */
  page: (n: number) => string;
  /** Visible position, e.g. (p, c) => `Page ${p} sur ${c}`. */
  pageOf: (page: number, count: number) => string;
}

export interface PaginationProps {
  /** Current page, starting at 1. */
  page: number;
  pageCount: number;
  onPageChange: (page: number) => void;
  labels: PaginationLabels;
}

/** Previous / numbered pages / next. The ends disable previous or next; on a phone only those two and the position show. */
export function Pagination({ page, pageCount, onPageChange, labels }: PaginationProps) {
  const count = Math.max(1, pageCount);
  return (
    <nav aria-label={labels.navigation} className="lk-pagination">
      <Button
        variant="secondary"
        size="small"
        isDisabled={page <= 1}
        onPress={() => onPageChange(page - 1)}
      >
        {labels.previous}
      </Button>
      <ul className="lk-pagination__pages">
        {pageWindow(page, count).map((entry) =>
          entry.kind === 'gap' ? (
            <li key={entry.key} className="lk-pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={entry.page}>
              <Button
                variant={entry.page === page ? 'primary' : 'ghost'}
                size="small"
                aria-label={labels.page(entry.page)}
                aria-current={entry.page === page ? 'page' : undefined}
                onPress={() => onPageChange(entry.page)}
              >
                {entry.page}
              </Button>
            </li>
          ),
        )}
      </ul>
      <span className="lk-pagination__status">{labels.pageOf(page, count)}</span>
      <Button
        variant="secondary"
        size="small"
        isDisabled={page >= count}
        onPress={() => onPageChange(page + 1)}
      >
        {labels.next}
      </Button>
    </nav>
  );
}
