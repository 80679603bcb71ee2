import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isNetworkRole,
  NETWORK_ROLES,
  role,
  roleAssignment,
  roleAssignments,
  roles,
} from './roles.ts';

const KOUROU = '3f2b8c1e-5d4a-4b7e-9c21-0a6f4e8d2b17';
const MACOURIA = '9a7d1c33-2e4f-4a8b-8f10-6b5c3d2e1f00';

/** The messages of a failed parse, by field path ('' for the whole value). */
function messages(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message] as const);
}

describe('roles', () => {
  it('are exactly the five roles of the network', () => {
    expect([...roles]).toEqual(['admin', 'manager', 'staff', 'facilitator', 'board']);
    for (const r of ['admin', 'manager', 'staff', 'facilitator', 'board']) {
      expect(role.parse(r)).toBe(r);
    }
  });

  it('refuses an unknown role (and a differently cased one) in French', () => {
    for (const r of ['superuser', 'Admin', '', 'gestionnaire']) {
      expect(messages(role.safeParse(r))).toEqual([
        ['', 'Rôle attendu : admin, manager, staff, facilitator, board.'],
      ]);
    }
  });

  it('makes admin and board network-wide, the three others centre roles', () => {
    expect([...NETWORK_ROLES].sort()).toEqual(['admin', 'board']);
    expect(isNetworkRole('admin')).toBe(true);
    expect(isNetworkRole('board')).toBe(true);
    expect(isNetworkRole('manager')).toBe(false);
    expect(isNetworkRole('staff')).toBe(false);
    expect(isNetworkRole('facilitator')).toBe(false);
  });
});

describe('role assignment', () => {
  it('accepts admin and board across the network, without a centre', () => {
    expect(roleAssignment.parse({ role: 'admin', centreId: null })).toEqual({
      role: 'admin',
      centreId: null,
    });
    expect(roleAssignment.parse({ role: 'board', centreId: null })).toEqual({
      role: 'board',
      centreId: null,
    });
  });

  it('accepts manager, staff and facilitator in a centre', () => {
    for (const r of ['manager', 'staff', 'facilitator']) {
      expect(roleAssignment.parse({ role: r, centreId: KOUROU })).toEqual({
        role: r,
        centreId: KOUROU,
      });
    }
  });

  it('refuses a network role given a centre, on the centreId field', () => {
    expect(messages(roleAssignment.safeParse({ role: 'admin', centreId: KOUROU }))).toEqual([
      ['centreId', 'Le rôle admin vaut pour tout le réseau : pas de centre.'],
    ]);
    expect(messages(roleAssignment.safeParse({ role: 'board', centreId: KOUROU }))).toEqual([
      ['centreId', 'Le rôle board vaut pour tout le réseau : pas de centre.'],
    ]);
  });

  it('refuses a centre role without a centre, on the centreId field', () => {
    expect(messages(roleAssignment.safeParse({ role: 'manager', centreId: null }))).toEqual([
      ['centreId', 'Le rôle manager s’exerce dans un centre : choisissez-le.'],
    ]);
    expect(messages(roleAssignment.safeParse({ role: 'staff', centreId: null }))).toEqual([
      ['centreId', 'Le rôle staff s’exerce dans un centre : choisissez-le.'],
    ]);
    expect(messages(roleAssignment.safeParse({ role: 'facilitator', centreId: null }))).toEqual([
      ['centreId', 'Le rôle facilitator s’exerce dans un centre : choisissez-le.'],
    ]);
  });

  it('refuses a centre id that is not a UUID, and a missing centreId', () => {
    expect(messages(roleAssignment.safeParse({ role: 'manager', centreId: 'kourou' }))).toEqual([
      ['centreId', 'Identifiant de centre invalide.'],
    ]);
    expect(roleAssignment.safeParse({ role: 'admin' }).success).toBe(false);
    expect(roleAssignment.safeParse({ role: 'manager' }).success).toBe(false);
  });

  it('accepts a role and centre exactly when network roles have no centre and centre roles have one', () => {
    const networkRoles = new Set(['admin', 'board']);
    fc.assert(
      fc.property(fc.constantFrom(...roles), fc.option(fc.uuid(), { nil: null }), (r, centreId) => {
        const ok = roleAssignment.safeParse({ role: r, centreId }).success;
        expect(ok).toBe(networkRoles.has(r) === (centreId === null));
      }),
    );
  });
});

