import type { SortDirection } from 'react-aria-components';

/** Arrow showing the sort direction; screen readers get it from `aria-sort` instead. */
export function SortIndicator({ direction }: { direction: SortDirection | undefined }) {
  const path =
    direction === 'ascending'
      ? 'M6 2l4 6H2z'
      : direction === 'descending'
        ? 'M6 10l4-6H2z'
        : 'M6 1l3 4H3zM6 11l3-4H3z';
  return (
    <svg className="lk-table__sort" aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
      <path d={path} fill="currentColor" />
    </svg>
  );
}
