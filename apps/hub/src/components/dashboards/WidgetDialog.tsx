import {
  comparisons,
  granularities,
  type PeriodPreset,
  periodPresets,
  type ReportName,
  type Widget,
  type WidgetDisplay,
  widgetDisplays,
  widget as widgetSchema,
} from '@lakou/reports/model';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { Checkbox, SelectField, TextField } from '@lakou/ui/form-field';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { widgetReportFilters } from '../../api/dashboards.ts';
import { reportQuery } from '../../api/reports.ts';
import { todayIn } from '../../lib/events.ts';
import { NETWORK_TIME_ZONE } from '../../lib/format.ts';
import { useReportScope } from '../reports/index.ts';

type Errors = Partial<Record<string, string>>;

/**
 * « Ajouter un widget » or « Configurer le widget »: which report, which of its charts (listed
 * from the report itself, fetched with the widget's filters) or its KPI cards, how to draw it,
 * the period, centres, granularity and comparison. Checked with the model's own schema.
 */
export function WidgetDialog({
  isOpen,
  widget,
  onClose,
  onDone,
}: {
  isOpen: boolean;
  /** The widget to configure; null to add one. */
  widget: Widget | null;
  onClose: () => void;
  onDone: (widget: Widget) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={widget ? t('dashboards.form.editTitle') : t('dashboards.form.addTitle')}
      closeLabel={t('app.close')}
      isDismissable={false}
      size="large"
    >
      {isOpen ? <WidgetForm widget={widget} onClose={onClose} onDone={onDone} /> : null}
    </Dialog>
  );
}

