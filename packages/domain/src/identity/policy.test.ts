import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Action,
  type Actor,
  actions,
  can,
  centreScope,
  isReadAction,
  type Subject,
} from './policy.ts';
import type { RoleAssignment } from './roles.ts';

// Centres of the network (valid v4 UUIDs).
const KOUROU = '3f2b8c1e-5d4a-4b7e-9c21-0a6f4e8d2b17';
const MACOURIA = '9a7d1c33-2e4f-4a8b-8f10-6b5c3d2e1f00';
const MATOURY = '5e1f0a2b-7c3d-4e5f-a6b7-c8d9e0f1a2b3';
const CENTRES = [KOUROU, MACOURIA, MATOURY];

// People.
const ADA = 'u-ada';
const BEN = 'u-ben';
const CLE = 'u-cle';
const USERS = [ADA, BEN, CLE, 'u-dan'];

const admin: RoleAssignment = { role: 'admin', centreId: null };
const board: RoleAssignment = { role: 'board', centreId: null };
const managerIn = (centreId: string): RoleAssignment => ({ role: 'manager', centreId });
const staffIn = (centreId: string): RoleAssignment => ({ role: 'staff', centreId });
const facilitatorIn = (centreId: string): RoleAssignment => ({ role: 'facilitator', centreId });
const actor = (userId: string, ...assignments: RoleAssignment[]): Actor => ({
  userId,
  assignments,
});
const readOnly = (a: Actor): Actor => ({ ...a, readOnly: true });

/** Hand-written: every action, split by whether a read-only token may take it. */
const READ_ACTIONS: Action[] = [
  'network.read',
  'me.read',
  'user.read',
  'audit.read',
  'booking.read',
  'circle.read',
  'circle.aggregates.read',
  'fund.read',
  'circular.read',
  'report.read',
];
const WRITE_ACTIONS: Action[] = [
  'centre.manage',
  'token.manage',
  'user.manage',
  'booking.write',
  'booking.approve',
  'circle.create',
  'circle.manage',
  'fund.write',
  'donation.write',
  'circular.write',
  'dashboard.manage',
  'config.manage',
];

describe('actions', () => {
  it('are exactly the hand-listed reads and writes, and only *.read count as reads', () => {
    expect([...actions].sort()).toEqual([...READ_ACTIONS, ...WRITE_ACTIONS].sort());
    for (const a of READ_ACTIONS) expect(isReadAction(a)).toBe(true);
    for (const a of WRITE_ACTIONS) expect(isReadAction(a)).toBe(false);
  });
});

/**
 * The grid: every action against four subjects without owner or facilitators — a list (no
 * centre given), Kourou, Macouria and a network-wide subject (centre null). Each actor lists what
 * it may do; every other cell of the grid must be refused.
 */
const SUBJECTS = {
  list: {},
  kourou: { centreId: KOUROU },
  macouria: { centreId: MACOURIA },
  network: { centreId: null },
} satisfies Record<string, Subject>;
type Where = keyof typeof SUBJECTS;
const EVERYWHERE: Where[] = ['list', 'kourou', 'macouria', 'network'];
type Allowed = Partial<Record<Action, Where[]>>;

/** Signed-in actors may read the network, their own profile and manage tokens that have no owner yet. */
const SIGNED_IN: Allowed = {
  'network.read': EVERYWHERE,
  'me.read': EVERYWHERE,
  'token.manage': EVERYWHERE,
};

