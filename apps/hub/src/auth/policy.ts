import type { Action, Role } from '@lakou/domain/identity';
import { useEffect, useSyncExternalStore } from 'react';
import { roleOrder } from './actor.ts';

/**
 * The domain's identity rules (`can`, `centreScope` …), loaded on demand. They come with zod
 * schemas that visitors of the public pages never need, so the first download of the hub leaves
 * them out; they load as soon as someone is signed in or a guarded page is opened.
 */
export type Policy = typeof import('@lakou/domain/identity/rules');

let loaded: Policy | undefined;
let loading: Promise<Policy> | undefined;
const listeners = new Set<() => void>();

export function loadPolicy(): Promise<Policy> {
  loading ??= import('@lakou/domain/identity/rules').then((policy) => {
    loaded = policy;
    for (const listener of listeners) listener();
    return policy;
  });
  return loading;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The rules once loaded (`undefined` until then); starts loading them when `wanted`. */
export function usePolicy(wanted: boolean): Policy | undefined {
  const policy = useSyncExternalStore(
    subscribe,
    () => loaded,
    () => loaded,
  );
  useEffect(() => {
    if (wanted) void loadPolicy();
  }, [wanted]);
  return policy;
}

/** Stands for "some centre" when asking the rules what a role may do somewhere. */
const ANY_ID = '00000000-0000-4000-8000-000000000000';

/**
 * The roles that open a page guarded by `action`, asked of the domain's rules themselves
 * (so the « Accès non autorisé » page can never disagree with them).
 */
export function rolesAllowed(
  policy: Pick<Policy, 'can' | 'isNetworkRole'>,
  action: Action,
): Role[] {
  return roleOrder.filter((role) =>
    policy.can(
      {
        userId: ANY_ID,
        assignments: [{ role, centreId: policy.isNetworkRole(role) ? null : ANY_ID }],
      },
      action,
    ),
  );
}
