import { type Period, waitingOrder } from './assignment.ts';
import type { PlotKind } from './garden.ts';

/**
 * An individual plot is free on `today` when every period it was given ended before that day:
 * a plot held today, or already promised from a later day, is not free. The hub's free-plot
 * count and the waiting list's « a plot is available » refusal both use this rule.
 */
export function plotIsFree(assignments: readonly Period[], today: string): boolean {
  return assignments.every((a) => a.endsOn !== null && a.endsOn < today);
}

/**
 * Whether an assignment gives the plot from `today` on (it is open, or ends today or later): a
 * period entirely in the past is history being recorded, and takes no plot from anyone waiting.
 */
export function reachesToday(period: Period, today: string): boolean {
  return period.endsOn === null || period.endsOn >= today;
}

/** Waiting requests in their order, numbered 1..n: the first is offered the next free plot. */
export function waitingPositions<T extends { requestedOn: string; createdAt: string }>(
  requests: readonly T[],
): (T & { position: number })[] {
  return waitingOrder(requests).map((r, i) => ({ ...r, position: i + 1 }));
}

export interface QueueRefusal {
  code: 'QUEUE_FIRST' | 'NOT_WAITING' | 'WAITING_REQUEST_MISMATCH';
  field: 'waitingRequestId' | 'gardenerId';
  message: string;
  /** The request that comes first, when there is one. */
  firstRequestId: string | null;
}

export interface QueueCandidate {
  plotKind: PlotKind;
  gardenerId: string;
  period: Period;
  /** The waiting-list request this assignment answers, if any. */
  waitingRequestId: string | null;
}

/**
 * The queue rule of a garden: while people are waiting, an individual plot given from today on
 * goes to the first in line — the assignment must answer the first request (and be for its
 * gardener). Collective plots are shared and past periods are history: the queue does not apply,
 * but a request they answer must still be waiting and be the gardener's own.
 *
 * `queue` holds the garden's waiting requests (any order; `waitingOrder` decides who is first).
 * Returns null when the assignment may be made, else why not (in French).
 */
export function queueVerdict<
  T extends { id: string; gardenerId: string; requestedOn: string; createdAt: string },
>(queue: readonly T[], candidate: QueueCandidate, today: string): QueueRefusal | null {
  const ordered = waitingOrder(queue);
  const first = ordered[0] ?? null;
  const firstRequestId = first?.id ?? null;
  if (candidate.waitingRequestId !== null) {
    const request = ordered.find((r) => r.id === candidate.waitingRequestId);
    if (!request) {
      return {
        code: 'NOT_WAITING',
        field: 'waitingRequestId',
        message: 'Cette demande n’est pas (ou plus) sur la liste d’attente de ce jardin.',
        firstRequestId,
      };
    }
    if (request.gardenerId !== candidate.gardenerId) {
      return {
        code: 'WAITING_REQUEST_MISMATCH',
        field: 'gardenerId',
        message: 'Cette demande de la liste d’attente est celle d’une autre personne.',
        firstRequestId,
      };
    }
  }
  if (candidate.plotKind !== 'individual' || !first) return null;
  if (!reachesToday(candidate.period, today)) return null;
  if (candidate.waitingRequestId === first.id) return null;
  return {
    code: 'QUEUE_FIRST',
    field: 'waitingRequestId',
    message:
      'Des personnes attendent une parcelle : une parcelle individuelle revient d’abord à la première demande de la liste d’attente.',
    firstRequestId,
  };
}
