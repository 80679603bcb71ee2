import type { EditableListView, ListItem } from '@lakou/domain/config/lists';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, donations, events, resources } from '../../src/db/schema/index.ts';
import {
  type Ctx,
  newStream,
  type People,
  people,
  postInflow,
  stockOf,
} from '../circular/circular-setup.ts';
import { call, engines, json, seededApp } from '../harness.ts';

interface Problem {
  status: number;
  detail?: string;
  code?: string;
  usage?: number;
  errors?: { field: string; message: string }[];
}

describe.each(engines)('editable lists (%s)', (kind) => {
  let ctx: Ctx;
  let who: People;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    who = await people(ctx);
  });
  afterAll(() => ctx?.database.dispose());

  const send = (cookie: string | undefined, method: string, path: string, body?: unknown) =>
    call(ctx.app, method, path, { cookie, ...(body !== undefined ? { body } : {}) });
  const admin = (method: string, path: string, body?: unknown) =>
    send(who.admin, method, path, body);
  const listOf = async (list: string) =>
    json<EditableListView>(await send(who.admin, 'GET', `/api/lists/${list}`));
  const itemOf = async (list: string, key: string) =>
    (await listOf(list)).items.find((i) => i.key === key);
  const count = async (query: ReturnType<typeof sql>) => {
    const result = await ctx.database.db.execute(query);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      n: number | string;
    }[];
    return Number(rows[0]?.n ?? 0);
  };

  it('lists the six lists with the seeded items; usage counts for the admin only', async () => {
    const all = await json<{ items: EditableListView[] }>(await admin('GET', '/api/lists'));
    expect(all.items.map((l) => l.list)).toEqual([
      'resource_kind',
      'event_kind',
      'material_stream',
      'donation_category',
      'audience',
      'tariff',
    ]);
    const kinds = all.items.find((l) => l.list === 'resource_kind');
    expect(kinds?.items.map((i) => i.key)).toEqual(['room', 'desk', 'equipment']);
    const desk = kinds?.items.find((i) => i.key === 'desk');
    expect(desk).toMatchObject({
      labelFr: 'Poste de coworking',
      system: true,
      retirable: false,
      retired: false,
    });
    expect(desk?.usage).toBeGreaterThan(0);
    const events = all.items.find((l) => l.list === 'event_kind');
    expect(events?.items.length).toBeGreaterThanOrEqual(7);
    expect(all.items.find((l) => l.list === 'material_stream')?.items.map((i) => i.key)).toContain(
      'textiles',
    );
    expect(all.items.find((l) => l.list === 'audience')).toMatchObject({ canAdd: false });

    const anonymous = await json<EditableListView>(
      await send(undefined, 'GET', '/api/lists/resource_kind'),
    );
    expect(anonymous.items.every((i) => i.usage === null)).toBe(true);
    expect((await send(undefined, 'GET', '/api/lists/nothing')).status).toBe(404);
  });

  it('adds an event kind, renames it (labels only), and the events see the new label', async () => {
    const made = await admin('POST', '/api/lists/event_kind/items', {
      key: 'repair-cafe',
      labelFr: 'Café réparation',
      labelEn: 'Repair café',
    });
    expect(made.status).toBe(201);
    expect(await json<ListItem>(made)).toMatchObject({
      key: 'repair-cafe',
      usage: 0,
      system: false,
    });
    const again = await admin('POST', '/api/lists/event_kind/items', {
      key: 'repair-cafe',
      labelFr: 'Autre',
    });
    expect(again.status).toBe(409);
    expect(await json<Problem>(again)).toMatchObject({ code: 'KEY_TAKEN' });

    const renamed = await admin('PATCH', '/api/lists/event_kind/items/atelier', {
      labelFr: 'Atelier participatif',
      labelEn: 'Workshop',
      position: 0,
    });
    expect(renamed.status).toBe(200);
    expect(await json<ListItem>(renamed)).toMatchObject({
      key: 'atelier',
      labelFr: 'Atelier participatif',
      labelEn: 'Workshop',
    });
    const kinds = await json<{ items: { key: string; label: string }[] }>(
      await send(undefined, 'GET', '/api/event-kinds'),
    );
    expect(kinds.items.find((k) => k.key === 'atelier')?.label).toBe('Atelier participatif');
    const audit = await ctx.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'list_item'), eq(auditLog.entityId, 'event_kind:atelier')));
    expect(audit.map((a) => a.action)).toContain('config.list.update');

    const bad = await admin('POST', '/api/lists/event_kind/items', {
      key: 'Pas Bon',
      labelFr: 'x',
    });
    expect(bad.status).toBe(400);
    expect((await json<Problem>(bad)).errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['key', 'labelFr']),
    );
    expect(
      (await admin('POST', '/api/lists/audience/items', { key: 'etudiants', labelFr: 'Étudiants' }))
        .status,
    ).toBe(422);
  });

  it('never retires the coworking desk; retires and restores equipment', async () => {
    const desk = await admin('POST', '/api/lists/resource_kind/items/desk/retire');
    expect(desk.status).toBe(422);
    expect(await json<Problem>(desk)).toMatchObject({ code: 'SYSTEM_ITEM' });
    expect((await admin('POST', '/api/lists/audience/items/centre_programme/retire')).status).toBe(
      422,
    );

    const retired = await admin('POST', '/api/lists/resource_kind/items/equipment/retire');
    expect(retired.status).toBe(200);
    expect(await json<ListItem>(retired)).toMatchObject({ retired: true });
    // A new resource may not take a retired kind; one that has it keeps it.
    const refused = await send(who.manager, 'POST', '/api/resources', {
      centreId: who.villageChinois,
      kind: 'equipment',
      name: 'Vidéoprojecteur de prêt',
      capacity: 1,
      tariff: { hourlyCents: { member: 0, qpv_resident: 0, association: 0, company: 0 } },
    });
    expect(refused.status).toBe(422);
    expect((await json<Problem>(refused)).errors?.[0]?.field).toBe('kind');
    const restored = await admin('POST', '/api/lists/resource_kind/items/equipment/restore');
    expect(await json<ListItem>(restored)).toMatchObject({ retired: false });
    const made = await send(who.manager, 'POST', '/api/resources', {
      centreId: who.villageChinois,
      kind: 'equipment',
      name: 'Vidéoprojecteur de prêt',
      capacity: 1,
      tariff: { hourlyCents: { member: 0, qpv_resident: 0, association: 0, company: 0 } },
    });
    expect(made.status).toBe(201);
    // A kind of the network's own is a resource kind like the others.
    expect(
      (
        await admin('POST', '/api/lists/resource_kind/items', {
          key: 'kitchen',
          labelFr: 'Cuisine',
        })
      ).status,
    ).toBe(201);
    const kitchen = await send(who.manager, 'POST', '/api/resources', {
      centreId: who.villageChinois,
      kind: 'kitchen',
      name: 'Cuisine partagée',
      capacity: 8,
      tariff: { hourlyCents: { member: 0, qpv_resident: 0, association: 0, company: 0 } },
    });
    expect(kitchen.status).toBe(201);
    expect((await admin('GET', '/api/lists/resource_kind')).status).toBe(200);
    expect((await itemOf('resource_kind', 'kitchen'))?.usage).toBe(1);
  });

  it('merges two donation categories in one go: no gift keeps the source', async () => {
    const before = await itemOf('donation_category', 'books_toys');
    const target = await itemOf('donation_category', 'other');
    const gifts = await count(
      sql`select count(*) as n from ${donations} where ${donations.category} = 'books_toys'`,
    );
    expect(before?.usage).toBe(gifts);
    const res = await admin('POST', '/api/lists/donation_category/items/books_toys/merge', {
      into: 'other',
    });
    expect(res.status).toBe(200);
    const merged = await json<{ item: ListItem; into: ListItem; moved: number }>(res);
    expect(merged.moved).toBe(gifts);
    expect(merged.item).toMatchObject({ retired: true, mergedInto: 'other', usage: 0 });
    expect(merged.into.usage).toBe((target?.usage ?? 0) + gifts);
    expect(
      await count(
        sql`select count(*) as n from ${donations} where ${donations.category} = 'books_toys'`,
      ),
    ).toBe(0);
    // A merged item does not come back, nor merge again; the system item stays.
    const restore = await admin('POST', '/api/lists/donation_category/items/books_toys/restore');
    expect(await json<Problem>(restore)).toMatchObject({ status: 422, code: 'MERGED' });
    const system = await admin('POST', '/api/lists/donation_category/items/other/merge', {
      into: 'food',
    });
    expect(await json<Problem>(system)).toMatchObject({ status: 422, code: 'SYSTEM_ITEM' });
    const self = await admin('POST', '/api/lists/donation_category/items/food/merge', {
      into: 'food',
    });
    expect(self.status).toBe(422);
    const retiredTarget = await admin('POST', '/api/lists/donation_category/items/food/merge', {
      into: 'books_toys',
    });
    expect(await json<Problem>(retiredTarget)).toMatchObject({ code: 'TARGET_RETIRED' });
  });

  it('an in-kind gift takes a category the network added, never a retired one', async () => {
    const donor = await json<{ id: string }>(
      await send(who.manager, 'POST', '/api/donors', {
        kind: 'individual',
        name: 'Paulette Liste',
      }),
    );
    const gift = (category: string) =>
      send(who.manager, 'POST', '/api/donations', {
        kind: 'in_kind',
        donorId: donor.id,
        // Two days back: a UTC "today" is still tomorrow in Cayenne after 21:00 there.
        receivedOn: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10),
        description: 'Trois jeux de société complets',
        category,
        quantity: 3,
        unit: 'piece',
        condition: 'good',
        valuationCents: 4_500,
        valuationMethod: 'market_value',
        evidence: 'Prix d’occasion relevés le jour du don',
        centreId: who.villageChinois,
        massGrams: null,
      });
    expect(
      (
        await admin('POST', '/api/lists/donation_category/items', {
          key: 'jeux',
          labelFr: 'Jeux de société',
        })
      ).status,
    ).toBe(201);
    const made = await gift('jeux');
    expect(made.status).toBe(201);
    expect((await itemOf('donation_category', 'jeux'))?.usage).toBe(1);
    expect((await admin('POST', '/api/lists/donation_category/items/jeux/retire')).status).toBe(
      200,
    );
    const refused = await gift('jeux');
    expect(refused.status).toBe(422);
    expect(await json<Problem>(refused)).toMatchObject({ code: 'UNKNOWN_CATEGORY' });
    expect((await gift('inconnue')).status).toBe(422);
  });

  it('merges event kinds: every event of the source moves', async () => {
    const concerts = await count(
      sql`select count(*) as n from ${events} e join event_kinds k on k.id = e.kind_id where k.key = 'concert'`,
    );
    const res = await admin('POST', '/api/lists/event_kind/items/concert/merge', {
      into: 'atelier',
    });
    expect(res.status).toBe(200);
    expect((await json<{ moved: number }>(res)).moved).toBe(concerts);
    expect((await itemOf('event_kind', 'concert'))?.usage).toBe(0);
    const kinds = await json<{ items: { key: string; active: boolean }[] }>(
      await send(undefined, 'GET', '/api/event-kinds'),
    );
    expect(kinds.items.find((k) => k.key === 'concert')?.active).toBe(false);
  });

  it('deletes only an unused item: 409 IN_USE with the count otherwise', async () => {
    const used = await admin('DELETE', '/api/lists/event_kind/items/atelier');
    expect(used.status).toBe(409);
    const problem = await json<Problem>(used);
    expect(problem.code).toBe('IN_USE');
    expect(problem.usage).toBeGreaterThan(0);
    expect(problem.detail).toMatch(/retirez-le ou fusionnez-le/);
    expect((await admin('DELETE', '/api/lists/event_kind/items/repair-cafe')).status).toBe(204);
    expect(await itemOf('event_kind', 'repair-cafe')).toBeUndefined();
    expect((await admin('DELETE', '/api/lists/resource_kind/items/desk')).status).toBe(422);
  });

  it('tariff templates: rates checked, not mergeable', async () => {
    const bad = await admin('POST', '/api/lists/tariff/items', {
      key: 'associatif',
      labelFr: 'Tarif associatif',
      data: { tariff: { hourlyCents: { member: -1 } } },
    });
    expect(bad.status).toBe(400);
    expect((await json<Problem>(bad)).errors?.[0]?.field).toMatch(/^data\.tariff/);
    const good = await admin('POST', '/api/lists/tariff/items', {
      key: 'associatif',
      labelFr: 'Tarif associatif',
      data: {
        tariff: {
          hourlyCents: { member: 500, qpv_resident: 0, association: 500, company: 2500 },
          flatFeeCents: 0,
        },
      },
    });
    expect(good.status).toBe(201);
    const merge = await admin('POST', '/api/lists/tariff/items/associatif/merge', {
      into: 'gratuit',
    });
    expect(await json<Problem>(merge)).toMatchObject({ code: 'NOT_MERGEABLE' });
  });

  it('merges material streams of one waste code, stocks added; refuses across waste codes', async () => {
    const a = await newStream(ctx, who.admin, { wasteCode: '20 01 40' });
    const b = await newStream(ctx, who.admin, { wasteCode: '20 01 40' });
    const other = await newStream(ctx, who.admin, { wasteCode: '20 01 39' });
    for (const [stream, grams] of [
      [a, 1200],
      [b, 800],
    ] as const) {
      const res = await postInflow(ctx, who.staff, {
        centreId: who.kourou,
        streamId: stream.id,
        massGrams: grams,
      });
      expect(res.status).toBe(201);
    }
    const differ = await admin('POST', `/api/lists/material_stream/items/${a.code}/merge`, {
      into: other.code,
    });
    const refusal = await json<Problem>(differ);
    expect(refusal).toMatchObject({ status: 422, code: 'STREAMS_DIFFER' });
    expect(refusal.detail).toMatch(/registre des déchets/);

    const res = await admin('POST', `/api/lists/material_stream/items/${a.code}/merge`, {
      into: b.code,
    });
    expect(res.status).toBe(200);
    expect((await json<{ moved: number }>(res)).moved).toBe(1);
    expect(await stockOf(ctx, who.kourou, b.id)).toBe(2000);
    expect(await stockOf(ctx, who.kourou, a.id)).toBe(0);
    expect(
      await count(sql`select count(*) as n from circular_inflows where stream_id = ${a.id}`),
    ).toBe(0);
    // Renamed through the list, the circular page's stream shows the new name.
    const renamed = await admin('PATCH', `/api/lists/material_stream/items/${b.code}`, {
      labelFr: `${b.name} (fusionnés)`,
    });
    expect(renamed.status).toBe(200);
    const streams = await json<{ items: { id: string; name: string; active: boolean }[] }>(
      await send(who.admin, 'GET', '/api/streams'),
    );
    expect(streams.items.find((s) => s.id === b.id)?.name).toBe(`${b.name} (fusionnés)`);
    expect(streams.items.find((s) => s.id === a.id)?.active).toBe(false);
    // Neither the circular page nor the list brings a merged stream back.
    const reactivate = await admin('PATCH', `/api/streams/${a.id}`, { active: true });
    expect(await json<Problem>(reactivate)).toMatchObject({ status: 422, code: 'MERGED' });
    const restore = await admin('POST', `/api/lists/material_stream/items/${a.code}/restore`);
    expect(await json<Problem>(restore)).toMatchObject({ status: 422, code: 'MERGED' });
    // The name is unique among streams: 409.
    const clash = await admin('PATCH', `/api/lists/material_stream/items/${other.code}`, {
      labelFr: `${b.name} (fusionnés)`,
    });
    expect(await json<Problem>(clash)).toMatchObject({ status: 409, code: 'LABEL_TAKEN' });
  });

  it('only the admin changes the lists', async () => {
    const res = await send(who.manager, 'POST', '/api/lists/event_kind/items', {
      key: 'karaoke',
      labelFr: 'Karaoké',
    });
    expect(res.status).toBe(403);
    expect((await send(who.manager, 'GET', '/api/lists/event_kind')).status).toBe(200);
  });

  it.runIf(kind === 'postgres')(
    'a merge and a resource created with the source kind at the same time: no resource is left on the merged kind',
    async () => {
      for (let round = 0; round < 4; round += 1) {
        const key = `atelier_${round}`;
        expect(
          (
            await admin('POST', '/api/lists/resource_kind/items', {
              key,
              labelFr: `Atelier ${round}`,
            })
          ).status,
        ).toBe(201);
        const [merge, create] = await Promise.all([
          admin('POST', `/api/lists/resource_kind/items/${key}/merge`, { into: 'room' }),
          send(who.manager, 'POST', '/api/resources', {
            centreId: who.villageChinois,
            kind: key,
            name: `Atelier concurrent ${round}`,
            capacity: 4,
            tariff: { hourlyCents: { member: 0, qpv_resident: 0, association: 0, company: 0 } },
          }),
        ]);
        expect(merge.status).toBe(200);
        // Either the resource came first and was moved, or the merge came first and refused it.
        expect([201, 422]).toContain(create.status);
        const left = await ctx.database.db
          .select({ id: resources.id })
          .from(resources)
          .where(eq(resources.kind, key));
        expect(left).toEqual([]);
        if (create.status === 201) {
          const made = await json<{ id: string }>(create);
          const [row] = await ctx.database.db
            .select({ kind: resources.kind })
            .from(resources)
            .where(eq(resources.id, made.id));
          expect(row?.kind).toBe('room');
        }
      }
    },
  );
});
