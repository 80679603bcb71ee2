import { chartAsTable, chartConfig, chartFormatter, chartLabels } from '@lakou/reports/chart';
import type { ChartKind, ChartModel } from '@lakou/reports/model';
import { Button } from '@lakou/ui/button';
import type { ChartConfiguration, Chart as ChartJs } from 'chart.js';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportTable } from './ReportTable.tsx';

/*
 * chart.js is loaded on demand, the first time a chart is drawn, so no other page of the hub
 * downloads it; only the pieces the report charts use are registered (no title plugin: the
 * chart's title is the heading above it).
 */
let chartJs: Promise<typeof ChartJs> | undefined;
function loadChartJs(): Promise<typeof ChartJs> {
  chartJs ??= import('chart.js').then((m) => {
    m.Chart.register(
      m.LineController,
      m.BarController,
      m.DoughnutController,
      m.LineElement,
      m.PointElement,
      m.BarElement,
      m.ArcElement,
      m.CategoryScale,
      m.LinearScale,
      m.Legend,
      m.Tooltip,
    );
    return m.Chart;
  });
  return chartJs;
}

function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/** What a screen reader hears for the canvas: the kind, the title, the span, each series in a sentence. */
function useChartSummary(chart: ChartModel, kind: ChartKind): string {
  const { t } = useTranslation();
  const labels = chartLabels(chart);
  const format = chartFormatter(chart);
  // A line draws a level (a balance) that must not be summed: it is read at its last point.
  const series = chart.series
    .map((s) => {
      if (kind === 'line') {
        const last = [...s.values].reverse().find((v) => v !== null) ?? null;
        return t('reports.chart.seriesLast', { label: s.label, last: format(last) });
      }
      const total = s.values.reduce<number | null>(
        (sum, v) => (v === null ? sum : (sum ?? 0) + v),
        null,
      );
      return t('reports.chart.seriesTotal', { label: s.label, total: format(total) });
    })
    .join(' ; ');
  return t('reports.chart.summary', {
    kind: t(`reports.chart.kinds.${kind}`),
    title: chart.title,
    count: labels.length,
    first: labels[0] ?? '',
    last: labels.at(-1) ?? '',
    series,
  });
}

function ChartCanvas({
  chart,
  kind,
  label,
}: {
  chart: ChartModel;
  kind: ChartKind;
  label: string;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');
  useEffect(() => {
    let cancelled = false;
    let instance: ChartJs | undefined;
    setState('loading');
    loadChartJs()
      .then((Chart) => {
        if (cancelled || !canvas.current) return;
        const config = chartConfig(chart, { kind, reducedMotion: prefersReducedMotion() });
        instance = new Chart(canvas.current, config as ChartConfiguration);
        setState('drawn');
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
      instance?.destroy();
    };
  }, [chart, kind]);
  return (
    <div className="hub-report-chart__canvas" data-state={state}>
      <canvas ref={canvas} role="img" aria-label={label} />
      {state === 'loading' ? (
        <p className="hub-report-chart__status" role="status">
          {t('reports.chart.loading')}
        </p>
      ) : state === 'failed' ? (
        <p className="hub-report-chart__status">{t('reports.chart.failed')}</p>
      ) : null}
    </div>
  );
}

export interface ReportChartProps {
  chart: ChartModel;
  /** Draw the chart as another kind than the model's (a widget's choice). */
  kind?: ChartKind | undefined;
  /** The heading level of the chart's title, to fit the page's outline. Default 3. */
  headingLevel?: 2 | 3 | 4;
  /** Show the data table from the start (it is always printed). */
  tableOpen?: boolean;
}

/**
 * A report chart and its accessible alternative: the canvas (role img, named by a summary of
 * what it draws) and, behind a toggle, the same figures as a real table — the table is the
 * source a screen reader or a printed page relies on.
 */
export function ReportChart({
  chart,
  kind,
  headingLevel = 3,
  tableOpen = false,
}: ReportChartProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(tableOpen);
  const titleId = useId();
  const tableId = useId();
  const drawn = kind ?? chart.kind;
  const summary = useChartSummary(chart, drawn);
  const Heading = `h${headingLevel}` as const;
  const empty = chart.buckets.length === 0 || chart.series.length === 0;
  return (
    <section className="hub-report-chart" aria-labelledby={titleId}>
      <Heading id={titleId} className="hub-report-chart__title">
        {chart.title}
      </Heading>
      {empty ? (
        <p className="hub-note">{t('reports.chart.empty')}</p>
      ) : (
        <>
          <ChartCanvas chart={chart} kind={drawn} label={summary} />
          <Button
            variant="secondary"
            size="small"
            aria-expanded={open}
            aria-controls={tableId}
            onPress={() => setOpen((o) => !o)}
          >
            {open ? t('reports.chart.hideTable') : t('reports.chart.showTable')}
          </Button>
          <div id={tableId} className="hub-report-chart__data" hidden={!open}>
            <ReportTable table={chartAsTable(chart)} />
          </div>
        </>
      )}
    </section>
  );
}