function WidgetForm({
  widget,
  onClose,
  onDone,
}: {
  widget: Widget | null;
  onClose: () => void;
  onDone: (widget: Widget) => void;
}) {
  const { t } = useTranslation();
  const scope = useReportScope();
  const [report, setReport] = useState<ReportName | null>(widget?.report ?? null);
  const [display, setDisplay] = useState<WidgetDisplay>(widget?.display ?? 'kpis');
  const [chartId, setChartId] = useState<string | null>(widget?.chartId ?? null);
  const [kpiKeys, setKpiKeys] = useState<string[]>(widget?.kpiKeys ?? []);
  const [period, setPeriod] = useState<PeriodPreset>(widget?.filters.period ?? 'this_year');
  const [granularity, setGranularity] = useState(widget?.filters.granularity ?? 'month');
  const [compare, setCompare] = useState(widget?.filters.compare ?? 'none');
  const [centreIds, setCentreIds] = useState<string[]>(widget?.filters.centreIds ?? []);
  const [title, setTitle] = useState(widget?.title ?? '');
  const [errors, setErrors] = useState<Errors>({});

  // The first report this reader may read, once the rules have loaded.
  const chosen = report ?? scope.readable[0] ?? null;
  const today = todayIn(NETWORK_TIME_ZONE);
  const draft: Widget = {
    id: widget?.id ?? 'nouveau',
    report: chosen ?? 'fund',
    chartId,
    display,
    kpiKeys,
    filters: { period, centreIds, granularity, compare },
  };
  // React Query compares keys by value: a new object each render asks nothing again.
  const filters = widgetReportFilters(draft, today);
  const model = useQuery({
    ...reportQuery(chosen ?? 'fund', filters),
    enabled: chosen !== null,
  });
  const charts = model.data?.report === chosen ? model.data.charts : undefined;
  const kpis = model.data?.report === chosen ? model.data.kpis : undefined;

  // A chart display needs one of the report's charts: the first, until the reader picks one.
  useEffect(() => {
    if (display === 'kpis' || !charts) return;
    if (!charts.some((c) => c.id === chartId)) {
      const sameKind = charts.find((c) => c.kind === display);
      setChartId((sameKind ?? charts[0])?.id ?? null);
    }
  }, [charts, display, chartId]);

  const submit = () => {
    if (!chosen) return;
    const chart = charts?.find((c) => c.id === chartId);
    const fallbackTitle =
      display === 'kpis'
        ? t('dashboards.widget.kpisTitle', { report: t(`dashboards.reports.${chosen}`) })
        : chart?.title;
    const parsed = widgetSchema.safeParse({
      ...draft,
      id: widget?.id ?? crypto.randomUUID(),
      chartId: display === 'kpis' ? null : chartId,
      kpiKeys: display === 'kpis' ? kpiKeys : [],
      title: title.trim() || fallbackTitle,
    });
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] === 'filters' ? issue.path[1] : issue.path[0]);
        found[key] ??= issue.message;
      }
      setErrors(found);
      return;
    }
    onDone(parsed.data);
  };

  const options = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((v) => ({ id: v, label: t(`${prefix}.${v}` as never) as string }));

  if (scope.ready && scope.readable.length === 0) {
    return <p className="hub-note">{t('dashboards.form.noReport')}</p>;
  }

  return (
    <form
      className="hub-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="hub-widget-form__row">
        <SelectField
          label={t('dashboards.form.report')}
          options={scope.readable.map((name) => ({
            id: name,
            label: t(`dashboards.reports.${name}`),
          }))}
          selectedKey={chosen}
          onSelectionChange={(key) => {
            setReport((key as ReportName | null) ?? null);
            setChartId(null);
            setKpiKeys([]);
          }}
          isRequired
          isInvalid={Boolean(errors.report)}
          errorMessage={errors.report}
        />
        <SelectField
          label={t('dashboards.form.display')}
          options={options(widgetDisplays, 'dashboards.displays')}
          selectedKey={display}
          onSelectionChange={(key) => setDisplay((key as WidgetDisplay | null) ?? 'kpis')}
          isRequired
          isInvalid={Boolean(errors.display)}
          errorMessage={errors.display}
        />
      </div>
      {display === 'kpis' ? (
        <fieldset className="hub-widget-form__choices">
          <legend>{t('dashboards.form.kpis')}</legend>
          <p className="hub-muted">{t('dashboards.form.kpisHelp')}</p>
          {model.isPending && chosen ? (
            <p role="status">{t('dashboards.form.chartsLoading')}</p>
          ) : model.isError ? (
            <p className="hub-error-text">{t('dashboards.form.chartsFailed')}</p>
          ) : (
            kpis?.map((kpi) => (
              <Checkbox
                key={kpi.key}
                label={kpi.label}
                isSelected={kpiKeys.includes(kpi.key)}
                onChange={(on) =>
                  setKpiKeys((keys) =>
                    on ? [...keys, kpi.key] : keys.filter((k) => k !== kpi.key),
                  )
                }
              />
            ))
          )}
        </fieldset>
      ) : model.isPending && chosen ? (
        <p role="status">{t('dashboards.form.chartsLoading')}</p>
      ) : model.isError ? (
        <p className="hub-error-text" role="alert">
          {t('dashboards.form.chartsFailed')}
        </p>
      ) : charts && charts.length === 0 ? (
        <p className="hub-note">{t('dashboards.form.noCharts')}</p>
      ) : (
        <SelectField
          label={t('dashboards.form.chart')}
          description={t('dashboards.form.chartHelp')}
          options={(charts ?? []).map((c) => ({ id: c.id, label: c.title }))}
          selectedKey={chartId}
          onSelectionChange={(key) => setChartId(key === null ? null : String(key))}
          isRequired
          isInvalid={Boolean(errors.chartId)}
          errorMessage={errors.chartId}
        />
      )}
      <div className="hub-widget-form__row">
        <SelectField
          label={t('dashboards.form.period')}
          options={options(periodPresets, 'dashboards.periods')}
          selectedKey={period}
          onSelectionChange={(key) => setPeriod((key as PeriodPreset | null) ?? 'this_year')}
          isInvalid={Boolean(errors.period)}
          errorMessage={errors.period}
        />
        <SelectField
          label={t('dashboards.form.granularity')}
          options={options(granularities, 'dashboards.granularities')}
          selectedKey={granularity}
          onSelectionChange={(key) =>
            setGranularity((key as (typeof granularities)[number] | null) ?? 'month')
          }
          isInvalid={Boolean(errors.granularity)}
          errorMessage={errors.granularity}
        />
        <SelectField
          label={t('dashboards.form.compare')}
          options={options(comparisons, 'dashboards.comparisons')}
          selectedKey={compare}
          onSelectionChange={(key) =>
            setCompare((key as (typeof comparisons)[number] | null) ?? 'none')
          }
          isInvalid={Boolean(errors.compare)}
          errorMessage={errors.compare}
        />
      </div>
      {scope.centres.length > 1 ? (
        <fieldset className="hub-widget-form__choices hub-widget-form__centres">
          <legend>{t('dashboards.form.centres')}</legend>
          <p className="hub-muted">{t('dashboards.form.centresHelp')}</p>
          {scope.centres.map((c) => (
            <Checkbox
              key={c.id}
              label={c.name}
              isSelected={centreIds.includes(c.id)}
              onChange={(on) =>
                setCentreIds((ids) => (on ? [...ids, c.id] : ids.filter((id) => id !== c.id)))
              }
            />
          ))}
          {errors.centreIds ? <p className="hub-error-text">{errors.centreIds}</p> : null}
        </fieldset>
      ) : null}
      <TextField
        label={t('dashboards.form.title')}
        description={t('dashboards.form.titleHelp')}
        value={title}
        onChange={setTitle}
        maxLength={120}
        isInvalid={Boolean(errors.title)}
        errorMessage={errors.title}
      />
      <div className="lk-dialog__footer hub-dialog-actions">
        <Button variant="secondary" onPress={onClose}>
          {t('app.cancel')}
        </Button>
        <Button type="submit" isDisabled={!chosen}>
          {widget ? t('dashboards.form.submitEdit') : t('dashboards.form.submitAdd')}
        </Button>
      </div>
    </form>
  );
}
