import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  type BookingEvent,
  bookingEvent,
  bookingStatuses,
  holdsSlot,
  initialStatus,
  transition,
} from './booking-status.ts';

const cancel = (reason: string): BookingEvent => ({ type: 'cancel', reason });

describe('transition', () => {
  it('follows a booking through its life', () => {
    expect(transition(null, { type: 'request' })).toEqual({
      ok: true,
      status: 'requested',
      cancelReason: null,
    });
    expect(transition('requested', { type: 'confirm' })).toMatchObject({ status: 'confirmed' });
    expect(transition('confirmed', { type: 'check_in' })).toMatchObject({ status: 'checked_in' });
    expect(transition('confirmed', { type: 'mark_no_show' })).toMatchObject({ status: 'no_show' });
    expect(transition('no_show', { type: 'check_in' })).toMatchObject({ status: 'checked_in' });
  });

  it('confirms a new booking at once when no approval is needed', () => {
    expect(initialStatus({ requiresApproval: false })).toBe('confirmed');
    expect(initialStatus({ requiresApproval: true })).toBe('requested');
    expect(transition(null, { type: 'confirm' })).toMatchObject({ ok: true, status: 'confirmed' });
  });

  it('cancels with a trimmed reason, and refuses to cancel without one, in French', () => {
    expect(transition('confirmed', cancel('  Salle inondée '))).toEqual({
      ok: true,
      status: 'cancelled',
      cancelReason: 'Salle inondée',
    });
    expect(transition('requested', cancel('   '))).toEqual({
      ok: false,
      reason: 'Indiquez le motif de l’annulation.',
    });
    // From JSON, the reason may simply be missing.
    expect(transition('confirmed', { type: 'cancel' } as BookingEvent)).toEqual({
      ok: false,
      reason: 'Indiquez le motif de l’annulation.',
    });
    expect(bookingEvent.safeParse({ type: 'cancel' }).error?.issues[0]?.message).toBe(
      'Indiquez le motif de l’annulation.',
    );
  });

  it('refuses illegal moves with a French reason', () => {
    expect(transition('cancelled', { type: 'confirm' })).toEqual({
      ok: false,
      reason: 'Impossible de confirmer cette réservation : la réservation est annulée.',
    });
    expect(transition('checked_in', cancel('trop tard'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/annuler.*honorée/),
    });
    expect(transition('requested', { type: 'check_in' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/en attente de validation/),
    });
    expect(transition(null, { type: 'check_in' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/n’existe pas encore/),
    });
    expect(transition('confirmed', { type: 'request' }).ok).toBe(false);
  });

  it('offers exactly the events that succeed', () => {
    const events: BookingEvent[] = [
      { type: 'request' },
      { type: 'confirm' },
      { type: 'check_in' },
      { type: 'mark_no_show' },
      cancel('Motif'),
    ];
    for (const status of [null, ...bookingStatuses]) {
      const succeeding = events.filter((e) => transition(status, e).ok).map((e) => e.type);
      expect(allowedEvents(status)).toEqual(succeeding);
    }
    expect(allowedEvents('cancelled')).toEqual([]);
    expect(allowedEvents('checked_in')).toEqual([]);
  });

  it('frees the slot of cancelled and no-show bookings only', () => {
    expect(bookingStatuses.filter(holdsSlot)).toEqual(['requested', 'confirmed', 'checked_in']);
  });
});
