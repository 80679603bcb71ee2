import type { Dashboard, WidgetInput } from '@lakou/reports/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { type Caller, call, engines, json, seededApp, signIn } from '../harness.ts';
import { DEMO_EMAILS } from './report-test-setup.ts';

interface Problem {
  status: number;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string }[];
}

const tonnage: WidgetInput = {
  id: 'tonnage',
  report: 'recycling',
  chartId: 'tonnage',
  display: 'stacked-bar',
  filters: { period: 'last_12_months', granularity: 'month', compare: 'last_year' },
};
const fundKpis: WidgetInput = { id: 'fonds', report: 'fund', display: 'kpis' };

describe.each(engines)('composable dashboards (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  const as: Record<'admin' | 'board' | 'manager' | 'staff', Caller> = {
    admin: {},
    board: {},
    manager: {},
    staff: {},
  };

  beforeAll(async () => {
    ctx = await seededApp(kind);
    for (const [who, email] of Object.entries(DEMO_EMAILS)) {
      as[who as keyof typeof as] = { cookie: await signIn(ctx.app, email, DEMO_PASSWORD) };
    }
  });
  afterAll(() => ctx.database.dispose());

  const send = (who: keyof typeof as, method: string, path: string, body?: unknown) =>
    call(ctx.app, method, path, { ...as[who], ...(body !== undefined ? { body } : {}) });
  const make = async (who: keyof typeof as, body: unknown) => {
    const res = await send(who, 'POST', '/api/dashboards', body);
    expect(res.status).toBe(201);
    return json<Dashboard>(res);
  };
  const listOf = async (who: keyof typeof as) =>
    (await json<{ items: Dashboard[] }>(await send(who, 'GET', '/api/dashboards'))).items;

  it('makes, lists, reads, changes and deletes a board member’s own dashboard', async () => {
    const made = await make('board', { name: '  Conseil de mars ', widgets: [tonnage] });
    expect(made).toMatchObject({
      name: 'Conseil de mars',
      shared: false,
      version: 1,
      mine: true,
      editable: true,
      owner: { name: 'Claire Conseil' },
    });
    // The defaults are filled in, so the hub reads every widget whole.
    expect(made.widgets).toEqual([
      {
        id: 'tonnage',
        report: 'recycling',
        chartId: 'tonnage',
        display: 'stacked-bar',
        kpiKeys: [],
        filters: {
          period: 'last_12_months',
          centreIds: [],
          granularity: 'month',
          compare: 'last_year',
        },
      },
    ]);
    expect((await listOf('board')).map((d) => d.id)).toContain(made.id);

    const changed = await send('board', 'PATCH', `/api/dashboards/${made.id}`, {
      version: 1,
      name: 'Conseil d’avril',
      widgets: [fundKpis, tonnage],
    });
    expect(changed.status).toBe(200);
    const after = await json<Dashboard>(changed);
    expect(after.version).toBe(2);
    expect(after.name).toBe('Conseil d’avril');
    expect(after.widgets.map((w) => w.id)).toEqual(['fonds', 'tonnage']);

    const read = await json<Dashboard>(await send('board', 'GET', `/api/dashboards/${made.id}`));
    expect(read).toEqual(after);

    expect((await send('board', 'DELETE', `/api/dashboards/${made.id}`)).status).toBe(204);
    expect((await send('board', 'GET', `/api/dashboards/${made.id}`)).status).toBe(404);
    expect((await listOf('board')).map((d) => d.id)).not.toContain(made.id);
  });

  it('keeps a personal dashboard from every other user: absent from their lists, 404 to read, change or delete', async () => {
    const mine = await make('board', { name: 'Mes chiffres' });
    for (const other of ['admin', 'manager'] as const) {
      expect((await listOf(other)).map((d) => d.id)).not.toContain(mine.id);
      for (const [method, body] of [
        ['GET', undefined],
        ['PATCH', { version: 1, name: 'Pris' }],
        ['DELETE', undefined],
      ] as const) {
        const res = await send(other, method, `/api/dashboards/${mine.id}`, body);
        expect([other, method, res.status]).toEqual([other, method, 404]);
        expect((await json<Problem>(res)).detail).toBe(
          'Ce tableau de bord n’existe pas ou ne vous est pas partagé.',
        );
      }
    }
    // Untouched.
    const read = await json<Dashboard>(await send('board', 'GET', `/api/dashboards/${mine.id}`));
    expect([read.name, read.version]).toEqual(['Mes chiffres', 1]);
  });

  it('shows a dashboard shared with the board to every report reader; the board and the admin change it, a manager does not', async () => {
    const shared = await make('board', { name: 'Tableau du conseil', shared: true });
    const seen = (await listOf('manager')).find((d) => d.id === shared.id);
    expect(seen).toMatchObject({ shared: true, mine: false, editable: false });
    expect((await listOf('admin')).find((d) => d.id === shared.id)).toMatchObject({
      editable: true,
    });

    const byManager = await send('manager', 'PATCH', `/api/dashboards/${shared.id}`, {
      version: 1,
      name: 'Le mien',
    });
    expect(byManager.status).toBe(403);
    expect((await send('manager', 'DELETE', `/api/dashboards/${shared.id}`)).status).toBe(403);

    const byAdmin = await send('admin', 'PATCH', `/api/dashboards/${shared.id}`, {
      version: 1,
      widgets: [fundKpis],
    });
    expect(byAdmin.status).toBe(200);
    expect(await json<Dashboard>(byAdmin)).toMatchObject({ version: 2, mine: false });

    // A manager may not share a dashboard with the board, neither new nor their own.
    expect(
      (await send('manager', 'POST', '/api/dashboards', { name: 'X', shared: true })).status,
    ).toBe(403);
    const managers = await make('manager', { name: 'Mon centre' });
    expect(
      (
        await send('manager', 'PATCH', `/api/dashboards/${managers.id}`, {
          version: 1,
          shared: true,
        })
      ).status,
    ).toBe(403);
    // …while the board shares its own.
    const own = await make('board', { name: 'À partager' });
    const sharing = await send('board', 'PATCH', `/api/dashboards/${own.id}`, {
      version: 1,
      shared: true,
    });
    expect(sharing.status).toBe(200);
    expect((await listOf('admin')).map((d) => d.id)).toContain(own.id);

    // Staff read no reports: no dashboards either.
    expect((await send('staff', 'GET', '/api/dashboards')).status).toBe(403);
    expect((await send('staff', 'POST', '/api/dashboards', { name: 'X' })).status).toBe(403);
  });

  it('refuses a change made on a stale version (409), and keeps the newer one', async () => {
    const d = await make('admin', { name: 'Concurrence' });
    const first = await send('admin', 'PATCH', `/api/dashboards/${d.id}`, {
      version: 1,
      name: 'Première',
    });
    expect(first.status).toBe(200);
    const stale = await send('admin', 'PATCH', `/api/dashboards/${d.id}`, {
      version: 1,
      name: 'Seconde',
    });
    expect(stale.status).toBe(409);
    const problem = await json<Problem>(stale);
    expect(problem.code).toBe('STALE_VERSION');
    expect(problem.detail).toMatch(/modifié entre-temps/);
    const read = await json<Dashboard>(await send('admin', 'GET', `/api/dashboards/${d.id}`));
    expect([read.name, read.version]).toEqual(['Première', 2]);
  });

  it('refuses a bad widget, a missing name or too many widgets with French messages (400)', async () => {
    const bad = await send('board', 'POST', '/api/dashboards', {
      name: 'Mauvais',
      widgets: [{ id: 'w', report: 'budget', display: 'bar' }],
    });
    expect(bad.status).toBe(400);
    const problem = await json<Problem>(bad);
    expect(problem.detail).toBe('Certaines valeurs envoyées sont invalides.');
    expect(problem.errors).toEqual(
      expect.arrayContaining([{ field: 'widgets.0.report', message: 'Rapport inconnu.' }]),
    );

    const noChart = await send('board', 'POST', '/api/dashboards', {
      name: 'Sans graphique',
      widgets: [{ id: 'w', report: 'fund', display: 'line' }],
    });
    expect((await json<Problem>(noChart)).errors).toEqual([
      { field: 'widgets.0.chartId', message: 'Choisissez le graphique du rapport à afficher.' },
    ]);

    const noName = await send('board', 'POST', '/api/dashboards', { name: ' ' });
    expect((await json<Problem>(noName)).errors).toEqual([
      { field: 'name', message: 'Donnez un nom au tableau de bord.' },
    ]);

    const d = await make('board', { name: 'Plein' });
    const tooMany = await send('board', 'PATCH', `/api/dashboards/${d.id}`, {
      version: 1,
      widgets: Array.from({ length: 25 }, (_, i) => ({ ...fundKpis, id: `k${i}` })),
    });
    expect(tooMany.status).toBe(400);
    expect((await json<Problem>(tooMany)).errors).toEqual([
      { field: 'widgets', message: 'Un tableau de bord compte au plus 24 widgets.' },
    ]);
    const noVersion = await send('board', 'PATCH', `/api/dashboards/${d.id}`, { name: 'Autre' });
    expect((await json<Problem>(noVersion)).errors).toEqual([
      { field: 'version', message: 'La version lue du tableau de bord est attendue.' },
    ]);
  });
});
