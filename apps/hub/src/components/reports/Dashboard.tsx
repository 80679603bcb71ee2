import {
  comparisonPeriod,
  periodLabel,
  type ReportFilters,
  type ReportName,
} from '@lakou/reports/model';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { reportQuery } from '../../api/reports.ts';
import type { ReportsSearch } from '../../lib/reports-search.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { FilterBar } from './FilterBar.tsx';
import { KpiCard } from './KpiCard.tsx';
import { ReportChart } from './ReportChart.tsx';
import { ReportBreadcrumb, ReportDownloads } from './ReportParts.tsx';
import { type ReportScope, useReportScope, useResolvedFilters } from './useReportScope.ts';
import './reports.css';
import './print.css';

export interface DashboardProps {
  search: ReportsSearch;
  onSearchChange: (next: ReportsSearch) => void;
}

/**
 * The board's dashboard: the filters (kept in the URL), then for each report the reader may read
 * its key figures, its main chart and a link to the whole report. A manager's dashboard covers
 * their centres only, which the filter bar alone offers.
 */
export function Dashboard({ search, onSearchChange }: DashboardProps) {
  const { t } = useTranslation();
  const scope = useReportScope();
  const scoped = scope.ready && scope.allowed !== 'all';
  const title = scoped ? t('reports.titleManager') : t('reports.title');
  useDocumentTitle(title);
  return (
    <div className="hub-page hub-reports">
      <header className="hub-page__header">
        <h1 className="hub-page__title">{title}</h1>
        <p className="hub-page__lead">{scoped ? t('reports.leadManager') : t('reports.lead')}</p>
      </header>
      {scope.ready ? (
        <DashboardBody search={search} onSearchChange={onSearchChange} scope={scope} />
      ) : (
        <LoadingState label={t('reports.loading')} />
      )}
    </div>
  );
}

function DashboardBody({ search, onSearchChange, scope }: DashboardProps & { scope: ReportScope }) {
  const { t } = useTranslation();
  const resolved = useResolvedFilters(search, scope);
  const scoped = scope.allowed !== 'all';
  return (
    <>
      <ReportBreadcrumb search={search} place={{ to: '/reports' }} scoped={scoped} />
      <FilterBar
        search={search}
        filters={resolved.filters}
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
      <FiltersLine filters={resolved.filters} scope={scope} />
      <ReportDownloads filters={resolved.filters} />
      {scope.readable.length === 0 ? (
        <EmptyState title={t('reports.noReports')} />
      ) : (
        scope.readable.map((name) => (
          <ReportSummary key={name} name={name} filters={resolved.filters} search={search} />
        ))
      )}
    </>
  );
}

/** The period, its comparison and the centres covered, in words (on screen and on paper). */
function FiltersLine({ filters, scope }: { filters: ReportFilters; scope: ReportScope }) {
  const { t } = useTranslation();
  const comparison = comparisonPeriod(filters.from, filters.to, filters.compare);
  const wholeNetwork = scope.allowed === 'all' && filters.centreIds.length === 0;
  const names = scope.centres.filter((c) => filters.centreIds.includes(c.id)).map((c) => c.name);
  return (
    <p className="hub-reports-scope">
      {periodLabel(filters.from, filters.to)}
      {comparison
        ? ` — ${t('reports.filters.comparedWith', { period: periodLabel(comparison.from, comparison.to) })}`
        : ''}
      {' · '}
      {t('reports.report.centres', {
        names: wholeNetwork ? t('reports.report.allCentres') : names.join(', '),
      })}
    </p>
  );
}

/** One report on the dashboard: its key figures, its main chart, the link to all of it. */
function ReportSummary({
  name,
  filters,
  search,
}: {
  name: ReportName;
  filters: ReportFilters;
  search: ReportsSearch;
}) {
  const { t } = useTranslation();
  const model = useQuery(reportQuery(name, filters));
  const title = model.data?.title ?? t(`reports.names.${name}`);
  const headingId = `report-summary-${name}`;
  // Not this reader's report after all, or not served by this API (the API's word is final).
  if (model.error instanceof ApiError && [403, 404].includes(model.error.status)) return null;
  const main = model.data?.charts[0];
  return (
    <section
      className="hub-report-summary"
      aria-labelledby={headingId}
      aria-busy={model.isFetching || undefined}
      data-report={name}
    >
      <div className="hub-report-summary__header">
        <h2 id={headingId} className="hub-report-summary__title">
          {title}
        </h2>
        <RouterLink
          to="/reports/$report"
          params={{ report: name }}
          search={search}
          className="hub-report-summary__open"
        >
          {t('reports.report.open', { name: title })}
        </RouterLink>
      </div>
      {model.isError && !model.data ? (
        <ErrorState
          title={t('reports.report.error', { name: title })}
          detail={
            model.error instanceof ApiError
              ? (model.error.problem.detail ?? model.error.problem.title)
              : undefined
          }
          retryLabel={t('errors.retry')}
          onRetry={() => void model.refetch()}
        />
      ) : !model.data ? (
        <LoadingState label={t('reports.report.loading', { name: title })} lines={2} />
      ) : (
        <>
          {model.data.kpis.length > 0 ? (
            <div className="hub-kpis">
              {model.data.kpis.map((kpi) => (
                <KpiCard
                  key={kpi.key}
                  kpi={kpi}
                  comparisonLabel={model.data.comparison?.label}
                  showDefinition={false}
                />
              ))}
            </div>
          ) : null}
          {main ? <ReportChart chart={main} /> : null}
        </>
      )}
    </section>
  );
}
