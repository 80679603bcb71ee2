import {
  HARVEST_DESTINATION_LABELS,
  type HarvestDestination,
  harvestDestinations,
} from '@lakou/domain/gardens';
import type { ReportFilters } from '../model/filters.ts';
import { kpisOf } from '../model/kpis.ts';
import {
  centreChart,
  periodChart,
  periodSeries,
  reportHeader,
  reportPeriods,
} from '../model/period-series.ts';
import type {
  ChartModel,
  Column,
  Kpi,
  Note,
  ReportModel,
  Row,
  TableModel,
} from '../model/report.ts';
import { byCentreTable } from '../model/tables.ts';

/**
 * The shared gardens report: what was harvested (grams), by centre, crop and destination, per
 * period bucket; the share given to collective distribution and the solidarity grocery; the plots
 * held and the gardeners holding them over the period.
 */

/** Which grouping a harvest sum belongs to (a SQL grouping set). */
export const harvestSets = ['total', 'bucket', 'centre', 'crop'] as const;
export type HarvestSet = (typeof harvestSets)[number];

/**
 * One sum of the database: the harvests of one destination over the period (`total`), or per
 * bucket, centre or crop. `grams` sums the weighed harvests; `harvests` counts them all,
 * `countedOnly` those counted in bunches or crates without a mass.
 */
export interface HarvestRow {
  set: HarvestSet;
  /** A bucket key, a centre id, or a crop's key (its name in lower case); null for `total`. */
  key: string | null;
  /** For `crop`: the crop's name as written. */
  label: string | null;
  destination: HarvestDestination;
  grams: number;
  harvests: number;
  countedOnly: number;
}

/** Plots held over the period and the gardeners holding them, per centre and overall (`centreId` null). */
export interface GardenActivityRow {
  centreId: string | null;
  plots: number;
  gardeners: number;
}

export interface GardensData {
  harvests: readonly HarvestRow[];
  activity: readonly GardenActivityRow[];
}

export interface GardensInput {
  filters: ReportFilters;
  centres: readonly { id: string; name: string }[];
  current: GardensData;
  previous: GardensData | null;
}

/** Destinations that feed people beyond the gardener: the solidarity share. */
export const SOLIDARITY_DESTINATIONS: readonly HarvestDestination[] = [
  'collective_distribution',
  'solidarity_grocery',
];

interface Totals {
  grams: number;
  byDestination: Record<HarvestDestination, number>;
  harvests: number;
  countedOnly: number;
}

const emptyTotals = (): Totals => ({
  grams: 0,
  byDestination: { gardener: 0, collective_distribution: 0, market: 0, solidarity_grocery: 0 },
  harvests: 0,
  countedOnly: 0,
});

/** The sums per key of one grouping set (destinations side by side). */
export function harvestTotalsPerKey(
  rows: readonly HarvestRow[],
  set: HarvestSet,
): Map<string, Totals & { label: string | null }> {
  const out = new Map<string, Totals & { label: string | null }>();
  for (const r of rows) {
    if (r.set !== set) continue;
    const key = r.key ?? '';
    const t = out.get(key) ?? { ...emptyTotals(), label: r.label };
    t.grams += r.grams;
    t.byDestination[r.destination] += r.grams;
    t.harvests += r.harvests;
    t.countedOnly += r.countedOnly;
    out.set(key, t);
  }
  return out;
}

/** Collective distribution + solidarity grocery ÷ harvested grams; null when nothing was weighed. */
export function solidarityShare(t: Totals): number | null {
  if (t.grams === 0) return null;
  return SOLIDARITY_DESTINATIONS.reduce((s, d) => s + t.byDestination[d], 0) / t.grams;
}

function overall(data: GardensData) {
  const totals = harvestTotalsPerKey(data.harvests, 'total').get('') ?? {
    ...emptyTotals(),
    label: null,
  };
  const activity = data.activity.find((a) => a.centreId === null) ?? {
    centreId: null,
    plots: 0,
    gardeners: 0,
  };
  return { totals, activity };
}

const NOTES: Note[] = [
  {
    term: 'Récolté',
    definition:
      'La somme des masses pesées des récoltes de la période (date de récolte), en grammes. Les récoltes comptées sans masse (bottes, paniers, cagettes) sont comptées dans le nombre de récoltes mais pas dans la masse.',
  },
  {
    term: 'Part solidaire',
    definition:
      '(Distribution collective + épicerie solidaire) ÷ masse récoltée ; laissée vide quand rien n’a été pesé.',
  },
  {
    term: 'Parcelles attribuées',
    definition:
      'Les parcelles tenues par un jardinier ou une jardinière pendant au moins un jour de la période.',
  },
  {
    term: 'Jardiniers actifs',
    definition:
      'Les personnes qui tiennent au moins une parcelle pendant au moins un jour de la période.',
  },
  {
    term: 'Culture',
    definition:
      'Le nom de la culture tel qu’il est saisi ; les noms ne diffèrent que par les majuscules ou les espaces sont regroupés.',
  },
];

