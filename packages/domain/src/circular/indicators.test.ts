import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type IndicatorMovement,
  indicatorGroupings,
  indicatorsBy,
  indicatorsOf,
} from './indicators.ts';
import { OPERATION_CODES_OF_TREATMENT, type Treatment, treatments } from './treatment.ts';

const at = { occurredOn: '2026-03-10', centreId: 'vc', streamId: 'textiles' };

describe('indicatorsOf on a hand-computed month', () => {
  // Collected 1 000 kg (800 weighed, 200 estimated). Left the stock: 100 kg handed out by the
  // centre, 50 kg to a re-use association, 400 kg recycled (R3), 30 kg composted on site,
  // 120 kg burnt for energy (R1), 80 kg landfilled (D5), and 70 kg stored before recovery (R13).
  const month: IndicatorMovement[] = [
    { ...at, kind: 'inflow', grams: 800_000, measurement: 'weighed' },
    { ...at, kind: 'inflow', grams: 200_000, measurement: 'estimated' },
    { ...at, kind: 'reuse', grams: 100_000, measurement: 'weighed' },
    {
      ...at,
      kind: 'outflow',
      grams: 50_000,
      measurement: 'weighed',
      treatment: 'reuse',
      operationCode: null,
    },
    {
      ...at,
      kind: 'outflow',
      grams: 400_000,
      measurement: 'weighed',
      treatment: 'recycling',
      operationCode: 'R3',
    },
    { ...at, kind: 'compost', grams: 30_000, measurement: 'estimated' },
    {
      ...at,
      kind: 'outflow',
      grams: 120_000,
      measurement: 'weighed',
      treatment: 'energy_recovery',
      operationCode: 'R1',
    },
    {
      ...at,
      kind: 'outflow',
      grams: 80_000,
      measurement: 'weighed',
      treatment: 'disposal',
      operationCode: 'D5',
    },
    {
      ...at,
      kind: 'outflow',
      grams: 70_000,
      measurement: 'weighed',
      treatment: 'recycling',
      operationCode: 'R13',
    },
  ];

  it('gives the tonnages and the rates over the 780 kg with a final treatment', () => {
    const i = indicatorsOf(month);
    expect(i).toEqual({
      collectedGrams: 1_000_000,
      weighedGrams: 800_000,
      estimatedGrams: 200_000,
      reusedGrams: 150_000,
      recycledGrams: 430_000,
      energyRecoveredGrams: 120_000,
      disposedGrams: 80_000,
      pendingGrams: 70_000,
      treatedGrams: 780_000,
      reuseRate: 150 / 780,
      recyclingRate: 580 / 780,
      valorisationRate: 700 / 780,
      disposalRate: 80 / 780,
      weighedShare: 0.8,
    });
  });

  it('has no rate when nothing was treated, and no weighed share when nothing was collected', () => {
    const i = indicatorsOf([]);
    expect(i.reuseRate).toBeNull();
    expect(i.valorisationRate).toBeNull();
    expect(i.weighedShare).toBeNull();
    const onlyPending = indicatorsOf([
      {
        ...at,
        kind: 'outflow',
        grams: 5,
        measurement: 'weighed',
        treatment: 'disposal',
        operationCode: 'D15',
      },
    ]);
    expect(onlyPending.pendingGrams).toBe(5);
    expect(onlyPending.disposalRate).toBeNull();
  });

  it('groups by month and year with sorted keys', () => {
    const moved = [
      ...month,
      {
        ...at,
        occurredOn: '2025-12-31',
        kind: 'inflow' as const,
        grams: 1,
        measurement: 'weighed' as const,
      },
    ];
    expect(indicatorsBy(moved, 'month').map((g) => g.key)).toEqual(['2025-12', '2026-03']);
    expect(indicatorsBy(moved, 'year').map((g) => [g.key, g.indicators.collectedGrams])).toEqual([
      ['2025', 1],
      ['2026', 1_000_000],
    ]);
  });
});

const anyOutflow = fc.constantFrom(...treatments).chain((treatment: Treatment) =>
  fc.record({
    kind: fc.constant('outflow' as const),
    treatment: fc.constant(treatment),
    operationCode:
      treatment === 'reuse'
        ? fc.constant(null)
        : fc.constantFrom(...OPERATION_CODES_OF_TREATMENT[treatment]),
  }),
);

const movement: fc.Arbitrary<IndicatorMovement> = fc
  .record({
    occurredOn: fc.constantFrom('2024-01-05', '2024-07-20', '2025-02-11', '2026-11-30'),
    centreId: fc.constantFrom('vc', 'kourou', 'mana'),
    streamId: fc.constantFrom('textiles', 'weee', 'biowaste'),
    grams: fc.integer({ min: 1, max: 10_000_000 }),
    measurement: fc.constantFrom('weighed' as const, 'estimated' as const),
    shape: fc.oneof(
      fc.record({ kind: fc.constantFrom('inflow' as const, 'reuse' as const, 'compost' as const) }),
      anyOutflow,
    ),
  })
  .map(({ shape, ...rest }) => ({ ...rest, ...shape }) as IndicatorMovement);

describe('indicator properties', () => {
  it('keeps every rate in [0, 1], ordered reuse ≤ recycling ≤ valorisation, and valorisation + disposal = 1', () => {
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 60 }), (moves) => {
        const i = indicatorsOf(moves);
        for (const r of [
          i.reuseRate,
          i.recyclingRate,
          i.valorisationRate,
          i.disposalRate,
          i.weighedShare,
        ]) {
          if (r !== null) {
            expect(r).toBeGreaterThanOrEqual(0);
            expect(r).toBeLessThanOrEqual(1);
          }
        }
        expect(i.treatedGrams).toBe(
          i.reusedGrams + i.recycledGrams + i.energyRecoveredGrams + i.disposedGrams,
        );
        expect(i.weighedGrams + i.estimatedGrams).toBe(i.collectedGrams);
        if (i.treatedGrams > 0) {
          expect(i.reuseRate ?? 0).toBeLessThanOrEqual((i.recyclingRate ?? 0) + 1e-12);
          expect(i.recyclingRate ?? 0).toBeLessThanOrEqual((i.valorisationRate ?? 0) + 1e-12);
          expect((i.valorisationRate ?? 0) + (i.disposalRate ?? 0)).toBeCloseTo(1, 12);
        } else {
          expect(i.recyclingRate).toBeNull();
        }
      }),
    );
  });

  it('accounts for every gram that left a stock exactly once (treated or pending)', () => {
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 60 }), (moves) => {
        const i = indicatorsOf(moves);
        const left = moves.filter((m) => m.kind !== 'inflow').reduce((s, m) => s + m.grams, 0);
        expect(i.treatedGrams + i.pendingGrams).toBe(left);
      }),
    );
  });

  it('splits into groups whose masses sum to the total, for every grouping', () => {
    fc.assert(
      fc.property(
        fc.array(movement, { maxLength: 60 }),
        fc.constantFrom(...indicatorGroupings),
        (moves, by) => {
          const total = indicatorsOf(moves);
          const groups = indicatorsBy(moves, by);
          const sum = (k: 'collectedGrams' | 'treatedGrams' | 'pendingGrams' | 'recycledGrams') =>
            groups.reduce((s, g) => s + g.indicators[k], 0);
          expect(sum('collectedGrams')).toBe(total.collectedGrams);
          expect(sum('treatedGrams')).toBe(total.treatedGrams);
          expect(sum('pendingGrams')).toBe(total.pendingGrams);
          expect(sum('recycledGrams')).toBe(total.recycledGrams);
        },
      ),
    );
  });
});
