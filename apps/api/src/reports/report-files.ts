import type { ReportFilters, ReportName } from '@lakou/reports/model';

export const reportFormats = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const CONTENT_TYPES: Record<Exclude<ReportFormat, 'json'>, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** What a report's file is called (French, no accent, so every system keeps it as is). */
const FILE_STEMS: Record<ReportName, string> = {
  fund: 'fonds-solidaire',
  recycling: 'recyclerie',
  activity: 'activite-des-centres',
  circles: 'cercles-restauratifs',
  gardens: 'jardins-partages',
};

const period = (filters: Pick<ReportFilters, 'from' | 'to'>) =>
  `du-${filters.from}-au-${filters.to}`;

/** « rapport-recyclerie-du-2026-01-01-au-2026-03-31.xlsx » */
export function reportFileName(
  name: ReportName,
  filters: Pick<ReportFilters, 'from' | 'to'>,
  format: Exclude<ReportFormat, 'json'>,
): string {
  return `rapport-${FILE_STEMS[name]}-${period(filters)}.${format}`;
}

/** « dossier-du-conseil-du-2026-01-01-au-2026-03-31.pdf » */
export function boardPackFileName(filters: Pick<ReportFilters, 'from' | 'to'>): string {
  return `dossier-du-conseil-${period(filters)}.pdf`;
}

/** The headers of a file answer: downloaded, never cached (figures a reader's scope decides). */
export function fileHeaders(fileName: string, format: Exclude<ReportFormat, 'json'>) {
  return {
    'Content-Type': CONTENT_TYPES[format],
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'Cache-Control': 'private, no-store',
  };
}
