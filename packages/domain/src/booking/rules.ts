/**
 * The booking domain without the recurrence engine: schemas, types and rules, including reading and
 * writing RRULE text, but not expanding a series (`occurrences.ts`, which loads `rrule-temporal`).
 * The hub imports this entry (`@lakou/domain/booking/rules`) so that its pages stay light; the
 * full `@lakou/domain/booking` adds the expansion.
 */
export * from './availability.ts';
export * from './availability-request.ts';
export * from './booking.ts';
export * from './booking-status.ts';
export * from './closure-target.ts';
export * from './feed.ts';
export * from './instant.ts';
export * from './interval.ts';
export * from './price.ts';
export * from './recurrence.ts';
export * from './resource.ts';
export * from './series.ts';
export * from './tariff.ts';
