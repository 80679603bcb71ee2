import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, json, seededApp } from '../harness.ts';
import { type Ctx, daysFromToday, gardensWorld, type Problem } from './gardens-setup.ts';

interface HarvestView {
  id: string;
  crop: string;
  grams: number | null;
  count: number | null;
  destination: string;
  plotLabel: string | null;
  gardenerName: string | null;
}
interface HarvestPage {
  items: HarvestView[];
  page: number;
  pageSize: number;
  total: number;
  totals: Record<string, number>;
}

describe.each(engines)('harvests (%s)', (kind) => {
  let ctx: Ctx;
  let w: Awaited<ReturnType<typeof gardensWorld>>;
  let gardenId: string;
  let plotId: string;
  let gardenerId: string;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    w = await gardensWorld(ctx);
    const garden = await w.openGarden();
    gardenId = garden.id;
    plotId = (await w.addPlot(gardenId, 'H1', 1, 1)).id;
    gardenerId = (await w.addGardener('Hortense Abchée')).id;
  });
  afterAll(() => ctx.database.dispose());

  const log = (body: Record<string, unknown>) =>
    w.manager('POST', '/api/harvests', {
      gardenId,
      harvestedOn: daysFromToday(0),
      crop: 'Gombo',
      grams: 1200,
      destination: 'collective_distribution',
      ...body,
    });

  it('checks a harvest: a mass or a count with its unit, a gardener when it goes to one', async () => {
    const none = await log({ grams: null });
    expect(none.status).toBe(400);
    expect((await json<Problem>(none)).errors).toEqual(
      expect.arrayContaining([{ field: 'grams', message: 'Indiquez la masse ou le nombre.' }]),
    );
    const noUnit = await log({ grams: null, count: 4 });
    expect((await json<Problem>(noUnit)).errors?.map((e) => e.field)).toContain('countUnit');
    const noGardener = await log({ destination: 'gardener' });
    expect((await json<Problem>(noGardener)).errors?.map((e) => e.field)).toContain('gardenerId');
    const negative = await log({ grams: -5, crop: 'X' });
    expect((await json<Problem>(negative)).errors?.map((e) => e.field).sort()).toEqual([
      'crop',
      'grams',
    ]);
  });

  it('refuses a date in the future, a plot of another garden, a gardener of another centre', async () => {
    const future = await log({ harvestedOn: daysFromToday(1) });
    expect(future.status).toBe(422);
    expect(await json<Problem>(future)).toMatchObject({
      code: 'FUTURE_DATE',
      errors: [{ field: 'harvestedOn' }],
    });
    const other = await w.openGarden();
    const elsewhere = await w.addPlot(other.id, 'O1', 1, 1);
    const wrongPlot = await log({ plotId: elsewhere.id });
    expect(wrongPlot.status).toBe(422);
    expect((await json<Problem>(wrongPlot)).errors?.[0]?.field).toBe('plotId');
    const kourou = await w.addGardener('Karl Joseph', w.kourou);
    const wrongPerson = await log({ gardenerId: kourou.id, destination: 'gardener' });
    expect(wrongPerson.status).toBe(422);
    expect((await json<Problem>(wrongPerson)).errors?.[0]?.field).toBe('gardenerId');
    // Kourou's staff does not log harvests of Mont-Lucas.
    expect(
      (
        await w.staff('POST', '/api/harvests', {
          gardenId,
          harvestedOn: daysFromToday(0),
          crop: 'Gombo',
          grams: 100,
          destination: 'market',
        })
      ).status,
    ).toBe(403);
  });

  it('lists harvests newest first with the grams per destination of the whole filter', async () => {
    const made: HarvestView[] = [];
    for (const h of [
      {
        harvestedOn: '2026-03-02',
        crop: 'Dachine',
        grams: 4000,
        destination: 'gardener',
        gardenerId,
        plotId,
      },
      {
        harvestedOn: '2026-03-09',
        crop: 'Giraumon',
        grams: 6500,
        destination: 'solidarity_grocery',
      },
      { harvestedOn: '2026-03-09', crop: 'Piment', grams: 350, destination: 'market' },
      {
        harvestedOn: '2026-03-16',
        crop: 'Ciboule',
        grams: null,
        count: 12,
        countUnit: 'bunch',
        destination: 'market',
      },
      {
        harvestedOn: '2026-03-23',
        crop: 'Concombre',
        grams: 2100,
        destination: 'collective_distribution',
      },
      {
        harvestedOn: '2026-04-06',
        crop: 'Bananes',
        grams: 9000,
        destination: 'solidarity_grocery',
      },
    ]) {
      const res = await log(h);
      expect(res.status, await res.clone().text()).toBe(201);
      made.push(await json<HarvestView>(res));
    }
    expect(made[0]).toMatchObject({ plotLabel: 'H1', gardenerName: 'Hortense Abchée' });
    const march = await json<HarvestPage>(
      await w.board(
        'GET',
        `/api/harvests?gardenId=${gardenId}&from=2026-03-01&to=2026-03-31&pageSize=2`,
      ),
    );
    expect(march.total).toBe(5);
    expect(march.items.map((h) => h.crop)).toEqual(['Concombre', 'Ciboule']);
    // Counted bunches are not in the grams.
    expect(march.totals).toEqual({
      gardener: 4000,
      collective_distribution: 2100,
      market: 350,
      solidarity_grocery: 6500,
      total: 12950,
    });
    const page3 = await json<HarvestPage>(
      await w.manager(
        'GET',
        `/api/harvests?gardenId=${gardenId}&from=2026-03-01&to=2026-03-31&pageSize=2&page=3`,
      ),
    );
    expect(page3.items.map((h) => h.crop)).toEqual(['Dachine']);
    expect(page3.total).toBe(5);
    // Removing one changes the totals.
    const giraumon = made[1];
    expect((await w.staff('DELETE', `/api/harvests/${giraumon?.id}`)).status).toBe(403);
    expect((await w.manager('DELETE', `/api/harvests/${giraumon?.id}`)).status).toBe(204);
    expect((await w.manager('DELETE', `/api/harvests/${giraumon?.id}`)).status).toBe(403);
    expect((await w.admin('DELETE', `/api/harvests/${giraumon?.id}`)).status).toBe(404);
    const after = await json<HarvestPage>(
      await w.manager('GET', `/api/harvests?gardenId=${gardenId}&from=2026-03-01&to=2026-03-31`),
    );
    expect(after.totals).toMatchObject({ solidarity_grocery: 0, total: 6450 });
    const empty = await json<HarvestPage>(
      await w.manager('GET', `/api/harvests?gardenId=${gardenId}&from=2020-01-01&to=2020-12-31`),
    );
    expect(empty).toMatchObject({ items: [], total: 0, totals: { total: 0, market: 0 } });
  });

  it('narrows lists to the reader’s centres', async () => {
    const staff = await json<HarvestPage>(await w.staff('GET', '/api/harvests?pageSize=100'));
    expect(
      staff.items.every((h) => h.crop !== 'Dachine' || h.gardenerName !== 'Hortense Abchée'),
    ).toBe(true);
    expect((await w.staff('GET', `/api/harvests?gardenId=${gardenId}`)).status).toBe(403);
    expect((await w.facilitator('GET', '/api/harvests')).status).toBe(403);
    expect((await w.manager('GET', '/api/harvests?from=demain')).status).toBe(400);
  });
});
