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

/**
 * An instant as `Temporal.Instant#toString` writes it (`2026-12-07T13:00:00Z`), from epoch
 * milliseconds. Whole seconds (every slot and booking edge) take the engine's own ISO formatting,
 * many times cheaper than the polyfill's when thousands of slots are listed; others go through
 * Temporal.
 */
export function instantString(ms: number): string {
  if (ms % 1000 === 0 && ms >= 0 && ms < 253_402_300_800_000) {
    return `${new Date(ms).toISOString().slice(0, 19)}Z`;
  }
  return Temporal.Instant.fromEpochMilliseconds(ms).toString();
}