const GRID: [string, Actor | null, Allowed][] = [
  ['anonymous', null, { 'network.read': EVERYWHERE }],
  ['a user without any role', actor(ADA), SIGNED_IN],
  [
    'admin',
    actor(ADA, admin),
    {
      'network.read': EVERYWHERE,
      'centre.manage': EVERYWHERE,
      'me.read': EVERYWHERE,
      'token.manage': EVERYWHERE,
      'user.read': EVERYWHERE,
      'user.manage': EVERYWHERE,
      'audit.read': EVERYWHERE,
      'booking.read': EVERYWHERE,
      'booking.write': EVERYWHERE,
      'booking.approve': EVERYWHERE,
      'circle.aggregates.read': EVERYWHERE,
      'fund.read': EVERYWHERE,
      'fund.write': EVERYWHERE,
      'donation.write': EVERYWHERE,
      'circular.read': EVERYWHERE,
      'circular.write': EVERYWHERE,
      'report.read': EVERYWHERE,
      'dashboard.manage': EVERYWHERE,
      'config.manage': EVERYWHERE,
      // not circle.create, circle.read, circle.manage
    },
  ],
  [
    'read-only admin token',
    readOnly(actor(ADA, admin)),
    {
      'network.read': EVERYWHERE,
      'me.read': EVERYWHERE,
      'user.read': EVERYWHERE,
      'audit.read': EVERYWHERE,
      'booking.read': EVERYWHERE,
      'circle.aggregates.read': EVERYWHERE,
      'fund.read': EVERYWHERE,
      'circular.read': EVERYWHERE,
      'report.read': EVERYWHERE,
    },
  ],
  [
    'manager of Kourou',
    actor(BEN, managerIn(KOUROU)),
    {
      ...SIGNED_IN,
      'centre.manage': ['kourou'],
      'user.read': ['list', 'kourou'],
      'booking.read': ['list', 'kourou'],
      'booking.write': ['kourou'],
      'booking.approve': ['kourou'],
      'circle.aggregates.read': ['list', 'kourou'],
      // The fund is one for the network: a manager reads all of it and records gifts, in-kind
      // ones for their own centre only.
      'fund.read': EVERYWHERE,
      'donation.write': ['list', 'kourou', 'network'],
      'circular.read': ['list', 'kourou'],
      'circular.write': ['kourou'],
      'report.read': ['list', 'kourou'],
      // Their own dashboards (a subject without an owner is one being made), wherever it points.
      'dashboard.manage': EVERYWHERE,
      'config.manage': ['kourou'],
    },
  ],
  [
    'read-only token of the manager of Kourou',
    readOnly(actor(BEN, managerIn(KOUROU))),
    {
      'network.read': EVERYWHERE,
      'me.read': EVERYWHERE,
      'user.read': ['list', 'kourou'],
      'booking.read': ['list', 'kourou'],
      'circle.aggregates.read': ['list', 'kourou'],
      'fund.read': EVERYWHERE,
      'circular.read': ['list', 'kourou'],
      'report.read': ['list', 'kourou'],
    },
  ],
  [
    'staff of Kourou',
    actor(BEN, staffIn(KOUROU)),
    {
      ...SIGNED_IN,
      'booking.read': ['list', 'kourou'],
      'booking.write': ['kourou'],
      'circular.read': ['list', 'kourou'],
      'circular.write': ['kourou'],
    },
  ],
  [
    'facilitator of Kourou',
    actor(CLE, facilitatorIn(KOUROU)),
    {
      ...SIGNED_IN,
      'booking.read': ['list', 'kourou'],
      'circle.create': ['kourou'],
    },
  ],
  [
    'board',
    actor(ADA, board),
    {
      ...SIGNED_IN,
      'fund.read': EVERYWHERE,
      'report.read': EVERYWHERE,
      'dashboard.manage': EVERYWHERE,
      'circle.aggregates.read': EVERYWHERE,
      'circular.read': EVERYWHERE,
    },
  ],
  [
    'manager of Kourou and staff of Macouria',
    actor(BEN, managerIn(KOUROU), staffIn(MACOURIA)),
    {
      ...SIGNED_IN,
      'centre.manage': ['kourou'],
      'user.read': ['list', 'kourou'],
      'booking.read': ['list', 'kourou', 'macouria'],
      'booking.write': ['kourou', 'macouria'],
      'booking.approve': ['kourou'],
      'circle.aggregates.read': ['list', 'kourou'],
      'fund.read': EVERYWHERE,
      'donation.write': ['list', 'kourou', 'network'],
      'circular.read': ['list', 'kourou', 'macouria'],
      'circular.write': ['kourou', 'macouria'],
      'report.read': ['list', 'kourou'],
      'dashboard.manage': EVERYWHERE,
      'config.manage': ['kourou'],
    },
  ],
  [
    'admin who also facilitates in Macouria',
    actor(ADA, admin, facilitatorIn(MACOURIA)),
    {
      'network.read': EVERYWHERE,
      'centre.manage': EVERYWHERE,
      'me.read': EVERYWHERE,
      'token.manage': EVERYWHERE,
      'user.read': EVERYWHERE,
      'user.manage': EVERYWHERE,
      'audit.read': EVERYWHERE,
      'booking.read': EVERYWHERE,
      'booking.write': EVERYWHERE,
      'booking.approve': EVERYWHERE,
      'circle.create': ['macouria'],
      'circle.aggregates.read': EVERYWHERE,
      'fund.read': EVERYWHERE,
      'fund.write': EVERYWHERE,
      'donation.write': EVERYWHERE,
      'circular.read': EVERYWHERE,
      'circular.write': EVERYWHERE,
      'report.read': EVERYWHERE,
      'dashboard.manage': EVERYWHERE,
      'config.manage': EVERYWHERE,
    },
  ],
];

