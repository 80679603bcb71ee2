import type { RepStream } from '@lakou/domain/circular';
import {
  findWasteCode,
  type Inflow,
  isIntermediateOperation,
  type Outflow,
  type Reuse,
  type Stream,
  type StreamFamily,
  type Treatment,
} from '@lakou/domain/circular';
import type { CustomFieldDefinition } from '@lakou/domain/config';
import { eq, getTableColumns } from 'drizzle-orm';
import { visibleCustomAt } from '../config/custom-values.ts';
import {
  centres,
  donations,
  inflows,
  materialStreams,
  outflows,
  reuses,
  users,
  wasteFacilities,
} from '../db/schema/index.ts';
import type { Executor } from './circular.queries.ts';

type StreamRow = typeof materialStreams.$inferSelect;

/** A stream as the API shows it: its waste code's wording and whether it is hazardous, from the list. */
export function toStream(row: StreamRow): Stream {
  const entry = row.wasteCode ? findWasteCode(row.wasteCode) : undefined;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    family: row.family as StreamFamily,
    repStream: (row.repStream as RepStream | null) ?? null,
    wasteCode: row.wasteCode,
    wasteCodeDescription: entry?.description ?? null,
    hazardous: entry?.hazardous === true,
    active: row.active,
    sortOrder: row.sortOrder,
  };
}

/** What every movement's view reads besides its own row: its centre's, stream's and author's names. */
const names = {
  centreName: centres.name,
  streamName: materialStreams.name,
  createdByName: users.name,
};

interface Named {
  centreName: string;
  streamName: string;
  createdByName: string | null;
}

type MovementRow = {
  id: string;
  occurredOn: string;
  centreId: string;
  streamId: string;
  massGrams: number;
  measurement: string;
  note: string | null;
  createdAt: Date;
};

function movementBase(row: MovementRow, named: Named) {
  return {
    id: row.id,
    occurredOn: row.occurredOn,
    centreId: row.centreId,
    centreName: named.centreName,
    streamId: row.streamId,
    streamName: named.streamName,
    massGrams: row.massGrams,
    measurement: row.measurement as Inflow['measurement'],
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    createdByName: named.createdByName,
  };
}

export const inflowColumns = {
  ...getTableColumns(inflows),
  ...names,
  donationDescription: donations.description,
};
export type InflowRow = typeof inflows.$inferSelect &
  Named & { donationDescription: string | null };

/** The read model; `customDefs`: the active inflow definitions (any scope), else `custom` is empty. */
export function toInflow(
  row: InflowRow,
  customDefs: readonly CustomFieldDefinition[] = [],
): Inflow {
  return {
    ...movementBase(row, row),
    origin: row.origin as Inflow['origin'],
    donationId: row.donationId,
    donationDescription: row.donationDescription,
    custom: visibleCustomAt(customDefs, row.centreId, row.custom),
  };
}

/** Inflows with the names their view shows; filter, order and page the returned query. */
export function selectInflows(db: Executor) {
  return db
    .select(inflowColumns)
    .from(inflows)
    .innerJoin(centres, eq(centres.id, inflows.centreId))
    .innerJoin(materialStreams, eq(materialStreams.id, inflows.streamId))
    .leftJoin(users, eq(users.id, inflows.createdBy))
    .leftJoin(donations, eq(donations.id, inflows.donationId))
    .$dynamic();
}

export async function inflowView(
  db: Executor,
  id: string,
  customDefs: readonly CustomFieldDefinition[] = [],
): Promise<Inflow | undefined> {
  const [row] = await selectInflows(db).where(eq(inflows.id, id));
  return row ? toInflow(row, customDefs) : undefined;
}

export const reuseColumns = { ...getTableColumns(reuses), ...names };
export type ReuseRow = typeof reuses.$inferSelect & Named;

export function toReuse(row: ReuseRow): Reuse {
  return {
    ...movementBase(row, row),
    kind: row.kind as Reuse['kind'],
    itemCount: row.itemCount,
  };
}

export function selectReuses(db: Executor) {
  return db
    .select(reuseColumns)
    .from(reuses)
    .innerJoin(centres, eq(centres.id, reuses.centreId))
    .innerJoin(materialStreams, eq(materialStreams.id, reuses.streamId))
    .leftJoin(users, eq(users.id, reuses.createdBy))
    .$dynamic();
}

export async function reuseView(db: Executor, id: string): Promise<Reuse | undefined> {
  const [row] = await selectReuses(db).where(eq(reuses.id, id));
  return row ? toReuse(row) : undefined;
}

export const outflowColumns = {
  ...getTableColumns(outflows),
  ...names,
  facilityName: wasteFacilities.name,
  facilitySiret: wasteFacilities.siret,
};
export type OutflowRow = typeof outflows.$inferSelect &
  Named & { facilityName: string; facilitySiret: string };

export function toOutflow(row: OutflowRow): Outflow {
  return {
    ...movementBase(row, row),
    facilityId: row.facilityId,
    facilityName: row.facilityName,
    facilitySiret: row.facilitySiret,
    treatment: row.treatment as Treatment,
    operationCode: row.operationCode,
    intermediate: isIntermediateOperation(row.operationCode),
    transporter: row.transporter,
    trackingRef: row.trackingRef,
  };
}

export function selectOutflows(db: Executor) {
  return db
    .select(outflowColumns)
    .from(outflows)
    .innerJoin(centres, eq(centres.id, outflows.centreId))
    .innerJoin(materialStreams, eq(materialStreams.id, outflows.streamId))
    .innerJoin(wasteFacilities, eq(wasteFacilities.id, outflows.facilityId))
    .leftJoin(users, eq(users.id, outflows.createdBy))
    .$dynamic();
}

export async function outflowView(db: Executor, id: string): Promise<Outflow | undefined> {
  const [row] = await selectOutflows(db).where(eq(outflows.id, id));
  return row ? toOutflow(row) : undefined;
}
