import { FREE_TARIFF } from '@lakou/domain/booking';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accounts,
  auditLog,
  centreClosures,
  centres,
  circleAgreements,
  roleAssignments,
  users,
} from '../../src/db/schema/index.ts';
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
  let room: string;
  let secondRoom: string;

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
    const makeRoom = async (name: string) =>
      (
        await json<{ id: string }>(
          await call(ctx.app, 'POST', '/api/resources', {
            cookie: manager,
            body: { centreId, kind: 'room', name, capacity: 8, tariff: FREE_TARIFF },
          }),
        )
      ).id;
    room = await makeRoom('Salle du cercle');
    secondRoom = await makeRoom('Petite salle');
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

  it('opens a case to a network admin only in audited break-glass mode, to read, with a reason', async () => {
    const mine = await open();
    const glass = (reason: string) => ({
      'x-lakou-break-glass': encodeURIComponent(reason),
      cookie: admin,
    });
    const read = (headers: Record<string, string>, path = '') =>
      ctx.app.request(`/api/circles/${mine.id}${path}`, { headers });
    expect((await read({ cookie: admin })).status).toBe(404);
    expect((await read(glass('court'))).status).toBe(404);
    const reason = 'Signalement de danger grave reçu par la direction';
    const opened = await read(glass(reason));
    expect(opened.status).toBe(200);
    expect((await read(glass(reason), '/participants')).status).toBe(200);
    const entries = await ctx.database.db
      .select({ after: auditLog.after, actorEmail: auditLog.actorEmail })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, mine.id), eq(auditLog.action, 'circle.break-glass')));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ after: { reason }, actorEmail: 'admin@lakou.test' });
    // Reading only: no change in break-glass mode.
    const change = await ctx.app.request(`/api/circles/${mine.id}/transitions`, {
      method: 'POST',
      headers: {
        ...glass(reason),
        origin: 'http://localhost:3000',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ to: 'abandoned', reason: 'Par l’admin' }),
    });
    expect(change.status).toBe(404);
    // The board has no break glass.
    const boardCookie = await signIn(ctx.app, 'ca@lakou.test', DEMO_PASSWORD);
    expect((await read({ ...glass(reason), cookie: boardCookie })).status).toBe(404);
  });

  it('puts the facilitator’s sessions in their private calendar feed under the case reference only', async () => {
    const mine = await open();
    const p = await json<{ id: string }>(
      await call(ctx.app, 'POST', `/api/circles/${mine.id}/participants`, {
        cookie: facilitatorA,
        body: { pseudonym: 'Kalinda', role: 'author' },
      }),
    );
    // A weekday about three weeks ahead on which the centre is open (not in a closure).
    const closures = await ctx.database.db
      .select({ startsOn: centreClosures.startsOn, endsOn: centreClosures.endsOn })
      .from(centreClosures)
      .where(eq(centreClosures.centreId, centreId));
    const day = new Date(Date.now() + 20 * 86_400_000);
    const closed = (d: string) => closures.some((c) => c.startsOn <= d && d <= c.endsOn);
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6 || closed(day.toISOString().slice(0, 10)))
      day.setUTCDate(day.getUTCDate() + 1);
    const date = day.toISOString().slice(0, 10);
    const made = await call(ctx.app, 'POST', `/api/circles/${mine.id}/sessions`, {
      cookie: facilitatorA,
      body: {
        kind: 'pre_circle',
        resourceId: secondRoom,
        start: `${date}T16:00:00-03:00`,
        end: `${date}T17:00:00-03:00`,
        participantIds: [p.id],
      },
    });
    expect(made.status).toBe(201);
    const feed = await json<{ url: string }>(
      await call(ctx.app, 'POST', '/api/feeds', {
        cookie: facilitatorA,
        body: { name: 'Mes séances' },
      }),
    );
    const ics = await (await ctx.app.request(new URL(feed.url).pathname)).text();
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const summaries = calendar
      .getAllSubcomponents('vevent')
      .map((v) => String(v.getFirstPropertyValue('summary')));
    expect(summaries).toContain(`${mine.reference} · pré-cercle — Cercle`);
    expect(ics).not.toContain('Kalinda');
    expect(ics).not.toContain('voisinage');
    // Facilitator B follows other cases: not this session.
    const feedB = await json<{ url: string }>(
      await call(ctx.app, 'POST', '/api/feeds', {
        cookie: facilitatorB,
        body: { name: 'Séances de Bruno' },
      }),
    );
    const icsB = await (await ctx.app.request(new URL(feedB.url).pathname)).text();
    expect(icsB).not.toContain(mine.reference);
  });

  it('finds a case by reference for its facilitators or in break-glass mode, and lists overdue agreements', async () => {
    const mine = await open();
    const lookup = (headers: Record<string, string>, reference = mine.reference) =>
      ctx.app.request(`/api/circles/lookup?reference=${reference}`, { headers });
    expect((await lookup({ cookie: facilitatorA })).status).toBe(200);
    expect((await lookup({ cookie: facilitatorA }, 'pas-une-reference')).status).toBe(404);
    expect((await lookup({ cookie: facilitatorB })).status).toBe(404);
    expect((await lookup({ cookie: admin })).status).toBe(404);
    const viaGlass = await lookup({
      cookie: admin,
      'x-lakou-break-glass': encodeURIComponent('Réquisition judiciaire reçue ce jour'),
    });
    expect(viaGlass.status).toBe(200);
    expect(await json(viaGlass)).toMatchObject({ id: mine.id, reference: mine.reference });

    const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await ctx.database.db.insert(circleAgreements).values([
      { caseId: mine.id, what: 'Rendre le vélo', owner: 'J.', dueOn: yesterday },
      { caseId: mine.id, what: 'Se revoir', owner: 'J.', dueOn: tomorrow },
    ]);
    const overdueA = await json<{ items: { reference: string; what: string }[] }>(
      await call(ctx.app, 'GET', '/api/circles/overdue-agreements', { cookie: facilitatorA }),
    );
    expect(overdueA.items.filter((i) => i.reference === mine.reference).map((i) => i.what)).toEqual(
      ['Rendre le vélo'],
    );
    const overdueB = await json<{ items: { reference: string }[] }>(
      await call(ctx.app, 'GET', '/api/circles/overdue-agreements', { cookie: facilitatorB }),
    );
    expect(overdueB.items.map((i) => i.reference)).not.toContain(mine.reference);
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

  it('follows a case from intake to close, refusing every move the practice does not allow, and audits reads without personal data', async () => {
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

    const schedule = async (kind: string, day: string, participantIds: string[] = []) => {
      const res = await call(ctx.app, 'POST', `/api/circles/${c.id}/sessions`, {
        cookie: facilitatorA,
        body: {
          kind,
          resourceId: room,
          start: `${day}T10:00:00-03:00`,
          end: `${day}T11:00:00-03:00`,
          participantIds,
        },
      });
      expect(res.status, await res.clone().text()).toBe(201);
      return json<{ id: string; bookingId: string }>(res);
    };
    const held = (sessionId: string) =>
      call(ctx.app, 'POST', `/api/circles/${c.id}/sessions/${sessionId}/held`, {
        cookie: facilitatorA,
      });
    // The circle cannot be planned before the pre-circles stage is under way, nor out of order.
    expect(
      (
        await call(ctx.app, 'POST', `/api/circles/${c.id}/sessions`, {
          cookie: facilitatorA,
          body: {
            kind: 'post_circle',
            resourceId: room,
            start: '2027-05-03T10:00:00-03:00',
            end: '2027-05-03T11:00:00-03:00',
          },
        })
      ).status,
    ).toBe(422);
    const pre1 = await schedule('pre_circle', '2027-05-03', [author.id]);
    const pre2 = await schedule('pre_circle', '2027-05-04', [receiver.id]);
    for (const s of [pre1, pre2]) expect((await held(s.id)).status).toBe(200);
    expect((await move('circle')).status).toBe(422); // consent not recorded yet
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
    expect((await move('post_circle')).status).toBe(422);
    const circle = await schedule('circle', '2027-05-05');
    expect((await held(circle.id)).status).toBe(200);
    expect((await held(circle.id)).status).toBe(422);
    const agree = (what: string) =>
      call(ctx.app, 'POST', `/api/circles/${c.id}/agreements`, {
        cookie: facilitatorA,
        body: { what, owner: 'J. M.', dueOn: '2027-06-01' },
      });
    const a1 = await json<{ id: string }>(await agree('Réparer la clôture du jardin'));
    const a2 = await json<{ id: string }>(await agree('Prendre un café ensemble'));
    expect((await move('post_circle')).status).toBe(200);
    const post = await schedule('post_circle', '2027-06-07');
    expect((await held(post.id)).status).toBe(200);
    const evaluate = (id: string, outcome: string) =>
      call(ctx.app, 'PATCH', `/api/circles/${c.id}/agreements/${id}`, {
        cookie: facilitatorA,
        body: { outcome, note: '' },
      });
    expect((await evaluate(a1.id, 'done')).status).toBe(200);
    const notYet = await move('closed');
    expect(notYet.status).toBe(422);
    expect((await json<{ detail: string }>(notYet)).detail).toMatch(/1 accord/);
    expect((await evaluate(a2.id, 'partly')).status).toBe(200);
    expect(await json(await move('closed'))).toMatchObject({ stage: 'closed' });
    expect((await move('abandoned', 'Trop tard')).status).toBe(422);
    expect((await add('Tard', 'community')).status).toBe(422);

    // The centre's agenda shows the rooms as taken, never a name.
    const agenda = await json<{
      items: { id: string; purpose: string; organiser: { name: string } }[];
    }>(
      await call(
        ctx.app,
        'GET',
        `/api/bookings?resourceId=${room}&from=2027-05-01T00:00:00Z&to=2027-06-30T00:00:00Z`,
        { cookie: manager },
      ),
    );
    expect(agenda.items.map((b) => b.id).sort()).toEqual(
      [pre1, pre2, circle, post].map((s) => s.bookingId).sort(),
    );
    for (const b of agenda.items) {
      expect(b.purpose).toBe('Cercle (confidentiel)');
      expect(b.organiser.name).toBe('Cercle (confidentiel)');
    }

    const people = await json<{ items: { pseudonym: string; contact: string | null }[] }>(
      await call(ctx.app, 'GET', `/api/circles/${c.id}/participants`, { cookie: facilitatorA }),
    );
    expect(people.items.map((p) => p.pseudonym)).toEqual(['J. M.', 'Tati R.']);
    const entries = await ctx.database.db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.entityId, c.id));
    expect(entries.filter((e) => e.action === 'circle.participants.read')).toHaveLength(1);
    await call(ctx.app, 'GET', `/api/circles/${c.id}/agreements`, { cookie: facilitatorA });
    await call(ctx.app, 'GET', `/api/circles/${c.id}/sessions`, { cookie: facilitatorA });
    const later = await ctx.database.db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.entityId, c.id));
    // Every read of the case's data leaves a trace.
    for (const action of ['circle.agreements.read', 'circle.sessions.read'])
      expect(later.filter((e) => e.action === action)).toHaveLength(1);
    for (const secret of ['clôture', 'J. M.']) expect(JSON.stringify(later)).not.toContain(secret);
    // The audit names the case by reference; it never copies pseudonyms, contacts or agreements.
    for (const secret of ['J. M.', 'Tati', '0694', 'clôture'])
      expect(JSON.stringify(entries)).not.toContain(secret);
  });

  it('reschedules a session with its booking, frees the room on cancel, and keeps a facilitator from two places at once', async () => {
    const c = await open();
    const p = await json<{ id: string }>(
      await call(ctx.app, 'POST', `/api/circles/${c.id}/participants`, {
        cookie: facilitatorA,
        body: { pseudonym: 'K.', role: 'receiver' },
      }),
    );
    const body = (day: string, resourceId = room) => ({
      kind: 'pre_circle',
      resourceId,
      start: `${day}T14:00:00-03:00`,
      end: `${day}T15:00:00-03:00`,
      participantIds: [p.id],
    });
    const made = await call(ctx.app, 'POST', `/api/circles/${c.id}/sessions`, {
      cookie: facilitatorA,
      body: body('2027-07-05'),
    });
    expect(made.status).toBe(201);
    const session = await json<{ id: string; bookingId: string }>(made);
    // Same facilitator, another room, same time: refused without naming the other case.
    const other = await open();
    await call(ctx.app, 'POST', `/api/circles/${other.id}/participants`, {
      cookie: facilitatorA,
      body: { pseudonym: 'Z.', role: 'author' },
    });
    const otherPeople = await json<{ items: { id: string }[] }>(
      await call(ctx.app, 'GET', `/api/circles/${other.id}/participants`, { cookie: facilitatorA }),
    );
    const clash = await call(ctx.app, 'POST', `/api/circles/${other.id}/sessions`, {
      cookie: facilitatorA,
      body: { ...body('2027-07-05', secondRoom), participantIds: [otherPeople.items[0]?.id] },
    });
    expect(clash.status).toBe(409);
    expect(await clash.text()).not.toContain(c.reference);
    // The availability search leaves that hour out, in any room.
    const slots = await json<{ items: { slots: { start: string }[] }[] }>(
      await call(
        ctx.app,
        'GET',
        `/api/circles/${other.id}/availability?resourceIds=${secondRoom}&from=2027-07-05T12:00:00Z&to=2027-07-05T21:00:00Z&duration=60`,
        { cookie: facilitatorA },
      ),
    );
    const starts = slots.items[0]?.slots.map((s) => s.start) ?? [];
    expect(starts.length).toBeGreaterThan(0);
    expect(starts).not.toContain('2027-07-05T17:00:00Z');

    const moved = await call(ctx.app, 'PATCH', `/api/circles/${c.id}/sessions/${session.id}`, {
      cookie: facilitatorA,
      body: { start: '2027-07-06T09:00:00-03:00', end: '2027-07-06T10:00:00-03:00' },
    });
    expect(moved.status).toBe(200);
    const booking = await json<{ start: string; status: string }>(
      await call(ctx.app, 'GET', `/api/bookings/${session.bookingId}`, { cookie: manager }),
    );
    expect(booking.start).toBe('2027-07-06T12:00:00.000Z');
    const cancelled = await call(
      ctx.app,
      'POST',
      `/api/circles/${c.id}/sessions/${session.id}/cancel`,
      { cookie: facilitatorA },
    );
    expect(await json(cancelled)).toMatchObject({ status: 'cancelled' });
    const freed = await json<{ status: string }>(
      await call(ctx.app, 'GET', `/api/bookings/${session.bookingId}`, { cookie: manager }),
    );
    expect(freed.status).toBe('cancelled');
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
