import { randomUUID } from 'node:crypto';
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
import type { CustomFieldDefinition, CustomValues } from '@lakou/domain/config';
import { eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { type Db, preparedPerDb } from '../db/client.ts';
import { bookings, centres, listItems } from '../db/schema/index.ts';
import { problemResponse } from '../http/problem.ts';
import type { ApiEnv } from '../http/router.ts';
import { calendarOf, liveBookingsAround, toBooking } from './bookings.queries.ts';

type Booking = z.infer<typeof booking>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type BookingRow = typeof bookings.$inferSelect;

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

/**
 * Whether the audience was retired from the network's list (audiences are never added or merged,
 * only renamed or retired): a new booking may not take it; existing ones keep it.
 */
export async function audienceRetired(
  db: Pick<Db, 'select'>,
  centreId: string,
  audience: string,
): Promise<boolean> {
  const rows = await retiredAudience(db).execute({ audience, centreId });
  return rows.length > 0;
}

const retiredAudience = preparedPerDb((db: Pick<Db, 'select'>) =>
  db
    .select({ retired: sql<number>`1` })
    .from(listItems)
    .where(
      sql`${listItems.list} = 'audience' and ${listItems.key} = ${sql.placeholder('audience')}
          and ${listItems.retiredAt} is not null
          and ${listItems.organisationId} = (select ${centres.organisationId} from ${centres} where ${centres.id} = ${sql.placeholder('centreId')})`,
    )
    .prepare('lakou_retired_audience'),
);

export const RETIRED_AUDIENCE = {
  field: 'audience',
  message: 'Ce public n’est plus proposé par le réseau : choisissez-en un autre.',
};

/** Bookings of one resource are written one at a time (see `insertBooking`). */
export async function lockResource(tx: Pick<Db, 'execute'>, resourceId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`lakou:booking:${resourceId}`}))`);
}

/** Custom values already checked (`checkCustomValues`), and the definitions the answer shows. */
export interface CheckedCustom {
  values: CustomValues;
  defs: readonly CustomFieldDefinition[];
}
const NO_CUSTOM: CheckedCustom = { values: {}, defs: [] };

/**
 * Books `resource` inside the caller's transaction: takes the resource's lock, names the
 * conflicts (throws `SlotTaken`), inserts priced, and audits. Concurrent inserts checked by an
 * exclusion constraint can otherwise deadlock; the constraint stays the safety net. `custom`:
 * the checked values to store (none for a booking Lakou makes itself, a circle's session).
 *
 * The four statements go in one round trip, in this order: the lock, the read of the bookings
 * around, the row, its audit entry (the transaction's connection sends them without waiting for
 * the answers; PostgreSQL runs them in turn, each read seeing what was committed before it
 * started). The row does not wait for the conflicts to be judged: when they are found, the
 * transaction is rolled back, row and entry with it, and the answer names them as before; an
 * overlap the read could not see is refused by the constraint (23P01), as before.
 */
export async function insertBooking(
  tx: Tx,
  c: Context<ApiEnv>,
  resource: Resource,
  input: BookingInput,
  status: BookingStatus,
  custom: CheckedCustom = NO_CUSTOM,
): Promise<Booking> {
  const start = new Date(input.start);
  const end = new Date(input.end);
  const price = priceOf(resource.tariff, input.audience, input.start, input.end);
  const values = {
    id: randomUUID(),
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
    custom: custom.values,
    createdBy: c.var.principal?.id ?? null,
  };
  // The id is drawn here so that the row and its audit entry go with the reads (the row first);
  // the entry holds what the row reads as (`toBooking` of the values written), as it did from the
  // row. An insert refused (23P01) fails the transaction, and the entry with it.
  const written = { ...values, seriesId: null, cancelReason: null } as BookingRow;
  const locked = lockedBookingsAround(tx, resource.id, start, end);
  const inserting = Promise.resolve(tx.insert(bookings).values(values).returning());
  const auditing = recordAudit(tx, c, {
    action: 'booking.create',
    entity: 'booking',
    entityId: values.id,
    after: toBooking(written, custom.defs),
  });
  const writing = Promise.all([inserting, auditing]);
  // Judged below, or dropped with the transaction when the slot is taken: never left unheard.
  writing.catch(() => {});
  const [, around] = await locked;
  // Never its own row, whatever the order the statements ran in.
  const nearby = around.filter((b) => b.id !== values.id);
  const conflicts = findConflicts(input, nearby, resource.bufferMinutes);
  if (conflicts.length) throw new SlotTaken(conflicts);
  const [[row]] = await writing;
  if (!row) throw new Error('booking insert returned no row');
  return toBooking(row, custom.defs);
}

/**
 * Takes the resource's lock, then reads its live bookings around [start, end), in one round trip:
 * the transaction's connection sends its statements in the order they are started, without
 * waiting for the answers, and PostgreSQL runs them in turn — the read (a statement of its own,
 * with its own snapshot) starts once the lock is held and sees every booking committed before.
 * Were the order ever lost, the exclusion constraint would still refuse the overlap (23P01).
 */
function lockedBookingsAround(tx: Tx, resourceId: string, start: Date, end: Date) {
  const locking = lockResource(tx, resourceId);
  const reading = liveBookingsAround(tx, resourceId, start, end);
  return Promise.all([locking, reading]);
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
  custom?: CheckedCustom,
): Promise<Booking> {
  const start = new Date(move.start);
  const end = new Date(move.end);
  const nearby = (await lockedBookingsAround(tx, resource.id, start, end))[1].filter(
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
      ...(custom ? { custom: custom.values } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(bookings.id, before.id))
    .returning();
  if (!row) throw new Error('booking vanished');
  const updated = toBooking(row, custom?.defs);
  await recordAudit(tx, c, {
    action: 'booking.move',
    entity: 'booking',
    entityId: before.id,
    before,
    after: updated,
  });
  return updated;
}

/**
 * Writes a booking's custom values (already merged with the stored ones) inside the caller's
 * transaction, and audits; the slot does not move.
 */
export async function updateBookingCustom(
  tx: Tx,
  c: Context<ApiEnv>,
  before: Booking,
  custom: CheckedCustom,
): Promise<Booking> {
  const [row] = await tx
    .update(bookings)
    .set({ custom: custom.values, updatedAt: sql`now()` })
    .where(eq(bookings.id, before.id))
    .returning();
  if (!row) throw new Error('booking vanished');
  const updated = toBooking(row, custom.defs);
  await recordAudit(tx, c, {
    action: 'booking.custom',
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
