import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gardenWaitingList } from '../../src/db/schema/index.ts';
import { engines, json, seededApp } from '../harness.ts';
import {
  type AssignmentView,
  type Ctx,
  daysFromToday,
  type GardenView,
  gardensWorld,
  type Problem,
  type WaitingView,
} from './gardens-setup.ts';

describe.each(engines)('plot assignments and the waiting list (%s)', (kind) => {
  let ctx: Ctx;
  let w: Awaited<ReturnType<typeof gardensWorld>>;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    w = await gardensWorld(ctx);
  });
  afterAll(() => ctx.database.dispose());

  const assign = (body: Record<string, unknown>) =>
    w.manager('POST', '/api/plot-assignments', body);
  const waitFor = (gardenId: string, gardenerId: string, requestedOn: string) =>
    w.manager('POST', '/api/garden-waiting-list', { gardenId, gardenerId, requestedOn });
  const queueOf = async (gardenId: string) =>
    (
      await json<{ items: WaitingView[] }>(
        await w.manager('GET', `/api/garden-waiting-list?gardenId=${gardenId}`),
      )
    ).items;

  it('gives an individual plot to one gardener a day (409 with the conflicting assignment); a collective plot is shared', async () => {
    const garden = await w.openGarden();
    const plot = await w.addPlot(garden.id, 'I1', 1, 1);
    const shared = await w.addPlot(garden.id, 'Potager', 2, 1, 'collective');
    const ana = await w.addGardener('Ana Pindard');
    const ben = await w.addGardener('Ben Clet');
    const first = await assign({
      plotId: plot.id,
      gardenerId: ana.id,
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
    });
    expect(first.status).toBe(201);
    const held = await json<AssignmentView>(first);
    expect(held).toMatchObject({
      gardenerName: 'Ana Pindard',
      plotLabel: 'I1',
      gardenId: garden.id,
    });
    const overlap = await assign({ plotId: plot.id, gardenerId: ben.id, startsOn: '2025-12-31' });
    expect(overlap.status).toBe(409);
    const problem = await json<Problem & { conflict: AssignmentView }>(overlap);
    expect(problem.code).toBe('PLOT_TAKEN');
    expect(problem.conflict).toMatchObject({ id: held.id, gardenerName: 'Ana Pindard' });
    expect(problem.detail).toMatch(/attribuée à Ana Pindard/);
    // The day after is free.
    expect(
      (await assign({ plotId: plot.id, gardenerId: ben.id, startsOn: '2026-01-01' })).status,
    ).toBe(201);
    // Shared: both hold it on the same days, but nobody twice.
    for (const person of [ana, ben]) {
      expect(
        (await assign({ plotId: shared.id, gardenerId: person.id, startsOn: '2025-06-01' })).status,
      ).toBe(201);
    }
    const twice = await assign({ plotId: shared.id, gardenerId: ana.id, startsOn: '2026-02-01' });
    expect(twice.status).toBe(409);
    expect((await json<Problem>(twice)).code).toBe('ALREADY_ASSIGNED');
    const current = await json<{ items: AssignmentView[] }>(
      await w.manager('GET', `/api/plot-assignments?gardenId=${garden.id}&current=true`),
    );
    expect(
      current.items
        .map((a) => `${a.plotId === plot.id ? 'I1' : 'Potager'} ${a.gardenerName}`)
        .sort(),
    ).toEqual(['I1 Ben Clet', 'Potager Ana Pindard', 'Potager Ben Clet']);
    const past = await json<{ items: AssignmentView[] }>(
      await w.manager('GET', `/api/plot-assignments?plotId=${plot.id}&current=false`),
    );
    expect(past.items.map((a) => a.id)).toEqual([held.id]);
  });

  it('refuses a gardener of another centre, an unknown plot, a period ending before it starts', async () => {
    const garden = await w.openGarden();
    const plot = await w.addPlot(garden.id, 'I1', 1, 1);
    const kourou = await w.addGardener('Fritz Dorville', w.kourou);
    const other = await assign({ plotId: plot.id, gardenerId: kourou.id, startsOn: '2026-01-01' });
    expect(other.status).toBe(422);
    expect(await json<Problem>(other)).toMatchObject({ errors: [{ field: 'gardenerId' }] });
    const backwards = await assign({
      plotId: plot.id,
      gardenerId: kourou.id,
      startsOn: '2026-01-02',
      endsOn: '2026-01-01',
    });
    expect(backwards.status).toBe(400);
    expect((await json<Problem>(backwards)).errors?.[0]?.field).toBe('endsOn');
    // Kourou's staff may not assign a plot of Mont-Lucas.
    expect(
      (
        await w.staff('POST', '/api/plot-assignments', {
          plotId: plot.id,
          gardenerId: kourou.id,
          startsOn: '2026-01-01',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await w.admin('POST', '/api/plot-assignments', {
          plotId: crypto.randomUUID(),
          gardenerId: kourou.id,
          startsOn: '2026-01-01',
        })
      ).status,
    ).toBe(422);
  });

  it('keeps a waiting list only while every individual plot is taken, in order, and gives the next plot to the first in line', async () => {
    const garden = await w.openGarden();
    const p1 = await w.addPlot(garden.id, 'P1', 1, 1);
    const p2 = await w.addPlot(garden.id, 'P2', 1, 2);
    const shared = await w.addPlot(garden.id, 'Commun', 2, 1, 'collective');
    const [h1, h2, lea, max, zoe, newcomer] = await Promise.all(
      ['Holder Un', 'Holder Deux', 'Léa Sabayo', 'Max Ronmy', 'Zoé Tiouka', 'Nouveau Venu'].map(
        (n) => w.addGardener(n),
      ),
    );
    if (!h1 || !h2 || !lea || !max || !zoe || !newcomer) throw new Error('gardeners missing');
    // P2 is free today: nobody waits while a plot can be given.
    expect(
      (await assign({ plotId: p1.id, gardenerId: h1.id, startsOn: daysFromToday(-100) })).status,
    ).toBe(201);
    const free = await waitFor(garden.id, lea.id, daysFromToday(-5));
    expect(free.status).toBe(422);
    expect(await json<Problem>(free)).toMatchObject({
      code: 'PLOTS_AVAILABLE',
      freePlotIds: [p2.id],
    });
    const p2Held = await json<AssignmentView>(
      await assign({ plotId: p2.id, gardenerId: h2.id, startsOn: daysFromToday(-100) }),
    );
    // Asked: Max 20 days ago; Léa and Zoé 5 days ago (Léa recorded first).
    for (const [who, on] of [
      [lea, -5],
      [max, -20],
      [zoe, -5],
    ] as const) {
      expect((await waitFor(garden.id, who.id, daysFromToday(on))).status).toBe(201);
    }
    const again = await waitFor(garden.id, lea.id, daysFromToday(-1));
    expect(again.status).toBe(409);
    expect((await json<Problem>(again)).code).toBe('ALREADY_WAITING');
    expect((await waitFor(garden.id, newcomer.id, daysFromToday(3))).status).toBe(422);
    const queue = await queueOf(garden.id);
    expect(queue.map((r) => [r.position, r.gardenerName])).toEqual([
      [1, 'Max Ronmy'],
      [2, 'Léa Sabayo'],
      [3, 'Zoé Tiouka'],
    ]);
    const detail = await json<{ garden: GardenView }>(
      await w.manager('GET', `/api/gardens/${garden.id}`),
    );
    expect(detail.garden).toMatchObject({ waitingCount: 3, freePlotCount: 0 });

    // P2's holder leaves yesterday: the plot goes to Max, first in line.
    expect(
      (
        await w.manager('POST', `/api/plot-assignments/${p2Held.id}/end`, {
          endsOn: daysFromToday(-1),
        })
      ).status,
    ).toBe(200);
    const [maxRequest, leaRequest] = queue;
    const skipped = await assign({
      plotId: p2.id,
      gardenerId: newcomer.id,
      startsOn: daysFromToday(0),
    });
    expect(skipped.status).toBe(422);
    expect(await json<Problem>(skipped)).toMatchObject({
      code: 'QUEUE_FIRST',
      firstRequestId: maxRequest?.id,
      errors: [{ field: 'waitingRequestId' }],
    });
    const second = await assign({
      plotId: p2.id,
      gardenerId: lea.id,
      startsOn: daysFromToday(0),
      waitingRequestId: leaRequest?.id,
    });
    expect((await json<Problem>(second)).code).toBe('QUEUE_FIRST');
    const wrongPerson = await assign({
      plotId: p2.id,
      gardenerId: lea.id,
      startsOn: daysFromToday(0),
      waitingRequestId: maxRequest?.id,
    });
    expect(wrongPerson.status).toBe(422);
    expect((await json<Problem>(wrongPerson)).code).toBe('WAITING_REQUEST_MISMATCH');
    // Collective plots and past periods are not queued.
    expect(
      (await assign({ plotId: shared.id, gardenerId: newcomer.id, startsOn: daysFromToday(0) }))
        .status,
    ).toBe(201);
    expect(
      (
        await assign({
          plotId: p2.id,
          gardenerId: newcomer.id,
          startsOn: '2020-01-01',
          endsOn: '2020-12-31',
        })
      ).status,
    ).toBe(201);
    const given = await assign({
      plotId: p2.id,
      gardenerId: max.id,
      startsOn: daysFromToday(0),
      waitingRequestId: maxRequest?.id,
    });
    expect(given.status).toBe(201);
    const [answered] = await ctx.database.db
      .select()
      .from(gardenWaitingList)
      .where(eq(gardenWaitingList.id, maxRequest?.id ?? ''));
    expect(answered).toMatchObject({
      status: 'assigned',
      assignmentId: (await json<AssignmentView>(given)).id,
    });
    expect((await queueOf(garden.id)).map((r) => [r.position, r.gardenerName])).toEqual([
      [1, 'Léa Sabayo'],
      [2, 'Zoé Tiouka'],
    ]);
    // An answered request cannot be used again.
    const reused = await assign({
      plotId: shared.id,
      gardenerId: max.id,
      startsOn: daysFromToday(0),
      waitingRequestId: maxRequest?.id,
    });
    expect((await json<Problem>(reused)).code).toBe('NOT_WAITING');

    // Léa withdraws: Zoé is first; a withdrawn request cannot be withdrawn again.
    expect((await w.manager('DELETE', `/api/garden-waiting-list/${leaRequest?.id}`)).status).toBe(
      204,
    );
    const gone = await w.manager('DELETE', `/api/garden-waiting-list/${leaRequest?.id}`);
    expect(gone.status).toBe(409);
    expect((await json<Problem>(gone)).code).toBe('NOT_WAITING');
    expect((await queueOf(garden.id)).map((r) => [r.position, r.gardenerName])).toEqual([
      [1, 'Zoé Tiouka'],
    ]);
    expect((await w.staff('DELETE', `/api/garden-waiting-list/${queue[2]?.id}`)).status).toBe(403);
  });

  it('ends an assignment: not before it starts, not into the next gardener’s days', async () => {
    const garden = await w.openGarden();
    const plot = await w.addPlot(garden.id, 'E1', 1, 1);
    const [a, b] = await Promise.all([w.addGardener('Alix Lucien'), w.addGardener('Bruno Nelson')]);
    const first = await json<AssignmentView>(
      await assign({
        plotId: plot.id,
        gardenerId: a.id,
        startsOn: '2024-01-01',
        endsOn: '2024-06-30',
      }),
    );
    await assign({
      plotId: plot.id,
      gardenerId: b.id,
      startsOn: '2024-07-01',
      endsOn: '2024-12-31',
    });
    const early = await w.manager('POST', `/api/plot-assignments/${first.id}/end`, {
      endsOn: '2023-12-31',
    });
    expect(early.status).toBe(422);
    expect((await json<Problem>(early)).errors?.[0]?.field).toBe('endsOn');
    const late = await w.manager('POST', `/api/plot-assignments/${first.id}/end`, {
      endsOn: '2024-07-01',
    });
    expect(late.status).toBe(409);
    const ended = await json<AssignmentView>(
      await w.manager('POST', `/api/plot-assignments/${first.id}/end`, { endsOn: '2024-03-31' }),
    );
    expect(ended.endsOn).toBe('2024-03-31');
    expect(
      (
        await w.admin('POST', `/api/plot-assignments/${crypto.randomUUID()}/end`, {
          endsOn: '2024-03-31',
        })
      ).status,
    ).toBe(404);
  });

  it('lets exactly one of many concurrent assignments of one plot win', async () => {
    const garden = await w.openGarden();
    const plot = await w.addPlot(garden.id, 'R1', 1, 1);
    const people = await Promise.all(
      Array.from({ length: 8 }, (_, i) => w.addGardener(`Concurrent ${i + 1}`)),
    );
    const answers = await Promise.all(
      people.map((p) => assign({ plotId: plot.id, gardenerId: p.id, startsOn: daysFromToday(0) })),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const held = await json<{ items: AssignmentView[] }>(
      await w.manager('GET', `/api/plot-assignments?plotId=${plot.id}`),
    );
    expect(held.items).toHaveLength(1);
  });

  it('shows the demo garden full, with its three people waiting', async () => {
    const gardens = await json<{ items: GardenView[] }>(await w.admin('GET', '/api/gardens'));
    const chinois = gardens.items.find((g) => g.name === 'Jardin des Chinois');
    expect(chinois).toMatchObject({ freePlotCount: 0, waitingCount: 3 });
    const queue = await queueOf(chinois?.id ?? '');
    expect(queue.map((r) => r.position)).toEqual([1, 2, 3]);
    const kourou = gardens.items.find((g) => g.name === 'Jardin partagé de Kourou');
    expect(kourou?.freePlotCount).toBe(2);
  });
});
