import type { Subject } from '@lakou/domain/identity';
import { centreScope } from '@lakou/domain/identity';
import { and, asc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Context } from 'hono';
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../db/client.ts';
import {
  centres,
  type inflows,
  materialStreams,
  organisations,
  type outflows,
  type reuses,
} from '../db/schema/index.ts';
import type { ApiEnv } from '../http/router.ts';
import { CircularRefusal } from './circular.refusal.ts';

/** A database handle or an open transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

/** The centres keep their waste books in French Guiana's calendar. */
export const CIRCULAR_TIME_ZONE = 'America/Cayenne';

/** Today in Cayenne (AAAA-MM-JJ): no movement is recorded after it. */
export function circularToday(now: Temporal.Instant = Temporal.Now.instant()): string {
  return now.toZonedDateTimeISO(CIRCULAR_TIME_ZONE).toPlainDate().toString();
}

/** A movement's date may not be after today: the 422 on `occurredOn`. */
export function refuseFutureDate(occurredOn: string): void {
  if (occurredOn > circularToday()) {
    throw new CircularRefusal(
      422,
      'La date ne peut pas être dans le futur : on enregistre ce qui a eu lieu.',
      'DATE_IN_FUTURE',
      'occurredOn',
    );
  }
}

/** The organisation this installation serves (the first one), or undefined before the seed. */
export async function organisationId(db: Executor): Promise<string | undefined> {
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  return org?.id;
}

export async function requireOrganisation(db: Executor): Promise<string> {
  const org = await organisationId(db);
  if (!org)
    throw new CircularRefusal(422, 'Le réseau n’est pas encore configuré.', 'NO_ORGANISATION');
  return org;
}

/** The stream a movement names: of the organisation and active, else a 422 on `streamId`. */
export async function activeStream(db: Executor, org: string, streamId: string) {
  const [stream] = await db
    .select()
    .from(materialStreams)
    .where(and(eq(materialStreams.id, streamId), eq(materialStreams.organisationId, org)));
  if (!stream)
    throw new CircularRefusal(422, 'Ce flux n’existe pas.', 'UNKNOWN_STREAM', 'streamId');
  if (!stream.active) {
    throw new CircularRefusal(
      422,
      `Le flux « ${stream.name} » est désactivé : il ne reçoit plus de mouvement.`,
      'STREAM_INACTIVE',
      'streamId',
    );
  }
  return stream;
}

/** The centre a movement names: of the organisation, else a 422 on `centreId`. */
export async function knownCentre(db: Executor, org: string, centreId: string) {
  const [centre] = await db
    .select({ id: centres.id, name: centres.name })
    .from(centres)
    .where(and(eq(centres.id, centreId), eq(centres.organisationId, org)));
  if (!centre)
    throw new CircularRefusal(422, 'Ce centre n’existe pas.', 'UNKNOWN_CENTRE', 'centreId');
  return centre;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type MovementTable = typeof inflows | typeof reuses | typeof outflows;

/**
 * The policy subject of a route on one movement (`/{id}`): the movement's centre. An unknown
 * movement belongs to no centre, so only the admin goes on to the 404.
 */
export function movementCentre(table: MovementTable) {
  return async (c: Context<ApiEnv>): Promise<Subject> => {
    const id = c.req.param('id') ?? '';
    if (!UUID.test(id)) return { centreId: null };
    const [row] = await c.var.db
      .select({ centreId: table.centreId })
      .from(table)
      .where(eq(table.id, id));
    return { centreId: row?.centreId ?? null };
  };
}

/** The subject of a list: the centre it is filtered on, if any (one outside the reader's scope is a 403). */
export const queryCentre = (c: Context<ApiEnv>): Subject => ({ centreId: c.req.query('centreId') });

/** Centres whose rows the actor may read (`circular.read`): every one, or these. */
export function readScope(c: Context<ApiEnv>): 'all' | string[] {
  const actor = c.var.actor;
  return actor ? centreScope(actor, 'circular.read') : [];
}

/** The filter keeping a list to the reader's centres. */
export function inScope(column: PgColumn, scope: 'all' | readonly string[]): SQL | undefined {
  if (scope === 'all') return undefined;
  return scope.length ? inArray(column, [...scope]) : sql`false`;
}

export interface MovementFilter {
  centreId?: string;
  streamId?: string;
  from?: string;
  to?: string;
}

/** The conditions of a movement list: the reader's centres, then the query's filters. */
export function movementConditions(
  table: MovementTable,
  query: MovementFilter,
  scope: 'all' | readonly string[],
): SQL | undefined {
  const conditions: (SQL | undefined)[] = [inScope(table.centreId, scope)];
  if (query.centreId) conditions.push(eq(table.centreId, query.centreId));
  if (query.streamId) conditions.push(eq(table.streamId, query.streamId));
  if (query.from) conditions.push(gte(table.occurredOn, query.from));
  if (query.to) conditions.push(lte(table.occurredOn, query.to));
  const present = conditions.filter((c): c is SQL => c !== undefined);
  return present.length ? and(...present) : undefined;
}

/** The number of a movement table's rows that match `where`: a list's total, counted on its own. */
export async function countMovements(
  db: Executor,
  table: MovementTable,
  where: SQL | undefined,
): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(table)
    .where(where);
  return r?.n ?? 0;
}
