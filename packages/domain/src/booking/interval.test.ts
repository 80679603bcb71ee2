import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { durationMinutes, findConflicts, overlaps, toInstant } from './interval.ts';

/** [h1, h2) on 2026-11-23 in Cayenne (UTC-3), hours may be fractional. */
function hours(h1: number, h2: number) {
  const at = (h: number) =>
    Temporal.ZonedDateTime.from('2026-11-23T00:00[America/Cayenne]')
      .add({ minutes: Math.round(h * 60) })
      .toInstant();
  return { start: at(h1), end: at(h2) };
}

describe('overlaps', () => {
  it('lets back-to-back bookings through without a buffer (half-open intervals)', () => {
    expect(overlaps(hours(9, 10), hours(10, 11), 0)).toBe(false);
    expect(overlaps(hours(10, 11), hours(9, 10), 0)).toBe(false);
    expect(overlaps(hours(9, 10.5), hours(10, 11), 0)).toBe(true);
  });

  it('keeps bookings at least the buffer apart, on both sides', () => {
    // 15-minute buffer: 10:15 is fine after a booking ending at 10:00, 10:10 is not.
    expect(overlaps(hours(9, 10), hours(10.25, 11), 15)).toBe(false);
    expect(overlaps(hours(9, 10), hours(10 + 10 / 60, 11), 15)).toBe(true);
    // Before as well as after.
    expect(overlaps(hours(10.25, 11), hours(9, 10), 15)).toBe(false);
    expect(overlaps(hours(11, 12), hours(9, 10.9), 15)).toBe(true);
  });

  it('accepts ISO strings with offsets and Dates as well as instants', () => {
    const a = { start: '2026-11-23T09:00:00-03:00', end: '2026-11-23T10:00:00-03:00' };
    const b = { start: new Date('2026-11-23T12:30:00Z'), end: new Date('2026-11-23T14:00:00Z') };
    expect(overlaps(a, b, 0)).toBe(true); // 12:30Z is 09:30 in Cayenne
    expect(overlaps(a, b, 0)).toBe(overlaps(b, a, 0));
  });

  it('says an empty interval overlaps nothing', () => {
    expect(overlaps(hours(10, 10), hours(9, 11), 30)).toBe(false);
  });

  it('is symmetric', () => {
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 300 }))
      .map(([s, d]) => ({
        start: Temporal.Instant.fromEpochMilliseconds(s * 60_000),
        end: Temporal.Instant.fromEpochMilliseconds((s + d) * 60_000),
      }));
    fc.assert(
      fc.property(interval, interval, fc.integer({ min: 0, max: 240 }), (a, b, buffer) => {
        expect(overlaps(a, b, buffer)).toBe(overlaps(b, a, buffer));
      }),
    );
  });
});

describe('durationMinutes', () => {
  it('counts exact minutes, even across a change of clocks', () => {
    // Paris, night of 2026-03-29: 00:00 → 06:00 local is 5 hours of real time.
    const night = {
      start: Temporal.ZonedDateTime.from('2026-03-29T00:00[Europe/Paris]').toInstant(),
      end: Temporal.ZonedDateTime.from('2026-03-29T06:00[Europe/Paris]').toInstant(),
    };
    expect(durationMinutes(night)).toBe(300);
  });

  it('reads an offset string as the instant it names', () => {
    expect(toInstant('2026-11-23T09:00:00-03:00').toString()).toBe('2026-11-23T12:00:00Z');
  });
});

describe('findConflicts', () => {
  it('returns the clashing bookings, in the order given', () => {
    const existing = [
      { id: 'a', ...hours(8, 9) },
      { id: 'b', ...hours(10, 11) },
      { id: 'c', ...hours(11.4, 12) },
      { id: 'd', ...hours(13, 14) },
    ];
    expect(findConflicts(hours(9, 11.25), existing, 0).map((b) => b.id)).toEqual(['b']);
    expect(findConflicts(hours(9, 11.25), existing, 15).map((b) => b.id)).toEqual(['a', 'b', 'c']);
    // 11:15 + 15 min reaches 11:30 exactly: the next booking may start then, not earlier.
    expect(findConflicts(hours(9, 11.25), [{ id: 'e', ...hours(11.5, 12) }], 15)).toEqual([]);
  });

  it('accepting greedily what does not conflict never leaves two bookings too close', () => {
    // Minutes since an arbitrary origin; durations of 5 min to 4 h.
    const candidate = fc
      .tuple(fc.integer({ min: 0, max: 3 * 24 * 60 }), fc.integer({ min: 5, max: 240 }))
      .map(([start, length]) => ({ startMin: start, endMin: start + length }));
    fc.assert(
      fc.property(
        fc.array(candidate, { maxLength: 40 }),
        fc.integer({ min: 0, max: 120 }),
        (candidates, buffer) => {
          const origin = Temporal.Instant.from('2026-11-23T11:00:00Z');
          const asInterval = (c: { startMin: number; endMin: number }) => ({
            ...c,
            start: origin.add({ minutes: c.startMin }),
            end: origin.add({ minutes: c.endMin }),
          });
          const accepted: ReturnType<typeof asInterval>[] = [];
          const rejected: ReturnType<typeof asInterval>[] = [];
          for (const c of candidates.map(asInterval)) {
            if (findConflicts(c, accepted, buffer).length === 0) accepted.push(c);
            else rejected.push(c);
          }
          // From first principles: two bookings are compatible when one ends at least `buffer`
          // minutes before the other starts.
          const compatible = (x: { startMin: number; endMin: number }, y: typeof x) =>
            x.endMin + buffer <= y.startMin || y.endMin + buffer <= x.startMin;
          accepted.forEach((x, i) => {
            for (const y of accepted.slice(i + 1)) expect(compatible(x, y)).toBe(true);
          });
          // And nothing was turned away for no reason.
          for (const r of rejected) {
            expect(accepted.some((a) => !compatible(a, r))).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
