import type { RoleAssignment } from '@lakou/domain/identity';
import type { CentreSummary } from '@lakou/domain/network';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { centresQuery } from '../api/queries.ts';
import { assignmentLabel } from '../auth/actor.ts';

/** Every centre of the network (a handful): enough to name the centres of roles. */
export const allCentresFilters = { pageSize: 100, sort: 'name' } as const;

export function useCentres(): CentreSummary[] {
  return useQuery(centresQuery({ ...allCentresFilters })).data?.items ?? [];
}

/** The name of a centre by id; the id itself until the list has loaded. */
export function useCentreName(): (centreId: string) => string {
  const centres = useCentres();
  const names = useMemo(() => new Map(centres.map((c) => [c.id, c.name])), [centres]);
  return useCallback((centreId: string) => names.get(centreId) ?? centreId, [names]);
}

/** « Responsable de centre — Centre SECCOIA du Village Chinois », in the current language. */
export function useAssignmentLabel(): (assignment: RoleAssignment) => string {
  const { t } = useTranslation();
  const centreName = useCentreName();
  return useCallback(
    (assignment: RoleAssignment) =>
      assignmentLabel(assignment, (role) => t(`roles.${role}`), centreName),
    [t, centreName],
  );
}
