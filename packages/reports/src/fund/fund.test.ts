import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketsBetween, type ReportFilters, reportModel } from '../model/index.ts';
import { type FundAggregates, type FundKpiFigures, fundReport, type InflowKind } from './fund.ts';

const CENTRE_A = '00000000-0000-4000-8000-00000000000a';
const CENTRE_B = '00000000-0000-4000-8000-00000000000b';
const PARTNER = '00000000-0000-4000-8000-0000000000c1';
const centres = [
  { id: CENTRE_A, name: 'Village Chinois' },
  { id: CENTRE_B, name: 'Kourou' },
];

const filters = (over: Partial<ReportFilters> = {}): ReportFilters => ({
  from: '2026-01-01',
  to: '2026-03-31',
  centreIds: [],
  streamIds: [],
  granularity: 'month',
  compare: 'none',
  ...over,
});

const kpis: FundKpiFigures = {
  balanceCents: 1_150_000,
  inflowCents: 800_000,
  disbursedCents: 150_000,
  awardedCents: 2_000_000,
  receiptsCount: 3,
  receiptsCents: 450_000,
};

/** Two sub-funds over January–March; February has no movement (the balance carries over). */
const aggregates = (over: Partial<FundAggregates> = {}): FundAggregates => ({
  network: {
    subFunds: [
      {
        id: 'f1',
        code: 'LIBRE',
        name: 'Fonds libre',
        kind: 'unrestricted',
        openingCents: 100_000,
        creditsCents: 500_000,
        debitsCents: -150_000,
        closingCents: 450_000,
        balances: new Map([
          ['2026-01', 600_000],
          ['2026-02', 600_000],
          ['2026-03', 450_000],
        ]),
      },
      {
        id: 'f2',
        code: 'SUBV-2026-1',
        name: 'Subvention CTG',
        kind: 'restricted',
        openingCents: 0,
        creditsCents: 700_000,
        debitsCents: 0,
        closingCents: 700_000,
        // Only March comes back: the missing months fall back to the opening balance.
        balances: new Map([['2026-03', 700_000]]),
      },
    ],
    balancesByKind: new Map([
      [
        'unrestricted',
        new Map([
          ['2026-01', 600_000],
          ['2026-02', 600_000],
          ['2026-03', 450_000],
        ]),
      ],
      ['restricted', new Map([['2026-03', 700_000]])],
    ]),
    receipts: [
      { kind: 'annual', count: 1, totalCents: 300_000, moneyCents: 300_000, inKindCents: 0 },
      { kind: 'single', count: 2, totalCents: 150_000, moneyCents: 100_000, inKindCents: 50_000 },
    ],
    cancelledReceipts: 1,
  },
  inflowsByBucket: new Map([
    ['money', new Map([['2026-01', 500_000]])],
    ['in_kind', new Map([['2026-02', 50_000]])],
    ['grant', new Map([['2026-03', 250_000]])],
  ]),
  inflowsByDonorKind: [
    { donorKind: 'individual', kind: 'money', cents: 200_000 },
    { donorKind: 'company', kind: 'money', cents: 300_000 },
    { donorKind: 'company', kind: 'in_kind', cents: 50_000 },
    { donorKind: 'public_body', kind: 'grant', cents: 250_000 },
  ],
  grants: [
    { status: 'awarded', count: 1, requestedCents: 2_500_000, awardedCents: 2_000_000 },
    { status: 'draft', count: 2, requestedCents: 900_000, awardedCents: 0 },
  ],
  disbursementsByBucket: new Map([
    [
      'money',
      new Map([
        ['2026-01', 100_000],
        ['2026-03', 30_000],
      ]),
    ],
    ['goods', new Map([['2026-03', 20_000]])],
  ]),
  disbursementsByBeneficiary: [
    {
      centreId: null,
      partnerId: PARTNER,
      name: 'Akati',
      count: 1,
      moneyCents: 30_000,
      goodsCents: 0,
    },
    {
      centreId: CENTRE_A,
      partnerId: null,
      name: 'Village Chinois',
      count: 2,
      moneyCents: 100_000,
      goodsCents: 20_000,
    },
  ],
  kpis,
  previous: null,
  ...over,
});

