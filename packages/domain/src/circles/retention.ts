import { Temporal } from 'temporal-polyfill';

/** Months after closing before a case's personal data is purged, unless configured otherwise. */
export const DEFAULT_RETENTION_MONTHS = 12;

/** The first day (UTC) a case closed (or abandoned) at `closedAt` is due for purging. */
export function purgeDueAt(closedAt: string, months = DEFAULT_RETENTION_MONTHS): string {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months ${months}`);
  return Temporal.Instant.from(closedAt)
    .toZonedDateTimeISO('UTC')
    .add({ months })
    .toInstant()
    .toString();
}

export function isDueForPurge(closedAt: string, now: string, months = DEFAULT_RETENTION_MONTHS) {
  return (
    Temporal.Instant.compare(
      Temporal.Instant.from(now),
      Temporal.Instant.from(purgeDueAt(closedAt, months)),
    ) >= 0
  );
}

/** The neutral reference of a case: `CR-2026-014`. */
export function caseReference(year: number, sequence: number): string {
  return `CR-${year}-${String(sequence).padStart(3, '0')}`;
}
