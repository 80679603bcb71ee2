import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/index.ts';
import { call, engines, json, seededApp } from '../harness.ts';
import {
  type Ctx,
  newStream,
  type People,
  people,
  type StreamView,
  uniqueStream,
} from './circular-setup.ts';

interface Problem {
  status: number;
  code?: string;
  errors?: { field: string; message: string }[];
}

describe.each(engines)('material streams, waste codes and operations (%s)', (kind) => {
  let ctx: Ctx;
  let who: People;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    who = await people(ctx);
  });
  afterAll(async () => {
    await ctx?.database.dispose();
  });

  const post = (body: Record<string, unknown>, cookie = who.admin) =>
    call(ctx.app, 'POST', '/api/streams', {
      cookie,
      body: { ...uniqueStream(), family: 'packaging', ...body },
    });

  it('the admin adds a stream: its waste code is read in any typed form and described from the list', async () => {
    const res = await post({ wasteCode: '150107', repStream: 'emballages_menagers', sortOrder: 5 });
    expect(res.status).toBe(201);
    const made = await json<StreamView>(res);
    expect(made).toMatchObject({
      wasteCode: '15 01 07',
      wasteCodeDescription: 'emballages en verre',
      hazardous: false,
      active: true,
      sortOrder: 5,
    });
    const hazardous = await json<StreamView>(await post({ wasteCode: '20 01 21*' }));
    expect(hazardous).toMatchObject({ wasteCode: '20 01 21', hazardous: true });
    const none = await json<StreamView>(await post({ wasteCode: null }));
    expect(none).toMatchObject({ wasteCode: null, wasteCodeDescription: null, hazardous: false });
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'circular.stream.create'), eq(auditLog.entityId, made.id)));
    expect(audit?.after).toMatchObject({ code: made.code, wasteCode: '15 01 07' });
  });

  it('refuses a code that is not in the European list, or not six digits (400 on wasteCode)', async () => {
    for (const wasteCode of ['99 99 99', '20 01', 'verre']) {
      const res = await post({ wasteCode });
      expect(res.status, wasteCode).toBe(400);
      const problem = await json<Problem>(res);
      expect(problem.errors?.map((e) => e.field)).toContain('wasteCode');
    }
    const unknownRep = await post({ repStream: 'inconnue' });
    expect(unknownRep.status).toBe(400);
  });

  it('409 when the code or the name is taken; the field says which', async () => {
    const first = await newStream(ctx, who.admin);
    const sameCode = await post({ code: first.code });
    expect(sameCode.status).toBe(409);
    expect((await json<Problem>(sameCode)).errors?.[0]?.field).toBe('code');
    const sameName = await post({ name: first.name.toUpperCase() });
    expect(sameName.status).toBe(409);
    expect((await json<Problem>(sameName)).errors?.[0]?.field).toBe('name');
  });

  it('only the admin adds or edits streams; centre teams and the board read them', async () => {
    for (const cookie of [who.manager, who.staff, who.board]) {
      expect((await post({}, cookie)).status).toBe(403);
    }
    const s = await newStream(ctx, who.admin);
    const patch = await call(ctx.app, 'PATCH', `/api/streams/${s.id}`, {
      cookie: who.manager,
      body: { active: false },
    });
    expect(patch.status).toBe(403);
    for (const cookie of [who.admin, who.manager, who.staff, who.board]) {
      expect((await call(ctx.app, 'GET', '/api/streams', { cookie })).status).toBe(200);
    }
    expect((await call(ctx.app, 'GET', '/api/streams', { cookie: who.facilitator })).status).toBe(
      403,
    );
  });

  it('lists every stream by its order then name, inactive ones included', async () => {
    const late = await newStream(ctx, who.admin, { sortOrder: 998, name: 'Zz dernier essai' });
    const early = await newStream(ctx, who.admin, { sortOrder: 998, name: 'Aa premier essai' });
    await call(ctx.app, 'PATCH', `/api/streams/${late.id}`, {
      cookie: who.admin,
      body: { active: false },
    });
    const list = await json<{ items: StreamView[] }>(
      await call(ctx.app, 'GET', '/api/streams', { cookie: who.staff }),
    );
    const orders = list.items.map((s) => s.sortOrder);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    const ids = list.items.map((s) => s.id);
    expect(ids.indexOf(early.id)).toBeLessThan(ids.indexOf(late.id));
    expect(list.items.find((s) => s.id === late.id)?.active).toBe(false);
  });

  it('edits a stream (not its code); 404 for none, 409 for another’s name; audited with before and after', async () => {
    const s = await newStream(ctx, who.admin);
    const other = await newStream(ctx, who.admin);
    const res = await call(ctx.app, 'PATCH', `/api/streams/${s.id}`, {
      cookie: who.admin,
      body: { name: 'Métaux ferreux (essai)', wasteCode: '20 01 40', sortOrder: 12 },
    });
    expect(res.status).toBe(200);
    expect(await json<StreamView>(res)).toMatchObject({
      code: s.code,
      name: 'Métaux ferreux (essai)',
      wasteCodeDescription: 'métaux',
      sortOrder: 12,
    });
    const off = await call(ctx.app, 'PATCH', `/api/streams/${s.id}`, {
      cookie: who.admin,
      body: { active: false },
    });
    // Only what the patch names changes: no default fills in the other fields.
    expect(await json<StreamView>(off)).toMatchObject({
      active: false,
      wasteCode: '20 01 40',
      sortOrder: 12,
      name: 'Métaux ferreux (essai)',
    });
    const clash = await call(ctx.app, 'PATCH', `/api/streams/${s.id}`, {
      cookie: who.admin,
      body: { name: other.name },
    });
    expect(clash.status).toBe(409);
    const bad = await call(ctx.app, 'PATCH', `/api/streams/${s.id}`, {
      cookie: who.admin,
      body: { wasteCode: '00 00 00' },
    });
    expect(bad.status).toBe(400);
    const missing = await call(
      ctx.app,
      'PATCH',
      '/api/streams/00000000-0000-4000-8000-000000000000',
      { cookie: who.admin, body: { name: 'Personne' } },
    );
    expect(missing.status).toBe(404);
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'circular.stream.update'), eq(auditLog.entityId, s.id)));
    expect(audit?.before).toMatchObject({ name: s.name });
    expect(audit?.after).toMatchObject({ name: 'Métaux ferreux (essai)' });
  });

  interface CodePage {
    items: {
      code: string;
      hazardous: boolean;
      description: string;
      chapterTitle: string;
      subChapterTitle: string;
    }[];
    total: number;
    page: number;
    pageSize: number;
  }
  const codes = async (q: string, extra = '') =>
    json<CodePage>(
      await call(ctx.app, 'GET', `/api/waste-codes?q=${encodeURIComponent(q)}${extra}`, {
        cookie: who.staff,
      }),
    );

  it('searches the list of waste by a code’s beginning, typed with or without spaces', async () => {
    const spaced = await codes('20 01', '&pageSize=100');
    expect(spaced.total).toBe(30);
    expect(spaced.items.every((e) => e.code.startsWith('20 01 '))).toBe(true);
    const packed = await codes('2001', '&pageSize=100');
    expect(packed.items.map((e) => e.code)).toEqual(spaced.items.map((e) => e.code));
    const one = await codes('20 01 21');
    expect(one.items).toEqual([
      expect.objectContaining({
        code: '20 01 21',
        hazardous: true,
        subChapterTitle: expect.any(String),
      }),
    ]);
    expect(one.items[0]?.chapterTitle).toMatch(/municipaux/i);
  });

  it('searches by words of the wording, accents and case ignored, paginated', async () => {
    const glass = await codes('EMBALLAGES verre');
    expect(glass.items.map((e) => e.code)).toContain('15 01 07');
    const accents = await codes('metaux');
    expect(accents.items.map((e) => e.code)).toContain('20 01 40');
    const all = await codes('', '&page=2&pageSize=50');
    expect(all.total).toBe(842);
    expect(all.items).toHaveLength(50);
    expect(all.page).toBe(2);
    expect((await codes('zzzzqqq')).total).toBe(0);
  });

  it('lists the R and D operations with the treatments they fit and whether they are final', async () => {
    const res = await call(ctx.app, 'GET', '/api/treatment-operations', { cookie: who.board });
    expect(res.status).toBe(200);
    const { items } = await json<{
      items: { code: string; kind: string; treatments: string[]; intermediate: boolean }[];
    }>(res);
    expect(items).toHaveLength(28);
    const byCode = new Map(items.map((o) => [o.code, o]));
    expect(byCode.get('R1')).toMatchObject({
      kind: 'recovery',
      treatments: ['energy_recovery'],
      intermediate: false,
    });
    expect(byCode.get('R3')).toMatchObject({ treatments: ['recycling'], intermediate: false });
    expect(byCode.get('R13')).toMatchObject({
      treatments: ['recycling', 'energy_recovery'],
      intermediate: true,
    });
    expect(byCode.get('D5')).toMatchObject({ kind: 'disposal', treatments: ['disposal'] });
    expect(byCode.get('D15')?.intermediate).toBe(true);
  });
});
