import {
  type CaseStage,
  caseStages,
  SMALL_CELL_THRESHOLD,
  STAGE_LABELS,
  type SuppressedCount,
  suppressedShare,
  suppressSmall,
} from '@lakou/domain/circles';
import type { ReportFilters } from '../model/filters.ts';
import { kpisOf } from '../model/kpis.ts';
import {
  centreChart,
  periodChart,
  periodSeries,
  reportHeader,
  reportPeriods,
} from '../model/period-series.ts';
import { bucketLabel } from '../model/periods.ts';
import type { ChartModel, Kpi, Note, ReportModel, TableModel } from '../model/report.ts';
import { byCentreTable } from '../model/tables.ts';

/**
 * The restorative circles report, for the board: counts only, and every count from 1 to 4 hidden
 * (small-cell suppression, `@lakou/domain/circles`) so that nobody can be singled out. A table
 * shows « < 5 »; a chart leaves the value out (null) and its note says why; a share or a median
 * over fewer than 5 cases is not shown at all.
 */

/** What the database counts for one period: never a case, only sums. */
export interface CirclesData {
  /** Cases open at some time in the period, by their stage today. */
  byStage: readonly { stage: CaseStage; cases: number }[];
  /** Per centre: cases open at some time in the period, opened and closed in it. */
  byCentre: readonly { centreId: string; active: number; opened: number; closed: number }[];
  /** Per bucket: cases opened, closed and abandoned. */
  perBucket: readonly { bucket: string; opened: number; closed: number; abandoned: number }[];
  /** Agreements evaluated in the period, and those done. */
  agreements: { evaluated: number; done: number };
  /** Cases closed in the period, and the median of their days from opening to closing. */
  closing: { closed: number; medianDays: number | null };
}

export interface CirclesInput {
  filters: ReportFilters;
  centres: readonly { id: string; name: string }[];
  current: CirclesData;
  previous: CirclesData | null;
}

/** What a table shows for a count: the count, or « < 5 ». */
export const cellOf = (count: number): SuppressedCount => suppressSmall(count);

/** What a chart or a key figure shows for a count: the count, or nothing (null) from 1 to 4. */
export const figureOf = (count: number): number | null => {
  const shown = suppressSmall(count);
  return shown === '< 5' ? null : shown;
};

/** A median over `n` cases, shown only from 5 cases on, to a tenth of a day. */
export const medianFigure = (n: number, median: number | null): number | null =>
  n < SMALL_CELL_THRESHOLD || median === null ? null : Math.round(median * 10) / 10;

/**
 * A total, shown only when none of the counts it sums is hidden: otherwise the total minus the
 * counts shown would give a hidden one away (« 12 cases, 9 at Alpha » tells Beta has 3).
 */
export function totalFigure(total: number, parts: readonly number[]): number | null {
  const hidden = parts.some((n) => n >= 1 && n < SMALL_CELL_THRESHOLD);
  return hidden ? null : figureOf(total);
}

const sum = (xs: readonly number[]) => xs.reduce((s, n) => s + n, 0);

/** The key figures of one period, each already hidden when it must be. */
function totals(d: CirclesData) {
  const stageCounts = d.byStage.map((r) => r.cases);
  return {
    active: totalFigure(sum(stageCounts), [...stageCounts, ...d.byCentre.map((r) => r.active)]),
    opened: totalFigure(sum(d.perBucket.map((r) => r.opened)), [
      ...d.perBucket.map((r) => r.opened),
      ...d.byCentre.map((r) => r.opened),
    ]),
    closed: totalFigure(sum(d.perBucket.map((r) => r.closed)), [
      ...d.perBucket.map((r) => r.closed),
      ...d.byCentre.map((r) => r.closed),
    ]),
    doneShare: suppressedShare(d.agreements.done, d.agreements.evaluated),
    medianDays: medianFigure(d.closing.closed, d.closing.medianDays),
  };
}

export const CIRCLES_NOTES: Note[] = [
  {
    term: '« < 5 »',
    definition: `Tout nombre de 1 à ${SMALL_CELL_THRESHOLD - 1} est masqué pour que personne ne puisse être reconnu : les tableaux affichent « < 5 », les graphiques et les chiffres clés laissent la valeur vide. Zéro reste affiché. Un total (chiffre clé) n’est affiché que si aucun des nombres qu’il additionne (par étape, par centre, par période) n’est masqué : sinon la différence trahirait le nombre masqué.`,
  },
  {
    term: 'Cas suivis',
    definition:
      'Les cas ouverts à un moment de la période (ouverts avant sa fin, et pas clos ni abandonnés avant son début), par leur étape d’aujourd’hui.',
  },
  {
    term: 'Ouverts, clos, abandonnés',
    definition:
      'Les cas ouverts, clos (après le post-cercle) ou abandonnés dans la période, au jour local (heure de Cayenne).',
  },
  {
    term: 'Engagements tenus',
    definition: `Engagements évalués « tenus » ÷ engagements évalués dans la période (date d’évaluation, à défaut date d’échéance). Non affiché sous ${SMALL_CELL_THRESHOLD} engagements évalués.`,
  },
  {
    term: 'Délai médian',
    definition: `La médiane des jours entre l’ouverture et la clôture des cas clos dans la période (abandons exclus). Non affichée sous ${SMALL_CELL_THRESHOLD} cas clos.`,
  },
];

const stageLabel = (s: CaseStage) =>
  STAGE_LABELS[s].charAt(0).toUpperCase() + STAGE_LABELS[s].slice(1);

