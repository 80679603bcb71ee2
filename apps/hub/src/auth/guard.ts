import type { Action, Me, Role, Subject } from '@lakou/domain/identity';
import type { QueryClient } from '@tanstack/react-query';
import { type ParsedLocation, redirect } from '@tanstack/react-router';
import { meQuery } from '../api/identity.ts';
import { actorOf } from './actor.ts';
import { loadPolicy, rolesAllowed } from './policy.ts';

/** Thrown by a guard when the signed-in user may not open the page; rendered as « Accès non autorisé ». */
export class AccessDenied extends Error {
  /** The roles that would open the page (empty when unknown, e.g. a 403 from the API). */
  readonly roles: Role[];

  constructor(roles: Role[] = []) {
    super('Access denied');
    this.name = 'AccessDenied';
    this.roles = roles;
  }
}

interface GuardArgs {
  context: { queryClient: QueryClient };
  location: ParsedLocation;
}

/** The signed-in user, or a redirect to the sign-in page that brings them back here after. */
export async function requireSignedIn({ context, location }: GuardArgs): Promise<{ me: Me }> {
  const me = await context.queryClient.ensureQueryData(meQuery());
  if (!me) {
    throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  }
  return { me };
}

/**
 * A `beforeLoad` for pages behind `action`: visitors go to sign in, users without the right
 * role get the « Accès non autorisé » page naming the roles that would open it.
 */
export function requirePermission(action: Action, subjectOf?: (args: GuardArgs) => Subject) {
  return async (args: GuardArgs): Promise<{ me: Me }> => {
    const [{ me }, policy] = await Promise.all([requireSignedIn(args), loadPolicy()]);
    if (!policy.can(actorOf(me), action, subjectOf?.(args))) {
      throw new AccessDenied(rolesAllowed(policy, action));
    }
    return { me };
  };
}
