import type { ReportModel } from '@lakou/reports/model';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { circleAgreements, circleCases } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { circlesData } from '../../src/reports/circles.queries.ts';
import { circlesSource } from '../../src/reports/circles.source.ts';
import { reportSources } from '../../src/reports/registry.ts';
import { call, engines, freshDatabase, seededApp, signIn, type TestDatabase } from '../harness.ts';
import {
  type App,
  appWithDemoUsers,
  first,
  getReport,
  signInAs,
  twoCentres,
} from './report-test-setup.ts';

const report = (app: App, query: Record<string, string>, cookie: string) =>
  getReport(app, 'circles', query, cookie);

/** Noon in Cayenne (UTC−3) on a local day, plus some days. */
const noon = (day: string, plusDays = 0) =>
  new Date(new Date(`${day}T12:00:00-03:00`).getTime() + plusDays * 86_400_000);

describe.each(engines)('circles report on a hand-made fixture (%s)', (kind) => {
  let ctx: TestDatabase;
  let app: App;
  let board: string;
  let alpha: { id: string; name: string };
  let beta: { id: string; name: string };

  beforeAll(async () => {
    ctx = await freshDatabase(kind);
    const db = ctx.db;
    const network = await twoCentres(db, {
      organisation: { slug: 'reseau', name: 'Réseau' },
      names: ['Alpha', 'Beta'],
      address: { commune: 'Cayenne', street: '1 rue', postalCode: '97300', city: 'Cayenne' },
    });
    alpha = network.a;
    beta = network.b;

    let n = 0;
    const kase = async (
      centreId: string,
      stage: string,
      openedAt: Date,
      closedAt: Date | null = null,
    ) =>
      first(
        await db
          .insert(circleCases)
          .values({
            reference: `C-${++n}`,
            centreId,
            stage,
            openedAt,
            stageChangedAt: closedAt ?? openedAt,
            closedAt,
            abandonReason: stage === 'abandoned' ? 'Parti' : null,
          })
          .returning({ id: circleCases.id }),
      ).id;

    // Alpha: six cases opened 5 January 2026, closed after 30, 40, 50, 60, 100 and 110 days:
    // on 4, 14 and 24 February and 6 March (T1), 15 and 25 April (T2).
    const closed: string[] = [];
    for (const days of [30, 40, 50, 60, 100, 110])
      closed.push(await kase(alpha.id, 'closed', noon('2026-01-05'), noon('2026-01-05', days)));
    // Alpha: three cases at intake, opened 10 April.
    for (let i = 0; i < 3; i++) await kase(alpha.id, 'intake', noon('2026-04-10'));
    // Alpha: a case of last year, opened 1 October and closed 15 December 2025 (75 days).
    const old = await kase(alpha.id, 'closed', noon('2025-10-01'), noon('2025-12-15'));
    // Beta: abandoned (opened 1 February, given up 1 March); in circle since 20 November 2025;
    // in pre-circles since 30 June 22:00 in Cayenne (1 July in UTC: still June, still T2).
    await kase(beta.id, 'abandoned', noon('2026-02-01'), noon('2026-03-01'));
    await kase(beta.id, 'circle', noon('2025-11-20'));
    await kase(beta.id, 'pre_circles', new Date('2026-07-01T01:00:00Z'));

    // Agreements evaluated 10 March: 5 done, 4 partly, 3 not done; one not yet evaluated; one of
    // the old case evaluated 10 December 2025.
    const outcomes = [
      ...Array(5).fill('done'),
      ...Array(4).fill('partly'),
      ...Array(3).fill('not_done'),
    ] as string[];
    await db.insert(circleAgreements).values([
      ...outcomes.map((outcome, i) => ({
        caseId: closed[i % closed.length] as string,
        dueOn: '2026-03-01',
        outcome,
        evaluatedAt: noon('2026-03-10'),
      })),
      { caseId: closed[0] as string, dueOn: '2026-05-01' },
      { caseId: old, dueOn: '2025-12-01', outcome: 'done', evaluatedAt: noon('2025-12-10') },
    ]);
    app = await appWithDemoUsers(ctx);
    board = await signInAs(app, 'board');
  }, 180_000);
  afterAll(() => ctx?.dispose());

  const load = (query: Record<string, string>, cookie = board) =>
    report(app, { from: '2026-01-01', to: '2026-06-30', granularity: 'quarter', ...query }, cookie);
  const table = (m: ReportModel, id: string) =>
    (m.tables.find((t) => t.id === id)?.rows ?? []).map((r) => r.cells);

  it('is served by the registry and asks for the circles aggregates permission', () => {
    expect(reportSources.circles).toBe(circlesSource);
    expect(circlesSource.alsoRequires).toBe('circle.aggregates.read');
  });

  it('counts in SQL what was computed by hand, before anything is hidden', async () => {
    const data = await circlesData(ctx.db, { from: '2026-01-01', to: '2026-06-30' }, 'quarter', [
      alpha.id,
      beta.id,
    ]);
    const byStage = Object.fromEntries(data.byStage.map((r) => [r.stage, r.cases]));
    expect(byStage).toEqual({ closed: 6, intake: 3, abandoned: 1, circle: 1, pre_circles: 1 });
    const byCentre = Object.fromEntries(
      data.byCentre.map((r) => [r.centreId, [r.active, r.opened, r.closed]]),
    );
    expect(byCentre).toEqual({ [alpha.id]: [9, 9, 6], [beta.id]: [3, 2, 0] });
    expect([...data.perBucket].sort((a, b) => a.bucket.localeCompare(b.bucket))).toEqual([
      { bucket: '2026-T1', opened: 7, closed: 4, abandoned: 1 },
      { bucket: '2026-T2', opened: 4, closed: 2, abandoned: 0 },
    ]);
    expect(data.agreements).toEqual({ evaluated: 12, done: 5 });
    expect(data.closing.closed).toBe(6);
    expect(data.closing.medianDays).toBeCloseTo(55, 6);
  });

  it('equals the hand-computed figures, every count from 1 to 4 hidden', async () => {
    const model = await load({ compare: 'previous' });
    const k = Object.fromEntries(model.kpis.map((x) => [x.key, x]));
    // Followed in the first half of 2026: 6 closed + 3 intake (Alpha), abandoned + circle +
    // pre-circles (Beta) = 12; the case closed in December 2025 is not. Opened: 6 + 3 + 1 + 1 =
    // 11. Closed: 6. Agreements: 5 done of 12 evaluated. Median of 30, 40, 50, 60, 100, 110 days:
    // (50 + 60) ÷ 2 = 55.
    // The totals are not shown: each sums a hidden count (Beta's 3, T2's 4 opened, T1's 4 closed),
    // which the total minus the counts shown would give away.
    expect(k.activeCases?.value).toBeNull();
    expect(k.openedCases?.value).toBeNull();
    expect(k.closedCases?.value).toBeNull();
    expect(k.agreementsDoneShare?.value).toBeCloseTo(5 / 12, 10);
    expect(k.medianDaysToClose?.value).toBe(55);
    // The second half of 2025: the old case and Beta's circle (2 followed, hidden), 2 opened
    // (hidden), 1 closed (hidden), 1 agreement evaluated and 1 closed case: no share, no median.
    expect(model.comparison).toMatchObject({ from: '2025-07-01', to: '2025-12-31' });
    for (const key of [
      'activeCases',
      'openedCases',
      'closedCases',
      'agreementsDoneShare',
      'medianDaysToClose',
    ])
      expect(k[key]?.previous).toBeNull();

    expect(table(model, 'by-stage')).toEqual([
      { stage: 'Accueil', cases: '< 5' }, // 3
      { stage: 'Pré-cercles', cases: '< 5' }, // 1
      { stage: 'Cercle', cases: '< 5' }, // 1
      { stage: 'Post-cercle', cases: 0 },
      { stage: 'Clos', cases: 6 },
      { stage: 'Abandonné', cases: '< 5' }, // 1
    ]);
    // Alpha: 9 followed, 9 opened, 6 closed; Beta: 3 followed, 2 opened, none closed.
    expect(table(model, 'by-centre')).toEqual([
      { centre: 'Alpha', active: 9, opened: 9, closed: 6 },
      { centre: 'Beta', active: '< 5', opened: '< 5', closed: 0 },
    ]);
    expect(model.tables.find((t) => t.id === 'by-centre')?.rows[1]?.drill).toEqual({
      centreId: beta.id,
    });
    // T1: opened 6 (Alpha) + 1 (Beta) = 7, closed 4, abandoned 1. T2: opened 3 + 1 = 4, closed
    // 2, abandoned 0.
    expect(table(model, 'by-period')).toEqual([
      { period: 'T1 2026', opened: 7, closed: '< 5', abandoned: '< 5' },
      { period: 'T2 2026', opened: '< 5', closed: '< 5', abandoned: 0 },
    ]);
    const perPeriod = model.charts.find((c) => c.id === 'cases-per-period');
    expect(perPeriod?.series.map((s) => [s.key, s.values])).toEqual([
      ['opened', [7, null]],
      ['closed', [null, null]],
      ['abandoned', [null, 0]],
    ]);
    // Against T3 2025 (Beta's circle opened in T4: nothing in T3) and T4 2025 (2 opened,
    // 1 closed: hidden).
    expect(perPeriod?.series[0]?.previous).toEqual([0, null]);
  });

  it('is for the board, admins and managers, not for facilitators nor staff', async () => {
    const manager = await signInAs(app, 'manager');
    const mine = await load({}, manager);
    expect(mine.centres).toEqual([{ id: alpha.id, name: 'Alpha' }]);
    // Alpha alone: 9 followed, 9 opened, 6 closed.
    expect(table(mine, 'by-centre')).toEqual([
      { centre: 'Alpha', active: 9, opened: 9, closed: 6 },
    ]);
    for (const email of ['facilitation@lakou.test', 'accueil.kourou@lakou.test']) {
      const cookie = await signIn(app, email, DEMO_PASSWORD);
      const res = await call(app, 'GET', '/api/reports/circles?from=2026-01-01&to=2026-06-30', {
        cookie,
      });
      expect(res.status).toBe(403);
    }
  });

  it('shows « < 5 » in its CSV file too', async () => {
    const res = await call(
      app,
      'GET',
      `/api/reports/circles?from=2026-01-01&to=2026-06-30&granularity=quarter&format=csv`,
      { cookie: board },
    );
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('< 5');
    // No small count leaks as a number in a cell of the stage table (Accueil: 3 cases).
    expect(text).not.toMatch(/Accueil[;,]"?3"?/);
  });

  it('narrows to the centres asked for', async () => {
    const model = await load({ centreIds: beta.id });
    const k = Object.fromEntries(model.kpis.map((x) => [x.key, x.value]));
    // Beta alone: 3 followed, 2 opened, none closed, no agreement.
    expect(k).toEqual({
      activeCases: null,
      openedCases: null,
      closedCases: 0,
      agreementsDoneShare: null,
      medianDaysToClose: null,
    });
  });
});

describe.each(engines)('circles report on the demo network (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp(kind);
  }, 180_000);
  afterAll(() => ctx.database.dispose());

  it('reads the demo cases without showing any count from 1 to 4', async () => {
    const today = Temporal.Now.plainDateISO('America/Cayenne');
    const board = await signInAs(ctx.app, 'board');
    const m = await report(
      ctx.app,
      { from: today.subtract({ years: 1 }).toString(), to: today.toString(), compare: 'previous' },
      board,
    );
    const stages = m.tables.find((t) => t.id === 'by-stage')?.rows ?? [];
    // The demo has a few cases: something is followed, if only « < 5 ».
    expect(stages.some((r) => r.cells.cases !== 0)).toBe(true);
    const small = (v: unknown) => typeof v === 'number' && v >= 1 && v <= 4;
    for (const t of m.tables)
      for (const r of t.rows) for (const v of Object.values(r.cells)) expect(small(v)).toBe(false);
    for (const c of m.charts)
      for (const s of c.series)
        for (const v of [...s.values, ...(s.previous ?? [])]) expect(small(v)).toBe(false);
  });
});
