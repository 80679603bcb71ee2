import { FREE_TARIFF } from '@lakou/domain/booking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, engines, json, seededApp, signIn } from '../harness.ts';

interface Report {
  occurrences: { date: string; verdict: string; conflicts: { id: string }[]; problems: string[] }[];
  counts: { free: number; conflict: number; unavailable: number; skipped: number };
}
interface Booking {
  id: string;
  start: string;
  status: string;
  seriesId: string | null;
}

describe.each(engines)('recurring bookings (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let manager: string;
  let room: string;

  const series = (extra: Record<string, unknown> = {}) => ({
    resourceId: room,
    organiser: { kind: 'partner', name: 'France Travail' },
    purpose: 'Permanence emploi',
    headcount: 4,
    audience: 'association',
    recurrence: {
      rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6',
      firstStart: '2026-12-01T14:00:00',
      durationMinutes: 60,
    },
    ...extra,
  });

  beforeAll(async () => {
    ctx = await seededApp(kind);
    manager = await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD);
    const centres = await json<{ items: { id: string; slug: string }[] }>(
      await call(ctx.app, 'GET', '/api/centres'),
    );
    const villageChinois = centres.items.find((c) => c.slug === 'cayenne-village-chinois')?.id;
    room = (
      await json<{ id: string }>(
        await call(ctx.app, 'POST', '/api/resources', {
          cookie: manager,
          body: {
            centreId: villageChinois,
            kind: 'room',
            name: 'Salle Ylang',
            capacity: 10,
            tariff: FREE_TARIFF,
          },
        }),
      )
    ).id;
    // Three Tuesdays already taken at 14:30.
    for (const day of ['2026-12-08', '2026-12-15', '2027-01-05']) {
      const res = await call(ctx.app, 'POST', '/api/bookings', {
        cookie: manager,
        body: {
          resourceId: room,
          start: `${day}T14:30:00-03:00`,
          end: `${day}T15:30:00-03:00`,
          organiser: { kind: 'user', name: 'Georges' },
          purpose: 'Réunion d’équipe',
          headcount: 3,
          audience: 'centre_programme',
        },
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => ctx.database.dispose());

  it('previews a weekly series: exactly the three taken Tuesdays conflict, the year-end closure is unavailable', async () => {
    const res = await call(ctx.app, 'POST', '/api/series/preview', {
      cookie: manager,
      body: series(),
    });
    expect(res.status).toBe(200);
    const report = await json<Report>(res);
    expect(report.occurrences.map((o) => o.date)).toEqual([
      '2026-12-01',
      '2026-12-08',
      '2026-12-15',
      '2026-12-22',
      '2026-12-29',
      '2027-01-05',
    ]);
    expect(report.occurrences.filter((o) => o.verdict === 'conflict').map((o) => o.date)).toEqual([
      '2026-12-08',
      '2026-12-15',
      '2027-01-05',
    ]);
    expect(report.occurrences.find((o) => o.date === '2026-12-29')?.problems.join(' ')).toMatch(
      /fin d’année/,
    );
    expect(report.counts).toEqual({ free: 2, conflict: 3, unavailable: 1, skipped: 0 });
  });

  it('books nothing while occurrences conflict: 409 with the same report', async () => {
    const res = await call(ctx.app, 'POST', '/api/series', { cookie: manager, body: series() });
    expect(res.status).toBe(409);
    const body = await json<Report & { code: string }>(res);
    expect(body.code).toBe('SERIES_CONFLICT');
    expect(body.counts.conflict).toBe(3);
    const list = await json<{ total: number }>(
      await call(ctx.app, 'GET', `/api/bookings?resourceId=${room}`, { cookie: manager }),
    );
    expect(list.total).toBe(3);
  });

  it('books the free occurrences when the others are skipped, then cancels this one and the following', async () => {
    const res = await call(ctx.app, 'POST', '/api/series', {
      cookie: manager,
      body: series({ skip: ['2026-12-08', '2026-12-15', '2026-12-29', '2027-01-05'] }),
    });
    expect(res.status).toBe(201);
    const made = await json<{ series: { id: string; exceptions: string[] }; bookings: Booking[] }>(
      res,
    );
    expect(made.bookings.map((b) => b.start)).toEqual([
      '2026-12-01T17:00:00.000Z',
      '2026-12-22T17:00:00.000Z',
    ]);
    expect(made.series.exceptions).toEqual([
      '2026-12-08',
      '2026-12-15',
      '2026-12-29',
      '2027-01-05',
    ]);
    const second = made.bookings[1];
    const cancel = await call(ctx.app, 'POST', `/api/series/${made.series.id}/cancel`, {
      cookie: manager,
      body: { scope: 'following', bookingId: second?.id, reason: 'Fin du partenariat' },
    });
    expect(cancel.status).toBe(200);
    const { cancelled } = await json<{ cancelled: Booking[] }>(cancel);
    expect(cancelled.map((b) => b.id)).toEqual([second?.id]);
    const first = await json<Booking>(
      await call(ctx.app, 'GET', `/api/bookings/${made.bookings[0]?.id}`, { cookie: manager }),
    );
    expect(first.status).toBe('confirmed');
    const all = await call(ctx.app, 'POST', `/api/series/${made.series.id}/cancel`, {
      cookie: manager,
      body: { scope: 'all', reason: 'Fin du partenariat' },
    });
    expect((await json<{ cancelled: Booking[] }>(all)).cancelled.map((b) => b.id)).toEqual([
      made.bookings[0]?.id,
    ]);
  });

  it('refuses an endless series in French', async () => {
    const res = await call(ctx.app, 'POST', '/api/series/preview', {
      cookie: manager,
      body: series({
        recurrence: {
          rule: 'FREQ=WEEKLY;BYDAY=TU',
          firstStart: '2026-12-01T14:00:00',
          durationMinutes: 60,
        },
      }),
    });
    expect(res.status).toBe(422);
    expect((await json<{ detail: string }>(res)).detail).toMatch(/sans fin/);
  });
});
