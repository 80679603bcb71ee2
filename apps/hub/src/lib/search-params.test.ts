import { partnerKinds } from '@lakou/domain/network';
import { describe, expect, it } from 'vitest';
import {
  auditSearch,
  networkSearch,
  partnersSearch,
  signInSearch,
  urlPartnerKinds,
  usersSearch,
} from './search-params.ts';

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

describe('identity search params', () => {
  const centreId = '0b6f8a34-7c55-4b7e-9d6f-2f1d3c4b5a69';

  it('keep user filters, drop invalid ones', () => {
    expect(usersSearch.parse({ q: ' ana ', centreId, active: false, page: 2 })).toEqual({
      q: 'ana',
      centreId,
      active: false,
      page: 2,
    });
    expect(usersSearch.parse({ centreId: 'kourou', active: 'maybe' })).toEqual({});
  });

  it('keep audit days only when they are calendar dates', () => {
    expect(auditSearch.parse({ from: '2026-03-01', to: '2026-03-31', entity: 'user' })).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      entity: 'user',
    });
    expect(auditSearch.parse({ from: '01/03/2026', actorId: 'x' })).toEqual({});
  });

  it('keep the redirect as text (it is checked again before use)', () => {
    expect(signInSearch.parse({ redirect: '/admin/users?page=2' })).toEqual({
      redirect: '/admin/users?page=2',
    });
    expect(signInSearch.parse({ redirect: 42 })).toEqual({});
  });
});
