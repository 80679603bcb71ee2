import type { ReportFilters, ReportModel, ReportName } from '@lakou/reports/model';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { streamsQuery } from '../../api/circular.ts';
import { useCan } from '../../auth/session.ts';
import { boardPackUrl, breadcrumbOf, type ExportFormat, reportUrl } from '../../lib/reports.ts';
import type { ReportsSearch } from '../../lib/reports-search.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useCentreName } from '../useCentreNames.ts';

/** Where the breadcrumb's links lead: the dashboard, or one report's page. */
export type ReportsPlace = { to: '/reports' } | { to: '/reports/$report'; report: ReportName };

/**
 * Réseau › centre › flux: how far the reader has drilled down, each level a link back up
 * (the last one is the current page). A manager's top level is « Mes centres ».
 */
export function ReportBreadcrumb({
  search,
  place,
  scoped,
}: {
  search: ReportsSearch;
  place: ReportsPlace;
  scoped: boolean;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const centreName = useCentreName();
  const crumbs = breadcrumbOf(search);
  const wantsStreams = crumbs.some((c) => c.level === 'stream') && can('circular.read');
  const streams = useQuery({ ...streamsQuery(), enabled: wantsStreams });
  const streamName = (id: string) => streams.data?.find((s) => s.id === id)?.name ?? '…';
  if (crumbs.length === 1 && !scoped) return null;
  return (
    <nav aria-label={t('reports.breadcrumb.label')} className="hub-reports-breadcrumb">
      <ol>
        {crumbs.map((crumb, index) => {
          const label =
            crumb.level === 'network'
              ? scoped
                ? t('reports.breadcrumb.myCentres')
                : t('reports.breadcrumb.network')
              : crumb.level === 'centre'
                ? t('reports.breadcrumb.centre', { name: centreName(crumb.id ?? '') })
                : t('reports.breadcrumb.stream', { name: streamName(crumb.id ?? '') });
          const last = index === crumbs.length - 1;
          return (
            <li key={crumb.level}>
              {last ? (
                <span aria-current="page">{label}</span>
              ) : place.to === '/reports' ? (
                <RouterLink to="/reports" search={crumb.search}>
                  {label}
                </RouterLink>
              ) : (
                <RouterLink
                  to="/reports/$report"
                  params={{ report: place.report }}
                  search={crumb.search}
                >
                  {label}
                </RouterLink>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'pdf'];

/**
 * The files, as plain download links with the page's filters: the report as CSV, XLSX or PDF
 * (when a report is named), and the board pack (every report the reader may read, one PDF).
 */
export function ReportDownloads({
  report,
  filters,
}: {
  report?: ReportName | undefined;
  filters: ReportFilters;
}) {
  const { t } = useTranslation();
  return (
    <section className="hub-reports-downloads" aria-label={t('reports.report.downloads')}>
      <ul>
        {report
          ? FORMATS.map((format) => (
              <li key={format}>
                <a
                  className="lk-button"
                  data-variant="secondary"
                  data-size="small"
                  href={reportUrl(report, filters, format)}
                  download
                >
                  {t(`reports.report.${format}`)}
                </a>
              </li>
            ))
          : null}
        <li>
          <a
            className="lk-button"
            data-variant="primary"
            data-size="small"
            href={boardPackUrl(filters)}
            download
          >
            {t('reports.report.boardPack')}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** The period, its comparison and the centres the figures cover, in one line. */
export function ReportScopeLine({
  model,
  wholeNetwork,
}: {
  model: ReportModel;
  /** No centre chosen by a network-wide reader: « tout le réseau » rather than every name. */
  wholeNetwork: boolean;
}) {
  const { t } = useTranslation();
  return (
    <p className="hub-reports-scope">
      {model.period.label}
      {model.comparison
        ? ` — ${t('reports.filters.comparedWith', { period: model.comparison.label })}`
        : ''}
      {' · '}
      {t('reports.report.centres', {
        names:
          wholeNetwork || model.centres.length === 0
            ? t('reports.report.allCentres')
            : model.centres.map((c) => c.name).join(', '),
      })}
    </p>
  );
}

/** How each figure is defined, printed under the report. */
export function ReportNotes({
  model,
  headingLevel = 2,
}: {
  model: ReportModel;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  if (model.notes.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="hub-report-notes" aria-labelledby={`${model.report}-notes`}>
      <Heading id={`${model.report}-notes`} className="hub-section-title">
        {t('reports.report.notes')}
      </Heading>
      <dl>
        {model.notes.map((note) => (
          <div key={note.term}>
            <dt>{note.term}</dt>
            <dd>{note.definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
