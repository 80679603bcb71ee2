import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { instantString } from './instant.ts';

describe('instantString', () => {
  it('writes an instant as Temporal does, whole seconds or not', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          // Slot edges: whole minutes between 1970 and 2100.
          fc.integer({ min: 0, max: 68_000_000 }).map((m) => m * 60_000),
          // Any millisecond, before 1970 and after 9999 included.
          fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 }),
        ),
        (ms) => {
          expect(instantString(ms)).toBe(Temporal.Instant.fromEpochMilliseconds(ms).toString());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps the seconds of a whole minute', () => {
    expect(instantString(Date.UTC(2026, 11, 7, 13, 0))).toBe('2026-12-07T13:00:00Z');
  });
});
