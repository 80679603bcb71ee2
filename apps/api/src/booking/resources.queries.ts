import type { Resource, ResourceInput, ResourceListQuery } from '@lakou/domain/booking';
import { type Page, pageOffset, searchKey } from '@lakou/domain/shared';
import { and, asc, eq, gte, inArray, like, type SQL, sql } from 'drizzle-orm';
import { type Db, preparedPerDb } from '../db/client.ts';
import { countColumn, toPage, totalColumn } from '../db/paginate.ts';
import { resources } from '../db/schema/index.ts';
import { likeContains } from '../network/centres.queries.ts';

type ResourceRow = typeof resources.$inferSelect;

export function toResource(row: ResourceRow): Resource {
  return {
    id: row.id,
    centreId: row.centreId,
    kind: row.kind as Resource['kind'],
    name: row.name,
    description: row.description,
    capacity: row.capacity,
    amenities: row.amenities,
    stepFree: row.stepFree,
    bookableHours: row.bookableHours as Resource['bookableHours'],
    minDurationMinutes: row.minDurationMinutes,
    maxDurationMinutes: row.maxDurationMinutes,
    bufferMinutes: row.bufferMinutes,
    requiresApproval: row.requiresApproval,
    tariff: row.tariff as Resource['tariff'],
    active: row.active,
  };
}

const columnsOf = (input: ResourceInput) => ({
  centreId: input.centreId,
  kind: input.kind,
  name: input.name,
  description: input.description,
  searchKey: searchKey(`${input.name} ${input.amenities.join(' ')}`),
  capacity: input.capacity,
  amenities: input.amenities,
  stepFree: input.stepFree,
  bookableHours: input.bookableHours,
  minDurationMinutes: input.minDurationMinutes,
  maxDurationMinutes: input.maxDurationMinutes,
  bufferMinutes: input.bufferMinutes,
  requiresApproval: input.requiresApproval,
  tariff: input.tariff,
});

/** Resources of the centres in scope ('all' or these ids), filtered and paginated. */
export async function listResources(
  db: Db,
  query: ResourceListQuery,
  scope: 'all' | readonly string[],
): Promise<Page<Resource>> {
  const filters: SQL[] = [];
  if (scope !== 'all')
    filters.push(scope.length ? inArray(resources.centreId, [...scope]) : sql`false`);
  if (query.centreId) filters.push(eq(resources.centreId, query.centreId));
  if (query.kind) filters.push(eq(resources.kind, query.kind));
  if (query.stepFree !== undefined) filters.push(eq(resources.stepFree, query.stepFree));
  if (query.minCapacity !== undefined) filters.push(gte(resources.capacity, query.minCapacity));
  if (query.active !== undefined) filters.push(eq(resources.active, query.active));
  if (query.q) filters.push(like(resources.searchKey, likeContains(searchKey(query.q))));
  const where = filters.length ? and(...filters) : undefined;
  const rows = await db
    .select({ resource: resources, total: totalColumn() })
    .from(resources)
    .where(where)
    .orderBy(asc(resources.name), asc(resources.id))
    .limit(query.pageSize)
    .offset(pageOffset(query));
  return toPage(
    rows,
    query,
    async () => (await db.select({ n: countColumn() }).from(resources).where(where))[0]?.n ?? 0,
    (row) => toResource(row.resource),
  );
}

const resourceById = preparedPerDb((db: Pick<Db, 'select'>) =>
  db
    .select()
    .from(resources)
    .where(eq(resources.id, sql.placeholder('id')))
    .prepare('lakou_resource_by_id'),
);

export async function findResource(
  db: Pick<Db, 'select'>,
  id: string,
): Promise<Resource | undefined> {
  const [row] = await resourceById(db).execute({ id });
  return row ? toResource(row) : undefined;
}

/** The centre a resource belongs to (for policies), if it exists. */
export async function centreOfResource(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ centreId: resources.centreId })
    .from(resources)
    .where(eq(resources.id, id));
  return row?.centreId;
}

export async function insertResource(
  tx: Pick<Db, 'insert'>,
  input: ResourceInput,
): Promise<Resource> {
  const [row] = await tx.insert(resources).values(columnsOf(input)).returning();
  if (!row) throw new Error('resource insert returned no row');
  return toResource(row);
}

export async function replaceResource(
  tx: Pick<Db, 'update'>,
  id: string,
  input: ResourceInput,
): Promise<Resource | undefined> {
  const [row] = await tx
    .update(resources)
    .set({ ...columnsOf(input), updatedAt: sql`now()` })
    .where(eq(resources.id, id))
    .returning();
  return row ? toResource(row) : undefined;
}

export async function setResourceActive(
  tx: Pick<Db, 'update'>,
  id: string,
  active: boolean,
): Promise<Resource | undefined> {
  const [row] = await tx
    .update(resources)
    .set({ active, updatedAt: sql`now()` })
    .where(eq(resources.id, id))
    .returning();
  return row ? toResource(row) : undefined;
}
