import type { ReportModel } from '@lakou/reports/model';
import { asc, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  centres,
  disbursementGoods,
  disbursements,
  donations,
  donors,
  grantInstalments,
  grants,
  ledgerEntries,
  partners,
  receipts,
  subFunds,
} from '../../src/db/schema/index.ts';
import { reportSources } from '../../src/reports/registry.ts';
import type { ReportCentre } from '../../src/reports/report.source.ts';
import { call, engines, freshDatabase, json, seededApp, type TestDatabase } from '../harness.ts';
import {
  type App,
  appWithDemoUsers,
  chart,
  getReport,
  kpi,
  signInAs,
  table,
  twoCentres,
} from './report-test-setup.ts';

const series = (m: ReportModel, id: string, key: string) =>
  chart(m, id)?.series.find((s) => s.key === key)?.values;
const cells = (m: ReportModel, id: string) => table(m, id)?.rows.map((r) => r.cells);

/**
 * A hand-made fund on an empty database (2026, euro cents). Period: March–April, by month;
 * comparison (previous): January–February.
 *
 * Sub-funds: LIBRE (unrestricted), AFF-A (restricted to centre A), SUBV (a grant's, restricted),
 * DOT (endowment). Donors: Alice (individual), E (company), F (foundation), CTG (public body).
 *
 * Ledger:
 *   LIBRE  02-10 +100 000 gift Alice; 02-20 −40 000 paid to B (X5); 03-05 +50 000 gift Alice;
 *          03-10 −30 000 paid to A (X1); 03-25 +10 000 anonymous gift; 04-02 −10 000 its
 *          correction; 04-20 −20 000 paid to B (X3); 04-25 +20 000 correction of X3.
 *   AFF-A  03-20 +200 000 gift E; 04-05 −50 000 paid to partner P (X2).
 *   SUBV   03-16 +250 000 instalment of grant G1 (funder CTG).
 *   DOT    04-10 +1 000 000 gift F.
 * Gifts in kind: 01-20 7 000 Alice → A; 03-12 30 000 E → A (passed on to A by goods
 * disbursement X4 on 04-01, 30 000); 04-15 5 000 anonymous → B.
 * Grants: G1 CTG for A, submitted 01-15, awarded 03-01: 400 000 of 500 000 asked; G2 F for B,
 * submitted 04-01, 300 000 asked; G3 F draft created 02-01, 100 000; G4 CTG rejected 01-10 and
 * closed 02-15, 80 000 (closed before the period: out); G5 CTG draft created 05-10, 60 000
 * (after the period: out).
 * Receipts: R4 annual Alice 02-15 100 000; R1 single Alice 03-06 50 000; R2 single E 03-21
 * 230 000 cancelled; R3 single E 03-22 230 000 (200 000 money + 30 000 in kind), its replacement.
 */
