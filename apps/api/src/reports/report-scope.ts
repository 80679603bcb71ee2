import { type Action, type Actor, can, centreScope } from '@lakou/domain/identity';
import type { ReportFilters } from '@lakou/reports/model';
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { centres as centresTable } from '../db/schema/index.ts';
import type { ReportCentre, ReportSource } from './report.source.ts';

/** Why a reader may not have the centres asked for, in French, with the status to answer. */
export interface ScopeRefusal {
  status: 400 | 403;
  detail: string;
}

export type ReportScope =
  | { ok: true; centres: ReportCentre[]; wholeNetwork: boolean }
  | ({ ok: false } & ScopeRefusal);

/** The centres where the actor may take every action: `all`, or a list (intersections of lists). */
function scopeOf(actor: Actor, actions: readonly Action[]): 'all' | string[] {
  let scope: 'all' | string[] = 'all';
  for (const action of actions) {
    const next = centreScope(actor, action);
    if (next === 'all') continue;
    scope = scope === 'all' ? next : scope.filter((id) => next.includes(id));
  }
  return scope;
}

/** The permissions a report asks: `report.read`, and its source's own when it has one. */
export function actionsOf(source: ReportSource): Action[] {
  return source.alsoRequires ? ['report.read', source.alsoRequires] : ['report.read'];
}

/** Whether the actor may read a report at all (in some centre, or network-wide). */
export function mayRead(actor: Actor, source: ReportSource): boolean {
  return actionsOf(source).every((action) => can(actor, action));
}

/**
 * The centres a report covers for this reader: their scope (`report.read` and the source's own
 * permission), narrowed by `filters.centreIds`. A centre that does not exist is a 400, one outside
 * the scope a 403; with no filter, a network-wide reader covers the whole network.
 */
export async function reportScope(
  db: Db,
  actor: Actor,
  source: ReportSource,
  filters: ReportFilters,
): Promise<ReportScope> {
  const scope = scopeOf(actor, actionsOf(source));
  const asked = [...new Set(filters.centreIds.map((id) => id.toLowerCase()))];
  if (asked.length > 0) {
    const found = await db
      .select({ id: centresTable.id, name: centresTable.name })
      .from(centresTable)
      .where(inArray(centresTable.id, asked))
      .orderBy(asc(centresTable.name));
    if (found.length < asked.length)
      return { ok: false, status: 400, detail: 'Un des centres demandés n’existe pas.' };
    if (scope !== 'all' && asked.some((id) => !scope.includes(id)))
      return {
        ok: false,
        status: 403,
        detail:
          'Un des centres demandés n’est pas dans votre périmètre : ses chiffres ne vous sont pas ouverts.',
      };
    return { ok: true, centres: found, wholeNetwork: false };
  }
  if (scope === 'all') {
    const all = await db
      .select({ id: centresTable.id, name: centresTable.name })
      .from(centresTable)
      .orderBy(asc(centresTable.name));
    return { ok: true, centres: all, wholeNetwork: true };
  }
  if (scope.length === 0)
    return {
      ok: false,
      status: 403,
      detail: 'Aucun centre n’est dans votre périmètre pour ce rapport.',
    };
  const mine = await db
    .select({ id: centresTable.id, name: centresTable.name })
    .from(centresTable)
    .where(inArray(centresTable.id, scope))
    .orderBy(asc(centresTable.name));
  return { ok: true, centres: mine, wholeNetwork: false };
}
