import type { Role } from './role-names.ts';
import type { RoleAssignment } from './roles.ts';

/**
 * Who is asking. `null` is an anonymous visitor. A personal access token acts as its user,
 * restricted to reading when `readOnly` is set: a token never has more rights than its user.
 */
export interface Actor {
  userId: string;
  assignments: readonly RoleAssignment[];
  readOnly?: boolean;
}

/** What a subject may carry for the rules to judge: the centre it belongs to, its owner, a case's facilitators. */
export interface Subject {
  centreId?: string | null;
  ownerId?: string;
  facilitatorIds?: readonly string[];
  /**
   * A network admin asks to read a confidential case in "break-glass" mode, giving a reason
   * (the API audits it before the rule is even judged).
   */
  breakGlass?: boolean;
  /** A dashboard shared with the whole board, rather than its owner's own. */
  sharedWithBoard?: boolean;
}

/**
 * Every action the API guards. `*.read` actions are the only ones a read-only token may take.
 * Later contexts (booking, circles, fund, circular, reports, configuration) are named here
 * already so their routes can only be written against a rule.
 */
export const actions = [
  'network.read',
  'centre.manage',
  'me.read',
  'token.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'booking.read',
  'booking.write',
  'booking.approve',
  'circle.create',
  'circle.read',
  'circle.manage',
  'circle.aggregates.read',
  'fund.read',
  'fund.write',
  'donation.write',
  'circular.read',
  'circular.write',
  'report.read',
  'dashboard.manage',
  'config.manage',
] as const;
export type Action = (typeof actions)[number];

type Rule = (actor: Actor, subject: Subject) => boolean;

const holds = (actor: Actor, r: Role) => actor.assignments.some((a) => a.role === r);
/** Holds `r` in the subject's centre (a subject without a centre matches no centre role). */
const holdsIn = (actor: Actor, rs: readonly Role[], subject: Subject) =>
  subject.centreId != null &&
  actor.assignments.some((a) => rs.includes(a.role) && a.centreId === subject.centreId);
/** Holds one of `rs` in some centre: for lists, whose rows are then narrowed by `centreScope`. */
const holdsAnywhere = (actor: Actor, rs: readonly Role[]) =>
  actor.assignments.some((a) => rs.includes(a.role));
const isAdmin = (actor: Actor) => holds(actor, 'admin');
const isBoard = (actor: Actor) => holds(actor, 'board');

/**
 * Listed among a case's facilitators *and* still a facilitator: the list of a case outlives role
 * changes, so a former facilitator now on the board (or with no role) is not let in by it.
 */
const isCaseFacilitator = (actor: Actor, subject: Subject) =>
  holds(actor, 'facilitator') && (subject.facilitatorIds ?? []).includes(actor.userId);

/** The centre roles that do day-to-day work in a centre. */
const CENTRE_TEAM: readonly Role[] = ['manager', 'staff'];

const rules: Record<Action, Rule> = {
  'network.read': () => true,
  'centre.manage': (a, s) => isAdmin(a) || holdsIn(a, ['manager'], s),
  'me.read': () => true,
  'token.manage': (a, s) => s.ownerId === undefined || s.ownerId === a.userId,
  // A list without a centre is allowed to those who may see some centre; rows are narrowed.
  'user.read': (a, s) =>
    isAdmin(a) ||
    (s.centreId === undefined ? holdsAnywhere(a, ['manager']) : holdsIn(a, ['manager'], s)),
  'user.manage': (a) => isAdmin(a),
  'audit.read': (a) => isAdmin(a),
  'booking.read': (a, s) =>
    isAdmin(a) ||
    (s.centreId === undefined
      ? holdsAnywhere(a, [...CENTRE_TEAM, 'facilitator'])
      : holdsIn(a, [...CENTRE_TEAM, 'facilitator'], s)),
  'booking.write': (a, s) => isAdmin(a) || holdsIn(a, CENTRE_TEAM, s),
  'booking.approve': (a, s) => isAdmin(a) || holdsIn(a, ['manager'], s),
  'circle.create': (a, s) => holdsIn(a, ['facilitator'], s),
  // Confidential: a case's facilitators only — not the board; an admin only in audited
  // break-glass mode, and only to read.
  'circle.read': (a, s) => isCaseFacilitator(a, s) || (isAdmin(a) && s.breakGlass === true),
  'circle.manage': (a, s) => isCaseFacilitator(a, s),
  'circle.aggregates.read': (a, s) =>
    isAdmin(a) ||
    isBoard(a) ||
    (s.centreId === undefined ? holdsAnywhere(a, ['manager']) : holdsIn(a, ['manager'], s)),
  // The fund is read by the board and the managers, who take gifts at the centres' desks;
  // managers record donors, gifts and receipts; grants, disbursements and corrections are the
  // network admin's (the fund's treasurer).
  'fund.read': (a) => isAdmin(a) || isBoard(a) || holdsAnywhere(a, ['manager']),
  'fund.write': (a) => isAdmin(a),
  'donation.write': (a, s) =>
    isAdmin(a) || (s.centreId == null ? holdsAnywhere(a, ['manager']) : holdsIn(a, ['manager'], s)),
  'circular.read': (a, s) =>
    isAdmin(a) ||
    isBoard(a) ||
    (s.centreId === undefined ? holdsAnywhere(a, CENTRE_TEAM) : holdsIn(a, CENTRE_TEAM, s)),
  'circular.write': (a, s) => isAdmin(a) || holdsIn(a, CENTRE_TEAM, s),
  'report.read': (a, s) =>
    isAdmin(a) ||
    isBoard(a) ||
    (s.centreId === undefined ? holdsAnywhere(a, ['manager']) : holdsIn(a, ['manager'], s)),
  // Dashboards arrange reports, they change no figure: whoever reads reports arranges their own
  // (a subject without an owner is one being made); one shared with the whole board is the
  // board's and the admin's to change.
  'dashboard.manage': (a, s) =>
    s.sharedWithBoard === true
      ? isAdmin(a) || isBoard(a)
      : rules['report.read'](a, {}) && (s.ownerId === undefined || s.ownerId === a.userId),
  'config.manage': (a, s) => isAdmin(a) || (s.centreId != null && holdsIn(a, ['manager'], s)),
};

/** Actions open to visitors who are not signed in. */
const PUBLIC_ACTIONS: ReadonlySet<Action> = new Set(['network.read']);

export function isReadAction(action: Action): boolean {
  return action.endsWith('.read');
}

/**
 * The one permission rule of Lakou, used by every API route and by the hub to hide what a
 * user cannot do. Anonymous visitors may only take public actions; read-only tokens only reads.
 */
export function can(actor: Actor | null, action: Action, subject: Subject = {}): boolean {
  if (actor === null) return PUBLIC_ACTIONS.has(action);
  if (actor.readOnly && !isReadAction(action)) return false;
  return rules[action](actor, subject);
}

/**
 * Which centres' rows a list may show for `action`: every centre, or only these. Network roles
 * that the rule admits for the whole network see all; centre roles see their own centres.
 */
export function centreScope(actor: Actor, action: Action): 'all' | string[] {
  if (!can(actor, action)) return [];
  const networkWide = actor.assignments.some(
    (a) => a.centreId === null && can({ ...actor, assignments: [a] }, action, { centreId: null }),
  );
  if (networkWide || actor.assignments.some((a) => a.role === 'admin')) return 'all';
  const centres = new Set<string>();
  for (const a of actor.assignments) {
    if (a.centreId && can({ ...actor, assignments: [a] }, action, { centreId: a.centreId }))
      centres.add(a.centreId);
  }
  return [...centres];
}
