import { type Actor, can } from '@lakou/domain/identity';
import { and, eq, gt, inArray, lt, ne } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  bookings,
  circleCases,
  circleFacilitators,
  circleSessions,
  resources,
} from '../db/schema/index.ts';

const KIND_LABEL: Record<string, string> = {
  pre_circle: 'pré-cercle',
  circle: 'cercle',
  post_circle: 'post-cercle',
};

/**
 * The live sessions of the cases `actor` facilitates (and may still read), with their bookings,
 * labelled « CR-2026-014 · pré-cercle »: nothing else of the case goes into a calendar.
 */
export async function circleSessionsOf(db: Pick<Db, 'select'>, actor: Actor, from: Date, to: Date) {
  // Someone listed on cases who is no longer a facilitator sees none of them.
  if (!can(actor, 'circle.read', { facilitatorIds: [actor.userId] })) return [];
  const rows = await db
    .select({
      booking: bookings,
      resourceName: resources.name,
      reference: circleCases.reference,
      kind: circleSessions.kind,
      caseId: circleCases.id,
    })
    .from(circleSessions)
    .innerJoin(circleCases, eq(circleCases.id, circleSessions.caseId))
    .innerJoin(circleFacilitators, eq(circleFacilitators.caseId, circleCases.id))
    .innerJoin(bookings, eq(bookings.id, circleSessions.bookingId))
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .where(
      and(
        eq(circleFacilitators.userId, actor.userId),
        ne(circleSessions.status, 'cancelled'),
        inArray(bookings.status, ['requested', 'confirmed', 'checked_in']),
        gt(bookings.endsAt, from),
        lt(bookings.startsAt, to),
      ),
    );
  return rows.map((r) => ({
    bookingId: r.booking.id,
    booking: r.booking,
    resourceName: r.resourceName,
    label: `${r.reference} · ${KIND_LABEL[r.kind] ?? r.kind}`,
  }));
}
