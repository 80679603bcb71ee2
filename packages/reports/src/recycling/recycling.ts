import {
  type IndicatorMovement,
  type Indicators,
  indicatorsOf,
  type Measurement,
  type Treatment,
} from '@lakou/domain/circular';
import type { ReportFilters } from '../model/filters.ts';
import { kpisOf } from '../model/kpis.ts';
import { periodChart, periodSeries, reportHeader, reportPeriods } from '../model/period-series.ts';
import type { ChartModel, Column, Note, ReportModel, Row, TableModel } from '../model/report.ts';
import { byCentreTable } from '../model/tables.ts';

/**
 * The recycling report: tonnage collected, reused, recycled, energy-recovered and disposed, the
 * rates and the weighed share, per period bucket, centre and stream. The rates are NOT defined
 * here: every figure is the domain's `indicatorsOf` (packages/domain/src/circular/indicators.ts)
 * applied to masses the database has summed, so the report gives the same figures as
 * GET /api/circular/indicators.
 */

/** Which grouping an aggregate row belongs to (a SQL grouping set). */
export const recyclingSets = ['total', 'bucket', 'centre', 'stream'] as const;
export type RecyclingSet = (typeof recyclingSets)[number];

/**
 * One sum of the database: the masses of one kind of movement (with its measurement, and for a
 * shipment its treatment and operation code) over the whole period (`total`), or per bucket,
 * centre or stream. Compost batches are `compost` movements (organic recycling on site).
 */
export interface RecyclingRow {
  set: RecyclingSet;
  /** The group's key: a bucket key (`periods.ts`), a centre id or a stream id; null for `total`. */
  key: string | null;
  kind: IndicatorMovement['kind'];
  measurement: Measurement;
  treatment: Treatment | null;
  operationCode: string | null;
  grams: number;
}

/** Collected (inflow) mass per bucket and stream, or per bucket and centre. */
export interface CollectedRow {
  bucket: string;
  streamId: string | null;
  centreId: string | null;
  grams: number;
}

export interface RecyclingData {
  rows: readonly RecyclingRow[];
  collected: readonly CollectedRow[];
}

export interface RecyclingInput {
  filters: ReportFilters;
  /** The centres covered, in display order. */
  centres: readonly { id: string; name: string }[];
  /** The streams that may appear, in display order (the filtered ones when `streamIds` is set). */
  streams: readonly { id: string; name: string }[];
  current: RecyclingData;
  /** The comparison period's sums, when `filters.compare` is not `none`. */
  previous: RecyclingData | null;
}

/** A sum handed back to the domain as one movement, so its rate definitions apply unchanged. */
function movementOf(r: RecyclingRow): IndicatorMovement {
  const base = {
    occurredOn: '',
    centreId: '',
    streamId: '',
    grams: r.grams,
    measurement: r.measurement,
  };
  if (r.kind === 'outflow')
    return {
      ...base,
      kind: 'outflow',
      treatment: r.treatment ?? 'disposal',
      operationCode: r.operationCode,
    };
  return { ...base, kind: r.kind };
}

/** The indicators of each group of one grouping set. */
export function indicatorsPerKey(
  rows: readonly RecyclingRow[],
  set: RecyclingSet,
): Map<string, Indicators> {
  const groups = new Map<string, IndicatorMovement[]>();
  for (const r of rows) {
    if (r.set !== set) continue;
    const key = r.key ?? '';
    const list = groups.get(key);
    if (list) list.push(movementOf(r));
    else groups.set(key, [movementOf(r)]);
  }
  return new Map([...groups].map(([k, ms]) => [k, indicatorsOf(ms)]));
}

/** The indicators over the whole period. */
export function totalIndicators(rows: readonly RecyclingRow[]): Indicators {
  return indicatorsOf(rows.filter((r) => r.set === 'total').map(movementOf));
}

const EMPTY = indicatorsOf([]);

