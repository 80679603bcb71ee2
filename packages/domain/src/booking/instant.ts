import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';

/** An instant at the API's edge: ISO 8601 with its offset (`Z` or `-03:00`), never a bare local time. */
export const instant = z.iso.datetime({
  offset: true,
  error: 'Date et heure ISO 8601 avec décalage attendues (ex. 2026-11-23T18:00:00-03:00).',
});

/** Epoch milliseconds of an ISO instant, or NaN if it is not one (for refinements). */
export function instantMs(text: string): number {
  try {
    return Temporal.Instant.from(text).epochMilliseconds;
  } catch {
    return Number.NaN;
  }
}