describe.each(engines)('fund report on a hand-made fixture (%s)', (kind) => {
  let database: TestDatabase;
  let app: App;
  let A: ReportCentre;
  let B: ReportCentre;
  let admin: string;
  let manager: string;

  /** GET /api/reports/fund for March–April 2026, as the admin unless told. */
  const load = (query: Record<string, string>, cookie = admin): Promise<ReportModel> =>
    getReport(app, 'fund', { from: '2026-03-01', to: '2026-04-30', ...query }, cookie);

  beforeAll(async () => {
    database = await freshDatabase(kind);
    const db = database.db;
    // The demo accounts' slugs: the demo manager manages A (Village Chinois's slug) only.
    const network = await twoCentres(db, {
      organisation: { slug: 'essai', name: 'Fonds d’essai' },
      names: ['Centre A', 'Centre B'],
      address: { commune: 'Cayenne', street: '1 rue Test', postalCode: '97300', city: 'Cayenne' },
    });
    A = network.a;
    B = network.b;
    const o = network.organisationId;
    const [partner] = await db
      .insert(partners)
      .values({
        organisationId: o,
        slug: 'p',
        name: 'Partenaire P',
        kind: 'association',
        searchKey: 'p',
      })
      .returning();
    const donor = async (kind: string, name: string) => {
      const [d] = await db
        .insert(donors)
        .values({ organisationId: o, kind, name, searchKey: name.toLowerCase() })
        .returning();
      if (!d) throw new Error('no donor');
      return d.id;
    };
    const alice = await donor('individual', 'Alice');
    const company = await donor('company', 'Entreprise E');
    const foundation = await donor('foundation', 'Fondation F');
    const ctg = await donor('public_body', 'CTG');
    const fund = async (code: string, kind: string, centreId: string | null = null) => {
      const [f] = await db
        .insert(subFunds)
        .values({ organisationId: o, code, name: `Fonds ${code}`, kind, centreId })
        .returning();
      if (!f) throw new Error('no sub-fund');
      return f.id;
    };
    const libre = await fund('LIBRE', 'unrestricted');
    const affA = await fund('AFF-A', 'restricted', A.id);
    const subv = await fund('SUBV', 'restricted');
    const dot = await fund('DOT', 'endowment');
    await fund('VIDE', 'restricted'); // no entry at all: not in the balances

    const entry = async (
      subFundId: string,
      occurredOn: string,
      amountCents: number,
      kind: string,
      links: Partial<typeof ledgerEntries.$inferInsert> = {},
    ) => {
      const [e] = await db
        .insert(ledgerEntries)
        .values({
          organisationId: o,
          subFundId,
          occurredOn,
          amountCents,
          kind,
          label: kind,
          ...links,
        })
        .returning();
      if (!e) throw new Error('no entry');
      return e.id;
    };
    const money = async (
      donorId: string | null,
      receivedOn: string,
      amountCents: number,
      subFundId: string,
    ) => {
      const [d] = await db
        .insert(donations)
        .values({
          organisationId: o,
          kind: 'money',
          donorId,
          receivedOn,
          amountCents,
          method: 'transfer',
          subFundId,
        })
        .returning();
      if (!d) throw new Error('no gift');
      const entryId = await entry(subFundId, receivedOn, amountCents, 'donation', {
        donationId: d.id,
      });
      return { id: d.id, entryId };
    };
    const inKind = async (
      donorId: string | null,
      receivedOn: string,
      amountCents: number,
      centreId: string,
    ) => {
      const [d] = await db
        .insert(donations)
        .values({
          organisationId: o,
          kind: 'in_kind',
          donorId,
          receivedOn,
          amountCents,
          description: 'Mobilier',
          category: 'furniture',
          quantity: 1,
          centreId,
          valuationMethod: 'market_value',
        })
        .returning();
      if (!d) throw new Error('no gift in kind');
      return d.id;
    };
    const correct = (target: string, subFundId: string, on: string, cents: number) =>
      entry(subFundId, on, cents, 'correction', { reversesId: target, reason: 'erreur' });

    await money(alice, '2026-02-10', 100_000, libre);
    const g1 = await money(alice, '2026-03-05', 50_000, libre);
    const g2 = await money(company, '2026-03-20', 200_000, affA);
    const anon = await money(null, '2026-03-25', 10_000, libre);
    await correct(anon.entryId, libre, '2026-04-02', -10_000);
    await money(foundation, '2026-04-10', 1_000_000, dot);
    const k1 = await inKind(alice, '2026-01-20', 7_000, A.id);
    const k2 = await inKind(company, '2026-03-12', 30_000, A.id);
    await inKind(null, '2026-04-15', 5_000, B.id);

    const grant = async (values: Partial<typeof grants.$inferInsert> & { funderId: string }) => {
      const [g] = await db
        .insert(grants)
        .values({
          organisationId: o,
          callForProjects: 'Appel',
          project: 'Projet',
          amountRequestedCents: 1,
          ...values,
        })
        .returning();
      if (!g) throw new Error('no grant');
      return g.id;
    };
    const G1 = await grant({
      funderId: ctg,
      status: 'awarded',
      amountRequestedCents: 500_000,
      amountAwardedCents: 400_000,
      submittedOn: '2026-01-15',
      decisionOn: '2026-03-01',
      centreId: A.id,
      subFundId: subv,
    });
    const [inst] = await db
      .insert(grantInstalments)
      .values([
        { grantId: G1, expectedOn: '2026-03-15', amountCents: 250_000, receivedOn: '2026-03-16' },
        { grantId: G1, expectedOn: '2026-06-01', amountCents: 150_000 },
      ])
      .returning();
    if (!inst) throw new Error('no instalment');
    await entry(subv, '2026-03-16', 250_000, 'grant_instalment', { grantInstalmentId: inst.id });
    await grant({
      funderId: foundation,
      status: 'submitted',
      amountRequestedCents: 300_000,
      submittedOn: '2026-04-01',
      centreId: B.id,
    });
    await grant({
      funderId: foundation,
      status: 'draft',
      amountRequestedCents: 100_000,
      createdAt: new Date('2026-02-01T15:00:00Z'),
    });
    await grant({
      funderId: ctg,
      status: 'closed',
      amountRequestedCents: 80_000,
      submittedOn: '2025-12-01',
      decisionOn: '2026-01-10',
      closedOn: '2026-02-15',
    });
    await grant({
      funderId: ctg,
      status: 'draft',
      amountRequestedCents: 60_000,
      createdAt: new Date('2026-05-10T15:00:00Z'),
    });

    const pay = async (
      values: Partial<typeof disbursements.$inferInsert> & { amountCents: number; paidOn: string },
    ) => {
      const [d] = await db
        .insert(disbursements)
        .values({
          organisationId: o,
          kind: 'money',
          purpose: 'Soutien',
          decisionOn: values.paidOn,
          decisionRef: 'CA',
          ...values,
        })
        .returning();
      if (!d) throw new Error('no disbursement');
      if (d.kind === 'money' && d.subFundId) {
        const entryId = await entry(d.subFundId, d.paidOn, -d.amountCents, 'disbursement', {
          disbursementId: d.id,
        });
        return { id: d.id, entryId, subFundId: d.subFundId };
      }
      return { id: d.id, entryId: '', subFundId: '' };
    };
    await pay({ centreId: B.id, subFundId: libre, amountCents: 40_000, paidOn: '2026-02-20' });
    await pay({ centreId: A.id, subFundId: libre, amountCents: 30_000, paidOn: '2026-03-10' });
    await pay({
      partnerId: partner?.id,
      subFundId: affA,
      amountCents: 50_000,
      paidOn: '2026-04-05',
    });
    const x3 = await pay({
      centreId: B.id,
      subFundId: libre,
      amountCents: 20_000,
      paidOn: '2026-04-20',
    });
    await correct(x3.entryId, libre, '2026-04-25', 20_000);
    const x4 = await pay({
      kind: 'goods',
      centreId: A.id,
      amountCents: 30_000,
      paidOn: '2026-04-01',
    });
    await db.insert(disbursementGoods).values({ disbursementId: x4.id, donationId: k2 });

    let sequence = 0;
    const receipt = async (
      values: Partial<typeof receipts.$inferInsert> & {
        donorId: string;
        issuedOn: string;
        moneyCents: number;
        inKindCents: number;
      },
    ) => {
      sequence += 1;
      const [r] = await db
        .insert(receipts)
        .values({
          organisationId: o,
          year: 2026,
          sequence,
          number: `2026-${sequence}`,
          kind: 'single',
          totalCents: values.moneyCents + values.inKindCents,
          snapshot: {},
          ...values,
        })
        .returning();
      if (!r) throw new Error('no receipt');
      return r.id;
    };
    await receipt({
      kind: 'annual',
      donorId: alice,
      issuedOn: '2026-02-15',
      moneyCents: 100_000,
      inKindCents: 0,
    });
    await receipt({ donorId: alice, issuedOn: '2026-03-06', moneyCents: 50_000, inKindCents: 0 });
    const r2 = await receipt({
      donorId: company,
      issuedOn: '2026-03-21',
      moneyCents: 200_000,
      inKindCents: 30_000,
      status: 'cancelled',
      cancelledAt: new Date('2026-03-22T12:00:00Z'),
      cancelReason: 'Adresse erronée',
    });
    await receipt({
      donorId: company,
      issuedOn: '2026-03-22',
      moneyCents: 200_000,
      inKindCents: 30_000,
      replacesId: r2,
    });
    void g1;
    void g2;
    void k1;

    app = await appWithDemoUsers(database);
    admin = await signInAs(app, 'admin');
    manager = await signInAs(app, 'manager');
  });

  afterAll(async () => {
    await database?.dispose();
  });

  it('gives the whole network its key figures and their comparison', async () => {
    expect(reportSources.fund?.alsoRequires).toBe('fund.read');
    const m = await load({ compare: 'previous' });
    expect(m.centres).toEqual([A, B]);
    expect(m.comparison).toMatchObject({ from: '2026-01-01', to: '2026-02-28' });
    expect(m.kpis.map((k) => [k.key, k.value, k.previous])).toEqual([
      // End of April: LIBRE 80 000 + AFF-A 150 000 + SUBV 250 000 + DOT 1 000 000.
      // End of February: LIBRE 100 000 − 40 000.
      ['balance', 1_480_000, 60_000],
      // Money 50 000 + 200 000 + 10 000 − 10 000 + 1 000 000 = 1 250 000; grant 250 000;
      // in kind 30 000 + 5 000 = 35 000. Before: 100 000 money + 7 000 in kind.
      ['inflows', 1_535_000, 107_000],
      // X1 30 000 + X2 50 000 + X3 (20 000 − 20 000) + X4 goods 30 000. Before: X5 40 000.
      ['disbursed', 110_000, 40_000],
      // G1 decided 03-01; G4's refusal (01-10) has no amount.
      ['awarded', 400_000, 0],
      // R1 and R3 (R2 cancelled). Before: R4.
      ['receipts', 2, 1],
      ['receiptsAmount', 280_000, 100_000],
    ]);
    // The comparison's months side by side with March and April: January, February.
    expect(series(m, 'inflows', 'money')).toEqual([260_000, 990_000]);
    const previous = (id: string, key: string) =>
      chart(m, id)?.series.find((x) => x.key === key)?.previous;
    expect(previous('inflows', 'money')).toEqual([0, 100_000]);
    expect(previous('inflows', 'in_kind')).toEqual([7_000, 0]);
    expect(previous('inflows', 'grant')).toEqual([0, 0]);
    expect(previous('disbursements', 'money')).toEqual([0, 40_000]);
    expect(previous('disbursements', 'goods')).toEqual([0, 0]);
  });

  it('comes as CSV, XLSX and PDF files too', async () => {
    const q = 'from=2026-03-01&to=2026-04-30';
    const csv = await call(app, 'GET', `/api/reports/fund?${q}&format=csv`, { cookie: admin });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('Fonds de dotation');
    expect(text).toContain('Partenaire P');
    for (const format of ['xlsx', 'pdf']) {
      const res = await call(app, 'GET', `/api/reports/fund?${q}&format=${format}`, {
        cookie: admin,
      });
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('draws each sub-fund’s balance at the end of each month, and the balances by kind', async () => {
    const m = await load({});
    expect(chart(m, 'balance-by-sub-fund')?.buckets).toEqual(['2026-03', '2026-04']);
    // LIBRE: 60 000 + 50 000 − 30 000 + 10 000 = 90 000; then − 10 000 − 20 000 + 20 000.
    expect(series(m, 'balance-by-sub-fund', 'LIBRE')).toEqual([90_000, 80_000]);
    expect(series(m, 'balance-by-sub-fund', 'AFF-A')).toEqual([200_000, 150_000]);
    expect(series(m, 'balance-by-sub-fund', 'SUBV')).toEqual([250_000, 250_000]);
    expect(series(m, 'balance-by-sub-fund', 'DOT')).toEqual([0, 1_000_000]);
    expect(series(m, 'balance-by-sub-fund', 'VIDE')).toBeUndefined();
    expect(series(m, 'balance-by-kind', 'unrestricted')).toEqual([90_000, 80_000]);
    // 200 000 + 250 000; 150 000 + 250 000.
    expect(series(m, 'balance-by-kind', 'restricted')).toEqual([450_000, 400_000]);
    expect(series(m, 'balance-by-kind', 'endowment')).toEqual([0, 1_000_000]);
    // Unrestricted first, then restricted by code, then the endowment.
    expect(cells(m, 'sub-funds')).toEqual([
      {
        code: 'LIBRE',
        name: 'Fonds LIBRE',
        kind: 'Libre d’affectation',
        opening: 60_000,
        credits: 80_000,
        debits: -60_000,
        closing: 80_000,
      },
      {
        code: 'AFF-A',
        name: 'Fonds AFF-A',
        kind: 'Affecté',
        opening: 0,
        credits: 200_000,
        debits: -50_000,
        closing: 150_000,
      },
      {
        code: 'SUBV',
        name: 'Fonds SUBV',
        kind: 'Affecté',
        opening: 0,
        credits: 250_000,
        debits: 0,
        closing: 250_000,
      },
      {
        code: 'DOT',
        name: 'Fonds DOT',
        kind: 'Dotation en capital',
        opening: 0,
        credits: 1_000_000,
        debits: 0,
        closing: 1_000_000,
      },
    ]);
    expect(table(m, 'sub-funds')?.totals).toMatchObject({ opening: 60_000, closing: 1_480_000 });
    // By week (1 March 2026 is a Sunday, the end of W09): LIBRE ends W09 at 60 000, W10
    // (2–8 March) at 60 000 + 50 000 = 110 000, W11 (9–15 March) at 110 000 − 30 000 = 80 000.
    const weekly = await load({ granularity: 'week' });
    const weeks = chart(weekly, 'balance-by-sub-fund')?.buckets ?? [];
    expect(weeks[0]).toBe('2026-W09');
    expect(weeks.at(-1)).toBe('2026-W18');
    const libre = series(weekly, 'balance-by-sub-fund', 'LIBRE') ?? [];
    expect(libre[0]).toBe(60_000);
    expect(libre[1]).toBe(110_000);
    expect(libre[2]).toBe(80_000);
    expect(libre.at(-1)).toBe(80_000);
  });

  it('counts inflows by month, kind and donor type', async () => {
    const m = await load({});
    expect(series(m, 'inflows', 'money')).toEqual([260_000, 990_000]);
    expect(series(m, 'inflows', 'in_kind')).toEqual([30_000, 5_000]);
    expect(series(m, 'inflows', 'grant')).toEqual([250_000, 0]);
    expect(cells(m, 'inflows-by-donor-kind')).toEqual([
      { donorKind: 'Particulier', money: 50_000, in_kind: 0, grant: 0, total: 50_000 },
      { donorKind: 'Entreprise', money: 200_000, in_kind: 30_000, grant: 0, total: 230_000 },
      { donorKind: 'Fondation', money: 1_000_000, in_kind: 0, grant: 0, total: 1_000_000 },
      { donorKind: 'Organisme public', money: 0, in_kind: 0, grant: 250_000, total: 250_000 },
      // The anonymous 10 000 and its correction cancel out; 5 000 in kind remains.
      { donorKind: 'Donateur non identifié', money: 0, in_kind: 5_000, grant: 0, total: 5_000 },
    ]);
    expect(table(m, 'inflows-by-donor-kind')?.totals).toMatchObject({ total: 1_535_000 });
  });

  it('lays out the grants pipeline, the disbursements and the receipts', async () => {
    const m = await load({});
    expect(cells(m, 'grants-pipeline')).toEqual([
      { status: 'En préparation', count: 1, requested: 100_000, awarded: 0 },
      { status: 'Déposée', count: 1, requested: 300_000, awarded: 0 },
      { status: 'Accordée', count: 1, requested: 500_000, awarded: 400_000 },
    ]);
    expect(series(m, 'disbursements', 'money')).toEqual([30_000, 50_000]);
    expect(series(m, 'disbursements', 'goods')).toEqual([0, 30_000]);
    expect(table(m, 'disbursements-by-beneficiary')?.rows).toEqual([
      {
        cells: {
          beneficiary: 'Centre A',
          type: 'Centre',
          count: 2,
          money: 30_000,
          goods: 30_000,
          total: 60_000,
        },
        drill: { centreId: A.id },
      },
      {
        cells: { beneficiary: 'Centre B', type: 'Centre', count: 1, money: 0, goods: 0, total: 0 },
        drill: { centreId: B.id },
      },
      {
        cells: {
          beneficiary: 'Partenaire P',
          type: 'Partenaire',
          count: 1,
          money: 50_000,
          goods: 0,
          total: 50_000,
        },
      },
    ]);
    expect(cells(m, 'receipts')).toEqual([
      { kind: 'Reçus ponctuels', count: 2, money: 250_000, inKind: 30_000, total: 280_000 },
    ]);
    expect(m.notes.find((n) => n.term === 'Reçus annulés')?.definition).toMatch(/^1 reçu/);
    for (const c of m.charts) {
      for (const s of c.series) {
        expect(s.values).toHaveLength(c.buckets.length);
        for (const v of s.values) expect(Number.isSafeInteger(v)).toBe(true);
      }
    }
  });

  it('shows a manager, or a centre filter, only what is attributable to those centres', async () => {
    // The demo manager manages A only (Mont-Lucas is not in this network).
    const a = await load({ compare: 'previous' }, manager);
    expect(a.centres).toEqual([A]);
    expect(a.kpis.map((k) => [k.key, k.value, k.previous])).toEqual([
      ['inflows', 30_000, 7_000], // in kind to A: 03-12; before: 01-20
      ['disbursed', 60_000, 0], // X1 30 000 + X4 30 000
      ['awarded', 400_000, 0], // G1 serves A
    ]);
    expect(a.charts.map((c) => c.id)).toEqual(['inflows', 'disbursements', 'grants-pipeline']);
    expect(a.tables.map((t) => t.id)).not.toContain('sub-funds');
    expect(a.tables.map((t) => t.id)).not.toContain('receipts');
    expect(cells(a, 'inflows-by-donor-kind')).toEqual([
      { donorKind: 'Entreprise', in_kind: 30_000, total: 30_000 },
    ]);
    expect(cells(a, 'grants-pipeline')).toEqual([
      { status: 'Accordée', count: 1, requested: 500_000, awarded: 400_000 },
    ]);
    expect(cells(a, 'disbursements-by-beneficiary')).toEqual([
      {
        beneficiary: 'Centre A',
        type: 'Centre',
        count: 2,
        money: 30_000,
        goods: 30_000,
        total: 60_000,
      },
    ]);
    expect(a.notes[0]?.term).toBe('Périmètre des centres');

    // Not the manager's centre: refused; a receptionist reads no report at all.
    const q = `from=2026-03-01&to=2026-04-30&centreIds=${B.id}`;
    expect((await call(app, 'GET', `/api/reports/fund?${q}`, { cookie: manager })).status).toBe(
      403,
    );
    const staff = await signInAs(app, 'staff');
    expect((await call(app, 'GET', `/api/reports/fund?${q}`, { cookie: staff })).status).toBe(403);
    // The board reads the whole network.
    const board = await signInAs(app, 'board');
    expect(kpi(await load({}, board), 'balance')?.value).toBe(1_480_000);

    const b = await load({ centreIds: B.id });
    expect(b.centres).toEqual([B]);
    expect(b.kpis.map((k) => k.key)).toEqual(['inflows', 'disbursed', 'awarded']);
    expect(kpi(b, 'inflows')?.value).toBe(5_000);
    expect(kpi(b, 'disbursed')?.value).toBe(0); // X3 paid and corrected
    expect(cells(b, 'grants-pipeline')).toEqual([
      { status: 'Déposée', count: 1, requested: 300_000, awarded: 0 },
    ]);
  });
});

describe.each(engines)('fund report on the demo network (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;

  beforeAll(async () => {
    ctx = await seededApp(kind);
  });
  afterAll(async () => {
    await ctx?.database.dispose();
  });

  it('is not empty over the span of the ledger, and a manager sees only their centres', async () => {
    const db = ctx.database.db;
    const [span] = await db
      .select({
        from: sql<string>`min(${ledgerEntries.occurredOn})::text`,
        to: sql<string>`max(${ledgerEntries.occurredOn})::text`,
      })
      .from(ledgerEntries);
    expect(span?.from).toBeTruthy();
    const q = `from=${span?.from}&to=${span?.to}&granularity=month&compare=previous`;
    const get = async (cookie: string) => {
      const res = await call(ctx.app, 'GET', `/api/reports/fund?${q}`, { cookie });
      expect(res.status).toBe(200);
      return json<ReportModel>(res);
    };
    const m = await get(await signInAs(ctx.app, 'admin'));
    expect(kpi(m, 'balance')?.value).toBeGreaterThan(0);
    expect(kpi(m, 'inflows')?.value).toBeGreaterThan(0);
    expect(kpi(m, 'disbursed')?.value).toBeGreaterThan(0);
    expect(chart(m, 'balance-by-sub-fund')?.series.length).toBeGreaterThan(0);
    expect(table(m, 'grants-pipeline')?.rows.length).toBeGreaterThan(0);
    expect(table(m, 'sub-funds')?.totals?.closing).toBe(kpi(m, 'balance')?.value);
    expect(table(m, 'inflows-by-donor-kind')?.totals?.total).toBe(kpi(m, 'inflows')?.value);
    expect(table(m, 'disbursements-by-beneficiary')?.totals?.total).toBe(
      kpi(m, 'disbursed')?.value,
    );

    const managed = await db
      .select({ id: centres.id, name: centres.name })
      .from(centres)
      .where(inArray(centres.slug, ['cayenne-village-chinois', 'cayenne-mont-lucas']))
      .orderBy(asc(centres.name));
    const mine = await get(await signInAs(ctx.app, 'manager'));
    expect(mine.centres).toEqual(managed);
    expect(mine.kpis.map((k) => k.key)).toEqual(['inflows', 'disbursed', 'awarded']);
    expect(mine.tables.map((t) => t.id)).not.toContain('sub-funds');
    expect(mine.notes[0]?.term).toBe('Périmètre des centres');
    const ids = managed.map((c) => c.id);
    for (const row of table(mine, 'disbursements-by-beneficiary')?.rows ?? []) {
      expect(ids).toContain(row.drill?.centreId);
    }
    expect(kpi(mine, 'disbursed')?.value ?? 0).toBeLessThanOrEqual(kpi(m, 'disbursed')?.value ?? 0);
  });
});
