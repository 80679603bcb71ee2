import { caseStages } from '@lakou/domain/circles';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ReportFilters, reportModel } from '../model/index.ts';
import { type CirclesData, circlesReport, medianFigure, totalFigure } from './circles.ts';

const VC = '00000000-0000-4000-8000-00000000000a';
const KO = '00000000-0000-4000-8000-00000000000b';
const centres = [
  { id: VC, name: 'Village Chinois' },
  { id: KO, name: 'Kourou' },
];

const filters = (over: Partial<ReportFilters> = {}): ReportFilters => ({
  from: '2026-01-01',
  to: '2026-06-30',
  centreIds: [],
  streamIds: [],
  granularity: 'quarter',
  compare: 'none',
  ...over,
});

/** 12 cases followed: 6 closed, 3 at intake, 2 abandoned, 1 in post-circle; VC 9, KO 3. */
const DATA: CirclesData = {
  byStage: [
    { stage: 'closed', cases: 6 },
    { stage: 'intake', cases: 3 },
    { stage: 'abandoned', cases: 2 },
    { stage: 'post_circle', cases: 1 },
  ],
  byCentre: [
    { centreId: VC, active: 9, opened: 7, closed: 6 },
    { centreId: KO, active: 3, opened: 3, closed: 0 },
  ],
  perBucket: [
    { bucket: '2026-T1', opened: 8, closed: 2, abandoned: 1 },
    { bucket: '2026-T2', opened: 2, closed: 4, abandoned: 1 },
  ],
  agreements: { evaluated: 12, done: 5 },
  closing: { closed: 6, medianDays: 40.04 },
};

