import { FREE_TARIFF } from '@lakou/domain/booking';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  bookings,
  eventBookings,
  eventKinds,
  events,
} from '../../src/db/schema/index.ts';
import { engines, json, seededApp } from '../harness.ts';
import {
  type Ctx,
  daysFromToday,
  type GardenView,
  gardensWorld,
  type PlotView,
  type Problem,
} from './gardens-setup.ts';

describe.each(engines)('gardens, plots and gardeners (%s)', (kind) => {
  let ctx: Ctx;
  let w: Awaited<ReturnType<typeof gardensWorld>>;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    w = await gardensWorld(ctx);
  });
  afterAll(() => ctx.database.dispose());

  it('lists the gardens of the reader’s centres: all for the admin and the board, Kourou’s for its staff', async () => {
    const all = await json<{ items: GardenView[] }>(await w.admin('GET', '/api/gardens'));
    const names = all.items.map((g) => g.name);
    expect(names).toEqual(
      expect.arrayContaining(['Jardin des Chinois', 'Jardin partagé de Kourou']),
    );
    const board = await json<{ items: GardenView[] }>(await w.board('GET', '/api/gardens'));
    expect(board.items.length).toBe(all.items.length);
    const staff = await json<{ items: GardenView[] }>(await w.staff('GET', '/api/gardens'));
    expect(staff.items.map((g) => g.name)).toEqual(['Jardin partagé de Kourou']);
    expect((await w.facilitator('GET', '/api/gardens')).status).toBe(403);
    // Narrowed to a centre; another centre than the staff's own is refused.
    const kourou = await json<{ items: GardenView[] }>(
      await w.admin('GET', `/api/gardens?centreId=${w.kourou}`),
    );
    expect(kourou.items.every((g) => g.centreId === w.kourou)).toBe(true);
    expect((await w.staff('GET', `/api/gardens?centreId=${w.villageChinois}`)).status).toBe(403);
  });

  it('opens a garden for the centre’s manager only; a name is taken once per centre', async () => {
    const body = {
      centreId: w.montLucas,
      name: 'Jardin de Mont-Lucas',
      areaM2: 300,
      gridColumns: 8,
      gridRows: 5,
      description: 'Derrière la cité.',
    };
    expect((await w.staff('POST', '/api/gardens', body)).status).toBe(403);
    expect((await w.board('POST', '/api/gardens', body)).status).toBe(403);
    const res = await w.manager('POST', '/api/gardens', body);
    expect(res.status).toBe(201);
    const garden = await json<GardenView>(res);
    expect(garden).toMatchObject({
      name: 'Jardin de Mont-Lucas',
      plotCount: 0,
      freePlotCount: 0,
      waitingCount: 0,
      harvestGramsThisYear: 0,
      resourceId: null,
    });
    const again = await w.manager('POST', '/api/gardens', body);
    expect(again.status).toBe(409);
    const problem = await json<Problem>(again);
    expect(problem.errors?.[0]?.field).toBe('name');
    expect(problem.detail).toMatch(/déjà un jardin de ce nom/);
    const bad = await w.manager('POST', '/api/gardens', { ...body, name: 'X', gridColumns: 30 });
    expect(bad.status).toBe(400);
    const fields = (await json<Problem>(bad)).errors?.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'gridColumns']));
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'garden.create'), eq(auditLog.entityId, garden.id)));
    expect(audit?.route).toBe('/api/gardens');
  });

  it('places plots inside the grid, on free cells, with labels used once', async () => {
    const garden = await w.openGarden();
    const a1 = await w.addPlot(garden.id, 'A1', 1, 1);
    expect(a1).toMatchObject({
      label: 'A1',
      kind: 'individual',
      row: 1,
      column: 1,
      currentGardeners: [],
    });
    const plot = (label: string, row: number, column: number) =>
      w.manager('POST', '/api/plots', {
        gardenId: garden.id,
        label,
        kind: 'collective',
        areaM2: 10,
        exposure: 'shade',
        row,
        column,
      });
    const outside = await plot('Z', 5, 1);
    expect(outside.status).toBe(422);
    expect(await json<Problem>(outside)).toMatchObject({
      code: 'OUTSIDE_GRID',
      errors: [{ field: 'row' }],
    });
    expect((await json<Problem>(await plot('Z', 1, 7))).errors?.[0]?.field).toBe('column');
    const label = await plot('A1', 2, 2);
    expect(label.status).toBe(409);
    expect(await json<Problem>(label)).toMatchObject({
      code: 'LABEL_TAKEN',
      errors: [{ field: 'label' }],
    });
    const cell = await plot('Z', 1, 1);
    expect(cell.status).toBe(409);
    expect((await json<Problem>(cell)).detail).toMatch(/occupée par la parcelle « A1 »/);
    expect((await plot('Aromates', 2, 2)).status).toBe(201);
    // The staff of Kourou does not manage Mont-Lucas.
    expect((await w.staff('PATCH', `/api/plots/${a1.id}`, { label: 'A9' })).status).toBe(403);
    const moved = await w.manager('PATCH', `/api/plots/${a1.id}`, { row: 2, column: 2 });
    expect(moved.status).toBe(409);
    const renamed = await json<PlotView>(
      await w.manager('PATCH', `/api/plots/${a1.id}`, { label: 'A2', row: 4, column: 6 }),
    );
    expect(renamed).toMatchObject({ label: 'A2', row: 4, column: 6, kind: 'individual' });
    // Not the staff's centre.
    expect((await w.staff('GET', `/api/plots?gardenId=${garden.id}`)).status).toBe(403);
    const mine = await json<{ items: PlotView[] }>(
      await w.manager('GET', `/api/plots?gardenId=${garden.id}`),
    );
    expect(mine.items.map((p) => p.label)).toEqual(['Aromates', 'A2']);
  });

  it('keeps the plots inside a smaller grid, and a rename keeps the rest', async () => {
    const garden = await w.openGarden({ description: 'Au bord du canal.' });
    await w.addPlot(garden.id, 'C1', 3, 5);
    const narrow = await w.manager('PATCH', `/api/gardens/${garden.id}`, { gridColumns: 4 });
    expect(narrow.status).toBe(422);
    expect(await json<Problem>(narrow)).toMatchObject({
      code: 'PLOT_OUTSIDE_GRID',
      errors: [{ field: 'gridColumns' }],
    });
    expect((await w.manager('PATCH', `/api/gardens/${garden.id}`, { gridRows: 2 })).status).toBe(
      422,
    );
    const renamed = await json<GardenView>(
      await w.manager('PATCH', `/api/gardens/${garden.id}`, {
        name: 'Jardin du canal',
        gridColumns: 5,
      }),
    );
    expect(renamed).toMatchObject({
      name: 'Jardin du canal',
      gridColumns: 5,
      description: 'Au bord du canal.',
      plotCount: 1,
      freePlotCount: 1,
    });
    expect(
      (await w.manager('PATCH', `/api/gardens/${crypto.randomUUID()}`, { name: 'Rien' })).status,
    ).toBe(403);
    expect(
      (await w.admin('PATCH', `/api/gardens/${crypto.randomUUID()}`, { name: 'Rien' })).status,
    ).toBe(404);
  });

  it('deletes a plot without history, never one that had a gardener', async () => {
    const garden = await w.openGarden();
    const used = await w.addPlot(garden.id, 'U1', 1, 1);
    const unused = await w.addPlot(garden.id, 'U2', 1, 2);
    const person = await w.addGardener('Paulette Horth');
    expect(
      (
        await w.manager('POST', '/api/plot-assignments', {
          plotId: used.id,
          gardenerId: person.id,
          startsOn: daysFromToday(-30),
        })
      ).status,
    ).toBe(201);
    const refused = await w.manager('DELETE', `/api/plots/${used.id}`);
    expect(refused.status).toBe(409);
    expect((await json<Problem>(refused)).code).toBe('PLOT_IN_USE');
    expect((await w.manager('DELETE', `/api/plots/${unused.id}`)).status).toBe(204);
    expect((await w.admin('DELETE', `/api/plots/${unused.id}`)).status).toBe(404);
  });

  it('shows a garden with its plots, today’s gardeners and the work sessions of the next 60 days', async () => {
    const resource = await json<{ id: string }>(
      await w.admin('POST', '/api/resources', {
        centreId: w.montLucas,
        kind: 'room',
        name: 'Jardin (sessions de travail)',
        capacity: 20,
        tariff: FREE_TARIFF,
      }),
    );
    const garden = await w.openGarden({ resourceId: resource.id });
    expect(garden.resourceId).toBe(resource.id);
    const plot = await w.addPlot(garden.id, 'P1', 1, 1);
    const person = await w.addGardener('Auguste Horth');
    const assigned = await w.manager('POST', '/api/plot-assignments', {
      plotId: plot.id,
      gardenerId: person.id,
      startsOn: daysFromToday(-10),
    });
    expect(assigned.status, await assigned.clone().text()).toBe(201);
    // Three sessions on the garden's resource: in 3 days, in 90 days (too far), one cancelled.
    const db = ctx.database.db;
    const [kindRow] = await db.select({ id: eventKinds.id }).from(eventKinds).limit(1);
    const hour = 3_600_000;
    const session = async (inDays: number, title: string, status = 'scheduled') => {
      const startsAt = new Date(Date.now() + inDays * 24 * hour);
      const endsAt = new Date(startsAt.getTime() + 3 * hour);
      const [booking] = await db
        .insert(bookings)
        .values({
          resourceId: resource.id,
          centreId: w.montLucas,
          startsAt,
          endsAt,
          blockedUntil: endsAt,
          status: 'confirmed',
          organiser: { kind: 'member', name: 'Les jardiniers' },
          purpose: title,
          headcount: 10,
          audience: 'centre_programme',
        })
        .returning();
      const [event] = await db
        .insert(events)
        .values({
          centreId: w.montLucas,
          kindId: kindRow?.id ?? '',
          title,
          capacity: 20,
          startsAt,
          endsAt,
          status,
          cancelReason: status === 'cancelled' ? 'Pluie' : null,
        })
        .returning();
      await db
        .insert(eventBookings)
        .values({ eventId: event?.id ?? '', bookingId: booking?.id ?? '' });
      return event?.id;
    };
    const soon = await session(3, 'Chantier collectif : paillage');
    await session(90, 'Chantier lointain');
    await session(5, 'Chantier annulé', 'cancelled');
    const other = await w.openGarden();
    const detail = await json<{
      garden: GardenView;
      plots: PlotView[];
      workSessions: { eventId: string; title: string; startsAt: string; endsAt: string }[];
    }>(await w.board('GET', `/api/gardens/${garden.id}`));
    expect(detail.garden).toMatchObject({ id: garden.id, plotCount: 1, freePlotCount: 0 });
    expect(detail.plots[0]?.currentGardeners.map((g) => g.name)).toEqual(['Auguste Horth']);
    expect(detail.workSessions.map((s) => [s.eventId, s.title])).toEqual([
      [soon, 'Chantier collectif : paillage'],
    ]);
    const none = await json<{ workSessions: unknown[] }>(
      await w.admin('GET', `/api/gardens/${other.id}`),
    );
    expect(none.workSessions).toEqual([]);
    // Kourou's staff does not read Mont-Lucas; an unknown garden is a 404.
    expect((await w.staff('GET', `/api/gardens/${garden.id}`)).status).toBe(403);
    expect((await w.staff('GET', `/api/gardens/${crypto.randomUUID()}`)).status).toBe(404);
    // A resource of another centre is refused.
    const foreign = await w.manager('PATCH', `/api/gardens/${garden.id}`, {
      resourceId: crypto.randomUUID(),
    });
    expect(foreign.status).toBe(422);
    expect((await json<Problem>(foreign)).errors?.[0]?.field).toBe('resourceId');
  });

  it('records gardeners of a centre, finds them without accents, changes only what is sent', async () => {
    const body = {
      centreId: w.montLucas,
      name: 'Élisabeth Néron',
      email: 'Elisabeth.Neron@Exemple.gf',
      phone: '0694 11 22 33',
    };
    expect((await w.staff('POST', '/api/gardeners', body)).status).toBe(403);
    const res = await w.manager('POST', '/api/gardeners', body);
    expect(res.status).toBe(201);
    const made = await json<{ id: string; email: string; phone: string }>(res);
    expect(made.email).toBe('elisabeth.neron@exemple.gf');
    const found = await json<{ items: { id: string }[] }>(
      await w.manager('GET', `/api/gardeners?centreId=${w.montLucas}&q=elisabeth%20neron`),
    );
    expect(found.items.map((g) => g.id)).toEqual([made.id]);
    const none = await json<{ items: unknown[] }>(
      await w.staff('GET', '/api/gardeners?q=elisabeth'),
    );
    expect(none.items).toEqual([]); // Kourou's staff sees only Kourou's gardeners
    const changed = await json<{ email: string | null; phone: string | null; name: string }>(
      await w.manager('PATCH', `/api/gardeners/${made.id}`, { email: '' }),
    );
    expect(changed).toMatchObject({ name: 'Élisabeth Néron', email: null, phone: '0694 11 22 33' });
    const bad = await w.manager('PATCH', `/api/gardeners/${made.id}`, { email: 'pas-une-adresse' });
    expect(bad.status).toBe(400);
    expect((await json<Problem>(bad)).errors?.[0]).toMatchObject({
      field: 'email',
      message: 'Adresse e-mail invalide.',
    });
    expect(
      (await w.admin('PATCH', `/api/gardeners/${crypto.randomUUID()}`, { name: 'Personne' }))
        .status,
    ).toBe(404);
  });
});
