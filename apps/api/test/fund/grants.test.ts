import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, donors } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { organisationId } from '../../src/fund/fund.queries.ts';
import { call, engines, json, seededApp, signIn } from '../harness.ts';

interface Grant {
  id: string;
  status: string;
  funderName: string;
  amountAwardedCents: number | null;
  receivedCents: number;
  submittedOn: string | null;
  decisionOn: string | null;
  reportDueOn: string | null;
  closedOn: string | null;
  submissionDeadline: string | null;
  subFundId: string | null;
  notes: string | null;
  project: string;
  instalments: {
    id: string;
    amountCents: number;
    expectedOn: string;
    receivedOn: string | null;
    ledgerEntryId: string | null;
  }[];
}
interface Problem {
  code?: string;
  detail: string;
  errors?: { field: string }[];
}
interface Deadline {
  grantId: string;
  kind: string;
  date: string;
  overdue: boolean;
  amountCents: number | null;
  funderName: string;
  project: string;
}

/*
 * Funders are donors inserted directly in the donors table (the grants' tests do not depend on
 * the donors API). Money comes in only through the grants' own instalments.
 */
describe.each(engines)('grants (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let admin: string;
  let manager: string;
  let board: string;
  let foundation: string;
  let publicBody: string;
  let person: string;
  const today = Temporal.Now.plainDateISO('America/Cayenne');
  const day = (days: number) => today.add({ days }).toString();

  const create = async (body: Record<string, unknown> = {}) => {
    const res = await call(ctx.app, 'POST', '/api/grants', {
      cookie: admin,
      body: {
        funderId: foundation,
        callForProjects: 'Appel « Inclusion numérique » 2015',
        project: 'Atelier de réparation informatique',
        amountRequestedCents: 1_200_000,
        ...body,
      },
    });
    expect(res.status).toBe(201);
    return json<Grant>(res);
  };
  const move = (id: string, body: Record<string, unknown>) =>
    call(ctx.app, 'POST', `/api/grants/${id}/moves`, { cookie: admin, body });
  const moved = async (id: string, body: Record<string, unknown>) => {
    const res = await move(id, body);
    expect(res.status).toBe(200);
    return json<Grant>(res);
  };
  const plan = (id: string, amountCents: number, expectedOn: string) =>
    call(ctx.app, 'POST', `/api/grants/${id}/instalments`, {
      cookie: admin,
      body: { amountCents, expectedOn },
    });
  const receive = (id: string, instalmentId: string, receivedOn: string) =>
    call(ctx.app, 'POST', `/api/grants/${id}/instalments/${instalmentId}/received`, {
      cookie: admin,
      body: { receivedOn },
    });
  const awarded = async (on: string, amountAwardedCents: number, body = {}) => {
    const grant = await create(body);
    await moved(grant.id, { to: 'submitted', on });
    return moved(grant.id, { to: 'awarded', on, amountAwardedCents });
  };

  beforeAll(async () => {
    ctx = await seededApp(kind);
    admin = await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD);
    manager = await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD);
    board = await signIn(ctx.app, 'ca@lakou.test', DEMO_PASSWORD);
    const org = (await organisationId(ctx.database.db)) ?? '';
    const made = await ctx.database.db
      .insert(donors)
      .values([
        {
          organisationId: org,
          kind: 'foundation',
          name: 'Fondation Test',
          searchKey: 'fondation test',
        },
        {
          organisationId: org,
          kind: 'public_body',
          name: 'Collectivité Test',
          searchKey: 'collectivite test',
        },
        { organisationId: org, kind: 'individual', name: 'Jeanne Test', searchKey: 'jeanne test' },
      ])
      .returning({ id: donors.id });
    [foundation, publicBody, person] = made.map((d) => d.id) as [string, string, string];
  });
  afterAll(() => ctx.database.dispose());

  it('asks grants of foundations and public bodies only, as drafts, for the admin', async () => {
    const draft = await create();
    expect(draft).toMatchObject({
      status: 'draft',
      funderName: 'Fondation Test',
      amountAwardedCents: null,
      receivedCents: 0,
      subFundId: null,
      instalments: [],
    });
    expect((await create({ funderId: publicBody })).funderName).toBe('Collectivité Test');
    const fromPerson = await call(ctx.app, 'POST', '/api/grants', {
      cookie: admin,
      body: {
        funderId: person,
        callForProjects: 'Pas un appel',
        project: 'Projet',
        amountRequestedCents: 10_000,
      },
    });
    expect(fromPerson.status).toBe(422);
    const problem = await json<Problem>(fromPerson);
    expect(problem).toMatchObject({ code: 'FUNDER_NOT_ELIGIBLE' });
    expect(problem.detail).toMatch(/fondation ou à un organisme public/);
    expect(problem.errors?.map((e) => e.field)).toEqual(['funderId']);
    const byManager = await call(ctx.app, 'POST', '/api/grants', {
      cookie: manager,
      body: {
        funderId: foundation,
        callForProjects: 'AAP',
        project: 'Projet',
        amountRequestedCents: 1,
      },
    });
    expect(byManager.status).toBe(403);
    const read = await call(ctx.app, 'GET', `/api/grants/${draft.id}`, { cookie: manager });
    expect(read.status).toBe(200);
    const list = await json<{ items: Grant[] }>(
      await call(ctx.app, 'GET', `/api/grants?funderId=${publicBody}`, { cookie: board }),
    );
    expect(list.items.map((g) => g.funderName)).toEqual(['Collectivité Test']);
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, draft.id), eq(auditLog.action, 'fund.grant.create')));
    expect(audit?.actorEmail).toBe('admin@lakou.test');
  });

  it('moves along draft → submitted → awarded → report due → closed, with clear refusals', async () => {
    const grant = await create({ submissionDeadline: '2015-03-31' });
    const skip = await move(grant.id, { to: 'awarded', on: '2015-03-01', amountAwardedCents: 100 });
    expect(skip.status).toBe(422);
    const skipped = await json<Problem>(skip);
    expect(skipped.code).toBe('BAD_TRANSITION');
    expect(skipped.detail).toBe(
      'Une demande « En préparation » ne peut pas passer à « Accordée ».',
    );
    expect((await moved(grant.id, { to: 'submitted', on: '2015-03-20' })).submittedOn).toBe(
      '2015-03-20',
    );
    const noAmount = await move(grant.id, { to: 'awarded', on: '2015-06-01' });
    expect(noAmount.status).toBe(422);
    const missing = await json<Problem>(noAmount);
    expect(missing.code).toBe('AMOUNT_REQUIRED');
    expect(missing.errors?.map((e) => e.field)).toEqual(['amountAwardedCents']);

    const award = await moved(grant.id, {
      to: 'awarded',
      on: '2015-06-01',
      amountAwardedCents: 1_000_000,
      note: 'Accord partiel du comité',
    });
    expect(award).toMatchObject({
      status: 'awarded',
      amountAwardedCents: 1_000_000,
      decisionOn: '2015-06-01',
    });
    expect(award.notes).toContain('Accord partiel du comité');
    expect(award.subFundId).not.toBeNull();

    const closeEarly = await move(grant.id, { to: 'closed', on: '2015-07-01' });
    expect(closeEarly.status).toBe(422);
    expect(await json<Problem>(closeEarly)).toMatchObject({ code: 'BAD_TRANSITION' });
    const noReportDate = await move(grant.id, { to: 'report_due', on: '2016-01-10' });
    expect(await json<Problem>(noReportDate)).toMatchObject({ code: 'REPORT_DATE_REQUIRED' });
    expect(
      (await moved(grant.id, { to: 'report_due', on: '2016-01-10', reportDueOn: '2016-06-30' }))
        .reportDueOn,
    ).toBe('2016-06-30');
    expect((await moved(grant.id, { to: 'closed', on: '2016-06-15' })).closedOn).toBe('2016-06-15');
    const reopen = await move(grant.id, { to: 'submitted', on: '2016-07-01' });
    expect(reopen.status).toBe(422);
    const edit = await call(ctx.app, 'PATCH', `/api/grants/${grant.id}`, {
      cookie: admin,
      body: { notes: 'Trop tard' },
    });
    expect(edit.status).toBe(422);
    expect(await json<Problem>(edit)).toMatchObject({ code: 'GRANT_CLOSED' });

    const rejected = await create();
    await moved(rejected.id, { to: 'submitted', on: '2015-02-01' });
    const no = await moved(rejected.id, { to: 'rejected', on: '2015-04-01' });
    expect(no).toMatchObject({ status: 'rejected', decisionOn: '2015-04-01', subFundId: null });

    const moves = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, grant.id), eq(auditLog.action, 'fund.grant.move')));
    expect(moves).toHaveLength(4);
  });

  it('changes only the fields sent', async () => {
    const grant = await create({ submissionDeadline: '2015-09-30', notes: 'Dossier en cours' });
    const res = await call(ctx.app, 'PATCH', `/api/grants/${grant.id}`, {
      cookie: admin,
      body: { amountRequestedCents: 900_000 },
    });
    expect(res.status).toBe(200);
    expect(await json<Grant>(res)).toMatchObject({
      amountRequestedCents: 900_000,
      submissionDeadline: '2015-09-30',
      notes: 'Dossier en cours',
    });
  });

  it('opens a restricted SUBV-<year>-<n> sub-fund named after the project when awarding', async () => {
    const first = await awarded('2013-05-05', 500_000, {
      project: 'Jardin partagé des Âmes Claires',
    });
    const second = await awarded('2013-11-20', 300_000, { project: 'Vélos pour tous' });
    const fund = async (id: string | null) =>
      json<{ code: string; name: string; kind: string; grantId: string; balanceCents: number }>(
        await call(ctx.app, 'GET', `/api/funds/${id}`, { cookie: board }),
      );
    expect(await fund(first.subFundId)).toMatchObject({
      code: 'SUBV-2013-1',
      name: 'Jardin partagé des Âmes Claires',
      kind: 'restricted',
      grantId: first.id,
      balanceCents: 0,
    });
    expect((await fund(second.subFundId)).code).toBe('SUBV-2013-2');
  });

  it('plans instalments within the award and books each one received in the ledger, once', async () => {
    const draft = await create();
    const early = await plan(draft.id, 100_000, '2015-09-01');
    expect(early.status).toBe(422);
    expect(await json<Problem>(early)).toMatchObject({ code: 'NOT_AWARDED' });

    const grant = await awarded('2015-07-01', 1_000_000);
    expect((await plan(grant.id, 600_000, '2015-08-01')).status).toBe(201);
    const over = await plan(grant.id, 400_001, '2015-12-01');
    expect(over.status).toBe(422);
    const overProblem = await json<Problem>(over);
    expect(overProblem.code).toBe('OVER_AWARDED');
    expect(overProblem.errors?.map((e) => e.field)).toEqual(['amountCents']);
    const full = await plan(grant.id, 400_000, '2015-12-01');
    expect(full.status).toBe(201);
    const planned = await json<Grant>(full);
    expect(planned.instalments.map((i) => [i.expectedOn, i.amountCents, i.receivedOn])).toEqual([
      ['2015-08-01', 600_000, null],
      ['2015-12-01', 400_000, null],
    ]);
    expect((await plan(grant.id, 1, '2015-12-02')).status).toBe(422);

    const first = planned.instalments[0]?.id ?? '';
    const future = await receive(grant.id, first, day(3));
    expect(future.status).toBe(422);
    const got = await receive(grant.id, first, '2015-08-04');
    expect(got.status).toBe(200);
    const after = await json<Grant>(got);
    expect(after.receivedCents).toBe(600_000);
    expect(after.instalments[0]).toMatchObject({ receivedOn: '2015-08-04' });
    expect(after.instalments[0]?.ledgerEntryId).toBeTruthy();
    const twice = await receive(grant.id, first, '2015-08-05');
    expect(twice.status).toBe(409);
    expect(await json<Problem>(twice)).toMatchObject({ code: 'ALREADY_RECEIVED' });

    const ledger = await json<{
      items: {
        id: string;
        amountCents: number;
        kind: string;
        occurredOn: string;
        grantId: string;
      }[];
    }>(await call(ctx.app, 'GET', `/api/ledger?subFundId=${grant.subFundId}`, { cookie: board }));
    expect(ledger.items).toHaveLength(1);
    expect(ledger.items[0]).toMatchObject({
      id: after.instalments[0]?.ledgerEntryId,
      amountCents: 600_000,
      kind: 'grant_instalment',
      occurredOn: '2015-08-04',
      grantId: grant.id,
    });
    const balance = async (at: string) =>
      (
        await json<{ balanceCents: number }>(
          await call(ctx.app, 'GET', `/api/funds/${grant.subFundId}?at=${at}`, { cookie: board }),
        )
      ).balanceCents;
    expect(await balance('2015-08-03')).toBe(0);
    expect(await balance('2015-08-04')).toBe(600_000);

    // An instalment booked by mistake is corrected in the ledger and expected again.
    const undo = await call(
      ctx.app,
      'POST',
      `/api/ledger/${after.instalments[0]?.ledgerEntryId}/corrections`,
      {
        cookie: admin,
        body: { reason: 'Virement d’un autre financeur', occurredOn: '2015-08-10' },
      },
    );
    expect(undo.status).toBe(201);
    const again = await json<Grant>(
      await call(ctx.app, 'GET', `/api/grants/${grant.id}`, { cookie: board }),
    );
    expect(again.receivedCents).toBe(0);
    expect(again.instalments[0]).toMatchObject({ receivedOn: null, ledgerEntryId: null });
    expect((await receive(grant.id, first, '2015-08-20')).status).toBe(200);
    expect(await balance('2015-08-10')).toBe(0);
    expect(await balance('2015-08-20')).toBe(600_000);

    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityId, first), eq(auditLog.action, 'fund.grant.instalment.receive')),
      );
    expect(audit?.actorEmail).toBe('admin@lakou.test');
  });

  it('lists what is due within 60 days, overdue first, then soonest', async () => {
    const late = await create({ project: 'Dossier en retard', submissionDeadline: day(-5) });
    const soon = await create({ project: 'Dossier bientôt', submissionDeadline: day(10) });
    const far = await create({ project: 'Dossier lointain', submissionDeadline: day(90) });
    const submitted = await create({ project: 'Déjà déposé', submissionDeadline: day(20) });
    await moved(submitted.id, { to: 'submitted', on: today.toString() });
    const grant = await awarded(today.toString(), 200_000, { project: 'Versement attendu' });
    await plan(grant.id, 150_000, day(30));
    await moved(grant.id, { to: 'report_due', on: today.toString(), reportDueOn: day(45) });
    const mine = new Set([late.id, soon.id, far.id, submitted.id, grant.id]);

    const deadlines = async (query = '') => {
      const res = await call(ctx.app, 'GET', `/api/grants/deadlines${query}`, { cookie: board });
      expect(res.status).toBe(200);
      return (await json<{ items: Deadline[] }>(res)).items.filter((d) => mine.has(d.grantId));
    };
    expect(
      (await deadlines()).map((d) => [d.project, d.kind, d.date, d.overdue, d.amountCents]),
    ).toEqual([
      ['Dossier en retard', 'submission', day(-5), true, null],
      ['Dossier bientôt', 'submission', day(10), false, null],
      ['Versement attendu', 'instalment', day(30), false, 150_000],
      ['Versement attendu', 'report', day(45), false, null],
    ]);
    expect((await deadlines())[0]?.funderName).toBe('Fondation Test');
    expect((await deadlines('?days=100')).map((d) => d.project)).toContain('Dossier lointain');
    expect((await deadlines('?days=7')).map((d) => d.project)).toEqual(['Dossier en retard']);
    const bad = await call(ctx.app, 'GET', '/api/grants/deadlines?days=0', { cookie: board });
    expect(bad.status).toBe(400);
  });
});
