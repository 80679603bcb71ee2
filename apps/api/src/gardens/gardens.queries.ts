import { z } from '@hono/zod-openapi';
import { type Action, centreScope, type Subject } from '@lakou/domain/identity';
import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Context } from 'hono';
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../db/client.ts';
import {
  compostBatches,
  gardeners,
  gardens,
  gardenWaitingList,
  harvests,
  plotAssignments,
  plots,
} from '../db/schema/index.ts';
import type { SubjectOf } from '../http/policy.ts';
import type { ApiEnv } from '../http/router.ts';

/** A database handle or an open transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

/** The OpenAPI tag of every gardens route. */
export const GARDEN_TAGS = ['Jardins partagés'];

/** The gardens keep French Guiana's calendar. */
export const GARDENS_TIME_ZONE = 'America/Cayenne';

/** Today in Guyane (AAAA-MM-JJ): dates after it are refused, "current" means on this day. */
export function gardensToday(): string {
  return Temporal.Now.plainDateISO(GARDENS_TIME_ZONE).toString();
}

const NONE = '00000000-0000-0000-0000-000000000000';
const isUuid = (v: unknown): v is string => typeof v === 'string' && z.uuid().safeParse(v).success;

type CentreLookup = (db: Executor, id: string) => Promise<string | undefined>;

export const centreOfGarden: CentreLookup = async (db, id) => {
  const [row] = await db
    .select({ centreId: gardens.centreId })
    .from(gardens)
    .where(eq(gardens.id, id));
  return row?.centreId;
};

export const centreOfPlot: CentreLookup = async (db, id) => {
  const [row] = await db
    .select({ centreId: gardens.centreId })
    .from(plots)
    .innerJoin(gardens, eq(gardens.id, plots.gardenId))
    .where(eq(plots.id, id));
  return row?.centreId;
};

export const centreOfGardener: CentreLookup = async (db, id) => {
  const [row] = await db
    .select({ centreId: gardeners.centreId })
    .from(gardeners)
    .where(eq(gardeners.id, id));
  return row?.centreId;
};

export const centreOfAssignment: CentreLookup = async (db, id) => {
  const [row] = await db
    .select({ centreId: gardens.centreId })
    .from(plotAssignments)
    .innerJoin(plots, eq(plots.id, plotAssignments.plotId))
    .innerJoin(gardens, eq(gardens.id, plots.gardenId))
    .where(eq(plotAssignments.id, id));
  return row?.centreId;
};

export const centreOfWaitingRequest: CentreLookup = async (db, id) => {
  const [row] = await db
    .select({ centreId: gardens.centreId })
    .from(gardenWaitingList)
    .innerJoin(gardens, eq(gardens.id, gardenWaitingList.gardenId))
    .where(eq(gardenWaitingList.id, id));
  return row?.centreId;
};

export const centreOfHarvest: CentreLookup = async (db, id) => {
  const [row] = await db
    .select({ centreId: gardens.centreId })
    .from(harvests)
    .innerJoin(gardens, eq(gardens.id, harvests.gardenId))
    .where(eq(harvests.id, id));
  return row?.centreId;
};

export const centreOfCompostBatch: CentreLookup = async (db, id) => {
  const [row] = await db
    .select({ centreId: compostBatches.centreId })
    .from(compostBatches)
    .where(eq(compostBatches.id, id));
  return row?.centreId;
};

/**
 * The subject of a route on one row named in the path: its centre. A row that does not exist
 * belongs to no centre: readers of some centre get the 404, and of writers only the admin.
 */
export function pathCentre(lookup: CentreLookup): SubjectOf {
  return async (c: Context<ApiEnv>): Promise<Subject> => {
    const id = c.req.param('id');
    return { centreId: isUuid(id) ? await lookup(c.var.db, id) : undefined };
  };
}

/** The subject of a write whose JSON body names a row (`gardenId`, `plotId`…): that row's centre. */
export function bodyCentreOf(field: string, lookup: CentreLookup): SubjectOf {
  return async (c: Context<ApiEnv>): Promise<Subject> => {
    let value: unknown;
    try {
      value = ((await c.req.json()) as Record<string, unknown>)[field];
    } catch {
      value = undefined;
    }
    return { centreId: isUuid(value) ? ((await lookup(c.var.db, value)) ?? null) : null };
  };
}

/**
 * The subject of a list: the centre of the garden, plot or gardener it is narrowed to, or the
 * centre asked for; none (any reader, rows narrowed by scope) otherwise.
 */
export function queryCentre(
  params: Partial<Record<'gardenId' | 'plotId' | 'gardenerId', CentreLookup>>,
): SubjectOf {
  return async (c: Context<ApiEnv>): Promise<Subject> => {
    for (const [name, lookup] of Object.entries(params)) {
      const value = c.req.query(name);
      if (isUuid(value) && lookup) {
        const centreId = await lookup(c.var.db, value);
        if (centreId) return { centreId };
      }
    }
    const centreId = c.req.query('centreId');
    return centreId === undefined ? {} : { centreId };
  };
}

/** Rows of the centres the actor may see for `action` (`column` holds the centre): a condition, or none for all. */
export function scopeCondition(
  c: Context<ApiEnv>,
  column: PgColumn,
  action: Action = 'circular.read',
): SQL | undefined {
  const actor = c.var.actor;
  const scope = actor ? centreScope(actor, action) : [];
  if (scope === 'all') return undefined;
  return inArray(column, scope.length ? scope : [NONE]);
}

/** The first day of `today`'s year. */
export function yearStart(today: string): string {
  return `${today.slice(0, 4)}-01-01`;
}

/** `count(*)` as a number. */
export const countAll = () => sql<number>`count(*)`.mapWith(Number);
