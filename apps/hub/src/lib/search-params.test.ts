import { partnerKinds } from '@lakou/domain/network';
import { describe, expect, it } from 'vitest';
import { networkSearch, partnersSearch, urlPartnerKinds } from './search-params.ts';

describe('URL search params', () => {
  it('accept every partner kind of the domain, and only those', () => {
    expect([...urlPartnerKinds].sort()).toEqual([...partnerKinds].sort());
  });

  it('keep valid network filters', () => {
    expect(
      networkSearch.parse({ q: '  Kourou ', qpv: true, page: 2, sort: 'commune', order: 'desc' }),
    ).toEqual({ q: 'Kourou', qpv: true, page: 2, sort: 'commune', order: 'desc' });
  });

  it('drop invalid values instead of failing the page', () => {
    expect(
      networkSearch.parse({ q: 'x'.repeat(101), qpv: 'maybe', page: 0, sort: 'size', order: 'up' }),
    ).toEqual({});
    expect(partnersSearch.parse({ kind: 'church', centreId: 'not-a-uuid', page: 1.5 })).toEqual({});
  });

  it('keep a valid partner filter', () => {
    const centreId = '0b6f8a34-7c55-4b7e-9d6f-2f1d3c4b5a69';
    expect(partnersSearch.parse({ kind: 'public_body', centreId, page: 3 })).toEqual({
      kind: 'public_body',
      centreId,
      page: 3,
    });
  });
});