type MassKey =
  | 'collectedGrams'
  | 'reusedGrams'
  | 'recycledGrams'
  | 'energyRecoveredGrams'
  | 'disposedGrams'
  | 'pendingGrams';
type RateKey = 'reuseRate' | 'recyclingRate' | 'valorisationRate' | 'weighedShare';

const MASSES: { key: MassKey; label: string; definition: string }[] = [
  {
    key: 'collectedGrams',
    label: 'Tonnage collecté',
    definition: 'La somme des entrées (collectes, dépôts, dons en nature, jardins).',
  },
  {
    key: 'reusedGrams',
    label: 'Réemployé',
    definition:
      'Les objets remis en circulation par les centres, plus les expéditions vers le réemploi.',
  },
  {
    key: 'recycledGrams',
    label: 'Recyclé',
    definition:
      'Les expéditions vers une opération finale de recyclage (R2 à R11), plus les biodéchets compostés sur place.',
  },
  {
    key: 'energyRecoveredGrams',
    label: 'Valorisé en énergie',
    definition: 'Les expéditions vers l’opération R1 (valorisation énergétique).',
  },
  {
    key: 'disposedGrams',
    label: 'Éliminé',
    definition: 'Les expéditions vers une opération finale d’élimination (D1 à D12, hors D9).',
  },
];
const PENDING = {
  key: 'pendingGrams' as const,
  label: 'En attente de traitement final',
  definition:
    'Les expéditions vers une opération intermédiaire (R12, R13, D9, D13 à D15), dont le traitement final n’est pas encore connu ; laissées hors des taux.',
};

const RATES: { key: RateKey; label: string; definition: string }[] = [
  {
    key: 'reuseRate',
    label: 'Taux de réemploi',
    definition:
      'Réemployé ÷ traité (traité = réemployé + recyclé + valorisé en énergie + éliminé).',
  },
  {
    key: 'recyclingRate',
    label: 'Taux de recyclage',
    definition:
      '(Réemployé + recyclé) ÷ traité : le réemploi compte comme matière maintenue en usage.',
  },
  {
    key: 'valorisationRate',
    label: 'Taux de valorisation',
    definition:
      '(Réemployé + recyclé + valorisé en énergie) ÷ traité : valorisation matière et énergie.',
  },
  {
    key: 'weighedShare',
    label: 'Part pesée',
    definition: 'Masse entrée pesée sur une balance ÷ tonnage collecté ; le reste est estimé.',
  },
];

const NOTES: Note[] = [
  ...MASSES.map((m) => ({ term: m.label, definition: m.definition })),
  { term: PENDING.label, definition: PENDING.definition },
  {
    term: 'Traité',
    definition: 'Réemployé + recyclé + valorisé en énergie + éliminé (hors masses en attente).',
  },
  ...RATES.map((r) => ({ term: r.label, definition: r.definition })),
  {
    term: 'Taux d’élimination',
    definition: 'Éliminé ÷ traité = 1 − taux de valorisation.',
  },
  {
    term: 'Taux sans objet',
    definition:
      'Un taux est laissé vide (et non à 0 %) quand rien n’a été traité, ou rien collecté pour la part pesée.',
  },
];