describe('can: the grid of roles × actions × centres', () => {
  for (const [name, who, allowed] of GRID) {
    it(`${name}: may do exactly what is listed`, () => {
      const wrong: string[] = [];
      for (const action of actions) {
        for (const where of EVERYWHERE) {
          const expected = (allowed[action] ?? []).includes(where);
          if (can(who, action, SUBJECTS[where]) !== expected) {
            wrong.push(`${action} on ${where}: expected ${expected ? 'allowed' : 'refused'}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('judges a call without a subject as a list', () => {
    expect(can(actor(BEN, managerIn(KOUROU)), 'user.read')).toBe(true);
    expect(can(actor(BEN, staffIn(KOUROU)), 'user.read')).toBe(false);
    expect(can(actor(BEN, managerIn(KOUROU)), 'booking.write')).toBe(false);
    expect(can(null, 'network.read')).toBe(true);
    expect(can(null, 'me.read')).toBe(false);
  });
});

describe('can: restorative circle cases are confidential', () => {
  const caseInKourou: Subject = { centreId: KOUROU, facilitatorIds: [CLE, 'u-dan'] };

  it('lets the case’s own facilitators read and manage it, and no one else', () => {
    const table: [string, Actor | null, boolean, boolean][] = [
      // who, actor, circle.read, circle.manage
      ['a listed facilitator', actor(CLE, facilitatorIn(KOUROU)), true, true],
      [
        'a listed facilitator from another centre',
        actor('u-dan', facilitatorIn(MACOURIA)),
        true,
        true,
      ],
      [
        'a read-only token of a listed facilitator',
        readOnly(actor(CLE, facilitatorIn(KOUROU))),
        true,
        false,
      ],
      [
        'a facilitator of the centre not on the case',
        actor(BEN, facilitatorIn(KOUROU)),
        false,
        false,
      ],
      ['the manager of the centre', actor(BEN, managerIn(KOUROU)), false, false],
      ['the staff of the centre', actor(BEN, staffIn(KOUROU)), false, false],
      ['an admin', actor(ADA, admin), false, false],
      ['the board', actor(ADA, board), false, false],
      ['anonymous', null, false, false],
    ];
    for (const [who, a, read, manage] of table) {
      expect([who, can(a, 'circle.read', caseInKourou)]).toEqual([who, read]);
      expect([who, can(a, 'circle.manage', caseInKourou)]).toEqual([who, manage]);
    }
  });

  it('lets an admin read (never manage) a case only in break-glass mode; nobody else gains by it', () => {
    const glass: Subject = { ...caseInKourou, breakGlass: true };
    expect(can(actor(ADA, admin), 'circle.read', glass)).toBe(true);
    expect(can(actor(ADA, admin), 'circle.manage', glass)).toBe(false);
    for (const a of [
      actor(ADA, board),
      actor(BEN, managerIn(KOUROU)),
      actor(BEN, facilitatorIn(KOUROU)),
      null,
    ]) {
      expect(can(a, 'circle.read', glass)).toBe(false);
    }
  });

  it('refuses a case with no facilitators listed, even to facilitators of its centre', () => {
    const fac = actor(CLE, facilitatorIn(KOUROU));
    expect(can(fac, 'circle.read', { centreId: KOUROU })).toBe(false);
    expect(can(fac, 'circle.read', { centreId: KOUROU, facilitatorIds: [] })).toBe(false);
    expect(can(fac, 'circle.manage', { centreId: KOUROU, facilitatorIds: [] })).toBe(false);
  });

  it('refuses someone listed on the case who no longer holds a facilitator role (board, admin, no role)', () => {
    // The list of a case outlives role changes: being listed alone must not open a case.
    const listedAda: Subject = { centreId: KOUROU, facilitatorIds: [ADA] };
    for (const a of [
      actor(ADA, board),
      actor(ADA, admin),
      actor(ADA),
      actor(ADA, managerIn(KOUROU)),
    ]) {
      expect(can(a, 'circle.read', listedAda)).toBe(false);
      expect(can(a, 'circle.manage', listedAda)).toBe(false);
    }
    // …while a board member who is also a facilitator, and listed, facilitates the case.
    expect(can(actor(ADA, board, facilitatorIn(KOUROU)), 'circle.read', listedAda)).toBe(true);
  });

  it('lets a facilitator open a case in their centre only; not the admin, the manager or the board', () => {
    expect(can(actor(CLE, facilitatorIn(KOUROU)), 'circle.create', { centreId: KOUROU })).toBe(
      true,
    );
    expect(can(actor(CLE, facilitatorIn(KOUROU)), 'circle.create', { centreId: MACOURIA })).toBe(
      false,
    );
    expect(can(actor(CLE, facilitatorIn(KOUROU)), 'circle.create', {})).toBe(false);
    expect(
      can(readOnly(actor(CLE, facilitatorIn(KOUROU))), 'circle.create', { centreId: KOUROU }),
    ).toBe(false);
    expect(can(actor(ADA, admin), 'circle.create', { centreId: KOUROU })).toBe(false);
    expect(can(actor(BEN, managerIn(KOUROU)), 'circle.create', { centreId: KOUROU })).toBe(false);
    expect(can(actor(ADA, board), 'circle.create', { centreId: KOUROU })).toBe(false);
  });
});

describe('can: tokens and profile', () => {
  it('lets anyone signed in manage their own tokens only — the admin included', () => {
    const table: [Actor | null, Subject, boolean][] = [
      [actor(BEN, staffIn(KOUROU)), { ownerId: BEN }, true],
      [actor(BEN, staffIn(KOUROU)), { ownerId: CLE }, false],
      [actor(BEN, staffIn(KOUROU)), {}, true],
      [actor(ADA, admin), { ownerId: ADA }, true],
      [actor(ADA, admin), { ownerId: BEN }, false],
      [actor(ADA, board), { ownerId: ADA }, true],
      [actor(ADA, board), { ownerId: BEN }, false],
      [actor(ADA), { ownerId: ADA }, true],
      [readOnly(actor(ADA, admin)), { ownerId: ADA }, false],
      [readOnly(actor(BEN, staffIn(KOUROU))), {}, false],
      [null, {}, false],
      [null, { ownerId: ADA }, false],
    ];
    for (const [a, s, expected] of table) {
      expect([a?.userId, s, can(a, 'token.manage', s)]).toEqual([a?.userId, s, expected]);
    }
  });

  it('lets any signed-in actor read their profile, read-only tokens included; not anonymous visitors', () => {
    for (const a of [
      actor(ADA),
      actor(ADA, board),
      readOnly(actor(BEN, staffIn(KOUROU))),
      actor(CLE, facilitatorIn(MATOURY)),
    ]) {
      expect(can(a, 'me.read')).toBe(true);
    }
    expect(can(null, 'me.read')).toBe(false);
  });

  it('keeps user.manage and audit.read to the admin', () => {
    for (const a of [
      actor(BEN, managerIn(KOUROU), managerIn(MACOURIA), managerIn(MATOURY)),
      actor(ADA, board),
      actor(BEN, staffIn(KOUROU)),
      actor(CLE, facilitatorIn(KOUROU)),
    ]) {
      for (const s of Object.values(SUBJECTS)) {
        expect(can(a, 'user.manage', s)).toBe(false);
        expect(can(a, 'audit.read', s)).toBe(false);
      }
    }
  });
});

describe('can: dashboards', () => {
  const mine: Subject = { ownerId: ADA };
  const bens: Subject = { ownerId: BEN };
  const shared: Subject = { ownerId: BEN, sharedWithBoard: true };
  const newShared: Subject = { sharedWithBoard: true };

  it('lets report readers arrange their own dashboards, and only theirs', () => {
    const table: [string, Actor | null, Subject, boolean][] = [
      ['board, own', actor(ADA, board), mine, true],
      ['board, another’s personal one', actor(ADA, board), bens, false],
      ['admin, own', actor(ADA, admin), mine, true],
      ['admin, another’s personal one', actor(ADA, admin), bens, false],
      ['manager, own', actor(ADA, managerIn(KOUROU)), mine, true],
      ['manager, a new one', actor(ADA, managerIn(KOUROU)), {}, true],
      // No report.read: no dashboard of one's own either.
      ['staff, own', actor(ADA, staffIn(KOUROU)), mine, false],
      ['facilitator, a new one', actor(ADA, facilitatorIn(KOUROU)), {}, false],
      ['no role, own', actor(ADA), mine, false],
      ['read-only admin token, own', readOnly(actor(ADA, admin)), mine, false],
      ['anonymous', null, {}, false],
    ];
    for (const [who, a, s, expected] of table) {
      expect([who, can(a, 'dashboard.manage', s)]).toEqual([who, expected]);
    }
  });

  it('leaves dashboards shared with the board to the board and the admin, whoever made them', () => {
    // The board is read-only on every figure, yet arranges its own dashboards and the board's:
    // a dashboard only chooses which reports to show, and how.
    for (const s of [shared, newShared]) {
      expect(can(actor(ADA, board), 'dashboard.manage', s)).toBe(true);
      expect(can(actor(ADA, admin), 'dashboard.manage', s)).toBe(true);
      expect(can(actor(BEN, managerIn(KOUROU)), 'dashboard.manage', s)).toBe(false);
      expect(can(actor(BEN, staffIn(KOUROU)), 'dashboard.manage', s)).toBe(false);
      expect(can(readOnly(actor(ADA, board)), 'dashboard.manage', s)).toBe(false);
    }
    // Its maker, a manager, no longer changes it once shared.
    expect(can(actor(BEN, managerIn(KOUROU)), 'dashboard.manage', shared)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const userId = fc.constantFrom(...USERS);
const centreId = fc.constantFrom(...CENTRES);
const networkAssignment: fc.Arbitrary<RoleAssignment> = fc.record({
  role: fc.constantFrom('admin' as const, 'board' as const),
  centreId: fc.constant(null),
});
const centreAssignment: fc.Arbitrary<RoleAssignment> = fc.record({
  role: fc.constantFrom('manager' as const, 'staff' as const, 'facilitator' as const),
  centreId,
});
const assignment = fc.oneof(networkAssignment, centreAssignment);
const anyActor: fc.Arbitrary<Actor> = fc.record(
  { userId, assignments: fc.array(assignment, { maxLength: 5 }), readOnly: fc.boolean() },
  { requiredKeys: ['userId', 'assignments'] },
);
const subject: fc.Arbitrary<Subject> = fc.record(
  {
    centreId: fc.option(centreId, { nil: null }),
    ownerId: userId,
    facilitatorIds: fc.uniqueArray(userId, { maxLength: 3 }),
    sharedWithBoard: fc.boolean(),
  },
  { requiredKeys: [] },
);
const action = fc.constantFrom(...actions);

describe('can: properties', () => {
  it('never lets a read-only actor take a non-read action', () => {
    fc.assert(
      fc.property(anyActor, fc.constantFrom(...WRITE_ACTIONS), subject, (a, act, s) => {
        expect(can({ ...a, readOnly: true }, act, s)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('never gives a read-only actor more than its user', () => {
    fc.assert(
      fc.property(anyActor, action, subject, (a, act, s) => {
        if (can({ ...a, readOnly: true }, act, s))
          expect(can({ ...a, readOnly: false }, act, s)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is monotonic: adding an assignment never takes a permission away', () => {
    fc.assert(
      fc.property(anyActor, assignment, action, subject, (a, extra, act, s) => {
        if (can(a, act, s))
          expect(can({ ...a, assignments: [...a.assignments, extra] }, act, s)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('isolates centres: centre roles in some centres give nothing in another centre', () => {
    const centreScoped: Action[] = [
      'centre.manage',
      'booking.read',
      'booking.write',
      'booking.approve',
      'circle.create',
      'circular.read',
      'circular.write',
      'config.manage',
      'user.read',
      'report.read',
      'circle.aggregates.read',
    ];
    fc.assert(
      fc.property(
        userId,
        fc.array(centreAssignment, { maxLength: 6 }),
        fc.boolean(),
        centreId,
        fc.constantFrom(...centreScoped),
        fc.record(
          { ownerId: userId, facilitatorIds: fc.uniqueArray(userId, { maxLength: 3 }) },
          { requiredKeys: [] },
        ),
        (uid, held, ro, other, act, extra) => {
          fc.pre(!held.some((h) => h.centreId === other));
          const a: Actor = { userId: uid, assignments: held, readOnly: ro };
          expect(can(a, act, { ...extra, centreId: other })).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps the board read-only, and out of circle cases', () => {
    // token.manage is left out: every signed-in user, the board included, manages their own tokens.
    // dashboard.manage too: a dashboard arranges reports and changes no figure (see below).
    const boardNever = WRITE_ACTIONS.filter(
      (a) => a !== 'token.manage' && a !== 'dashboard.manage',
    );
    fc.assert(
      fc.property(userId, fc.constantFrom(...boardNever, 'circle.read'), subject, (uid, act, s) => {
        expect(can(actor(uid, board), act, s)).toBe(false);
      }),
      { numRuns: 1000 },
    );
    // With a circle case that names the board member among its facilitators.
    fc.assert(
      fc.property(
        userId,
        fc.constantFrom('circle.read', 'circle.manage') as fc.Arbitrary<Action>,
        centreId,
        (uid, act, c) => {
          expect(can(actor(uid, board), act, { centreId: c, facilitatorIds: [uid] })).toBe(false);
        },
      ),
    );
  });
});

describe('centreScope', () => {
  const sorted = (s: 'all' | string[]) => (s === 'all' ? s : [...s].sort());

  it('gives the admin every centre for what the admin may do, nothing for circle cases', () => {
    expect(centreScope(actor(ADA, admin), 'user.read')).toBe('all');
    expect(centreScope(actor(ADA, admin), 'audit.read')).toBe('all');
    expect(centreScope(actor(ADA, admin), 'booking.read')).toBe('all');
    expect(centreScope(actor(ADA, admin, managerIn(KOUROU)), 'booking.read')).toBe('all');
    expect(centreScope(actor(ADA, admin), 'circle.read')).toEqual([]);
    expect(centreScope(readOnly(actor(ADA, admin)), 'user.manage')).toEqual([]);
  });

  it('gives centre roles their own centres, each once', () => {
    const ben = actor(
      BEN,
      managerIn(KOUROU),
      managerIn(MACOURIA),
      staffIn(MATOURY),
      managerIn(KOUROU),
    );
    expect(sorted(centreScope(ben, 'user.read'))).toEqual([KOUROU, MACOURIA].sort());
    expect(sorted(centreScope(ben, 'report.read'))).toEqual([KOUROU, MACOURIA].sort());
    expect(sorted(centreScope(ben, 'booking.read'))).toEqual([KOUROU, MACOURIA, MATOURY].sort());
    expect(sorted(centreScope(ben, 'circular.read'))).toEqual([KOUROU, MACOURIA, MATOURY].sort());
    expect(centreScope(actor(CLE, facilitatorIn(MATOURY)), 'booking.read')).toEqual([MATOURY]);
    expect(centreScope(actor(BEN, staffIn(KOUROU)), 'user.read')).toEqual([]);
    expect(centreScope(actor(CLE, facilitatorIn(KOUROU)), 'circular.read')).toEqual([]);
  });

  it('gives the board every centre for its network-wide reads, nothing elsewhere', () => {
    expect(centreScope(actor(ADA, board), 'report.read')).toBe('all');
    expect(centreScope(actor(ADA, board), 'fund.read')).toBe('all');
    expect(centreScope(actor(ADA, board), 'circular.read')).toBe('all');
    expect(centreScope(actor(ADA, board), 'booking.read')).toEqual([]);
    expect(centreScope(actor(ADA, board), 'user.read')).toEqual([]);
    // A board member who also manages Kourou sees Kourou's users only, but every centre's reports.
    expect(centreScope(actor(ADA, board, managerIn(KOUROU)), 'user.read')).toEqual([KOUROU]);
    expect(centreScope(actor(ADA, board, managerIn(KOUROU)), 'report.read')).toBe('all');
  });

  it('is “all” for any admin on every action the admin may take', () => {
    const adminMay = actions.filter(
      (a) => !['circle.create', 'circle.read', 'circle.manage'].includes(a),
    );
    fc.assert(
      fc.property(
        fc.array(assignment, { maxLength: 4 }),
        fc.constantFrom(...adminMay),
        (others, act) => {
          expect(centreScope(actor(ADA, ...others, admin), act)).toBe('all');
        },
      ),
    );
  });

  it('is exactly the manager’s centres for user.read, for any mix of centre roles', () => {
    fc.assert(
      fc.property(fc.array(centreAssignment, { maxLength: 6 }), fc.boolean(), (held, ro) => {
        const managed = new Set(held.filter((h) => h.role === 'manager').map((h) => h.centreId));
        const scope = centreScope({ userId: BEN, assignments: held, readOnly: ro }, 'user.read');
        expect(scope).not.toBe('all');
        expect(sorted(scope)).toEqual([...managed].sort());
      }),
    );
  });

  it('is empty when can refuses, never “all” without a network role, and every centre given passes can', () => {
    fc.assert(
      fc.property(anyActor, action, (a, act) => {
        const scope = centreScope(a, act);
        if (!can(a, act)) expect(scope).toEqual([]);
        if (!a.assignments.some((x) => x.role === 'admin' || x.role === 'board'))
          expect(scope).not.toBe('all');
        if (scope !== 'all') {
          expect(new Set(scope).size).toBe(scope.length);
          for (const c of scope) expect([c, can(a, act, { centreId: c })]).toEqual([c, true]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