describe('circles report', () => {
  it('shows counts from 5 on and zero, hides 1 to 4 (« < 5 » in tables, null in charts)', () => {
    const model = circlesReport({ filters: filters(), centres, current: DATA, previous: null });
    expect(reportModel.parse(model)).toEqual(model);
    const kpi = Object.fromEntries(model.kpis.map((k) => [k.key, k.value]));
    // 6 + 3 + 2 + 1 = 12 followed, but 3, 2 and 1 are hidden by stage: 12 − 6 would tell them,
    // so no total. Same for opened (2 hidden in T2) and closed (2 and 4 hidden). The share 5/12
    // and the median over 6 cases are shown.
    expect(kpi).toEqual({
      activeCases: null,
      openedCases: null,
      closedCases: null,
      agreementsDoneShare: 5 / 12,
      medianDaysToClose: 40,
    });

    const stages = model.tables.find((t) => t.id === 'by-stage');
    expect(stages?.rows.map((r) => r.cells.cases)).toEqual([
      '< 5', // intake 3
      0, // pre_circles
      0, // circle
      '< 5', // post_circle 1
      6, // closed
      '< 5', // abandoned 2
    ]);
    const byCentre = model.tables.find((t) => t.id === 'by-centre');
    expect(byCentre?.rows).toEqual([
      {
        cells: { centre: 'Village Chinois', active: 9, opened: 7, closed: 6 },
        drill: { centreId: VC },
      },
      {
        cells: { centre: 'Kourou', active: '< 5', opened: '< 5', closed: 0 },
        drill: { centreId: KO },
      },
    ]);
    const perPeriod = model.charts.find((c) => c.id === 'cases-per-period');
    expect(perPeriod?.series.map((s) => s.values)).toEqual([
      [8, null], // opened: 8, then 2 hidden
      [null, null], // closed: 2 and 4 hidden
      [null, null], // abandoned: 1 and 1 hidden
    ]);
    const byStageChart = model.charts.find((c) => c.id === 'cases-by-stage');
    expect(byStageChart?.series[0]?.values).toEqual([null, 0, 0, null, 6, null]);
    expect(model.notes[0]?.term).toBe('« < 5 »');
  });

  it('shows a total when none of its parts is hidden', () => {
    const big: CirclesData = {
      byStage: [
        { stage: 'circle', cases: 5 },
        { stage: 'closed', cases: 7 },
      ],
      byCentre: [
        { centreId: VC, active: 12, opened: 10, closed: 7 },
        { centreId: KO, active: 0, opened: 0, closed: 0 },
      ],
      perBucket: [
        { bucket: '2026-T1', opened: 5, closed: 0, abandoned: 0 },
        { bucket: '2026-T2', opened: 5, closed: 7, abandoned: 0 },
      ],
      agreements: { evaluated: 0, done: 0 },
      closing: { closed: 7, medianDays: 21.25 },
    };
    const model = circlesReport({ filters: filters(), centres, current: big, previous: null });
    const kpi = Object.fromEntries(model.kpis.map((k) => [k.key, k.value]));
    // 5 + 7 = 12 followed; 5 + 5 = 10 opened; 7 closed; no agreement evaluated.
    expect(kpi).toEqual({
      activeCases: 12,
      openedCases: 10,
      closedCases: 7,
      agreementsDoneShare: null,
      medianDaysToClose: 21.3,
    });
    expect(totalFigure(12, [12, 0])).toBe(12);
    expect(totalFigure(12, [9, 3])).toBeNull();
    expect(totalFigure(3, [3])).toBeNull();
  });

  it('shows no share under 5 evaluated agreements and no median under 5 closed cases', () => {
    const few: CirclesData = {
      ...DATA,
      perBucket: [{ bucket: '2026-T1', opened: 3, closed: 4, abandoned: 0 }],
      agreements: { evaluated: 4, done: 4 },
      closing: { closed: 4, medianDays: 12 },
    };
    const model = circlesReport({ filters: filters(), centres, current: few, previous: null });
    const kpi = Object.fromEntries(model.kpis.map((k) => [k.key, k.value]));
    expect(kpi.openedCases).toBeNull();
    expect(kpi.closedCases).toBeNull();
    expect(kpi.agreementsDoneShare).toBeNull();
    expect(kpi.medianDaysToClose).toBeNull();
    expect(medianFigure(5, 12.34)).toBe(12.3);
  });

  it('compares with the previous period, suppressed the same way', () => {
    const model = circlesReport({
      filters: filters({ compare: 'previous' }),
      centres,
      current: DATA,
      previous: {
        byStage: [{ stage: 'closed', cases: 2 }],
        byCentre: [{ centreId: VC, active: 2, opened: 0, closed: 2 }],
        perBucket: [{ bucket: '2025-T4', opened: 0, closed: 2, abandoned: 0 }],
        agreements: { evaluated: 0, done: 0 },
        closing: { closed: 2, medianDays: 30 },
      },
    });
    expect(model.comparison).toMatchObject({ from: '2025-07-01', to: '2025-12-31' });
    const prev = Object.fromEntries(model.kpis.map((k) => [k.key, k.previous]));
    expect(prev).toEqual({
      activeCases: null,
      openedCases: 0,
      closedCases: null,
      agreementsDoneShare: null,
      medianDaysToClose: null,
    });
    const perPeriod = model.charts.find((c) => c.id === 'cases-per-period');
    // T1 2026 against T3 2025 (nothing), T2 2026 against T4 2025 (2 closed: hidden).
    expect(perPeriod?.series[1]?.previous).toEqual([0, null]);
  });

  it('never shows a count from 1 to 4 anywhere', () => {
    const count = fc.integer({ min: 0, max: 12 });
    fc.assert(
      fc.property(
        fc.array(count, { minLength: caseStages.length, maxLength: caseStages.length }),
        fc.array(fc.tuple(count, count, count), { minLength: 2, maxLength: 2 }),
        fc.array(fc.tuple(count, count, count), { minLength: 2, maxLength: 2 }),
        (stageCounts, centreCounts, bucketCounts) => {
          const data: CirclesData = {
            byStage: caseStages.map((stage, i) => ({ stage, cases: stageCounts[i] ?? 0 })),
            byCentre: centres.map((c, i) => {
              const [active, opened, closed] = centreCounts[i] ?? [0, 0, 0];
              return { centreId: c.id, active, opened, closed };
            }),
            perBucket: ['2026-T1', '2026-T2'].map((bucket, i) => {
              const [opened, closed, abandoned] = bucketCounts[i] ?? [0, 0, 0];
              return { bucket, opened, closed, abandoned };
            }),
            agreements: { evaluated: 3, done: 1 },
            closing: { closed: 3, medianDays: 10 },
          };
          const m = circlesReport({ filters: filters(), centres, current: data, previous: data });
          const small = (v: unknown) => typeof v === 'number' && v >= 1 && v <= 4;
          for (const t of m.tables)
            for (const r of t.rows)
              for (const v of Object.values(r.cells)) expect(small(v)).toBe(false);
          for (const c of m.charts)
            for (const s of c.series)
              for (const v of [...s.values, ...(s.previous ?? [])]) expect(small(v)).toBe(false);
          for (const k of m.kpis) {
            if (k.unit === 'count') expect(small(k.value)).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
