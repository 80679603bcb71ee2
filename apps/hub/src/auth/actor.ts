import type { Actor, Me, Role, RoleAssignment } from '@lakou/domain/identity';

/*
 * Pure helpers of the hub's session: who is signed in, what their roles read as, where to go
 * after signing in. No React, no fetch: unit-tested in Node. Only types come from the domain
 * here, so this stays out of the first download (see policy.ts).
 */

/** The actor the domain's `can` judges, built from `/api/me`; `null` is a visitor. */
export function actorOf(me: Me | null | undefined): Actor | null {
  if (!me) return null;
  return { userId: me.id, assignments: me.roles, readOnly: me.readOnly };
}

/** The roles in the order the hub lists them: network roles first, then centre roles. */
export const roleOrder: readonly Role[] = ['admin', 'board', 'manager', 'staff', 'facilitator'];

/** Sorts assignments by role (in `roleOrder`) then by centre name. */
export function sortAssignments(
  assignments: readonly RoleAssignment[],
  centreName: (centreId: string) => string,
): RoleAssignment[] {
  return [...assignments].sort(
    (a, b) =>
      roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) ||
      (a.centreId ? centreName(a.centreId) : '').localeCompare(
        b.centreId ? centreName(b.centreId) : '',
        'fr',
      ),
  );
}

/**
 * One role as people read it: « Responsable de centre — Village Chinois », or the role alone
 * for the network-wide roles.
 */
export function assignmentLabel(
  assignment: RoleAssignment,
  roleLabel: (role: Role) => string,
  centreName: (centreId: string) => string,
): string {
  const label = roleLabel(assignment.role);
  return assignment.centreId ? `${label} — ${centreName(assignment.centreId)}` : label;
}

/** "Aline Administratrice" → "AA": a badge that still says who is signed in on a phone. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toLocaleUpperCase('fr');
}

const FALLBACK = '/';
/** Pages a successful sign-in must not land on again. */
const AUTH_PAGES = ['/sign-in', '/forgot-password', '/reset-password'];

/**
 * Where to go after signing in: the `redirect` search value if it is a path on this site
 * (`/admin/users?page=2`), otherwise the home page. Absolute URLs, protocol-relative `//host`,
 * backslash tricks, `javascript:` and control characters are all refused, so a crafted link
 * cannot send a user elsewhere once signed in.
 */
export function safeRedirect(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return FALLBACK;
  // Browsers treat "\" like "/" and ignore tabs and newlines inside URLs.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return FALLBACK;
  if (!value.startsWith('/') || value.startsWith('//')) return FALLBACK;
  let url: URL;
  try {
    const base = 'https://lakou.invalid';
    url = new URL(value, base);
    if (url.origin !== base) return FALLBACK;
  } catch {
    return FALLBACK;
  }
  if (AUTH_PAGES.includes(url.pathname)) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}
