import { type IndicatorMovement, indicatorsOf } from '@lakou/domain/circular';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ReportFilters, reportModel } from '../model/index.ts';
import { bucketOf } from '../model/periods.ts';
import { type CollectedRow, type RecyclingRow, recyclingReport } from './recycling.ts';

const VC = '00000000-0000-4000-8000-00000000000a';
const KO = '00000000-0000-4000-8000-00000000000b';
const TEX = '00000000-0000-4000-8000-0000000000f1';
const PLA = '00000000-0000-4000-8000-0000000000f2';
const centres = [
  { id: VC, name: 'Village Chinois' },
  { id: KO, name: 'Kourou' },
];
const streams = [
  { id: TEX, name: 'Textiles' },
  { id: PLA, name: 'Plastiques' },
];

type Raw = IndicatorMovement & { centreId: string; streamId: string; occurredOn: string };

/** What the SQL does, written the plain way: sums per set, kind, measurement, treatment, code. */
function sums(raw: readonly Raw[], filters: ReportFilters) {
  const rows = new Map<string, RecyclingRow>();
  const add = (set: RecyclingRow['set'], key: string | null, m: Raw) => {
    const treatment = m.kind === 'outflow' ? m.treatment : null;
    const operationCode = m.kind === 'outflow' ? m.operationCode : null;
    const id = [set, key, m.kind, m.measurement, treatment, operationCode].join('|');
    const r = rows.get(id);
    if (r) r.grams += m.grams;
    else
      rows.set(id, {
        set,
        key,
        kind: m.kind,
        measurement: m.measurement,
        treatment,
        operationCode,
        grams: m.grams,
      });
  };
  const collected: CollectedRow[] = [];
  for (const m of raw) {
    const bucket = bucketOf(m.occurredOn, filters.granularity);
    add('total', null, m);
    add('bucket', bucket, m);
    add('centre', m.centreId, m);
    add('stream', m.streamId, m);
    if (m.kind === 'inflow') {
      collected.push({ bucket, streamId: m.streamId, centreId: null, grams: m.grams });
      collected.push({ bucket, streamId: null, centreId: m.centreId, grams: m.grams });
    }
  }
  return { rows: [...rows.values()], collected };
}

const inflow = (
  occurredOn: string,
  centreId: string,
  streamId: string,
  grams: number,
  measurement: 'weighed' | 'estimated',
): Raw => ({ kind: 'inflow', occurredOn, centreId, streamId, grams, measurement });
const ship = (
  occurredOn: string,
  centreId: string,
  streamId: string,
  grams: number,
  treatment: 'reuse' | 'recycling' | 'energy_recovery' | 'disposal',
  operationCode: string | null,
): Raw => ({
  kind: 'outflow',
  occurredOn,
  centreId,
  streamId,
  grams,
  measurement: 'weighed',
  treatment,
  operationCode,
});

/**
 * March: VC textiles in 100 000 weighed, reused on site 20 000, shipped for re-use 30 000;
 * VC plastic in 50 000 estimated, shipped R3 40 000.
 * April: KO plastic in 60 000 weighed, shipped D5 45 000, R1 15 000, R13 5 000 (pending).
 * February (the comparison month with `previous` on March–April): VC textiles in 10 000 weighed,
 * shipped D1 10 000.
 */
