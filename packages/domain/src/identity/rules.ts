/**
 * The identity rules without the schemas (no zod): what a client needs to judge what someone
 * may do, loaded before the first page of a signed-in person (the hub's `auth/policy.ts`).
 */
export * from './policy.ts';
export { isNetworkRole, NETWORK_ROLES, type Role, roles } from './role-names.ts';
