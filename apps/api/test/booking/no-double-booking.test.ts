import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlState } from '../../src/db/errors.ts';
import { bookings, centres, resources } from '../../src/db/schema/index.ts';
import { engines, seededApp } from '../harness.ts';

const at = (hhmm: string) => new Date(`2026-12-07T${hhmm}:00-03:00`);

describe.each(engines)('the database refuses double bookings (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let resourceId: string;
  let centreId: string;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    const [centre] = await ctx.database.db
      .select({ id: centres.id })
      .from(centres)
      .where(eq(centres.slug, 'kourou'));
    if (!centre) throw new Error('demo centre missing');
    centreId = centre.id;
    const [resource] = await ctx.database.db
      .insert(resources)
      .values({
        centreId,
        kind: 'room',
        name: 'Salle de réunion (test)',
        searchKey: 'salle de reunion test',
        capacity: 12,
        bufferMinutes: 15,
        tariff: { hourly: {} },
      })
      .returning({ id: resources.id });
    if (!resource) throw new Error('resource insert returned nothing');
    resourceId = resource.id;
  });
  afterAll(() => ctx.database.dispose());

  const book = (start: string, end: string, buffer = 15, status = 'confirmed') =>
    ctx.database.db
      .insert(bookings)
      .values({
        resourceId,
        centreId,
        startsAt: at(start),
        endsAt: at(end),
        blockedUntil: new Date(at(end).getTime() + buffer * 60_000),
        status,
        organiser: { kind: 'user', name: 'Test' },
        purpose: 'Réunion',
        headcount: 4,
        audience: 'association',
        ...(status === 'cancelled' ? { cancelReason: 'Annulée' } : {}),
      })
      .returning({ id: bookings.id });

  it('lets exactly one of 50 concurrent inserts of the same slot through; the others are refused', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => book('09:00', '10:00')),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(49);
    // Each refusal is the exclusion constraint (23P01) — or, when two inserts wait on each other's
    // exclusion check, PostgreSQL's deadlock detector aborting one of them (40P01). Either way
    // nothing overlapping is stored. (The API takes a per-resource lock first, so it never sees 40P01.)
    for (const r of refused) expect(['23P01', '40P01']).toContain(sqlState(r.reason));
    const stored = await ctx.database.db
      .select({ id: bookings.id })
      .from(bookings)
      .where(eq(bookings.resourceId, resourceId));
    expect(stored).toHaveLength(1);
  });

  it('keeps the buffer: a booking starting inside it is refused, one starting at its end is accepted', async () => {
    await expect(book('10:10', '11:00')).rejects.toSatisfy((e: unknown) => sqlState(e) === '23P01');
    await expect(book('10:15', '11:00')).resolves.toHaveLength(1);
  });

  it('allows back-to-back bookings without a buffer, and ignores cancelled ones', async () => {
    await expect(book('13:00', '14:00', 0)).resolves.toHaveLength(1);
    await expect(book('14:00', '15:00', 0)).resolves.toHaveLength(1);
    await expect(book('14:30', '15:30', 0, 'cancelled')).resolves.toHaveLength(1);
    await expect(book('13:30', '14:30', 0)).rejects.toSatisfy(
      (e: unknown) => sqlState(e) === '23P01',
    );
  });

  it('refuses an empty or reversed interval', async () => {
    await expect(book('16:00', '16:00', 0)).rejects.toSatisfy(
      (e: unknown) => sqlState(e) === '23514',
    );
    await expect(book('17:00', '16:00', 0)).rejects.toSatisfy(
      (e: unknown) => sqlState(e) === '23514',
    );
  });
});