const RAW: Raw[] = [
  inflow('2026-03-02', VC, TEX, 100_000, 'weighed'),
  {
    kind: 'reuse',
    occurredOn: '2026-03-15',
    centreId: VC,
    streamId: TEX,
    grams: 20_000,
    measurement: 'estimated',
  },
  ship('2026-03-20', VC, TEX, 30_000, 'reuse', null),
  inflow('2026-03-10', VC, PLA, 50_000, 'estimated'),
  ship('2026-03-25', VC, PLA, 40_000, 'recycling', 'R3'),
  inflow('2026-04-03', KO, PLA, 60_000, 'weighed'),
  ship('2026-04-20', KO, PLA, 45_000, 'disposal', 'D5'),
  ship('2026-04-21', KO, PLA, 15_000, 'energy_recovery', 'R1'),
  ship('2026-04-22', KO, PLA, 5_000, 'recycling', 'R13'),
];
const PREVIOUS: Raw[] = [
  inflow('2026-02-02', VC, TEX, 10_000, 'weighed'),
  ship('2026-02-20', VC, TEX, 10_000, 'disposal', 'D1'),
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

describe('recycling report', () => {
  it('gives the tonnages and the domain’s rates, hand-computed', () => {
    const f = filters();
    const model = recyclingReport({
      filters: f,
      centres,
      streams,
      current: sums(RAW, f),
      previous: null,
    });
    expect(reportModel.parse(model)).toEqual(model);
    const kpi = (key: string) => model.kpis.find((k) => k.key === key);
    // collected 100 000 + 50 000 + 60 000 = 210 000; weighed 160 000.
    expect(kpi('collectedGrams')?.value).toBe(210_000);
    // reused 20 000 + 30 000; recycled 40 000; energy 15 000; disposed 45 000; treated 150 000.
    expect(kpi('reusedGrams')?.value).toBe(50_000);
    expect(kpi('recycledGrams')?.value).toBe(40_000);
    expect(kpi('energyRecoveredGrams')?.value).toBe(15_000);
    expect(kpi('disposedGrams')?.value).toBe(45_000);
    expect(kpi('reuseRate')?.value).toBeCloseTo(50 / 150, 12);
    expect(kpi('recyclingRate')?.value).toBeCloseTo(90 / 150, 12);
    expect(kpi('valorisationRate')?.value).toBeCloseTo(105 / 150, 12);
    expect(kpi('weighedShare')?.value).toBeCloseTo(160 / 210, 12);
    expect(kpi('collectedGrams')).not.toHaveProperty('previous');
    expect(model.comparison).toBeNull();

    const tonnage = model.charts.find((c) => c.id === 'tonnage');
    expect(tonnage?.buckets).toEqual(['2026-03', '2026-04']);
    expect(tonnage?.bucketLabels).toEqual(['mars 2026', 'avril 2026']);
    const values = (chart: string, series: string) =>
      model.charts.find((c) => c.id === chart)?.series.find((s) => s.key === series)?.values;
    expect(values('tonnage', 'collectedGrams')).toEqual([150_000, 60_000]);
    expect(values('tonnage', 'disposedGrams')).toEqual([0, 45_000]);
    // March: all 90 000 treated was kept in use; April: 15 000 of 60 000 (R13 left out).
    expect(values('rates', 'recyclingRate')).toEqual([1, 0]);
    expect(values('rates', 'valorisationRate')).toEqual([1, 15 / 60]);
    expect(values('collected-by-stream', TEX)).toEqual([100_000, 0]);
    expect(values('collected-by-stream', PLA)).toEqual([50_000, 60_000]);
    expect(values('collected-by-centre', KO)).toEqual([0, 60_000]);
    expect(values('measurement', 'weighedGrams')).toEqual([100_000, 60_000]);
    expect(values('measurement', 'estimatedGrams')).toEqual([50_000, 0]);

    const byCentre = model.tables.find((t) => t.id === 'by-centre');
    expect(byCentre?.rows.map((r) => r.drill)).toEqual([{ centreId: VC }, { centreId: KO }]);
    expect(byCentre?.rows[1]?.cells).toMatchObject({
      centre: 'Kourou',
      collectedGrams: 60_000,
      disposedGrams: 45_000,
      pendingGrams: 5_000,
      reuseRate: 0,
      valorisationRate: 0.25,
      weighedShare: 1,
    });
    expect(byCentre?.totals).toMatchObject({ centre: 'Total', collectedGrams: 210_000 });
    const byStream = model.tables.find((t) => t.id === 'by-stream');
    expect(byStream?.rows.map((r) => [r.cells.stream, r.drill])).toEqual([
      ['Textiles', { streamId: TEX }],
      ['Plastiques', { streamId: PLA }],
    ]);
    // Textiles: reused 50 000 of 50 000 treated.
    expect(byStream?.rows[0]?.cells).toMatchObject({ reusedGrams: 50_000, reuseRate: 1 });
    expect(model.notes.map((n) => n.term)).toContain('Taux de valorisation');
  });

  it('compares with the period before, bucket by bucket', () => {
    const f = filters({ compare: 'previous' });
    // Previous of March–April (whole months): January–February.
    const previous = sums(PREVIOUS, { ...f, from: '2026-01-01', to: '2026-02-28' });
    const model = recyclingReport({
      filters: f,
      centres,
      streams,
      current: sums(RAW, f),
      previous,
    });
    expect(model.comparison).toMatchObject({ from: '2026-01-01', to: '2026-02-28' });
    const kpi = (key: string) => model.kpis.find((k) => k.key === key);
    expect(kpi('collectedGrams')?.previous).toBe(10_000);
    expect(kpi('valorisationRate')?.previous).toBe(0);
    expect(kpi('weighedShare')?.previous).toBe(1);
    const tonnage = model.charts.find((c) => c.id === 'tonnage');
    // January had nothing, February 10 000.
    expect(tonnage?.series.find((s) => s.key === 'collectedGrams')?.previous).toEqual([0, 10_000]);
    // Nothing treated in January: no rate rather than 0 %.
    const rates = model.charts.find((c) => c.id === 'rates');
    expect(rates?.series.find((s) => s.key === 'reuseRate')?.previous).toEqual([null, 0]);
  });

  it('gives empty rates, not 0 %, when nothing was treated', () => {
    const model = recyclingReport({
      filters: filters(),
      centres,
      streams,
      current: { rows: [], collected: [] },
      previous: null,
    });
    const kpi = (key: string) => model.kpis.find((k) => k.key === key);
    expect(kpi('collectedGrams')?.value).toBe(0);
    expect(kpi('recyclingRate')?.value).toBeNull();
    expect(kpi('weighedShare')?.value).toBeNull();
    expect(model.tables.find((t) => t.id === 'by-centre')?.rows).toHaveLength(2);
    // No stream row without movements unless the stream was asked for.
    expect(model.tables.find((t) => t.id === 'by-stream')?.rows).toHaveLength(0);
    const asked = recyclingReport({
      filters: filters({ streamIds: [PLA] }),
      centres,
      streams: [streams[1] ?? { id: PLA, name: 'Plastiques' }],
      current: { rows: [], collected: [] },
      previous: null,
    });
    expect(asked.tables.find((t) => t.id === 'by-stream')?.rows).toHaveLength(1);
  });

  it('agrees with indicatorsOf on the raw movements, whatever they are', () => {
    const date = fc
      .integer({ min: 0, max: 364 })
      .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
    const measurement = fc.constantFrom('weighed' as const, 'estimated' as const);
    const who = fc.record({
      occurredOn: date,
      centreId: fc.constantFrom(VC, KO),
      streamId: fc.constantFrom(TEX, PLA),
      grams: fc.integer({ min: 1, max: 1_000_000 }),
      measurement,
    });
    const movement: fc.Arbitrary<Raw> = fc.oneof(
      who.map((w) => ({ ...w, kind: 'inflow' as const })),
      who.map((w) => ({ ...w, kind: 'reuse' as const })),
      who.map((w) => ({ ...w, kind: 'compost' as const })),
      fc
        .tuple(
          who,
          fc.constantFrom(
            ['reuse', null] as const,
            ['recycling', 'R3'] as const,
            ['recycling', 'R13'] as const,
            ['energy_recovery', 'R1'] as const,
            ['disposal', 'D5'] as const,
            ['disposal', 'D9'] as const,
          ),
        )
        .map(([w, [treatment, operationCode]]) => ({
          ...w,
          kind: 'outflow' as const,
          treatment,
          operationCode,
        })),
    );
    fc.assert(
      fc.property(
        fc.array(movement, { maxLength: 40 }),
        fc.constantFrom('week' as const, 'month' as const, 'quarter' as const),
        (raw, granularity) => {
          const f = filters({ from: '2026-01-01', to: '2026-12-31', granularity });
          const model = recyclingReport({
            filters: f,
            centres,
            streams,
            current: sums(raw, f),
            previous: null,
          });
          const expected = indicatorsOf(raw);
          for (const k of model.kpis)
            expect(k.value).toBe(expected[k.key as keyof typeof expected]);
          // Each bucket's figure is indicatorsOf over that bucket's movements.
          const tonnage = model.charts.find((c) => c.id === 'tonnage');
          tonnage?.buckets.forEach((b, i) => {
            const inBucket = indicatorsOf(
              raw.filter((m) => bucketOf(m.occurredOn, granularity) === b),
            );
            expect(tonnage.series.find((s) => s.key === 'reusedGrams')?.values[i]).toBe(
              inBucket.reusedGrams,
            );
          });
          const collected = model.charts.find((c) => c.id === 'collected-by-stream');
          const sum = (collected?.series ?? []).reduce(
            (s, x) => s + x.values.reduce<number>((a, v) => a + (v ?? 0), 0),
            0,
          );
          expect(sum).toBe(expected.collectedGrams);
        },
      ),
    );
  });
});
