// Everything of the booking domain. Bundled code (the hub) imports `./rules.ts` instead
// (`@lakou/domain/booking/rules`) and `./occurrences.ts` only where a series is expanded: the
// expansion carries `rrule-temporal`.
export * from './occurrences.ts';
export * from './rules.ts';
