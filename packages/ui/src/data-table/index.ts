export {
  DataTable,
  type DataTableColumn,
  type DataTableProps,
  type SortDescriptor,
} from './DataTable.tsx';
export { Pagination, type PaginationLabels, type PaginationProps } from './Pagination.tsx';
