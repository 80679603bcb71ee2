import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageCount, pageOffset } from './pagination.ts';

describe('pagination', () => {
  it('has at least one page, and enough pages for every row', () => {
    expect(pageCount(0, 20)).toBe(1);
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 100 }), (total, size) => {
        const pages = pageCount(total, size);
        expect(pages * size).toBeGreaterThanOrEqual(total);
        expect((pages - 1) * size).toBeLessThan(Math.max(total, 1));
      }),
    );
  });

  it('starts page n after the rows of the n-1 pages before it', () => {
    expect(pageOffset({ page: 1, pageSize: 20 })).toBe(0);
    expect(pageOffset({ page: 3, pageSize: 7 })).toBe(14);
  });
});
