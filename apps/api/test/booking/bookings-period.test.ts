import { and, asc, eq, gt, lt, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBookings } from '../../src/booking/bookings.queries.ts';
import { bookings, centres, resources } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, engines, json, seededApp, signIn } from '../harness.ts';

/**
 * The bookings list asks a period by range overlap (`tstzrange(starts_at, ends_at) && …`, for
 * the GiST index); these check it finds exactly what `ends_at > from and starts_at < to` finds,
 * in the same order (start, then id), with the same total — at the edges too.
 */
describe.each(engines)('bookings list over a period (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let centreId: string;
  const T = Date.parse('2031-03-10T12:00:00Z');
  const iso = (ms: number) => new Date(ms).toISOString();
  const H = 3_600_000;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    const db = ctx.database.db;
    const [centre] = await db
      .select({ id: centres.id })
      .from(centres)
      .where(eq(centres.slug, 'cayenne-village-chinois'));
    centreId = centre?.id ?? '';
    const [room] = await db
      .select({ id: resources.id })
      .from(resources)
      .where(eq(resources.centreId, centreId))
      .limit(1);
    // Not live (no_show), so they may overlap: touching, nested, spanning, same start.
    const spans: [number, number][] = [
      [T, T + H],
      [T + H, T + 2 * H],
      [T - H, T + 3 * H],
      [T + H / 2, T + (3 * H) / 2],
      [T, T + 1],
      [T, T + 2 * H],
      [T + 2 * H, T + 2 * H + 1],
    ];
    await db.insert(bookings).values(
      spans.map(([s, e]) => ({
        resourceId: room?.id ?? '',
        centreId,
        startsAt: new Date(s),
        endsAt: new Date(e),
        blockedUntil: new Date(e),
        status: 'no_show',
        organiser: { kind: 'member', name: 'Période' },
        purpose: 'Période',
        headcount: 1,
        audience: 'member',
      })),
    );
  });
  afterAll(() => ctx.database.dispose());

  /** What the two comparisons find: ids in order, and the count. */
  async function reference(from?: number, to?: number) {
    const filters: SQL[] = [eq(bookings.centreId, centreId)];
    if (from !== undefined) filters.push(gt(bookings.endsAt, new Date(from)));
    if (to !== undefined) filters.push(lt(bookings.startsAt, new Date(to)));
    const rows = await ctx.database.db
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(...filters))
      .orderBy(asc(bookings.startsAt), asc(bookings.id));
    return rows.map((r) => r.id);
  }

  const periods: [string, number | undefined, number | undefined][] = [
    ['an hour', T, T + H],
    ['touching a booking’s end and the next one’s start', T + H, T + 2 * H],
    ['a millisecond around a start', T - 1, T + 1],
    ['a millisecond around an end', T + H - 1, T + H + 1],
    ['from only', T + H, undefined],
    ['to only', undefined, T + H],
    ['an instant (from = to): what spans it', T + H, T + H],
    ['reversed (from > to)', T + 2 * H, T],
    ['years, the demo bookings too', Date.parse('2020-01-01T00:00:00Z'), T + 10 * H],
  ];

  it.each(periods)('finds the same bookings, order and total: %s', async (_, from, to) => {
    const expected = await reference(from, to);
    const query = {
      centreId,
      page: 1,
      pageSize: 500,
      ...(from !== undefined ? { from: iso(from) } : {}),
      ...(to !== undefined ? { to: iso(to) } : {}),
    };
    const page = await listBookings(ctx.database.db, query, 'all');
    expect(page.items.map((b) => b.id)).toEqual(expected);
    expect(page.total).toBe(expected.length);
    // Pages of 2, the last one past the end: same order, same total.
    const pages = Math.ceil(expected.length / 2) + 1;
    const ids: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const small = await listBookings(ctx.database.db, { ...query, page: p, pageSize: 2 }, 'all');
      expect(small.total).toBe(expected.length);
      ids.push(...small.items.map((b) => b.id));
    }
    expect(ids).toEqual(expected);
  });

  it('answers the same over HTTP for a manager, with the zone offsets the hub sends', async () => {
    const manager = await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD);
    const from = '2031-03-10T09:00:00-03:00';
    const to = '2031-03-10T10:00:00-03:00';
    const page = await json<{ items: { id: string }[]; total: number }>(
      await call(
        ctx.app,
        'GET',
        `/api/bookings?centreId=${centreId}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&pageSize=100`,
        { cookie: manager },
      ),
    );
    const expected = await reference(T, T + H);
    expect(expected.length).toBeGreaterThan(0);
    expect(page.items.map((b) => b.id)).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });
});
