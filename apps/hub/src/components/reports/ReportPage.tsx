import type { ReportModel, ReportName } from '@lakou/reports/model';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { reportQuery } from '../../api/reports.ts';
import { drillSearch, type ResolvedFilters } from '../../lib/reports.ts';
import type { ReportsSearch } from '../../lib/reports-search.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { FilterBar } from './FilterBar.tsx';
import { KpiCard } from './KpiCard.tsx';
import { ReportChart } from './ReportChart.tsx';
import { ReportBreadcrumb, ReportDownloads, ReportNotes, ReportScopeLine } from './ReportParts.tsx';
import { ReportTable } from './ReportTable.tsx';
import { type ReportScope, useReportScope, useResolvedFilters } from './useReportScope.ts';
import './reports.css';
import './print.css';

export interface ReportPageProps {
  report: ReportName;
  search: ReportsSearch;
  onSearchChange: (next: ReportsSearch) => void;
}

/** The figures were asked but nothing happened in the period: no figure, no point, no row. */
function isEmpty(model: ReportModel): boolean {
  return (
    model.kpis.every((k) => k.value === null || k.value === 0) &&
    model.charts.every((c) =>
      c.series.every((s) => s.values.every((v) => v === null || v === 0)),
    ) &&
    model.tables.every((t) => t.rows.length === 0)
  );
}

/**
 * One report: its key figures, every chart with its data table, every table with drill-down
 * (a row's centre, then in recycling its stream, narrow the filters; the breadcrumb climbs back),
 * the definitions, and the downloads (CSV, XLSX, PDF, the board pack) with the same filters.
 */
export function ReportPage({ report, search, onSearchChange }: ReportPageProps) {
  const { t } = useTranslation();
  const scope = useReportScope();
  const name = t(`reports.names.${report}`);
  useDocumentTitle(name);
  if (!scope.ready) {
    return (
      <div className="hub-page hub-reports">
        <LoadingState label={t('reports.report.loading', { name })} />
      </div>
    );
  }
  return (
    <ReportPageBody
      report={report}
      search={search}
      onSearchChange={onSearchChange}
      scope={scope}
      name={name}
    />
  );
}

function ReportPageBody({
  report,
  search,
  onSearchChange,
  scope,
  name,
}: ReportPageProps & { scope: ReportScope; name: string }) {
  const { t } = useTranslation();
  const resolved: ResolvedFilters = useResolvedFilters(search, scope);
  const { filters } = resolved;
  const scoped = scope.allowed !== 'all';
  const readable = scope.readable.includes(report);
  const model = useQuery({ ...reportQuery(report, filters), enabled: readable });
  const data = model.data;

  return (
    <div className="hub-page hub-reports" aria-busy={model.isPlaceholderData || undefined}>
      <header className="hub-page__header">
        <p className="hub-reports__eyebrow">
          <RouterLink to="/reports" search={search}>
            {t('reports.report.back')}
          </RouterLink>
        </p>
        <h1 className="hub-page__title">{data?.title ?? name}</h1>
        {data ? (
          <ReportScopeLine model={data} wholeNetwork={!scoped && filters.centreIds.length === 0} />
        ) : null}
      </header>
      <ReportBreadcrumb
        search={search}
        place={{ to: '/reports/$report', report }}
        scoped={scoped}
      />
      <FilterBar
        search={search}
        filters={filters}
        period={resolved.period}
        centres={scope.centres}
        scoped={scoped}
        invalid={resolved.invalid}
        onChange={onSearchChange}
      />
      {resolved.invalid ? (
        <p className="hub-note" role="alert">
          {t('reports.filters.invalid', { reason: resolved.invalid })}
        </p>
      ) : null}
      {readable ? <ReportDownloads report={report} filters={filters} /> : null}

      {!readable ? (
        <ErrorState title={t('reports.report.refused')} />
      ) : model.isError && !data ? (
        <ErrorState
          title={t('reports.report.error', { name })}
          detail={
            model.error instanceof ApiError
              ? (model.error.problem.detail ?? model.error.problem.title)
              : undefined
          }
          retryLabel={t('errors.retry')}
          onRetry={() => void model.refetch()}
        />
      ) : !data ? (
        <LoadingState label={t('reports.report.loading', { name })} />
      ) : (
        <ReportBody model={data} search={search} report={report} />
      )}
    </div>
  );
}

function ReportBody({
  model,
  search,
  report,
}: {
  model: ReportModel;
  search: ReportsSearch;
  report: ReportName;
}) {
  const { t } = useTranslation();
  const empty = isEmpty(model);
  return (
    <div className="hub-stack hub-report" data-report={report}>
      {empty ? <EmptyState title={t('reports.report.empty')} /> : null}
      {model.kpis.length > 0 ? (
        <section aria-labelledby="report-kpis">
          <h2 id="report-kpis" className="hub-section-title">
            {t('reports.report.kpis')}
          </h2>
          <div className="hub-kpis">
            {model.kpis.map((kpi) => (
              <KpiCard key={kpi.key} kpi={kpi} comparisonLabel={model.comparison?.label} />
            ))}
          </div>
        </section>
      ) : null}
      {model.charts.length > 0 ? (
        <section aria-labelledby="report-charts" className="hub-report__charts">
          <h2 id="report-charts" className="hub-section-title">
            {t('reports.report.charts')}
          </h2>
          {model.charts.map((chart) => (
            <ReportChart key={chart.id} chart={chart} />
          ))}
        </section>
      ) : null}
      {model.tables.length > 0 ? (
        <section aria-labelledby="report-tables" className="hub-report__tables">
          <h2 id="report-tables" className="hub-section-title">
            {t('reports.report.tables')}
          </h2>
          {model.tables.map((table) => (
            <ReportTable
              key={table.id}
              table={table}
              drillLink={(drill, text, accessibleName) => (
                <RouterLink
                  to="/reports/$report"
                  params={{ report }}
                  search={drillSearch(search, drill)}
                  aria-label={accessibleName}
                >
                  {text}
                </RouterLink>
              )}
            />
          ))}
        </section>
      ) : null}
      <ReportNotes model={model} />
    </div>
  );
}
