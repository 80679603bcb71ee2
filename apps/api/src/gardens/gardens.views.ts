import type {
  Assignment,
  compostBatch,
  Exposure,
  Garden,
  gardener,
  Harvest,
  HarvestDestination,
  Plot,
  PlotKind,
  waitingRequest,
} from '@lakou/domain/gardens';
import { waitingPositions } from '@lakou/domain/gardens';
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  centres,
  type compostBatches,
  gardeners,
  gardens,
  gardenWaitingList,
  harvests,
  plotAssignments,
  plots,
} from '../db/schema/index.ts';
import { type Executor, yearStart } from './gardens.queries.ts';

type GardenRow = typeof gardens.$inferSelect;
type PlotRow = typeof plots.$inferSelect;
type AssignmentRow = typeof plotAssignments.$inferSelect;
type HarvestRow = typeof harvests.$inferSelect;

/**
 * The API's view of gardens: centre's name, plots, individual plots free today (`plotIsFree`:
 * every period ended before today — written here in SQL for the whole list at once), people
 * waiting and this year's harvest in grams.
 */
export async function toGardens(db: Executor, rows: GardenRow[], today: string): Promise<Garden[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [names, plotCounts, waiting, harvested] = await Promise.all([
    db
      .select({ id: centres.id, name: centres.name })
      .from(centres)
      .where(
        inArray(
          centres.id,
          rows.map((r) => r.centreId),
        ),
      ),
    db
      .select({
        gardenId: plots.gardenId,
        total: sql<number>`count(*)`.mapWith(Number),
        // Written out: drizzle leaves a one-table select's columns unqualified, and a bare "id"
        // inside the sub-select would be the assignment's.
        free: sql<number>`count(*) filter (where ${plots.kind} = 'individual' and not exists (
          select 1 from ${plotAssignments} a
          where a.plot_id = garden_plots.id and (a.ends_on is null or a.ends_on >= ${today})))`.mapWith(
          Number,
        ),
      })
      .from(plots)
      .where(inArray(plots.gardenId, ids))
      .groupBy(plots.gardenId),
    db
      .select({ gardenId: gardenWaitingList.gardenId, n: sql<number>`count(*)`.mapWith(Number) })
      .from(gardenWaitingList)
      .where(and(inArray(gardenWaitingList.gardenId, ids), eq(gardenWaitingList.status, 'waiting')))
      .groupBy(gardenWaitingList.gardenId),
    db
      .select({
        gardenId: harvests.gardenId,
        grams: sql<number>`coalesce(sum(${harvests.grams}), 0)`.mapWith(Number),
      })
      .from(harvests)
      .where(
        and(
          inArray(harvests.gardenId, ids),
          gte(harvests.harvestedOn, yearStart(today)),
          lte(harvests.harvestedOn, today),
        ),
      )
      .groupBy(harvests.gardenId),
  ]);
  return rows.map((row) => {
    const counted = plotCounts.find((p) => p.gardenId === row.id);
    return {
      id: row.id,
      centreId: row.centreId,
      centreName: names.find((n) => n.id === row.centreId)?.name ?? '',
      name: row.name,
      areaM2: row.areaM2,
      gridColumns: row.gridColumns,
      gridRows: row.gridRows,
      resourceId: row.resourceId,
      description: row.description,
      plotCount: counted?.total ?? 0,
      freePlotCount: counted?.free ?? 0,
      waitingCount: waiting.find((w) => w.gardenId === row.id)?.n ?? 0,
      harvestGramsThisYear: harvested.find((h) => h.gardenId === row.id)?.grams ?? 0,
    };
  });
}

export async function gardenView(
  db: Executor,
  id: string,
  today: string,
): Promise<Garden | undefined> {
  const [row] = await db.select().from(gardens).where(eq(gardens.id, id));
  if (!row) return undefined;
  const [view] = await toGardens(db, [row], today);
  return view;
}

/** Plots with the gardeners holding them today (grid order: row, then column). */
export async function toPlots(db: Executor, rows: PlotRow[], today: string): Promise<Plot[]> {
  if (rows.length === 0) return [];
  const current = await db
    .select({
      assignmentId: plotAssignments.id,
      plotId: plotAssignments.plotId,
      gardenerId: plotAssignments.gardenerId,
      name: gardeners.name,
      startsOn: plotAssignments.startsOn,
    })
    .from(plotAssignments)
    .innerJoin(gardeners, eq(gardeners.id, plotAssignments.gardenerId))
    .where(
      and(
        inArray(
          plotAssignments.plotId,
          rows.map((r) => r.id),
        ),
        lte(plotAssignments.startsOn, today),
        or(isNull(plotAssignments.endsOn), gte(plotAssignments.endsOn, today)),
      ),
    )
    .orderBy(asc(plotAssignments.startsOn), asc(gardeners.name));
  return rows.map((row) => ({
    id: row.id,
    gardenId: row.gardenId,
    label: row.label,
    kind: row.kind as PlotKind,
    areaM2: row.areaM2,
    exposure: row.exposure as Exposure,
    row: row.row,
    column: row.column,
    currentGardeners: current
      .filter((a) => a.plotId === row.id)
      .map(({ plotId: _plotId, ...a }) => a),
  }));
}

