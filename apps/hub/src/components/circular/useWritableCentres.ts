import type { CentreSummary } from '@lakou/domain/network';
import { useCan } from '../../auth/session.ts';
import { useCentres } from '../useCentreNames.ts';

/** The centres where the signed-in user may record movements (`circular.write`). */
export function useWritableCentres(): CentreSummary[] {
  const can = useCan();
  return useCentres().filter((c) => can('circular.write', { centreId: c.id }));
}

/** The centres whose circular economy the user reads (`circular.read`). */
export function useReadableCentres(): CentreSummary[] {
  const can = useCan();
  return useCentres().filter((c) => can('circular.read', { centreId: c.id }));
}
