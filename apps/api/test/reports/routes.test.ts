import { type ReportModel, type ReportName, reportModel, reportNames } from '@lakou/reports/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { reportSources } from '../../src/reports/registry.ts';
import { type Caller, call, engines, json, seededApp, signIn } from '../harness.ts';
import { DEMO_EMAILS } from './report-test-setup.ts';

interface Problem {
  status: number;
  title: string;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string }[];
}

/** The reports registered when the test runs (other reports are added source by source). */
const registered = reportNames.filter((name) => reportSources[name] !== undefined);
const unregistered = reportNames.filter((name) => reportSources[name] === undefined);

const PERIOD = 'from=2026-01-01&to=2026-06-30&granularity=month&compare=previous';

describe.each(engines)('GET /api/reports/{name} (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  const as: Record<'anonymous' | 'admin' | 'board' | 'manager' | 'staff', Caller> = {
    anonymous: {},
    admin: {},
    board: {},
    manager: {},
    staff: {},
  };
  let centre: Record<'villageChinois' | 'montLucas' | 'kourou', string>;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    for (const [who, email] of Object.entries(DEMO_EMAILS))
      as[who as keyof typeof as] = { cookie: await signIn(ctx.app, email, DEMO_PASSWORD) };
    const list = await json<{ items: { id: string; slug: string }[] }>(
      await call(ctx.app, 'GET', '/api/centres'),
    );
    const id = (slug: string) => list.items.find((c) => c.slug === slug)?.id ?? '';
    centre = {
      villageChinois: id('cayenne-village-chinois'),
      montLucas: id('cayenne-mont-lucas'),
      kourou: id('kourou'),
    };
    expect(Object.values(centre).every((c) => c.length > 0)).toBe(true);
  });
  afterAll(() => ctx.database.dispose());

  const get = (who: keyof typeof as, path: string) => call(ctx.app, 'GET', path, as[who]);

  it('has some report registered', () => {
    expect(registered.length).toBeGreaterThan(0);
  });

  it.each(registered)(
    'answers the %s report as a model that validates, for the period asked',
    async (name) => {
      const res = await get('admin', `/api/reports/${name}?${PERIOD}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
      const body = await json<ReportModel>(res);
      const parsed = reportModel.safeParse(body);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(body.report).toBe(name);
      expect(body.period).toMatchObject({ from: '2026-01-01', to: '2026-06-30' });
      // compare=previous over whole months: the six months before.
      expect(body.comparison).toMatchObject({ from: '2025-07-01', to: '2025-12-31' });
      expect(body.granularity).toBe('month');
      // The admin reads the whole network: every centre, by name.
      expect(body.centres.map((c) => c.id)).toEqual(expect.arrayContaining(Object.values(centre)));
      expect(body.centres.every((c) => c.name.length > 0)).toBe(true);
    },
  );

  it('narrows a manager’s reports to their centres, and a centre filter to that centre', async () => {
    const name = registered[0] as ReportName;
    const mine = await json<ReportModel>(await get('manager', `/api/reports/${name}?${PERIOD}`));
    expect(mine.centres.map((c) => c.id).sort()).toEqual(
      [centre.villageChinois, centre.montLucas].sort(),
    );
    const one = await json<ReportModel>(
      await get('manager', `/api/reports/${name}?${PERIOD}&centreIds=${centre.montLucas}`),
    );
    expect(one.centres.map((c) => c.id)).toEqual([centre.montLucas]);
    const board = await json<ReportModel>(
      await get(
        'board',
        `/api/reports/${name}?${PERIOD}&centreIds=${centre.kourou},${centre.montLucas}`,
      ),
    );
    expect(board.centres.map((c) => c.id).sort()).toEqual([centre.kourou, centre.montLucas].sort());
  });

  it('refuses a centre outside the reader’s scope with 403, in French', async () => {
    const name = registered[0] as ReportName;
    const res = await get('manager', `/api/reports/${name}?${PERIOD}&centreIds=${centre.kourou}`);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await json<Problem>(res);
    expect(problem.detail).toMatch(/périmètre/);
    // Even mixed with one of theirs.
    const mixed = await get(
      'manager',
      `/api/reports/${name}?${PERIOD}&centreIds=${centre.villageChinois},${centre.kourou}`,
    );
    expect(mixed.status).toBe(403);
  });

  it('refuses bad filters with 400 and French messages', async () => {
    const name = registered[0] as ReportName;
    const backwards = await get('admin', `/api/reports/${name}?from=2026-06-30&to=2026-01-01`);
    expect(backwards.status).toBe(400);
    const problem = await json<Problem>(backwards);
    expect(problem.detail).toBe('Certaines valeurs envoyées sont invalides.');
    expect(problem.errors).toContainEqual({
      field: 'to',
      message: 'La fin de la période doit suivre son début.',
    });

    const missing = await json<Problem>(await get('admin', `/api/reports/${name}?to=2026-01-01`));
    expect(missing.status).toBe(400);
    expect(missing.errors?.map((e) => e.field)).toContain('from');

    const notADate = await json<Problem>(
      await get('admin', `/api/reports/${name}?from=01/01/2026&to=2026-01-31`),
    );
    expect(notADate.errors).toContainEqual({
      field: 'from',
      message: 'Date attendue au format AAAA-MM-JJ.',
    });

    const format = await json<Problem>(
      await get('admin', `/api/reports/${name}?${PERIOD}&format=doc`),
    );
    expect(format.status).toBe(400);
    expect(format.errors).toContainEqual({
      field: 'format',
      message: 'Format attendu : json, csv, xlsx ou pdf.',
    });

    const granularity = await get(
      'admin',
      `/api/reports/${name}?${PERIOD.replace('month', 'decade')}`,
    );
    expect(granularity.status).toBe(400);

    const badId = await json<Problem>(
      await get('admin', `/api/reports/${name}?${PERIOD}&centreIds=abc`),
    );
    expect(badId.status).toBe(400);
    expect(badId.errors?.[0]?.message).toBe('Identifiant inconnu dans la liste.');
  });

  it('refuses a centre that does not exist with 400', async () => {
    const name = registered[0] as ReportName;
    const res = await get(
      'admin',
      `/api/reports/${name}?${PERIOD}&centreIds=00000000-0000-4000-8000-00000000dead`,
    );
    expect(res.status).toBe(400);
    expect((await json<Problem>(res)).detail).toBe('Un des centres demandés n’existe pas.');
  });

  it('answers 404 for a report that does not exist (or is not served yet)', async () => {
    const res = await get('admin', `/api/reports/inconnu?${PERIOD}`);
    expect(res.status).toBe(404);
    expect((await json<Problem>(res)).detail).toMatch(/^Aucun rapport ne s’appelle « inconnu »/);
    for (const name of unregistered)
      expect((await get('admin', `/api/reports/${name}?${PERIOD}`)).status).toBe(404);
  });

  it('asks to sign in (401) and refuses those who do not read reports (403)', async () => {
    const name = registered[0] as ReportName;
    const anonymous = await get('anonymous', `/api/reports/${name}?${PERIOD}`);
    expect(anonymous.status).toBe(401);
    expect((await json<Problem>(anonymous)).detail).toBe(
      'Connectez-vous pour accéder à cette ressource.',
    );
    const staff = await get('staff', `/api/reports/${name}?${PERIOD}`);
    expect(staff.status).toBe(403);
    expect((await get('anonymous', `/api/reports/board-pack.pdf?${PERIOD}`)).status).toBe(401);
    expect((await get('staff', `/api/reports/board-pack.pdf?${PERIOD}`)).status).toBe(403);
  });

  it('refuses the board pack for a centre outside the scope (403) or unknown (400)', async () => {
    expect(
      (await get('manager', `/api/reports/board-pack.pdf?${PERIOD}&centreIds=${centre.kourou}`))
        .status,
    ).toBe(403);
    expect(
      (
        await get(
          'admin',
          `/api/reports/board-pack.pdf?${PERIOD}&centreIds=00000000-0000-4000-8000-00000000dead`,
        )
      ).status,
    ).toBe(400);
    const backwards = await get(
      'admin',
      '/api/reports/board-pack.pdf?from=2026-06-30&to=2026-01-01',
    );
    expect(backwards.status).toBe(400);
  });
});