export function recyclingReport(input: RecyclingInput): ReportModel {
  const { filters } = input;
  const periods = reportPeriods(filters);
  const { buckets } = periods;
  const previous = periods.comparison ? input.previous : null;

  const total = totalIndicators(input.current.rows);
  const previousTotal = previous ? totalIndicators(previous.rows) : null;
  const perBucket = indicatorsPerKey(input.current.rows, 'bucket');
  const previousPerBucket = previous ? indicatorsPerKey(previous.rows, 'bucket') : null;
  const perCentre = indicatorsPerKey(input.current.rows, 'centre');
  const perStream = indicatorsPerKey(input.current.rows, 'stream');

  const kpi = kpisOf(total, previousTotal);
  const kpis = [...MASSES, ...RATES].map((f) =>
    kpi(f.key, f.label, f.key.endsWith('Grams') ? 'grams' : 'ratio', (t) => t[f.key], f.definition),
  );

  const seriesOf = (key: MassKey | RateKey, label: string) =>
    periodSeries(periods, key, label, perBucket, previousPerBucket, (i) => (i ?? EMPTY)[key]);

  const collectedBy = (
    by: 'streamId' | 'centreId',
    named: readonly { id: string; name: string }[],
  ) => {
    const sums = new Map<string, Map<string, number>>();
    for (const r of input.current.collected) {
      const id = r[by];
      if (id === null) continue;
      const perBucketSum = sums.get(id) ?? new Map<string, number>();
      perBucketSum.set(r.bucket, (perBucketSum.get(r.bucket) ?? 0) + r.grams);
      sums.set(id, perBucketSum);
    }
    return named
      .filter((n) => sums.has(n.id))
      .map((n) => ({
        key: n.id,
        label: n.name,
        values: buckets.map((b) => sums.get(n.id)?.get(b) ?? 0),
      }));
  };

  const charts: ChartModel[] = [
    periodChart(
      periods,
      'tonnage',
      'Tonnage collecté et devenir des matières',
      'bar',
      'grams',
      MASSES.map((m) => seriesOf(m.key, m.label)),
    ),
    periodChart(
      periods,
      'rates',
      'Taux de réemploi, de recyclage et de valorisation',
      'line',
      'ratio',
      RATES.filter((r) => r.key !== 'weighedShare').map((r) => seriesOf(r.key, r.label)),
    ),
    periodChart(
      periods,
      'collected-by-stream',
      'Tonnage collecté par flux',
      'stacked-bar',
      'grams',
      collectedBy('streamId', input.streams),
    ),
    periodChart(
      periods,
      'collected-by-centre',
      'Tonnage collecté par centre',
      'stacked-bar',
      'grams',
      collectedBy('centreId', input.centres),
    ),
    periodChart(periods, 'measurement', 'Masses pesées et estimées', 'stacked-bar', 'grams', [
      {
        key: 'weighedGrams',
        label: 'Pesé',
        values: buckets.map((b) => (perBucket.get(b) ?? EMPTY).weighedGrams),
      },
      {
        key: 'estimatedGrams',
        label: 'Estimé',
        values: buckets.map((b) => (perBucket.get(b) ?? EMPTY).estimatedGrams),
      },
    ]),
  ];

  const figureColumns: Column[] = [
    ...[...MASSES, PENDING].map((m) => ({ key: m.key, label: m.label, unit: 'grams' as const })),
    ...RATES.map((r) => ({ key: r.key, label: r.label, unit: 'ratio' as const })),
  ];
  const figureCells = (i: Indicators): Row['cells'] => {
    const cells: Row['cells'] = {};
    for (const m of [...MASSES, PENDING]) cells[m.key] = i[m.key];
    for (const r of RATES) cells[r.key] = i[r.key];
    return cells;
  };

  const byCentre = byCentreTable(
    input.centres,
    figureColumns,
    (id) => figureCells(perCentre.get(id) ?? EMPTY),
    figureCells(total),
  );
  const streamFilter = new Set(filters.streamIds);
  const byStream: TableModel = {
    id: 'by-stream',
    title: 'Par flux de matières',
    columns: [{ key: 'stream', label: 'Flux', unit: 'text' }, ...figureColumns],
    rows: input.streams
      .filter((s) => perStream.has(s.id) || streamFilter.has(s.id))
      .map((s) => ({
        cells: { stream: s.name, ...figureCells(perStream.get(s.id) ?? EMPTY) },
        drill: { streamId: s.id },
      })),
    totals: { stream: 'Total', ...figureCells(total) },
  };

  return {
    report: 'recycling',
    title: 'Recyclage et réemploi',
    ...reportHeader(periods, input.centres),
    kpis,
    charts,
    tables: [byCentre, byStream],
    notes: NOTES,
  };
}
