import type { CustomFieldDefinition } from '@lakou/domain/config';
import type { Registration } from '@lakou/domain/events';
import { promotions, type Seat, waitingLine } from '@lakou/domain/events';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { visibleCustom } from '../config/custom-values.ts';
import type { Db } from '../db/client.ts';
import { eventRegistrations, events } from '../db/schema/index.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { promotionEmail } from '../mail/templates.ts';

type RegistrationRow = typeof eventRegistrations.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The read model of a row. `customDefs`: the registration fields that apply in the event's
 * centre (`definitionsAt`); without them, `custom` is empty.
 */
export function toRegistration(
  row: RegistrationRow,
  position: number | null,
  customDefs: readonly CustomFieldDefinition[] = [],
): Registration {
  return {
    id: row.id,
    eventId: row.eventId,
    name: row.name,
    email: row.email,
    phone: row.phone,
    seats: row.seats,
    status: row.status as Registration['status'],
    attendance: row.attendance as Registration['attendance'],
    position,
    source: row.source as Registration['source'],
    requestedAt: row.requestedAt.toISOString(),
    promotedAt: row.promotedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    custom: visibleCustom(customDefs, row.custom),
  };
}

export const asSeat = (row: RegistrationRow): Seat => ({
  id: row.id,
  status: row.status as Seat['status'],
  seats: row.seats,
  requestedAt: row.requestedAt.toISOString(),
});

/** Every registration of an event, in the order people asked, with waiting-list positions. */
export async function registrationsOf(
  db: Pick<Db, 'select'>,
  eventId: string,
  customDefs: readonly CustomFieldDefinition[] = [],
) {
  const rows = await db
    .select()
    .from(eventRegistrations)
    .where(eq(eventRegistrations.eventId, eventId))
    .orderBy(asc(eventRegistrations.requestedAt), asc(eventRegistrations.id));
  const line = waitingLine(rows.map(asSeat));
  const position = new Map(line.map((s, i) => [s.id, i + 1]));
  return rows.map((r) => toRegistration(r, position.get(r.id) ?? null, customDefs));
}

/**
 * Locks the event row for the rest of the transaction: registrations of one event are decided
 * one at a time, so two people can never both take the last place.
 */
export async function lockEvent(tx: Tx, eventId: string) {
  const [row] = await tx.select().from(events).where(eq(events.id, eventId)).for('update');
  return row;
}

/**
 * Promotes the head of the waiting list while it fits, and queues an email to each promoted
 * person who left an address. Call inside the transaction holding `lockEvent`.
 */
export async function settleWaitingList(
  tx: Tx,
  event: { id: string; capacity: number; title: string; status: string },
  describe: { when: string; where: string },
): Promise<string[]> {
  if (event.status !== 'scheduled') return [];
  const rows = await tx
    .select()
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, event.id),
        inArray(eventRegistrations.status, ['registered', 'waitlisted']),
      ),
    );
  const promoted = promotions(event.capacity, rows.map(asSeat)).map((s) => s.id);
  if (!promoted.length) return [];
  const updated = await tx
    .update(eventRegistrations)
    .set({ status: 'registered', promotedAt: sql`now()` })
    .where(inArray(eventRegistrations.id, promoted))
    .returning();
  for (const r of updated) {
    if (r.email) {
      await enqueueEmail(
        tx,
        promotionEmail({ email: r.email, name: r.name }, { title: event.title, ...describe }),
      );
    }
  }
  return promoted;
}