describe('role assignments', () => {
  it('accepts the same centre role in two centres, and several roles in one centre', () => {
    const list = [
      { role: 'manager', centreId: KOUROU },
      { role: 'manager', centreId: MACOURIA },
      { role: 'facilitator', centreId: KOUROU },
      { role: 'admin', centreId: null },
      { role: 'board', centreId: null },
    ];
    expect(roleAssignments.parse(list)).toEqual(list);
    expect(roleAssignments.parse([])).toEqual([]);
  });

  it('refuses a role held twice in the same centre, or a network role held twice', () => {
    expect(
      messages(
        roleAssignments.safeParse([
          { role: 'staff', centreId: KOUROU },
          { role: 'manager', centreId: KOUROU },
          { role: 'staff', centreId: KOUROU },
        ]),
      ),
    ).toEqual([['', 'Rôle en double : staff.']]);
    expect(
      messages(
        roleAssignments.safeParse([
          { role: 'admin', centreId: null },
          { role: 'admin', centreId: null },
        ]),
      ),
    ).toEqual([['', 'Rôle en double : admin.']]);
  });

  it('passes on the errors of each assignment, with its index', () => {
    expect(
      messages(
        roleAssignments.safeParse([
          { role: 'admin', centreId: null },
          { role: 'staff', centreId: null },
        ]),
      ),
    ).toEqual([['1.centreId', 'Le rôle staff s’exerce dans un centre : choisissez-le.']]);
  });

  it('holds at most 100 assignments', () => {
    const centre = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const hundred = Array.from({ length: 100 }, (_, i) => ({ role: 'staff', centreId: centre(i) }));
    expect(roleAssignments.safeParse(hundred).success).toBe(true);
    expect(
      roleAssignments.safeParse([...hundred, { role: 'staff', centreId: centre(100) }]).success,
    ).toBe(false);
  });

  it('accepts a list of valid assignments exactly when no two share role and centre', () => {
    const centres = [KOUROU, MACOURIA, '5e1f0a2b-7c3d-4e5f-a6b7-c8d9e0f1a2b3'];
    const assignment = fc.oneof(
      fc.record({ role: fc.constantFrom('admin', 'board'), centreId: fc.constant(null) }),
      fc.record({
        role: fc.constantFrom('manager', 'staff', 'facilitator'),
        centreId: fc.constantFrom(...centres),
      }),
    );
    fc.assert(
      fc.property(fc.array(assignment, { maxLength: 8 }), (list) => {
        let duplicated = false;
        for (let i = 0; i < list.length; i++) {
          for (let j = i + 1; j < list.length; j++) {
            if (list[i]?.role === list[j]?.role && list[i]?.centreId === list[j]?.centreId)
              duplicated = true;
          }
        }
        expect(roleAssignments.safeParse(list).success).toBe(!duplicated);
      }),
    );
  });
});

describe('role assignments name centres case-insensitively', () => {
  it('lower-cases a centre id and counts the same centre in two cases as a duplicate', () => {
    const upper = 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D';
    const one = roleAssignment.parse({ role: 'manager', centreId: upper });
    expect(one.centreId).toBe('a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d');
    const twice = roleAssignments.safeParse([
      { role: 'manager', centreId: upper },
      { role: 'manager', centreId: upper.toLowerCase() },
    ]);
    expect(twice.success).toBe(false);
  });
});
