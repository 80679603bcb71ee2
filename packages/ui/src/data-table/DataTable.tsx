import type { ReactNode } from 'react';
import {
  Cell,
  Column,
  Row,
  type SortDescriptor,
  Table,
  TableBody,
  TableHeader,
} from 'react-aria-components';
import { Spinner } from '../button/Spinner.tsx';
import { SortIndicator } from './SortIndicator.tsx';

export type { SortDescriptor };

export interface DataTableColumn<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** The column that names each row (e.g. the booking's title); announced with every cell. */
  isRowHeader?: boolean;
  allowsSorting?: boolean;
}

export interface DataTableProps<T> {
  /** Accessible name of the table, e.g. "Réservations du jour". */
  label: string;
  columns: DataTableColumn<T>[];
  rows: T[];
  getRowId: (row: T) => string;
  /** Controlled sort; the hub sorts (usually on the server) in `onSortChange`. */
  sortDescriptor?: SortDescriptor;
  onSortChange?: (descriptor: SortDescriptor) => void;
  /** Shown in the table when there are no rows and nothing is loading. */
  emptyState?: ReactNode;
  isLoading?: boolean;
  /** Shown and announced while `isLoading`, e.g. "Chargement des réservations". */
  loadingLabel?: string;
}

interface KeyedRow<T> {
  id: string;
  row: T;
}

/**
 * A keyboard-navigable table (RAC `Table`): arrow keys move between cells, Enter/Space on a
 * sortable header sorts, and the new sort is announced. Wide tables scroll inside their own
 * container, so the page never scrolls sideways on a phone.
 */
export function DataTable<T>({
  label,
  columns,
  rows,
  getRowId,
  sortDescriptor,
  onSortChange,
  emptyState,
  isLoading = false,
  loadingLabel,
}: DataTableProps<T>) {
  const items: KeyedRow<T>[] = rows.map((row) => ({ id: getRowId(row), row }));
  const hasRowHeader = columns.some((column) => column.isRowHeader);
  return (
    <div className="lk-table-wrapper" data-loading={isLoading || undefined}>
      <div className="lk-table-scroll" aria-busy={isLoading || undefined}>
        <Table
          aria-label={label}
          className="lk-table"
          sortDescriptor={sortDescriptor}
          onSortChange={onSortChange}
        >
          <TableHeader columns={columns}>
            {(column) => (
              <Column
                id={column.id}
                textValue={column.header}
                isRowHeader={column.isRowHeader ?? (!hasRowHeader && column === columns[0])}
                allowsSorting={column.allowsSorting}
                className="lk-table__column"
              >
                {({ allowsSorting, sortDirection }) => (
                  <>
                    {column.header}
                    {allowsSorting ? <SortIndicator direction={sortDirection} /> : null}
                  </>
                )}
              </Column>
            )}
          </TableHeader>
          <TableBody
            items={items}
            dependencies={[columns]}
            renderEmptyState={() => (
              <div className="lk-table__empty">
                {isLoading ? (
                  <span className="lk-table__loading">
                    <Spinner /> {loadingLabel}
                  </span>
                ) : (
                  emptyState
                )}
              </div>
            )}
          >
            {(item) => (
              <Row id={item.id} columns={columns} className="lk-table__row">
                {(column) => <Cell className="lk-table__cell">{column.cell(item.row)}</Cell>}
              </Row>
            )}
          </TableBody>
        </Table>
      </div>
      <div role="status" className="lk-visually-hidden">
        {isLoading ? loadingLabel : null}
      </div>
    </div>
  );
}
