import { ApiError } from '../../api/api-error.ts';
import { conflictsOf } from '../../api/booking.ts';
import type { PreCheck } from '../../lib/agenda.ts';

/*
 * What the agenda page needs of the booking forms before one is opened: kept apart from
 * BookingDialogs.tsx, which loads on the first dialog opened.
 */

/** A whole number typed in a text field, or 0. */
export function wholeNumber(text: string): number {
  const n = Number(text.trim());
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** The slot a new booking is drafted on. */
export interface Draft {
  resourceId: string;
  start: string;
  end: string;
}

/** The API's refusal (409 naming bookings, 422 naming rules) as a pre-check-like list. */
export function refusalOf(error: unknown): { detail: string; check: PreCheck } {
  if (error instanceof ApiError) {
    return {
      detail: error.problem.detail ?? error.problem.title,
      check: {
        conflicts: conflictsOf(error),
        problems: error.status === 422 ? (error.problem.errors ?? []) : [],
      },
    };
  }
  return {
    detail: error instanceof Error ? error.message : String(error),
    check: { conflicts: [], problems: [] },
  };
}
