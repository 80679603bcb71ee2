import type { z } from '@hono/zod-openapi';
import {
  type BookingInput,
  type BookingProblem,
  type BookingStatus,
  type booking,
  findConflicts,
  priceOf,
  type Resource,
  validateAgainstResource,
} from '@lakou/domain/booking';
import { eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/client.ts';
import { bookings } from '../db/schema/index.ts';
import { problemResponse } from '../http/problem.ts';
import type { ApiEnv } from '../http/router.ts';
import { calendarOf, liveBookingsAround, toBooking } from './bookings.queries.ts';

type Booking = z.infer<typeof booking>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The slot was taken: the bookings holding it, for a 409 that names them. */
export class SlotTaken extends Error {
  constructor(readonly conflicts: Booking[]) {
    super('slot taken');
  }
}

const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The rules of the resource (capacity, durations, bookable hours, closures) a booking breaks. */
export async function bookingRuleProblems(
  db: Pick<Db, 'select'>,
  resource: Resource,
  input: Pick<BookingInput, 'start' | 'end' | 'headcount'>,
): Promise<BookingProblem[]> {
  const start = new Date(input.start).getTime();
  const end = new Date(input.end).getTime();
  const calendar = await calendarOf(
    db,
    resource,
    utcDate(start - 86_400_000),
    utcDate(end + 86_400_000),
  );
  return validateAgainstResource(input, resource, calendar);
}

/** Bookings of one resource are written one at a time (see `insertBooking`). */
export async function lockResource(tx: Pick<Db, 'execute'>, resourceId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`lakou:booking:${resourceId}`}))`);
}

/**
 * Books `resource` inside the caller's transaction: takes the resource's lock, names the
 * conflicts (throws `SlotTaken`), inserts priced, and audits. Concurrent inserts checked by an
 * exclusion constraint can otherwise deadlock; the constraint stays the safety net.
 */
export async function insertBooking(
  tx: Tx,
  c: Context<ApiEnv>,
  resource: Resource,
  input: BookingInput,
  status: BookingStatus,
): Promise<Booking> {
  const start = new Date(input.start);
  const end = new Date(input.end);
  await lockResource(tx, resource.id);
  const nearby = await liveBookingsAround(tx, resource.id, start, end);
  const conflicts = findConflicts(input, nearby, resource.bufferMinutes);
  if (conflicts.length) throw new SlotTaken(conflicts);
  const price = priceOf(resource.tariff, input.audience, input.start, input.end);
  const [row] = await tx
    .insert(bookings)
    .values({
      resourceId: resource.id,
      centreId: resource.centreId,
      startsAt: start,
      endsAt: end,
      blockedUntil: new Date(end.getTime() + resource.bufferMinutes * 60_000),
      status,
      organiser: input.organiser,
      purpose: input.purpose,
      headcount: input.headcount,
      basicNeeds: input.basicNeeds,
      audience: input.audience,
      priceCents: price.cents,
      createdBy: c.var.principal?.id ?? null,
    })
    .returning();
  if (!row) throw new Error('booking insert returned no row');
  const made = toBooking(row);
  await recordAudit(tx, c, {
    action: 'booking.create',
    entity: 'booking',
    entityId: made.id,
    after: made,
  });
  return made;
}

/**
 * Moves a live booking to [start, end) inside the caller's transaction: the resource's lock, the
 * conflicts with other bookings (throws `SlotTaken`), the price that follows, the audit.
 */
export async function moveBookingInTransaction(
  tx: Tx,
  c: Context<ApiEnv>,
  resource: Resource,
  before: Booking,
  move: { start: string; end: string },
): Promise<Booking> {
  const start = new Date(move.start);
  const end = new Date(move.end);
  await lockResource(tx, resource.id);
  const nearby = (await liveBookingsAround(tx, resource.id, start, end)).filter(
    (b) => b.id !== before.id,
  );
  const conflicts = findConflicts(move, nearby, resource.bufferMinutes);
  if (conflicts.length) throw new SlotTaken(conflicts);
  const price = priceOf(resource.tariff, before.audience, move.start, move.end);
  const [row] = await tx
    .update(bookings)
    .set({
      startsAt: start,
      endsAt: end,
      blockedUntil: new Date(end.getTime() + resource.bufferMinutes * 60_000),
      priceCents: price.cents,
      updatedAt: sql`now()`,
    })
    .where(eq(bookings.id, before.id))
    .returning();
  if (!row) throw new Error('booking vanished');
  const updated = toBooking(row);
  await recordAudit(tx, c, {
    action: 'booking.move',
    entity: 'booking',
    entityId: before.id,
    before,
    after: updated,
  });
  return updated;
}

/** The 409 naming the first conflicting booking, in French. */
export function conflictResponse(c: Context<ApiEnv>, conflicts: Booking[]) {
  const first = conflicts[0];
  const detail = first
    ? `Ce créneau est déjà pris (${first.purpose}, de ${first.start} à ${first.end}). Choisissez un autre horaire ou une autre ressource.`
    : 'Ce créneau vient d’être pris. Choisissez un autre horaire.';
  return problemResponse(c, 409, detail, {
    code: 'BOOKING_CONFLICT',
    ...({ conflicts } as object),
  });
}