export function gardensReport(input: GardensInput): ReportModel {
  const periods = reportPeriods(input.filters);
  const previous = periods.comparison ? input.previous : null;

  const now = overall(input.current);
  const before = previous ? overall(previous) : null;
  const perBucket = harvestTotalsPerKey(input.current.harvests, 'bucket');
  const previousPerBucket = previous ? harvestTotalsPerKey(previous.harvests, 'bucket') : null;
  const perCentre = harvestTotalsPerKey(input.current.harvests, 'centre');
  const perCrop = harvestTotalsPerKey(input.current.harvests, 'crop');
  const activityOf = new Map(
    input.current.activity.filter((a) => a.centreId !== null).map((a) => [a.centreId, a]),
  );

  const kpi = kpisOf(now, before);
  const kpis: Kpi[] = [
    kpi(
      'harvestedGrams',
      'Récolté',
      'grams',
      (o) => o.totals.grams,
      'La masse pesée des récoltes de la période.',
    ),
    kpi(
      'solidarityShare',
      'Part solidaire',
      'ratio',
      (o) => solidarityShare(o.totals),
      '(Distribution collective + épicerie solidaire) ÷ masse récoltée.',
    ),
    kpi(
      'harvests',
      'Récoltes',
      'count',
      (o) => o.totals.harvests,
      'Le nombre de récoltes saisies, pesées ou comptées.',
    ),
    kpi(
      'activePlots',
      'Parcelles attribuées',
      'count',
      (o) => o.activity.plots,
      'Les parcelles tenues au moins un jour de la période.',
    ),
    kpi(
      'activeGardeners',
      'Jardiniers actifs',
      'count',
      (o) => o.activity.gardeners,
      'Les personnes qui tiennent une parcelle au moins un jour de la période.',
    ),
  ];

  const charts: ChartModel[] = [
    periodChart(
      periods,
      'harvest-by-destination',
      'Récoltes par destination',
      'stacked-bar',
      'grams',
      harvestDestinations.map((d) =>
        periodSeries(
          periods,
          d,
          HARVEST_DESTINATION_LABELS[d],
          perBucket,
          previousPerBucket,
          (t) => t?.byDestination[d] ?? 0,
        ),
      ),
    ),
    {
      id: 'destinations',
      title: 'Destination des récoltes',
      kind: 'doughnut',
      unit: 'grams',
      axis: 'category',
      buckets: [...harvestDestinations],
      bucketLabels: harvestDestinations.map((d) => HARVEST_DESTINATION_LABELS[d]),
      series: [
        {
          key: 'harvestedGrams',
          label: 'Récolté',
          values: harvestDestinations.map((d) => now.totals.byDestination[d]),
        },
      ],
    },
    centreChart(input.centres, 'harvest-by-centre', 'Récoltes par centre', 'grams', [
      {
        key: 'harvestedGrams',
        label: 'Récolté',
        values: input.centres.map((c) => perCentre.get(c.id)?.grams ?? 0),
      },
    ]),
  ];

  const destinationColumns: Column[] = harvestDestinations.map((d) => ({
    key: d,
    label: HARVEST_DESTINATION_LABELS[d],
    unit: 'grams',
  }));
  const massCells = (t: Totals): Row['cells'] => {
    const cells: Row['cells'] = { harvestedGrams: t.grams };
    for (const d of harvestDestinations) cells[d] = t.byDestination[d];
    cells.solidarityShare = solidarityShare(t);
    cells.harvests = t.harvests;
    return cells;
  };
  const massColumns: Column[] = [
    { key: 'harvestedGrams', label: 'Récolté', unit: 'grams' },
    ...destinationColumns,
    { key: 'solidarityShare', label: 'Part solidaire', unit: 'ratio' },
    { key: 'harvests', label: 'Récoltes', unit: 'count' },
  ];

  const byCentre = byCentreTable(
    input.centres,
    [
      ...massColumns,
      { key: 'activePlots', label: 'Parcelles attribuées', unit: 'count' },
      { key: 'activeGardeners', label: 'Jardiniers actifs', unit: 'count' },
    ],
    (id) => ({
      ...massCells(perCentre.get(id) ?? emptyTotals()),
      activePlots: activityOf.get(id)?.plots ?? 0,
      activeGardeners: activityOf.get(id)?.gardeners ?? 0,
    }),
    {
      ...massCells(now.totals),
      activePlots: now.activity.plots,
      activeGardeners: now.activity.gardeners,
    },
  );

  const crops = [...perCrop.entries()].sort(
    ([ka, a], [kb, b]) => b.grams - a.grams || b.harvests - a.harvests || ka.localeCompare(kb),
  );
  const byCrop: TableModel = {
    id: 'by-crop',
    title: 'Par culture',
    columns: [{ key: 'crop', label: 'Culture', unit: 'text' }, ...massColumns],
    rows: crops.map(([key, t]) => ({ cells: { crop: t.label ?? key, ...massCells(t) } })),
    totals: { crop: 'Total', ...massCells(now.totals) },
  };

  return {
    report: 'gardens',
    title: 'Jardins partagés',
    ...reportHeader(periods, input.centres),
    kpis,
    charts,
    tables: [byCentre, byCrop],
    notes: NOTES,
  };
}
