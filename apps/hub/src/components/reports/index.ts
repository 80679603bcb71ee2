/*
 * The report building blocks other pages reuse (the composable dashboards' widgets): keep these
 * names stable.
 */

export { FilterBar, type FilterBarProps } from './FilterBar.tsx';
export { KpiCard, type KpiCardProps } from './KpiCard.tsx';
export { ReportChart, type ReportChartProps } from './ReportChart.tsx';
export { ReportTable, type ReportTableProps } from './ReportTable.tsx';
export { type ReportScope, useReportScope, useResolvedFilters } from './useReportScope.ts';
