import type { Action, Actor, Subject } from '@lakou/domain/identity';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { meQuery } from '../api/identity.ts';
import { actorOf } from './actor.ts';
import { type Policy, usePolicy } from './policy.ts';

/** The signed-in user: `undefined` while unknown, `null` for a visitor. */
export function useMe() {
  return useQuery(meQuery()).data;
}

/** The actor the domain's rules judge, or `null` for a visitor (or while the session loads). */
export function useActor(): Actor | null {
  const me = useMe();
  return useMemo(() => actorOf(me), [me]);
}

export type CanFn = (action: Action, subject?: Subject) => boolean;

/** `can` bound to an actor; `false` for everything until the rules have loaded. */
export function canFor(policy: Pick<Policy, 'can'> | undefined, actor: Actor | null): CanFn {
  return (action, subject) => (policy ? policy.can(actor, action, subject) : false);
}

/**
 * `can(action, subject?)` for the signed-in user, with the very rule the API enforces
 * (`can` from @lakou/domain/identity). The hub uses it only to hide what would be refused.
 */
export function useCan(): CanFn {
  const actor = useActor();
  const policy = usePolicy(actor !== null);
  return useCallback(canFor(policy, actor), [policy, actor]);
}
