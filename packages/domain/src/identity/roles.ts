import { z } from 'zod';

import { isNetworkRole, roles } from './role-names.ts';

export { isNetworkRole, NETWORK_ROLES, type Role, roles } from './role-names.ts';

export const role = z.enum(roles, { error: `Rôle attendu : ${roles.join(', ')}.` });

/** One role held by a user: in a centre, or (for admin and board) across the network. */
export const roleAssignment = z
  .object({
    role,
    // Lower case, as PostgreSQL writes UUIDs: the same centre typed twice in two cases is one.
    centreId: z
      .uuid({ error: 'Identifiant de centre invalide.' })
      .transform((id) => id.toLowerCase())
      .nullable(),
  })
  .superRefine((a, ctx) => {
    if (isNetworkRole(a.role) && a.centreId !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['centreId'],
        message: `Le rôle ${a.role} vaut pour tout le réseau : pas de centre.`,
      });
    }
    if (!isNetworkRole(a.role) && a.centreId === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['centreId'],
        message: `Le rôle ${a.role} s’exerce dans un centre : choisissez-le.`,
      });
    }
  })
  .meta({ id: 'RoleAssignment' });
export type RoleAssignment = z.infer<typeof roleAssignment>;

/** A user's whole set of roles: no duplicates. */
export const roleAssignments = z
  .array(roleAssignment)
  .max(100)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    for (const a of list) {
      const key = `${a.role}@${a.centreId ?? '*'}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `Rôle en double : ${a.role}.` });
      seen.add(key);
    }
  });