describe('fund report', () => {
  it('lays out the whole network: balances, inflows, pipeline, disbursements, receipts', () => {
    const model = fundReport(filters(), aggregates(), centres, { wholeNetwork: true });
    expect(reportModel.parse(model)).toEqual(model);
    expect(model.report).toBe('fund');
    expect(model.comparison).toBeNull();
    expect(model.kpis.map((k) => [k.key, k.value])).toEqual([
      ['balance', 1_150_000],
      ['inflows', 800_000],
      ['disbursed', 150_000],
      ['awarded', 2_000_000],
      ['receipts', 3],
      ['receiptsAmount', 450_000],
    ]);
    expect(model.kpis.every((k) => !('previous' in k))).toBe(true);

    const byId = Object.fromEntries(model.charts.map((c) => [c.id, c]));
    const balance = byId['balance-by-sub-fund'];
    expect(balance?.axis).toBe('period');
    expect(balance?.buckets).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(balance?.bucketLabels).toEqual(['janvier 2026', 'février 2026', 'mars 2026']);
    expect(balance?.series.map((s) => s.values)).toEqual([
      [600_000, 600_000, 450_000],
      [0, 0, 700_000],
    ]);
    expect(byId['balance-by-kind']?.series.map((s) => [s.key, s.values])).toEqual([
      ['unrestricted', [600_000, 600_000, 450_000]],
      ['restricted', [0, 0, 700_000]],
      ['endowment', [0, 0, 0]],
    ]);
    expect(byId.inflows?.series.map((s) => [s.key, s.values])).toEqual([
      ['money', [500_000, 0, 0]],
      ['in_kind', [0, 50_000, 0]],
      ['grant', [0, 0, 250_000]],
    ]);
    expect(byId.disbursements?.series.map((s) => s.values)).toEqual([
      [100_000, 0, 30_000],
      [0, 0, 20_000],
    ]);
    // Pipeline in the life order of a grant: draft before awarded.
    expect(byId['grants-pipeline']).toMatchObject({
      axis: 'category',
      buckets: ['draft', 'awarded'],
      bucketLabels: ['En préparation', 'Accordée'],
    });

    const tables = Object.fromEntries(model.tables.map((t) => [t.id, t]));
    expect(Object.keys(tables)).toEqual([
      'sub-funds',
      'inflows-by-donor-kind',
      'grants-pipeline',
      'disbursements-by-beneficiary',
      'receipts',
    ]);
    // 100 000 + 0 opening; 500 000 + 700 000 credits; 450 000 + 700 000 closing.
    expect(tables['sub-funds']?.totals).toMatchObject({
      opening: 100_000,
      credits: 1_200_000,
      debits: -150_000,
      closing: 1_150_000,
    });
    const donors = tables['inflows-by-donor-kind'];
    expect(donors?.rows.map((r) => r.cells)).toEqual([
      { donorKind: 'Particulier', money: 200_000, in_kind: 0, grant: 0, total: 200_000 },
      { donorKind: 'Entreprise', money: 300_000, in_kind: 50_000, grant: 0, total: 350_000 },
      { donorKind: 'Organisme public', money: 0, in_kind: 0, grant: 250_000, total: 250_000 },
    ]);
    // 200 000 + 350 000 + 250 000 = 800 000, the inflows KPI.
    expect(donors?.totals).toMatchObject({ total: 800_000 });
    expect(donors?.columns.find((c) => c.key === 'money')?.unit).toBe('cents');

    // Centres first, then partners; only centre rows drill down.
    const out = tables['disbursements-by-beneficiary'];
    expect(out?.rows).toEqual([
      {
        cells: {
          beneficiary: 'Village Chinois',
          type: 'Centre',
          count: 2,
          money: 100_000,
          goods: 20_000,
          total: 120_000,
        },
        drill: { centreId: CENTRE_A },
      },
      {
        cells: {
          beneficiary: 'Akati',
          type: 'Partenaire',
          count: 1,
          money: 30_000,
          goods: 0,
          total: 30_000,
        },
      },
    ]);
    expect(out?.totals).toMatchObject({ count: 3, total: 150_000 });
    expect(tables.receipts?.rows.map((r) => r.cells.kind)).toEqual([
      'Reçus ponctuels',
      'Reçus annuels',
    ]);
    expect(tables.receipts?.totals).toMatchObject({ count: 3, total: 450_000 });
    expect(model.notes.map((n) => n.term)).toContain('Reçus annulés');
    expect(model.notes.map((n) => n.term)).toContain('Solde');
  });

  it('gives each KPI its comparison figure when a comparison is asked', () => {
    const previous: FundKpiFigures = {
      balanceCents: 900_000,
      inflowCents: 0,
      disbursedCents: 10_000,
      awardedCents: 0,
      receiptsCount: 0,
      receiptsCents: 0,
    };
    const model = fundReport(
      filters({ compare: 'previous' }),
      aggregates({
        previous,
        previousByBucket: {
          inflows: new Map([['money', new Map([['2025-11', 4]])]]),
          disbursements: new Map([['goods', new Map([['2025-12', 9]])]]),
        },
      }),
      centres,
      { wholeNetwork: true },
    );
    expect(model.comparison).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
    // October, November, December beside January, February, March.
    const inflows = model.charts.find((c) => c.id === 'inflows');
    expect(inflows?.series.map((x) => x.previous)).toEqual([
      [0, 4, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    const out = model.charts.find((c) => c.id === 'disbursements');
    expect(out?.series.map((x) => x.previous)).toEqual([
      [0, 0, 0],
      [0, 0, 9],
    ]);
    // Balances have no comparison series.
    expect(model.charts[0]?.series[0]?.previous).toBeUndefined();
    expect(model.kpis.map((k) => [k.key, k.previous])).toEqual([
      ['balance', 900_000],
      ['inflows', 0],
      ['disbursed', 10_000],
      ['awarded', 0],
      ['receipts', 0],
      ['receiptsAmount', 0],
    ]);
  });

  it('shows only centre-attributable figures when the report covers some centres', () => {
    const scoped = aggregates({
      network: null,
      inflowsByBucket: new Map([['in_kind', new Map([['2026-02', 50_000]])]]),
      inflowsByDonorKind: [{ donorKind: null, kind: 'in_kind', cents: 50_000 }],
      kpis: { ...kpis, balanceCents: null, receiptsCount: null, receiptsCents: null },
    });
    const model = fundReport(filters(), scoped, [centres[0] as (typeof centres)[0]], {
      wholeNetwork: false,
    });
    expect(reportModel.parse(model)).toEqual(model);
    expect(model.kpis.map((k) => k.key)).toEqual(['inflows', 'disbursed', 'awarded']);
    expect(model.charts.map((c) => c.id)).toEqual(['inflows', 'disbursements', 'grants-pipeline']);
    expect(model.charts[0]?.series.map((s) => s.key)).toEqual(['in_kind']);
    expect(model.tables.map((t) => t.id)).toEqual([
      'inflows-by-donor-kind',
      'grants-pipeline',
      'disbursements-by-beneficiary',
    ]);
    expect(model.tables[0]?.rows.map((r) => r.cells)).toEqual([
      { donorKind: 'Donateur non identifié', in_kind: 50_000, total: 50_000 },
    ]);
    expect(model.notes[0]?.term).toBe('Périmètre des centres');
    expect(model.notes.map((n) => n.term)).not.toContain('Solde');
  });

  it('never shows network balances to a scoped reader, even if the aggregates carry them', () => {
    const model = fundReport(filters(), aggregates(), centres, { wholeNetwork: false });
    expect(model.charts.map((c) => c.id)).not.toContain('balance-by-sub-fund');
    expect(model.kpis.map((k) => k.key)).not.toContain('balance');
  });

  it('cuts weeks and quarters from the filters, empty buckets at zero', () => {
    const model = fundReport(
      filters({
        from: '2026-01-01',
        to: '2026-05-31',
        granularity: 'quarter',
        compare: 'previous',
      }),
      aggregates({
        network: null,
        inflowsByBucket: new Map([['in_kind', new Map([['2026-T2', 7]])]]),
        previousByBucket: {
          inflows: new Map([['in_kind', new Map([['2025-T3', 5]])]]),
          disbursements: new Map(),
        },
      }),
      centres,
      { wholeNetwork: false },
    );
    expect(model.charts[0]).toMatchObject({
      buckets: ['2026-T1', '2026-T2'],
      bucketLabels: ['T1 2026', 'T2 2026'],
      series: [{ key: 'in_kind', values: [0, 7], previous: [5, 0] }],
    });
    // 1 January – 31 May is compared with 1 August – 31 December 2025: three quarters for two.
    expect(model.comparison).toMatchObject({ from: '2025-08-01', to: '2025-12-31' });
  });
});

describe('fund report invariants', () => {
  const day = fc
    .integer({ min: 0, max: 3 * 365 })
    .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const cents = fc.integer({ min: -5_000_000, max: 5_000_000 });

  it('gives every period series one integer per bucket, and totals equal to the sum of their rows', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom('day', 'week', 'month', 'quarter', 'year' as const),
        fc.array(fc.tuple(fc.constantFrom('money', 'in_kind', 'grant' as const), cents), {
          maxLength: 12,
        }),
        fc.array(fc.tuple(cents, cents), { maxLength: 6 }),
        fc.boolean(),
        (from, length, granularity, flows, paid, wholeNetwork) => {
          const to = new Date(Date.parse(from) + length * 86_400_000).toISOString().slice(0, 10);
          const buckets = bucketsBetween(from, to, granularity);
          // Each generated flow lands in some bucket of the period (by its index).
          const byBucket = new Map<InflowKind, Map<string, number>>();
          flows.forEach(([k, c], i) => {
            const b = buckets[i % buckets.length] as string;
            const m = byBucket.get(k) ?? new Map<string, number>();
            m.set(b, (m.get(b) ?? 0) + c);
            byBucket.set(k, m);
          });
          const model = fundReport(
            filters({ from, to, granularity }),
            aggregates({
              inflowsByBucket: byBucket,
              disbursementsByBeneficiary: paid.map(([money, goods], i) => ({
                centreId: i % 2 ? CENTRE_A : null,
                partnerId: i % 2 ? null : PARTNER,
                name: `B${i}`,
                count: 1,
                moneyCents: money,
                goodsCents: goods,
              })),
            }),
            centres,
            { wholeNetwork },
          );
          for (const c of model.charts.filter((ch) => ch.axis === 'period')) {
            expect(c.buckets).toEqual(buckets);
            for (const s of c.series) {
              expect(s.values).toHaveLength(buckets.length);
              for (const v of s.values) expect(Number.isSafeInteger(v)).toBe(true);
            }
          }
          for (const t of model.tables) {
            for (const col of t.columns.filter((c) => c.unit === 'cents' || c.unit === 'count')) {
              const sum = t.rows.reduce((s, r) => s + Number(r.cells[col.key] ?? 0), 0);
              expect(t.totals?.[col.key]).toBe(sum);
            }
          }
          const inflows = model.charts.find((c) => c.id === 'inflows');
          const flowTotal = flows
            .filter(([k]) => wholeNetwork || k === 'in_kind')
            .reduce((s, [, c]) => s + c, 0);
          const charted = (inflows?.series ?? []).reduce(
            (s, se) => s + se.values.reduce<number>((t, v) => t + (v ?? 0), 0),
            0,
          );
          expect(charted).toBe(flowTotal);
        },
      ),
      { numRuns: 150 },
    );
  });
});
