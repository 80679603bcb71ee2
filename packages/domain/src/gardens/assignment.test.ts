import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  assignmentConflict,
  assignmentInput,
  type Period,
  periodsOverlap,
  waitingOrder,
} from './assignment.ts';

const ORIGIN = Temporal.PlainDate.from('2026-01-01');
const DAYS = Array.from({ length: 121 }, (_, n) => ORIGIN.add({ days: n }).toString());
const day = (n: number) => DAYS[n] as string;
const covers = (p: Period, d: string) => d >= p.startsOn && (p.endsOn === null || d <= p.endsOn);

/** A period over days 0–59, open-ended sometimes. */
const period: fc.Arbitrary<Period> = fc
  .tuple(fc.integer({ min: 0, max: 59 }), fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }))
  .map(([start, length]) => ({
    startsOn: day(start),
    endsOn: length === null ? null : day(start + length),
  }));

/** The days a period covers within days 0–120 (an open end runs past the horizon). */
function daysOf(p: Period): Set<string> {
  return new Set(DAYS.filter((d) => covers(p, d)));
}

describe('periods of plot assignments', () => {
  it('overlap exactly when they share a day (dates included, open ends)', () => {
    fc.assert(
      fc.property(period, period, (a, b) => {
        const shared = [...daysOf(a)].some((d) => daysOf(b).has(d));
        expect(periodsOverlap(a, b)).toBe(shared);
        expect(periodsOverlap(b, a)).toBe(periodsOverlap(a, b));
      }),
    );
  });

  it('a gardener leaving on the 31st and the next arriving on the 1st do not overlap', () => {
    expect(
      periodsOverlap(
        { startsOn: '2026-01-01', endsOn: '2026-01-31' },
        { startsOn: '2026-02-01', endsOn: null },
      ),
    ).toBe(false);
    expect(
      periodsOverlap(
        { startsOn: '2026-01-01', endsOn: '2026-01-31' },
        { startsOn: '2026-01-31', endsOn: null },
      ),
    ).toBe(true);
  });

  it('gives an individual plot at most one gardener a day; a collective plot any number', () => {
    const held = [{ id: 'a', startsOn: '2025-03-01', endsOn: null }];
    expect(
      assignmentConflict('individual', held, { startsOn: '2026-06-01', endsOn: null })?.id,
    ).toBe('a');
    expect(
      assignmentConflict('collective', held, { startsOn: '2026-06-01', endsOn: null }),
    ).toBeNull();
    expect(
      assignmentConflict(
        'individual',
        [{ id: 'b', startsOn: '2025-03-01', endsOn: '2025-12-31' }],
        {
          startsOn: '2026-01-01',
          endsOn: null,
        },
      ),
    ).toBeNull();
  });

  it('accepting assignments one by one on an individual plot never leaves two gardeners on a day', () => {
    fc.assert(
      fc.property(fc.array(period, { maxLength: 20 }), (candidates) => {
        const kept: Period[] = [];
        for (const c of candidates) if (!assignmentConflict('individual', kept, c)) kept.push(c);
        for (const d of DAYS)
          expect(kept.filter((p) => covers(p, d)).length).toBeLessThanOrEqual(1);
      }),
    );
  }, 30_000); // ~0.3 s alone; a busy machine has made it take 12 s

  it('refuses an end before the start', () => {
    const r = assignmentInput.safeParse({
      plotId: '6c1f0a52-7a4f-4d4b-9d3e-2f1c9a0b1d11',
      gardenerId: '0b7a3c9e-5d1f-4c2a-8e6b-7f9d1a2c3b44',
      startsOn: '2026-05-01',
      endsOn: '2026-04-30',
    });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['endsOn', 'La fin précède le début.'],
    ]);
  });
});

describe('waitingOrder', () => {
  it('serves the earliest request first, then the one recorded first', () => {
    const order = waitingOrder([
      { id: 'c', requestedOn: '2026-03-02', createdAt: '2026-03-02T10:00:00Z' },
      { id: 'b', requestedOn: '2026-03-01', createdAt: '2026-03-05T09:00:00Z' },
      { id: 'a', requestedOn: '2026-03-01', createdAt: '2026-03-01T09:00:00Z' },
    ]);
    expect(order.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});
