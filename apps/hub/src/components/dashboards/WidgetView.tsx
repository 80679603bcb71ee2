import { chartAsTable } from '@lakou/reports/chart';
import type { ReportModel, Widget } from '@lakou/reports/model';
import { ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { widgetReportFilters } from '../../api/dashboards.ts';
import { fieldProblems } from '../../api/events.ts';
import { reportQuery } from '../../api/reports.ts';
import { todayIn } from '../../lib/events.ts';
import { NETWORK_TIME_ZONE } from '../../lib/format.ts';
import { KpiCard, ReportChart, ReportTable } from '../reports/index.ts';
import '../reports/reports.css';

/** What a widget is called: its own title, or its report and display (« Fonds — Indicateurs clés »). */
export function widgetLabel(widget: Widget, t: TFunction): string {
  return (
    widget.title?.trim() ||
    `${t(`dashboards.reports.${widget.report}`)} — ${t(`dashboards.displays.${widget.display}`)}`
  );
}

/** The widget's filters in words: « Cette année · par mois · 2 centres · Avec la période précédente ». */
function filtersLine(widget: Widget, t: TFunction): string {
  const f = widget.filters;
  return [
    t(`dashboards.periods.${f.period}`),
    t(`dashboards.widget.by.${f.granularity}`),
    f.centreIds.length === 0 ? null : t('dashboards.widget.centres', { count: f.centreIds.length }),
    f.compare === 'none' ? null : t(`dashboards.comparisons.${f.compare}`),
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * One widget: its report fetched with its own filters (the period preset read today, in the
 * network's time zone), then shown as KPI cards, a chart (drawn as the widget asks, with its data
 * table behind a toggle) or the chart's figures as a table.
 */
export function WidgetView({ widget }: { widget: Widget }) {
  const { t } = useTranslation();
  const today = todayIn(NETWORK_TIME_ZONE);
  const filters = useMemo(() => widgetReportFilters(widget, today), [widget, today]);
  const model = useQuery(reportQuery(widget.report, filters));
  const label = widgetLabel(widget, t);

  return (
    <div className="hub-widget__body">
      <p className="hub-widget__filters hub-muted">{filtersLine(widget, t)}</p>
      {model.isPending ? (
        <LoadingState label={t('dashboards.widget.loading')} />
      ) : model.isError ? (
        <>
          <h2 className="hub-widget__title">{label}</h2>
          <ErrorState
            title={t('dashboards.widget.loadFailed')}
            detail={fieldProblems(model.error).detail}
            retryLabel={t('errors.retry')}
            onRetry={() => void model.refetch()}
          />
        </>
      ) : (
        <WidgetContent widget={widget} model={model.data} label={label} />
      )}
    </div>
  );
}

function WidgetContent({
  widget,
  model,
  label,
}: {
  widget: Widget;
  model: ReportModel;
  label: string;
}) {
  const { t } = useTranslation();
  if (widget.display === 'kpis') {
    const kpis =
      widget.kpiKeys.length === 0
        ? model.kpis
        : widget.kpiKeys.flatMap((key) => model.kpis.filter((k) => k.key === key));
    return (
      <>
        <h2 className="hub-widget__title">{label}</h2>
        {kpis.length === 0 ? (
          <p className="hub-note">{t('dashboards.widget.noKpis')}</p>
        ) : (
          <div className="hub-widget__kpis">
            {kpis.map((kpi) => (
              <KpiCard
                key={kpi.key}
                kpi={kpi}
                comparisonLabel={model.comparison?.label}
                headingLevel={3}
              />
            ))}
          </div>
        )}
      </>
    );
  }
  const chart = model.charts.find((c) => c.id === widget.chartId);
  if (!chart) {
    return (
      <>
        <h2 className="hub-widget__title">{label}</h2>
        <p className="hub-note">
          {t('dashboards.widget.chartMissing', {
            report: t(`dashboards.reports.${widget.report}`),
          })}
        </p>
      </>
    );
  }
  const title = widget.title?.trim() || chart.title;
  if (widget.display === 'table') {
    return (
      <>
        <h2 className="hub-widget__title">{title}</h2>
        <div className="hub-widget__table">
          <ReportTable table={chartAsTable(chart)} caption={title} />
        </div>
      </>
    );
  }
  return <ReportChart chart={{ ...chart, title }} kind={widget.display} headingLevel={2} />;
}
