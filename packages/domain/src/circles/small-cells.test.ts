import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseReference, isDueForPurge, purgeDueAt } from './retention.ts';
import { suppressedMedian, suppressedShare, suppressSmall } from './small-cells.ts';

describe('small-cell suppression', () => {
  it('hides counts from 1 to 4, shows 0 and 5 up', () => {
    expect([0, 1, 4, 5, 12].map(suppressSmall)).toEqual([0, '< 5', '< 5', 5, 12]);
    expect(() => suppressSmall(-1)).toThrow();
  });

  it('never shows a number between 1 and 4 (property)', () => {
    fc.assert(
      fc.property(fc.nat(1000), (n) => {
        const shown = suppressSmall(n);
        if (typeof shown === 'number') expect(shown === 0 || shown >= 5).toBe(true);
      }),
    );
  });

  it('gives shares and medians only over at least 5 values', () => {
    expect(suppressedShare(2, 4)).toBeNull();
    expect(suppressedShare(3, 6)).toBe(0.5);
    expect(suppressedMedian([3, 1, 2, 9])).toBeNull();
    expect(suppressedMedian([5, 1, 3, 9, 7])).toBe(5);
    expect(suppressedMedian([5, 1, 3, 9, 7, 11])).toBe(6);
  });
});

describe('retention', () => {
  it('purges twelve months after closing by default, or as configured', () => {
    expect(purgeDueAt('2026-01-31T10:00:00Z')).toBe('2027-01-31T10:00:00Z');
    expect(purgeDueAt('2026-01-31T10:00:00Z', 1)).toBe('2026-02-28T10:00:00Z');
    expect(isDueForPurge('2025-11-01T00:00:00Z', '2026-11-01T00:00:00Z')).toBe(true);
    expect(isDueForPurge('2025-11-01T00:00:00Z', '2026-10-31T23:59:59Z')).toBe(false);
    expect(() => purgeDueAt('2026-01-01T00:00:00Z', 0)).toThrow();
  });

  it('writes neutral references', () => {
    expect(caseReference(2026, 14)).toBe('CR-2026-014');
    expect(caseReference(2027, 1234)).toBe('CR-2027-1234');
  });
});
