import { REGISTER_COLUMNS } from '@lakou/domain/circular';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, newStream, type StreamView } from '../circular/circular-setup.ts';
import { call, engines, json, seededApp } from '../harness.ts';
import {
  defineField,
  demoPeople,
  setRetired,
  type ValidationProblem,
} from './custom-values-fixtures.ts';

interface Inflow {
  id: string;
  custom: Record<string, unknown>;
}

describe.each(engines)('custom values of inflows (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let people: Awaited<ReturnType<typeof demoPeople>>;
  let stream: StreamView;
  let remarkField: string;

  const weigh = (centreId: string, custom?: Record<string, unknown>, occurredOn = day(-1)) =>
    call(ctx.app, 'POST', '/api/inflows', {
      cookie: people.admin,
      body: {
        occurredOn,
        centreId,
        streamId: stream.id,
        massGrams: 12_500,
        measurement: 'weighed',
        origin: 'drop_off',
        custom,
      },
    });

  beforeAll(async () => {
    ctx = await seededApp(kind);
    people = await demoPeople(ctx);
    stream = await newStream(ctx, people.admin);
    await defineField(ctx, {
      entity: 'inflow',
      key: 'apporteur',
      labelFr: 'Type d’apporteur',
      type: 'single_choice',
      options: ['particulier', 'entreprise'],
      required: true,
      inTables: true,
    });
    await defineField(ctx, {
      entity: 'inflow',
      key: 'proprete',
      labelFr: 'Propreté',
      type: 'number',
      min: 0,
      max: 5,
    });
    remarkField = await defineField(ctx, {
      entity: 'inflow',
      key: 'remarque',
      labelFr: 'Remarque',
    });
    await defineField(ctx, {
      entity: 'inflow',
      key: 'benne',
      labelFr: 'Benne',
      centreId: people.villageChinois,
    });
  });
  afterAll(() => ctx.database.dispose());

  it('a weighing without a required field is refused with its label, and changes no stock', async () => {
    const res = await weigh(people.villageChinois);
    expect(res.status).toBe(400);
    const problem = await json<ValidationProblem>(res);
    expect(problem.type).toBe('urn:lakou:problem:validation');
    expect(problem.errors).toEqual([
      { field: 'custom.apporteur', message: expect.stringContaining('Type d’apporteur') },
    ]);
    const list = await json<{ total: number }>(
      await call(ctx.app, 'GET', `/api/inflows?streamId=${stream.id}`, { cookie: people.admin }),
    );
    expect(list.total).toBe(0);
  });

  it('stores the values and shows them in the list; a centre’s field only applies there', async () => {
    const res = await weigh(people.villageChinois, { apporteur: 'entreprise', benne: 'B2' });
    expect(res.status, await res.clone().text()).toBe(201);
    const made = await json<Inflow>(res);
    expect(made.custom).toEqual({ apporteur: 'entreprise', benne: 'B2' });
    const elsewhere = await weigh(people.kourou, { apporteur: 'particulier', benne: 'B1' });
    expect(elsewhere.status).toBe(400);
    expect((await json<ValidationProblem>(elsewhere)).errors?.map((e) => e.field)).toEqual([
      'custom.benne',
    ]);
    const kourou = await weigh(people.kourou, { apporteur: 'particulier', proprete: 4.5 });
    expect(kourou.status).toBe(201);
    expect((await json<Inflow>(kourou)).custom).toEqual({
      apporteur: 'particulier',
      proprete: 4.5,
    });
    const list = await json<{ items: Inflow[] }>(
      await call(ctx.app, 'GET', `/api/inflows?streamId=${stream.id}`, { cookie: people.admin }),
    );
    expect(list.items.find((i) => i.id === made.id)?.custom).toEqual(made.custom);
  });

  it('a patch checks only the keys sent; a retired field’s value survives', async () => {
    const made = await json<Inflow>(
      await weigh(people.villageChinois, { apporteur: 'particulier', remarque: 'sacs mouillés' }),
    );
    await setRetired(ctx, remarkField, true);
    const patch = (custom: Record<string, unknown>) =>
      call(ctx.app, 'PATCH', `/api/inflows/${made.id}`, { cookie: people.admin, body: { custom } });
    const ok = await patch({ proprete: 2 });
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect((await json<Inflow>(ok)).custom).toEqual({ apporteur: 'particulier', proprete: 2 });
    expect((await patch({ proprete: 9 })).status).toBe(400);
    await setRetired(ctx, remarkField, false);
    const list = await json<{ items: Inflow[] }>(
      await call(ctx.app, 'GET', `/api/inflows?streamId=${stream.id}`, { cookie: people.admin }),
    );
    expect(list.items.find((i) => i.id === made.id)?.custom).toEqual({
      apporteur: 'particulier',
      proprete: 2,
      remarque: 'sacs mouillés',
    });
  });

  it('the waste register CSV and XLSX have one column per network-wide field, values as text', async () => {
    const date = day(-2);
    const made = await weigh(
      people.villageChinois,
      { apporteur: 'entreprise', proprete: 3.5 },
      date,
    );
    expect(made.status).toBe(201);
    const res = await call(ctx.app, 'GET', `/api/waste-register.csv?from=${date}&to=${date}`, {
      cookie: people.admin,
    });
    expect(res.status).toBe(200);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';' }).data.filter(
      (r) => r.length > 1,
    );
    const header = rows[0] ?? [];
    // Network-wide fields only (« Benne » is Village Chinois’), in their order.
    expect(header.slice(-3)).toEqual(['Type d’apporteur', 'Propreté', 'Remarque']);
    const line = rows.find((r) => r.includes(stream.name));
    expect(line?.slice(-3)).toEqual(['Entreprise', '3,5', '']);

    const xlsx = await call(ctx.app, 'GET', `/api/waste-register.xlsx?from=${date}&to=${date}`, {
      cookie: people.admin,
    });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet('Registre');
    if (!sheet) throw new Error('no Registre sheet');
    const first = REGISTER_COLUMNS.length + 1;
    const cells = (n: number) =>
      [0, 1, 2].map((i) => String(sheet.getRow(n).getCell(first + i).value ?? ''));
    expect(cells(1)).toEqual(['Type d’apporteur', 'Propreté', 'Remarque']);
    const at = Array.from({ length: sheet.actualRowCount }, (_, i) => i + 1).find((n) =>
      String(
        sheet.getRow(n).getCell(REGISTER_COLUMNS.indexOf('Dénomination usuelle') + 1).value,
      ).includes(stream.name),
    );
    expect(at && cells(at)).toEqual(['Entreprise', '3,5', '']);
  });
});
