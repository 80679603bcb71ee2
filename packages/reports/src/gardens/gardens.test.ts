import { type HarvestDestination, harvestTotals } from '@lakou/domain/gardens';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ReportFilters, reportModel } from '../model/index.ts';
import { bucketOf } from '../model/periods.ts';
import { type GardenActivityRow, gardensReport, type HarvestRow } from './gardens.ts';

const VC = '00000000-0000-4000-8000-00000000000a';
const KO = '00000000-0000-4000-8000-00000000000b';
const centres = [
  { id: VC, name: 'Village Chinois' },
  { id: KO, name: 'Kourou' },
];

interface Harvest {
  on: string;
  centreId: string;
  crop: string;
  grams: number | null;
  destination: HarvestDestination;
}

/** What the SQL does, the plain way: sums per set and destination. */
function sums(hs: readonly Harvest[], filters: ReportFilters): HarvestRow[] {
  const rows = new Map<string, HarvestRow>();
  const add = (set: HarvestRow['set'], key: string | null, label: string | null, h: Harvest) => {
    const id = [set, key, h.destination].join('|');
    const r = rows.get(id) ?? {
      set,
      key,
      label,
      destination: h.destination,
      grams: 0,
      harvests: 0,
      countedOnly: 0,
    };
    r.grams += h.grams ?? 0;
    r.harvests += 1;
    r.countedOnly += h.grams === null ? 1 : 0;
    rows.set(id, r);
  };
  for (const h of hs) {
    add('total', null, null, h);
    add('bucket', bucketOf(h.on, filters.granularity), null, h);
    add('centre', h.centreId, null, h);
    add('crop', h.crop.trim().toLowerCase(), h.crop.trim(), h);
  }
  return [...rows.values()];
}

/**
 * March: VC tomatoes 4 000 to the gardener, 6 000 to the solidarity grocery; KO dasheen 5 000
 * to collective distribution. April: VC tomatoes 3 000 at the market, a bunch of herbs (no mass)
 * to the gardener. Harvested 18 000 g; solidarity share (6 000 + 5 000) / 18 000.
 */
const HARVESTS: Harvest[] = [
  { on: '2026-03-05', centreId: VC, crop: 'Tomates', grams: 4_000, destination: 'gardener' },
  {
    on: '2026-03-12',
    centreId: VC,
    crop: 'tomates ',
    grams: 6_000,
    destination: 'solidarity_grocery',
  },
  {
    on: '2026-03-20',
    centreId: KO,
    crop: 'Dachine',
    grams: 5_000,
    destination: 'collective_distribution',
  },
  { on: '2026-04-02', centreId: VC, crop: 'Tomates', grams: 3_000, destination: 'market' },
  { on: '2026-04-09', centreId: VC, crop: 'Ciboulette', grams: null, destination: 'gardener' },
];
const ACTIVITY: GardenActivityRow[] = [
  { centreId: null, plots: 3, gardeners: 2 },
  { centreId: VC, plots: 2, gardeners: 1 },
  { centreId: KO, plots: 1, gardeners: 1 },
];

const filters = (over: Partial<ReportFilters> = {}): ReportFilters => ({
  from: '2026-03-01',
  to: '2026-04-30',
  centreIds: [],
  streamIds: [],
  granularity: 'month',
  compare: 'none',
  ...over,
});

