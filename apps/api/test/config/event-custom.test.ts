import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, engines, json } from '../harness.ts';
import { type Ctx, customSetup } from './custom-setup.ts';

interface Problem {
  type: string;
  errors?: { field: string; message: string }[];
}
interface EventOut {
  id: string;
  title: string;
  custom: Record<string, unknown>;
}

describe.each(engines)('custom fields of events (%s)', (kind) => {
  let ctx: Ctx;
  const FROM = '2027-01-01T00:00:00Z';
  /** The events listed, as the admin sees them, or as a visitor (`asVisitor`). */
  const listEvents = async (query: string, asVisitor = false) => {
    const res = await call(ctx.app, 'GET', `/api/events?from=${FROM}&pageSize=100&${query}`, {
      cookie: asVisitor ? undefined : ctx.admin,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await json<{ items: EventOut[] }>(res)).items;
  };

  beforeAll(async () => {
    ctx = await customSetup(kind);
    // Mont Lucas asks every event for its audience; the network for an optional budget.
    await ctx.field({
      key: 'public_vise',
      labelFr: 'Public visé',
      type: 'single_choice',
      required: true,
      centreId: ctx.montLucas,
      options: [
        { key: 'jeunes', labelFr: 'Jeunes' },
        { key: 'familles', labelFr: 'Familles' },
        { key: 'seniors', labelFr: 'Seniors' },
      ],
    });
    await ctx.field({ key: 'budget', labelFr: 'Budget', type: 'number', centreId: null });
    await ctx.field({ key: 'gratuit', labelFr: 'Gratuit', type: 'yes_no', centreId: null });
  });
  afterAll(() => ctx.database.dispose());

  it('requires a required choice field where it applies, with its label in the message, and nowhere else', async () => {
    const missing = await ctx.postEvent(ctx.montLucas);
    expect(missing.status).toBe(400);
    const problem = await json<Problem>(missing);
    expect(problem.type).toBe('urn:lakou:problem:validation');
    expect(problem.errors).toEqual([
      { field: 'custom.public_vise', message: expect.stringContaining('Public visé') },
    ]);
    const wrong = await ctx.postEvent(ctx.montLucas, { custom: { public_vise: 'tout-le-monde' } });
    expect((await json<Problem>(wrong)).errors?.[0]?.field).toBe('custom.public_vise');
    const unknown = await ctx.postEvent(ctx.montLucas, {
      custom: { public_vise: 'jeunes', inconnu: 1 },
    });
    expect((await json<Problem>(unknown)).errors?.[0]).toMatchObject({
      field: 'custom.inconnu',
      message: expect.stringContaining('inconnu'),
    });
    const made = await ctx.postEvent(ctx.montLucas, {
      custom: { public_vise: 'familles', budget: 150.5 },
    });
    expect(made.status).toBe(201);
    expect((await json<EventOut>(made)).custom).toEqual({ public_vise: 'familles', budget: 150.5 });
    // Village Chinois has no such field: not stopped.
    const elsewhere = await ctx.postEvent(ctx.villageChinois);
    expect(elsewhere.status).toBe(201);
    expect((await json<EventOut>(elsewhere)).custom).toEqual({});
  });

  it('changes, erases and keeps values on PATCH', async () => {
    const event = await json<EventOut>(
      await ctx.postEvent(ctx.montLucas, { custom: { public_vise: 'jeunes', budget: 10 } }),
    );
    const patch = (body: Record<string, unknown>) =>
      call(ctx.app, 'PATCH', `/api/events/${event.id}`, { cookie: ctx.admin, body });
    const changed = await patch({ custom: { budget: null, gratuit: true } });
    expect(changed.status).toBe(200);
    expect((await json<EventOut>(changed)).custom).toEqual({
      public_vise: 'jeunes',
      gratuit: true,
    });
    const emptied = await patch({ custom: { public_vise: '' } });
    expect(emptied.status).toBe(400);
    expect((await json<Problem>(emptied)).errors?.[0]?.message).toContain('Public visé');
    const titled = await patch({ title: 'Atelier cuisine' });
    expect((await json<EventOut>(titled)).custom).toEqual({ public_vise: 'jeunes', gratuit: true });
  });

  it('sorts and filters the list on a custom field', async () => {
    const made: string[] = [];
    for (const [publicVise, budget] of [
      ['seniors', 30],
      ['jeunes', 200],
      ['seniors', 5],
    ] as const) {
      const res = await ctx.postEvent(ctx.montLucas, {
        title: `Tri ${publicVise} ${budget}`,
        custom: { public_vise: publicVise, budget },
      });
      made.push((await json<EventOut>(res)).id);
    }
    const byBudget = await listEvents(
      `centreId=${ctx.montLucas}&sort=custom.budget&order=desc&custom.public_vise=seniors`,
    );
    expect(byBudget.map((e) => e.title)).toEqual(['Tri seniors 30', 'Tri seniors 5']);
    const ascending = await listEvents(`centreId=${ctx.montLucas}&sort=custom.budget`);
    const budgets = ascending.map((e) => e.custom.budget);
    const numbers = budgets.filter((b): b is number => typeof b === 'number');
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    // Events without a budget come last.
    expect(budgets.slice(numbers.length).every((b) => b === undefined)).toBe(true);
    expect(numbers).toContain(200);
    const free = await listEvents(`custom.gratuit=true`);
    expect(free.every((e) => e.custom.gratuit === true)).toBe(true);
    expect(free.length).toBeGreaterThan(0);
    // Visitors see the public events, not the centre's values, and cannot filter on them.
    const visitor = await listEvents(`centreId=${ctx.montLucas}`, true);
    expect(visitor.length).toBeGreaterThan(0);
    expect(visitor.every((e) => Object.keys(e.custom).length === 0)).toBe(true);
    expect(await listEvents('custom.gratuit=true', true)).toEqual([]);
    const one = await call(ctx.app, 'GET', `/api/events/${made[0]}`);
    expect((await json<EventOut>(one)).custom).toEqual({});
    const bad = await call(ctx.app, 'GET', `/api/events?custom.inconnu=1&sort=custom.rien`);
    expect(bad.status).toBe(400);
    expect((await json<Problem>(bad)).errors?.map((e) => e.field).sort()).toEqual([
      'custom.inconnu',
      'sort',
    ]);
    const notANumber = await call(ctx.app, 'GET', '/api/events?custom.budget=beaucoup');
    expect(notANumber.status).toBe(400);
  });

  it('exports the events as CSV with one column per custom field', async () => {
    const res = await call(
      ctx.app,
      'GET',
      `/api/events/export.csv?centreId=${ctx.montLucas}&from=2027-01-01&to=2027-12-31`,
      { cookie: ctx.manager },
    );
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain(
      'evenements-2027-01-01-2027-12-31.csv',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const parsed = Papa.parse<Record<string, string>>(text.trim(), {
      delimiter: ';',
      header: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(
      expect.arrayContaining(['Date', 'Titre', 'Centre', 'Public visé', 'Budget', 'Gratuit']),
    );
    const row = parsed.data.find((r) => r.Titre === 'Tri jeunes 200');
    expect(row).toMatchObject({ 'Public visé': 'Jeunes', Budget: '200', Gratuit: '' });
    const cuisine = parsed.data.find((r) => r.Titre === 'Atelier cuisine');
    expect(cuisine).toMatchObject({ Gratuit: 'Oui', Budget: '' });
    expect(parsed.data.every((r) => r.Centre === parsed.data[0]?.Centre)).toBe(true);
    expect(parsed.data[0]?.Date).toMatch(/^\d{2}\/\d{2}\/2027$/);
    // Visitors export nothing.
    const visitor = await call(
      ctx.app,
      'GET',
      `/api/events/export.csv?centreId=${ctx.montLucas}&from=2027-01-01&to=2027-12-31`,
    );
    expect(visitor.status).toBe(401);
  });
});
