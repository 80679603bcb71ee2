import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditLog, centres, roleAssignments, users } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, engines, json, seededApp, signIn } from '../harness.ts';

interface Case {
  id: string;
  reference: string;
  stage: string;
  participantCount: number;
}

describe.each(engines)('restorative circle cases, in confidence (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let facilitatorA: string;
  let facilitatorB: string;
  let admin: string;
  let manager: string;
  let centreId: string;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    const db = ctx.database.db;
    centreId =
      (
        await db
          .select({ id: centres.id })
          .from(centres)
          .where(eq(centres.slug, 'cayenne-village-chinois'))
      )[0]?.id ?? '';
    // A second facilitator of the same centre, with the demo password.
    const [hash] = await db
      .select({ password: accounts.password })
      .from(accounts)
      .innerJoin(users, eq(users.id, accounts.userId))
      .where(eq(users.email, 'facilitation@lakou.test'));
    const [b] = await db
      .insert(users)
      .values({
        email: 'facilitation.b@lakou.test',
        name: 'Bruno Facilitateur',
        emailVerified: true,
      })
      .returning({ id: users.id });
    if (!b || !centreId) throw new Error('setup');
    await db.insert(accounts).values({
      userId: b.id,
      accountId: b.id,
      providerId: 'credential',
      password: hash?.password ?? null,
    });
    await db.insert(roleAssignments).values({ userId: b.id, role: 'facilitator', centreId });
    facilitatorA = await signIn(ctx.app, 'facilitation@lakou.test', DEMO_PASSWORD);
    facilitatorB = await signIn(ctx.app, 'facilitation.b@lakou.test', DEMO_PASSWORD);
    admin = await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD);
    manager = await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD);
  });
  afterAll(() => ctx.database.dispose());

  const open = async (cookie = facilitatorA) => {
    const res = await call(ctx.app, 'POST', '/api/circles', {
      cookie,
      body: { centreId, description: 'Conflit de voisinage autour du jardin partagé' },
    });
    expect(res.status).toBe(201);
    return json<Case>(res);
  };

  it('reveals nothing to another facilitator, the admin, the board or a manager: 404 and absent from lists', async () => {
    const mine = await open();
    expect(mine.reference).toMatch(new RegExp(`^CR-${new Date().getUTCFullYear()}-\\d{3}$`));
    for (const cookie of [facilitatorB, admin, manager]) {
      const res = await call(ctx.app, 'GET', `/api/circles/${mine.id}`, { cookie });
      expect(res.status).toBe(404);
      expect(
        (await call(ctx.app, 'GET', `/api/circles/${mine.id}/participants`, { cookie })).status,
      ).toBe(404);
      expect(
        (
          await call(ctx.app, 'POST', `/api/circles/${mine.id}/transitions`, {
            cookie,
            body: { to: 'pre_circles' },
          })
        ).status,
      ).toBe(404);
    }
    const listB = await json<{ items: Case[] }>(
      await call(ctx.app, 'GET', '/api/circles', { cookie: facilitatorB }),
    );
    expect(listB.items.map((c) => c.id)).not.toContain(mine.id);
    const listA = await json<{ items: Case[] }>(
      await call(ctx.app, 'GET', '/api/circles', { cookie: facilitatorA }),
    );
    expect(listA.items.map((c) => c.id)).toContain(mine.id);
    // A case unknown to everyone answers the same 404 as one that is not yours.
    const unknown = await call(ctx.app, 'GET', `/api/circles/${crypto.randomUUID()}`, {
      cookie: facilitatorB,
    });
    expect(await unknown.json()).toMatchObject({ status: 404 });
    expect((await call(ctx.app, 'GET', '/api/circles', { cookie: manager })).status).toBe(403);
  });

  it('numbers references without gaps, even when facilitators open cases at the same time', async () => {
    const made = await Promise.all([open(), open(facilitatorB), open(), open(facilitatorB)]);
    const numbers = made.map((c) => Number(c.reference.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(4);
    const year = new Date().getUTCFullYear();
    // Consecutive: four openings at once take four numbers in a row.
    expect((numbers[3] ?? 0) - (numbers[0] ?? 0)).toBe(3);
    expect(made.every((c) => c.reference.startsWith(`CR-${year}-`))).toBe(true);
  });

  it('refuses every move the practice does not allow, with the reason, and audits each read', async () => {
    const c = await open();
    const move = (to: string, reason?: string) =>
      call(ctx.app, 'POST', `/api/circles/${c.id}/transitions`, {
        cookie: facilitatorA,
        body: { to, ...(reason ? { reason } : {}) },
      });
    const early = await move('pre_circles');
    expect(early.status).toBe(422);
    expect((await json<{ detail: string }>(early)).detail).toMatch(/au moins une personne/);
    for (const to of ['circle', 'post_circle', 'closed']) expect((await move(to)).status).toBe(422);

    const add = (pseudonym: string, role: string) =>
      call(ctx.app, 'POST', `/api/circles/${c.id}/participants`, {
        cookie: facilitatorA,
        body: { pseudonym, role, contact: role === 'author' ? '0694 00 00 00' : null },
      });
    const author = await json<{ id: string }>(await add('J. M.', 'author'));
    const receiver = await json<{ id: string }>(await add('Tati R.', 'receiver'));
    expect((await add('Tati R.', 'community')).status).toBe(409);
    expect((await add('X', 'témoin')).status).toBe(400);
    expect((await move('pre_circles')).status).toBe(200);
    const refused = await move('circle');
    expect(refused.status).toBe(422);
    expect((await json<{ detail: string }>(refused)).detail).toMatch(/ni pré-cercle ni refus/);
    for (const id of [author.id, receiver.id]) {
      const res = await call(ctx.app, 'PATCH', `/api/circles/${c.id}/participants/${id}`, {
        cookie: facilitatorA,
        body: { consent: 'consented' },
      });
      expect(await json(res)).toMatchObject({
        consent: 'consented',
        consentRecordedBy: expect.any(String),
      });
    }
    expect((await move('circle')).status).toBe(200);
    const noPost = await move('post_circle');
    expect(noPost.status).toBe(422);
    expect((await move('abandoned')).status).toBe(422);
    const abandoned = await move('abandoned', 'La personne a déménagé');
    expect(await json(abandoned)).toMatchObject({ stage: 'abandoned' });
    expect((await move('pre_circles')).status).toBe(422);
    expect((await add('Tard', 'community')).status).toBe(422);

    const people = await json<{ items: { pseudonym: string; contact: string | null }[] }>(
      await call(ctx.app, 'GET', `/api/circles/${c.id}/participants`, { cookie: facilitatorA }),
    );
    expect(people.items.map((p) => p.pseudonym)).toEqual(['J. M.', 'Tati R.']);
    const reads = await ctx.database.db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'circle.participants.read')));
    expect(reads).toHaveLength(1);
    // The audit names the case by reference; it never copies pseudonyms or contacts.
    expect(JSON.stringify(reads)).not.toContain('J. M.');
    expect(JSON.stringify(reads)).not.toContain('0694');
  });

  it('lets only facilitators of the centre open a case, and refuses bad input in French', async () => {
    const byManager = await call(ctx.app, 'POST', '/api/circles', {
      cookie: manager,
      body: { centreId, description: 'Essai' },
    });
    expect(byManager.status).toBe(403);
    const bad = await call(ctx.app, 'POST', '/api/circles', {
      cookie: facilitatorA,
      body: { centreId, description: '' },
    });
    expect(bad.status).toBe(400);
    expect((await json<{ errors: { field: string }[] }>(bad)).errors[0]?.field).toBe('description');
    const [managerUser] = await ctx.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'gestion@lakou.test'));
    const withManager = await call(ctx.app, 'POST', '/api/circles', {
      cookie: facilitatorA,
      body: { centreId, description: 'Dossier partagé', facilitatorIds: [managerUser?.id] },
    });
    expect(withManager.status).toBe(422);
  });
});
