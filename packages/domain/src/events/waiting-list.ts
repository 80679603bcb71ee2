/**
 * The waiting list of an event, as pure rules. Places are counted in seats (a family registers
 * together); a registration either holds its seats (`registered`, later `attended`/`absent`) or
 * waits (`waitlisted`), in the order people asked. The waiting list is strictly first come,
 * first served: nobody behind is promoted over a group that does not fit yet.
 */
export type RegistrationStatus = 'registered' | 'waitlisted' | 'cancelled';

export interface Seat {
  id: string;
  status: RegistrationStatus;
  seats: number;
  /** When the person asked: the order of the waiting list. */
  requestedAt: string;
}

/** Seats held by the registered (cancelled and waiting ones hold none). */
export function seatsTaken(registrations: readonly Seat[]): number {
  let taken = 0;
  for (const r of registrations) if (r.status === 'registered') taken += r.seats;
  return taken;
}

const byRequest = (a: Seat, b: Seat) =>
  a.requestedAt < b.requestedAt ? -1 : a.requestedAt > b.requestedAt ? 1 : a.id < b.id ? -1 : 1;

/** The waiting list, first in line first. */
export function waitingLine(registrations: readonly Seat[]): Seat[] {
  return registrations.filter((r) => r.status === 'waitlisted').sort(byRequest);
}

/**
 * Where a new request for `seats` places goes: registered when they fit and nobody is already
 * waiting (no jumping the queue), waitlisted otherwise.
 */
export function placeRequest(
  capacity: number,
  registrations: readonly Seat[],
  seats: number,
): 'registered' | 'waitlisted' {
  const nobodyWaiting = waitingLine(registrations).length === 0;
  return nobodyWaiting && seatsTaken(registrations) + seats <= capacity
    ? 'registered'
    : 'waitlisted';
}

/**
 * The waiting registrations to promote now (after a cancellation or a larger capacity), in
 * order: the head of the line while it fits, stopping at the first that does not.
 */
export function promotions(capacity: number, registrations: readonly Seat[]): Seat[] {
  let free = capacity - seatsTaken(registrations);
  const promoted: Seat[] = [];
  for (const r of waitingLine(registrations)) {
    if (r.seats > free) break;
    promoted.push(r);
    free -= r.seats;
  }
  return promoted;
}
