import type { Actor, Me } from '@lakou/domain/identity';
import * as domain from '@lakou/domain/identity';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { identityKeys } from '../api/identity.ts';
import { loadPolicy, rolesAllowed } from './policy.ts';
import { type CanFn, canFor, useCan } from './session.ts';

const VC = '11111111-1111-4111-8111-111111111111';
const ML = '22222222-2222-4222-8222-222222222222';
const KOUROU = '44444444-4444-4444-8444-444444444444';
const manager: Actor = {
  userId: '33333333-3333-4333-8333-333333333333',
  assignments: [
    { role: 'manager', centreId: VC },
    { role: 'manager', centreId: ML },
  ],
};
const board: Actor = { userId: manager.userId, assignments: [{ role: 'board', centreId: null }] };
const admin: Actor = { userId: manager.userId, assignments: [{ role: 'admin', centreId: null }] };

describe('rolesAllowed', () => {
  it('asks the domain which roles open a page', () => {
    expect(rolesAllowed(domain, 'user.read')).toEqual(['admin', 'manager']);
    expect(rolesAllowed(domain, 'audit.read')).toEqual(['admin']);
    expect(rolesAllowed(domain, 'user.manage')).toEqual(['admin']);
  });
});

describe('canFor', () => {
  it('follows the domain rule once loaded', () => {
    const can = canFor(domain, manager);
    expect(can('user.read')).toBe(true);
    expect(can('user.read', { centreId: VC })).toBe(true);
    expect(can('user.read', { centreId: KOUROU })).toBe(false);
    expect(can('user.manage')).toBe(false);
    expect(can('audit.read')).toBe(false);
    expect(canFor(domain, board)('user.read')).toBe(false);
    expect(canFor(domain, admin)('audit.read')).toBe(true);
    expect(canFor(domain, { ...admin, readOnly: true })('user.manage')).toBe(false);
  });

  it('allows nothing before the rules have loaded', () => {
    expect(canFor(undefined, admin)('audit.read')).toBe(false);
  });
});

describe('useCan', () => {
  function render(me: Me | null): CanFn {
    const queryClient = new QueryClient();
    queryClient.setQueryData(identityKeys.me, me);
    let captured: CanFn | undefined;
    function Probe() {
      captured = useCan();
      return null;
    }
    renderToString(
      createElement(QueryClientProvider, { client: queryClient }, createElement(Probe)),
    );
    if (!captured) throw new Error('useCan did not run');
    return captured;
  }

  it('judges the signed-in user from /api/me with the domain rule', async () => {
    await loadPolicy();
    const can = render({
      id: manager.userId,
      email: 'gestion@lakou.test',
      name: 'Gestion',
      roles: [...manager.assignments],
      via: 'session',
      readOnly: false,
    });
    expect(can('user.read')).toBe(true);
    expect(can('audit.read')).toBe(false);
    expect(can('user.read', { centreId: KOUROU })).toBe(false);
  });

  it('lets a visitor do only public things', async () => {
    await loadPolicy();
    const can = render(null);
    expect(can('network.read')).toBe(true);
    expect(can('user.read')).toBe(false);
    expect(can('me.read')).toBe(false);
  });
});