export function circlesReport(input: CirclesInput): ReportModel {
  const periods = reportPeriods(input.filters);
  const { buckets } = periods;
  const previous = periods.comparison ? input.previous : null;

  const now = totals(input.current);
  const before = previous ? totals(previous) : null;
  const perBucket = new Map(input.current.perBucket.map((r) => [r.bucket, r]));
  const previousPerBucket = previous ? new Map(previous.perBucket.map((r) => [r.bucket, r])) : null;
  const perCentre = new Map(input.current.byCentre.map((r) => [r.centreId, r]));
  const stageCount = new Map(input.current.byStage.map((r) => [r.stage, r.cases]));
  const previousStageCount = previous
    ? new Map(previous.byStage.map((r) => [r.stage, r.cases]))
    : null;

  const kpi = kpisOf(now, before);
  const kpis: Kpi[] = [
    kpi(
      'activeCases',
      'Cas suivis',
      'count',
      (t) => t.active,
      'Les cas ouverts à un moment de la période ; vide de 1 à 4, ou quand l’un des nombres qui le composent est masqué.',
    ),
    kpi(
      'openedCases',
      'Cas ouverts',
      'count',
      (t) => t.opened,
      'Les cas ouverts dans la période ; vide de 1 à 4, ou quand l’un des nombres qui le composent est masqué.',
    ),
    kpi(
      'closedCases',
      'Cas clos',
      'count',
      (t) => t.closed,
      'Les cas clos dans la période ; vide de 1 à 4, ou quand l’un des nombres qui le composent est masqué.',
    ),
    kpi(
      'agreementsDoneShare',
      'Engagements tenus',
      'ratio',
      (t) => t.doneShare,
      `Engagements tenus ÷ engagements évalués ; non affiché sous ${SMALL_CELL_THRESHOLD} évalués.`,
    ),
    kpi(
      'medianDaysToClose',
      'Délai médian (jours)',
      'count',
      (t) => t.medianDays,
      `De l’ouverture à la clôture, cas clos dans la période ; non affiché sous ${SMALL_CELL_THRESHOLD} cas.`,
    ),
  ];

  const bucketSeries = (key: 'opened' | 'closed' | 'abandoned', label: string) =>
    periodSeries(periods, key, label, perBucket, previousPerBucket, (r) => figureOf(r?.[key] ?? 0));

  const charts: ChartModel[] = [
    periodChart(
      periods,
      'cases-per-period',
      'Cas ouverts, clos et abandonnés (valeurs de 1 à 4 masquées)',
      'bar',
      'count',
      [
        bucketSeries('opened', 'Ouverts'),
        bucketSeries('closed', 'Clos'),
        bucketSeries('abandoned', 'Abandonnés'),
      ],
    ),
    {
      id: 'cases-by-stage',
      title: 'Cas suivis par étape (valeurs de 1 à 4 masquées)',
      kind: 'bar',
      unit: 'count',
      axis: 'category',
      buckets: [...caseStages],
      bucketLabels: caseStages.map(stageLabel),
      series: [
        {
          key: 'cases',
          label: 'Cas suivis',
          values: caseStages.map((s) => figureOf(stageCount.get(s) ?? 0)),
          ...(previousStageCount
            ? { previous: caseStages.map((s) => figureOf(previousStageCount.get(s) ?? 0)) }
            : {}),
        },
      ],
    },
    centreChart(
      input.centres,
      'cases-by-centre',
      'Cas suivis par centre (valeurs de 1 à 4 masquées)',
      'count',
      [
        {
          key: 'cases',
          label: 'Cas suivis',
          values: input.centres.map((c) => figureOf(perCentre.get(c.id)?.active ?? 0)),
        },
      ],
    ),
  ];

  const byStage: TableModel = {
    id: 'by-stage',
    title: 'Cas suivis par étape',
    columns: [
      { key: 'stage', label: 'Étape', unit: 'text' },
      { key: 'cases', label: 'Cas suivis', unit: 'count' },
    ],
    rows: caseStages.map((s) => ({
      cells: { stage: stageLabel(s), cases: cellOf(stageCount.get(s) ?? 0) },
    })),
  };
  const byCentre = byCentreTable(
    input.centres,
    [
      { key: 'active', label: 'Cas suivis', unit: 'count' },
      { key: 'opened', label: 'Ouverts', unit: 'count' },
      { key: 'closed', label: 'Clos', unit: 'count' },
    ],
    (id) => {
      const r = perCentre.get(id);
      return {
        active: cellOf(r?.active ?? 0),
        opened: cellOf(r?.opened ?? 0),
        closed: cellOf(r?.closed ?? 0),
      };
    },
  );
  const byPeriod: TableModel = {
    id: 'by-period',
    title: 'Par période',
    columns: [
      { key: 'period', label: 'Période', unit: 'text' },
      { key: 'opened', label: 'Ouverts', unit: 'count' },
      { key: 'closed', label: 'Clos', unit: 'count' },
      { key: 'abandoned', label: 'Abandonnés', unit: 'count' },
    ],
    rows: buckets.map((b) => {
      const r = perBucket.get(b);
      return {
        cells: {
          period: bucketLabel(b),
          opened: cellOf(r?.opened ?? 0),
          closed: cellOf(r?.closed ?? 0),
          abandoned: cellOf(r?.abandoned ?? 0),
        },
      };
    }),
  };

  return {
    report: 'circles',
    title: 'Cercles restauratifs',
    ...reportHeader(periods, input.centres),
    kpis,
    charts,
    tables: [byStage, byCentre, byPeriod],
    notes: CIRCLES_NOTES,
  };
}
