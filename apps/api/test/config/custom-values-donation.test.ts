import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSubFunds, today } from '../fund/donations-setup.ts';
import { call, engines, json, seededApp } from '../harness.ts';
import {
  defineField,
  demoPeople,
  setRetired,
  type ValidationProblem,
} from './custom-values-fixtures.ts';

interface Donation {
  id: string;
  kind: string;
  reference: string | null;
  custom: Record<string, unknown>;
}

describe.each(engines)('custom values of gifts in money and in kind (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let people: Awaited<ReturnType<typeof demoPeople>>;
  let funds: Awaited<ReturnType<typeof ensureSubFunds>>;
  let remarkField: string;

  const money = (body: Record<string, unknown> = {}) =>
    call(ctx.app, 'POST', '/api/donations', {
      cookie: people.admin,
      body: {
        kind: 'money',
        donorId: null,
        receivedOn: today().toString(),
        amountCents: 5_000,
        method: 'cash',
        subFundId: funds.LIBRE,
        ...body,
      },
    });
  const goods = (centreId: string, body: Record<string, unknown> = {}) =>
    call(ctx.app, 'POST', '/api/donations', {
      cookie: people.admin,
      body: {
        kind: 'in_kind',
        donorId: null,
        receivedOn: today().toString(),
        description: 'Trois vélos d’enfant',
        category: 'bikes',
        quantity: 3,
        unit: 'piece',
        condition: 'for_repair',
        valuationCents: 9_000,
        valuationMethod: 'estimate',
        evidence: 'Estimation de l’atelier vélo',
        centreId,
        ...body,
      },
    });
  const gift = async (id: string) =>
    json<Donation>(await call(ctx.app, 'GET', `/api/donations/${id}`, { cookie: people.admin }));

  beforeAll(async () => {
    ctx = await seededApp(kind);
    people = await demoPeople(ctx);
    funds = await ensureSubFunds(ctx);
    await defineField(ctx, {
      entity: 'donation',
      key: 'campagne',
      labelFr: 'Campagne d’appel',
      required: true,
      inTables: true,
    });
    await defineField(ctx, {
      entity: 'donation',
      key: 'canal',
      labelFr: 'Canal',
      type: 'single_choice',
      options: ['banque', 'guichet'],
      defaultValue: 'banque',
    });
    remarkField = await defineField(ctx, {
      entity: 'donation',
      key: 'remarque',
      labelFr: 'Remarque',
    });
    await defineField(ctx, {
      entity: 'in_kind_donation',
      key: 'emballage',
      labelFr: 'Emballage',
      type: 'yes_no',
    });
    await defineField(ctx, {
      entity: 'in_kind_donation',
      key: 'rayon',
      labelFr: 'Rayon de la ressourcerie',
      type: 'single_choice',
      options: ['atelier', 'boutique'],
      required: true,
      centreId: people.villageChinois,
    });
  });
  afterAll(() => ctx.database.dispose());

  it('a money gift without a required field is refused with its label; defaults are filled', async () => {
    const res = await money();
    expect(res.status).toBe(400);
    const problem = await json<ValidationProblem>(res);
    expect(problem.type).toBe('urn:lakou:problem:validation');
    expect(problem.errors).toEqual([
      { field: 'custom.campagne', message: expect.stringContaining('Campagne d’appel') },
    ]);
    const made = await money({ custom: { campagne: 'Noël 2026' } });
    expect(made.status, await made.clone().text()).toBe(201);
    const view = await json<Donation>(made);
    expect(view.custom).toEqual({ campagne: 'Noël 2026', canal: 'banque' });
    expect((await gift(view.id)).custom).toEqual(view.custom);
  });

  it('an in-kind field of one centre does not apply to a gift received by another', async () => {
    const refused = await goods(people.villageChinois, { custom: { emballage: true } });
    expect(refused.status).toBe(400);
    expect((await json<ValidationProblem>(refused)).errors).toEqual([
      { field: 'custom.rayon', message: expect.stringContaining('Rayon de la ressourcerie') },
    ]);
    const here = await goods(people.villageChinois, { custom: { rayon: 'atelier' } });
    expect(here.status, await here.clone().text()).toBe(201);
    expect((await json<Donation>(here)).custom).toEqual({ rayon: 'atelier' });
    const elsewhere = await goods(people.kourou, { custom: { rayon: 'atelier' } });
    expect(elsewhere.status).toBe(400);
    const kourou = await goods(people.kourou, { custom: { emballage: false } });
    expect(kourou.status).toBe(201);
    expect((await json<Donation>(kourou)).custom).toEqual({ emballage: false });
  });

  it('a patch checks only the keys sent; a retired field’s value survives', async () => {
    const made = await json<Donation>(
      await money({ custom: { campagne: 'Rentrée', remarque: 'versé au guichet' } }),
    );
    await setRetired(ctx, remarkField, true);
    const patch = (custom: Record<string, unknown>) =>
      call(ctx.app, 'PATCH', `/api/donations/${made.id}`, {
        cookie: people.admin,
        body: { custom },
      });
    const ok = await patch({ campagne: 'Rentrée 2026', canal: 'guichet' });
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect((await json<Donation>(ok)).custom).toEqual({
      campagne: 'Rentrée 2026',
      canal: 'guichet',
    });
    expect((await patch({ campagne: null })).status).toBe(400);
    expect((await patch({ inconnu: 'x' })).status).toBe(400);
    await setRetired(ctx, remarkField, false);
    expect((await gift(made.id)).custom).toEqual({
      campagne: 'Rentrée 2026',
      canal: 'guichet',
      remarque: 'versé au guichet',
    });
  });

  it('the bank import is not stopped by a required field: its gifts get the defaults only', async () => {
    const d = today().subtract({ days: 3 });
    const date = `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;
    const csv = [
      'Date;Montant;Donateur;E-mail;Moyen;Sous-fonds;Référence',
      `${date};80,00;Rosette Custom;;Virement;;VIR-CUSTOM-001`,
    ].join('\n');
    const res = await call(ctx.app, 'POST', '/api/donations/import', {
      cookie: people.admin,
      body: { csv, dryRun: false, fileName: 'releve.csv' },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await json<{ imported: number }>(res)).toMatchObject({ imported: 1 });
    const page = await json<{ items: Donation[] }>(
      await call(ctx.app, 'GET', '/api/donations?kind=money&pageSize=100', {
        cookie: people.admin,
      }),
    );
    const imported = page.items.find((g) => g.reference === 'VIR-CUSTOM-001');
    expect(imported?.custom).toEqual({ canal: 'banque' });
  });
});