export async function plotView(db: Executor, id: string, today: string): Promise<Plot | undefined> {
  const [row] = await db.select().from(plots).where(eq(plots.id, id));
  if (!row) return undefined;
  const [view] = await toPlots(db, [row], today);
  return view;
}

export function toGardener(row: typeof gardeners.$inferSelect): z.infer<typeof gardener> {
  return {
    id: row.id,
    centreId: row.centreId,
    name: row.name,
    email: row.email,
    phone: row.phone,
  };
}

/** Assignments with their plot's label and garden, and the gardener's name. */
export async function toAssignments(db: Executor, rows: AssignmentRow[]): Promise<Assignment[]> {
  if (rows.length === 0) return [];
  const [plotRows, people] = await Promise.all([
    db
      .select({ id: plots.id, label: plots.label, gardenId: plots.gardenId })
      .from(plots)
      .where(inArray(plots.id, [...new Set(rows.map((r) => r.plotId))])),
    db
      .select({ id: gardeners.id, name: gardeners.name })
      .from(gardeners)
      .where(inArray(gardeners.id, [...new Set(rows.map((r) => r.gardenerId))])),
  ]);
  return rows.map((row) => {
    const plot = plotRows.find((p) => p.id === row.plotId);
    return {
      id: row.id,
      plotId: row.plotId,
      plotLabel: plot?.label ?? '',
      gardenId: plot?.gardenId ?? '',
      gardenerId: row.gardenerId,
      gardenerName: people.find((g) => g.id === row.gardenerId)?.name ?? '',
      startsOn: row.startsOn,
      endsOn: row.endsOn,
    };
  });
}

export async function assignmentView(db: Executor, id: string): Promise<Assignment | undefined> {
  const [row] = await db.select().from(plotAssignments).where(eq(plotAssignments.id, id));
  if (!row) return undefined;
  const [view] = await toAssignments(db, [row]);
  return view;
}

export type WaitingRequest = z.infer<typeof waitingRequest>;

/** A garden's waiting list, people still waiting only, numbered 1..n in `waitingOrder`. */
export async function waitingListOf(db: Executor, gardenId: string): Promise<WaitingRequest[]> {
  const rows = await db
    .select({
      id: gardenWaitingList.id,
      gardenId: gardenWaitingList.gardenId,
      gardenerId: gardenWaitingList.gardenerId,
      gardenerName: gardeners.name,
      requestedOn: gardenWaitingList.requestedOn,
      note: gardenWaitingList.note,
      createdAt: gardenWaitingList.createdAt,
    })
    .from(gardenWaitingList)
    .innerJoin(gardeners, eq(gardeners.id, gardenWaitingList.gardenerId))
    .where(and(eq(gardenWaitingList.gardenId, gardenId), eq(gardenWaitingList.status, 'waiting')))
    // The rule orders them; the database's order (microseconds, then id) settles exact ties.
    .orderBy(
      asc(gardenWaitingList.requestedOn),
      asc(gardenWaitingList.createdAt),
      asc(gardenWaitingList.id),
    );
  return waitingPositions(rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))).map(
    ({ createdAt: _createdAt, ...r }) => r,
  );
}

/** Harvests with the plot's label and the gardener's name. */
export async function toHarvests(db: Executor, rows: HarvestRow[]): Promise<Harvest[]> {
  if (rows.length === 0) return [];
  const plotIds = [...new Set(rows.flatMap((r) => (r.plotId ? [r.plotId] : [])))];
  const gardenerIds = [...new Set(rows.flatMap((r) => (r.gardenerId ? [r.gardenerId] : [])))];
  const [plotRows, people] = await Promise.all([
    plotIds.length
      ? db
          .select({ id: plots.id, label: plots.label })
          .from(plots)
          .where(inArray(plots.id, plotIds))
      : [],
    gardenerIds.length
      ? db
          .select({ id: gardeners.id, name: gardeners.name })
          .from(gardeners)
          .where(inArray(gardeners.id, gardenerIds))
      : [],
  ]);
  return rows.map((row) => ({
    id: row.id,
    harvestedOn: row.harvestedOn,
    gardenId: row.gardenId,
    plotId: row.plotId,
    plotLabel: plotRows.find((p) => p.id === row.plotId)?.label ?? null,
    gardenerId: row.gardenerId,
    gardenerName: people.find((g) => g.id === row.gardenerId)?.name ?? null,
    crop: row.crop,
    grams: row.grams,
    count: row.count,
    countUnit: row.countUnit as Harvest['countUnit'],
    destination: row.destination as HarvestDestination,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  }));
}

export function toCompostBatch(
  row: typeof compostBatches.$inferSelect,
): z.infer<typeof compostBatch> {
  return {
    id: row.id,
    gardenId: row.gardenId,
    startedOn: row.startedOn,
    inputGrams: row.inputGrams,
    measurement: row.measurement as 'weighed' | 'estimated',
    readyOn: row.readyOn,
    compostGrams: row.compostGrams,
  };
}
