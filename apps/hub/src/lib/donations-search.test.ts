import { describe, expect, it } from 'vitest';
import {
  donationsSearch,
  donorsSearch,
  patchListSearch,
  receiptsSearch,
} from './donations-search.ts';

describe('donations search params', () => {
  it('keep valid filters of the gifts, donors and receipts lists', () => {
    const donorId = '0b6f8a34-7c55-4b7e-9d6f-2f1d3c4b5a69';
    expect(
      donationsSearch.parse({
        kind: 'in_kind',
        donorId,
        from: '2026-01-01',
        to: '2026-03-31',
        page: 2,
      }),
    ).toEqual({ kind: 'in_kind', donorId, from: '2026-01-01', to: '2026-03-31', page: 2 });
    expect(donorsSearch.parse({ q: '  Dupont ', kind: 'company', page: 3 })).toEqual({
      q: 'Dupont',
      kind: 'company',
      page: 3,
    });
    expect(receiptsSearch.parse({ year: 2026, donorId, status: 'cancelled' })).toEqual({
      year: 2026,
      donorId,
      status: 'cancelled',
    });
  });

  it('drop hand-edited values instead of failing the page', () => {
    expect(
      donationsSearch.parse({ kind: 'cash', donorId: 'x', from: '31/01/2026', page: 0 }),
    ).toEqual({});
    expect(donorsSearch.parse({ q: 'x'.repeat(101), kind: 'church', page: 1.5 })).toEqual({});
    expect(receiptsSearch.parse({ year: 1999, status: 'draft' })).toEqual({});
  });
});

describe('patchListSearch', () => {
  it('starts again from the first page when a filter changes', () => {
    expect(patchListSearch({ kind: 'money', page: 4 }, { kind: 'in_kind' })).toEqual({
      kind: 'in_kind',
      page: undefined,
    });
  });

  it('keeps the page asked for, and leaves page 1 out of the URL', () => {
    expect(patchListSearch({ q: 'Dupont', page: 2 }, { page: 3 })).toEqual({
      q: 'Dupont',
      page: 3,
    });
    expect(patchListSearch({ q: 'Dupont', page: 3 }, { page: 1 })).toEqual({
      q: 'Dupont',
      page: undefined,
    });
  });
});
