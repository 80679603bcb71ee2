/**
 * The five roles. `admin` and `board` span the whole network; `manager`, `staff` and
 * `facilitator` are held in one or more centres. (Without zod: the hub's rules load with these.)
 */
export const roles = ['admin', 'manager', 'staff', 'facilitator', 'board'] as const;
export type Role = (typeof roles)[number];

export const NETWORK_ROLES: readonly Role[] = ['admin', 'board'];

export function isNetworkRole(r: Role): boolean {
  return NETWORK_ROLES.includes(r);
}
