import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketLabel, bucketOf, bucketsBetween, comparisonPeriod } from './periods.ts';
import { periodPresets, resolvePreset } from './presets.ts';

describe('period buckets', () => {
  it('names the day, ISO week, month, quarter and year of a date', () => {
    expect(bucketOf('2026-03-05', 'day')).toBe('2026-03-05');
    // 1 January 2027 is a Friday: ISO week 53 of 2026.
    expect(bucketOf('2027-01-01', 'week')).toBe('2026-W53');
    expect(bucketOf('2026-03-05', 'month')).toBe('2026-03');
    expect(bucketOf('2026-11-30', 'quarter')).toBe('2026-T4');
    expect(bucketOf('2026-11-30', 'year')).toBe('2026');
  });

  it('lists every bucket of a period, empty ones included', () => {
    expect(bucketsBetween('2026-01-15', '2026-04-02', 'month')).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    expect(bucketsBetween('2025-12-31', '2026-01-12', 'week')).toEqual([
      '2026-W01',
      '2026-W02',
      '2026-W03',
    ]);
    expect(bucketsBetween('2025-11-01', '2026-02-28', 'quarter')).toEqual(['2025-T4', '2026-T1']);
  });

  it('puts every date of the period in one of its buckets, in order, without repeats', () => {
    const date = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 0, max: 800 }),
        fc.constantFrom('day', 'week', 'month', 'quarter', 'year' as const),
        (from, length, g) => {
          const to = new Date(Date.parse(from) + length * 86_400_000).toISOString().slice(0, 10);
          const buckets = bucketsBetween(from, to, g);
          expect(new Set(buckets).size).toBe(buckets.length);
          expect([...buckets].sort()).toEqual(buckets);
          expect(buckets[0]).toBe(bucketOf(from, g));
          expect(buckets.at(-1)).toBe(bucketOf(to, g));
        },
      ),
    );
  });

  it('reads bucket keys in French', () => {
    expect(bucketLabel('2026-03')).toBe('mars 2026');
    expect(bucketLabel('2026-T1')).toBe('T1 2026');
    expect(bucketLabel('2026-W05')).toBe('sem. 5 (2026)');
    expect(bucketLabel('2026-03-05')).toBe('05/03/2026');
  });
});

describe('comparison periods', () => {
  it('compares a quarter with the quarter before, and a year with the same dates a year earlier', () => {
    expect(comparisonPeriod('2026-04-01', '2026-06-30', 'previous')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(comparisonPeriod('2024-02-29', '2024-03-10', 'last_year')).toEqual({
      from: '2023-02-28',
      to: '2023-03-10',
    });
    expect(comparisonPeriod('2026-03-10', '2026-03-19', 'previous')).toEqual({
      from: '2026-02-28',
      to: '2026-03-09',
    });
    expect(comparisonPeriod('2026-03-10', '2026-03-19', 'none')).toBeNull();
  });
});

describe('period presets', () => {
  it('resolves named periods from today', () => {
    expect(resolvePreset('last_quarter', '2026-12-06')).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
    });
    expect(resolvePreset('last_12_months', '2026-12-06')).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(resolvePreset('last_month', '2026-01-15')).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
    for (const p of periodPresets) {
      const { from, to } = resolvePreset(p, '2026-02-28');
      expect(from <= to).toBe(true);
    }
  });
});
