import { z } from 'zod';

export const bookingStatuses = [
  'requested',
  'confirmed',
  'checked_in',
  'no_show',
  'cancelled',
] as const;
export const bookingStatus = z.enum(bookingStatuses, {
  error: `Statut attendu : ${bookingStatuses.join(', ')}.`,
});
export type BookingStatus = z.infer<typeof bookingStatus>;

export const bookingEventTypes = [
  'request',
  'confirm',
  'check_in',
  'mark_no_show',
  'cancel',
] as const;
export type BookingEventType = (typeof bookingEventTypes)[number];

const cancelReason = z
  .string({ error: 'Indiquez le motif de l’annulation.' })
  .trim()
  .min(1, { error: 'Indiquez le motif de l’annulation.' })
  .max(500, { error: 'Le motif de l’annulation compte au plus 500 caractères.' });

/** What can happen to a booking. Cancelling always says why. */
export const bookingEvent = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('request') }),
    z.object({ type: z.literal('confirm') }),
    z.object({ type: z.literal('check_in') }),
    z.object({ type: z.literal('mark_no_show') }),
    z.object({ type: z.literal('cancel'), reason: cancelReason }),
  ],
  { error: `Action attendue : ${bookingEventTypes.join(', ')}.` },
);
export type BookingEvent = z.infer<typeof bookingEvent>;

/** Statuses a booking can no longer leave. */
export const FINAL_STATUSES: readonly BookingStatus[] = ['checked_in', 'cancelled'];

/** Whether a booking in this status holds its slot (blocks other bookings of the resource). */
export function holdsSlot(status: BookingStatus): boolean {
  return status === 'requested' || status === 'confirmed' || status === 'checked_in';
}

/**
 * The life of a booking. `null` is a booking not yet made:
 * - request: null → requested (the resource needs approval);
 * - confirm: null → confirmed (no approval needed), or requested → confirmed (approved);
 * - check_in: confirmed → checked_in, or no_show → checked_in (the person came late after all);
 * - mark_no_show: confirmed → no_show;
 * - cancel: requested or confirmed → cancelled, with a reason.
 */
const moves: Record<BookingEventType, ReadonlyArray<BookingStatus | null>> = {
  request: [null],
  confirm: [null, 'requested'],
  check_in: ['confirmed', 'no_show'],
  mark_no_show: ['confirmed'],
  cancel: ['requested', 'confirmed'],
};
const target: Record<BookingEventType, BookingStatus> = {
  request: 'requested',
  confirm: 'confirmed',
  check_in: 'checked_in',
  mark_no_show: 'no_show',
  cancel: 'cancelled',
};

const statusWords: Record<BookingStatus, string> = {
  requested: 'en attente de validation',
  confirmed: 'confirmée',
  checked_in: 'honorée (arrivée déjà enregistrée)',
  no_show: 'marquée absente',
  cancelled: 'annulée',
};
const actionWords: Record<BookingEventType, string> = {
  request: 'demander cette réservation',
  confirm: 'confirmer cette réservation',
  check_in: 'enregistrer l’arrivée',
  mark_no_show: 'marquer l’absence',
  cancel: 'annuler cette réservation',
};

export type TransitionResult =
  | { ok: true; status: BookingStatus; cancelReason: string | null }
  | { ok: false; reason: string };

/** Applies an event to a booking's status, or says in French why it cannot. */
export function transition(status: BookingStatus | null, event: BookingEvent): TransitionResult {
  if (!moves[event.type].includes(status)) {
    return {
      ok: false,
      reason:
        status === null
          ? `Impossible de ${actionWords[event.type]} : la réservation n’existe pas encore.`
          : `Impossible de ${actionWords[event.type]} : la réservation est ${statusWords[status]}.`,
    };
  }
  if (event.type === 'cancel') {
    const reason = cancelReason.safeParse(event.reason);
    if (!reason.success) {
      return { ok: false, reason: reason.error.issues[0]?.message ?? 'Motif invalide.' };
    }
    return { ok: true, status: 'cancelled', cancelReason: reason.data };
  }
  return { ok: true, status: target[event.type], cancelReason: null };
}

/** The events a booking in this status accepts, for the buttons a screen offers. */
export function allowedEvents(status: BookingStatus | null): BookingEventType[] {
  return bookingEventTypes.filter((type) => moves[type].includes(status));
}

/** The status a new booking starts in. */
export function initialStatus(resource: { requiresApproval: boolean }): BookingStatus {
  return resource.requiresApproval ? 'requested' : 'confirmed';
}