describe('gardens report', () => {
  it('sums the harvests by destination, centre, crop and month, hand-computed', () => {
    const f = filters();
    const model = gardensReport({
      filters: f,
      centres,
      current: { harvests: sums(HARVESTS, f), activity: ACTIVITY },
      previous: null,
    });
    expect(reportModel.parse(model)).toEqual(model);
    const kpi = (key: string) => model.kpis.find((k) => k.key === key);
    expect(kpi('harvestedGrams')?.value).toBe(18_000);
    expect(kpi('solidarityShare')?.value).toBeCloseTo(11 / 18, 12);
    expect(kpi('harvests')?.value).toBe(5);
    expect(kpi('activePlots')?.value).toBe(3);
    expect(kpi('activeGardeners')?.value).toBe(2);

    const chart = model.charts.find((c) => c.id === 'harvest-by-destination');
    const series = (d: string) => chart?.series.find((s) => s.key === d)?.values;
    expect(chart?.bucketLabels).toEqual(['mars 2026', 'avril 2026']);
    expect(series('gardener')).toEqual([4_000, 0]);
    expect(series('solidarity_grocery')).toEqual([6_000, 0]);
    expect(series('collective_distribution')).toEqual([5_000, 0]);
    expect(series('market')).toEqual([0, 3_000]);
    expect(model.charts.find((c) => c.id === 'destinations')?.series[0]?.values).toEqual([
      4_000, 5_000, 3_000, 6_000,
    ]);
    expect(model.charts.find((c) => c.id === 'harvest-by-centre')?.series[0]?.values).toEqual([
      13_000, 5_000,
    ]);

    const byCentre = model.tables.find((t) => t.id === 'by-centre');
    expect(byCentre?.rows[0]).toMatchObject({
      cells: {
        centre: 'Village Chinois',
        harvestedGrams: 13_000,
        solidarity_grocery: 6_000,
        harvests: 4,
        activePlots: 2,
        activeGardeners: 1,
      },
      drill: { centreId: VC },
    });
    expect(byCentre?.rows[0]?.cells.solidarityShare).toBeCloseTo(6 / 13, 12);
    expect(byCentre?.rows[1]?.cells.solidarityShare).toBe(1);
    expect(byCentre?.totals).toMatchObject({ harvestedGrams: 18_000, activePlots: 3 });

    // « Tomates » and « tomates  » are one crop: 4 000 + 6 000 + 3 000; the herbs had no mass.
    const byCrop = model.tables.find((t) => t.id === 'by-crop');
    expect(byCrop?.rows.map((r) => [r.cells.crop, r.cells.harvestedGrams])).toEqual([
      ['Tomates', 13_000],
      ['Dachine', 5_000],
      ['Ciboulette', 0],
    ]);
    expect(byCrop?.rows[2]?.cells.solidarityShare).toBeNull();
  });

  it('compares with the same months a year earlier', () => {
    const f = filters({ compare: 'last_year' });
    const before = filters({ from: '2025-03-01', to: '2025-04-30' });
    const previous = {
      harvests: sums(
        [{ on: '2025-04-10', centreId: KO, crop: 'Dachine', grams: 2_000, destination: 'market' }],
        before,
      ),
      activity: [{ centreId: null, plots: 1, gardeners: 1 }],
    };
    const model = gardensReport({
      filters: f,
      centres,
      current: { harvests: sums(HARVESTS, f), activity: ACTIVITY },
      previous,
    });
    expect(model.comparison).toMatchObject({ from: '2025-03-01', to: '2025-04-30' });
    const kpi = (key: string) => model.kpis.find((k) => k.key === key);
    expect(kpi('harvestedGrams')?.previous).toBe(2_000);
    expect(kpi('solidarityShare')?.previous).toBe(0);
    expect(kpi('activePlots')?.previous).toBe(1);
    const market = model.charts
      .find((c) => c.id === 'harvest-by-destination')
      ?.series.find((s) => s.key === 'market');
    expect(market?.previous).toEqual([0, 2_000]);
  });

  it('has no solidarity share when nothing was weighed', () => {
    const model = gardensReport({
      filters: filters(),
      centres,
      current: { harvests: [], activity: [] },
      previous: null,
    });
    expect(model.kpis.find((k) => k.key === 'solidarityShare')?.value).toBeNull();
    expect(model.kpis.find((k) => k.key === 'harvestedGrams')?.value).toBe(0);
    expect(model.tables.find((t) => t.id === 'by-crop')?.rows).toEqual([]);
  });

  it('agrees with the domain’s harvestTotals, whatever the harvests', () => {
    const harvest = fc.record({
      on: fc
        .integer({ min: 0, max: 60 })
        .map((d) => new Date(Date.UTC(2026, 2, 1 + d)).toISOString().slice(0, 10)),
      centreId: fc.constantFrom(VC, KO),
      crop: fc.constantFrom('Tomates', 'Dachine', 'Gombo'),
      grams: fc.option(fc.integer({ min: 0, max: 100_000 })),
      destination: fc.constantFrom(
        'gardener' as const,
        'collective_distribution' as const,
        'market' as const,
        'solidarity_grocery' as const,
      ),
    });
    fc.assert(
      fc.property(fc.array(harvest, { maxLength: 30 }), (hs) => {
        const f = filters({ granularity: 'week' });
        const model = gardensReport({
          filters: f,
          centres,
          current: { harvests: sums(hs, f), activity: [] },
          previous: null,
        });
        const t = harvestTotals(hs);
        expect(model.kpis.find((k) => k.key === 'harvestedGrams')?.value).toBe(t.total);
        expect(model.charts.find((c) => c.id === 'destinations')?.series[0]?.values).toEqual([
          t.gardener,
          t.collective_distribution,
          t.market,
          t.solidarity_grocery,
        ]);
        const perWeek = model.charts.find((c) => c.id === 'harvest-by-destination');
        const weekly = (perWeek?.series ?? []).flatMap((s) => s.values);
        expect(weekly.reduce<number>((a, v) => a + (v ?? 0), 0)).toBe(t.total);
      }),
    );
  });
});
