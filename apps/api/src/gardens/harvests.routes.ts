import { z } from '@hono/zod-openapi';
import {
  type HarvestDestination,
  harvest,
  harvestInput,
  harvestTotals,
} from '@lakou/domain/gardens';
import { idParam, pageOffset, pageQuery, paginated, uuid } from '@lakou/domain/shared';
import { and, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { countedPage } from '../db/paginate.ts';
import { gardeners, gardens, harvests, plots } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import {
  bodyCentreOf,
  centreOfGarden,
  centreOfHarvest,
  countAll,
  GARDEN_TAGS,
  gardensToday,
  pathCentre,
  queryCentre,
  scopeCondition,
} from './gardens.queries.ts';
import { GardenRefusal, refusalResponse } from './gardens.refusal.ts';
import { toHarvests } from './gardens.views.ts';

const denied = DENIED_RESPONSES;
const localDate = z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' });

const listQuery = pageQuery.extend({
  gardenId: uuid.optional(),
  from: localDate.optional(),
  to: localDate.optional(),
});

const grams = z.number().int();
const totals = z
  .object({
    gardener: grams,
    collective_distribution: grams,
    market: grams,
    solidarity_grocery: grams,
    total: grams,
  })
  .describe('Grams per destination for the whole filter (counted harvests are not in them)');
const harvestPage = paginated(harvest).extend({ totals });

const listRoute = guardedRoute({
  policy: requires('circular.read', queryCentre({ gardenId: centreOfGarden })),
  method: 'get',
  path: '/harvests',
  tags: GARDEN_TAGS,
  summary: 'Harvests, newest first, with the grams per destination of the whole filter',
  request: { query: listQuery },
  responses: {
    200: {
      description: 'A page of harvests and the totals',
      content: { 'application/json': { schema: harvestPage } },
    },
    400: problemContent('Invalid filter'),
    ...denied,
  },
});

const createRoute = guardedRoute({
  policy: requires('circular.write', bodyCentreOf('gardenId', centreOfGarden)),
  method: 'post',
  path: '/harvests',
  tags: GARDEN_TAGS,
  summary: 'Log a harvest (weighed or counted) and where it went',
  request: {
    body: { required: true, content: { 'application/json': { schema: harvestInput } } },
  },
  responses: {
    201: { description: 'Logged', content: { 'application/json': { schema: harvest } } },
    400: problemContent('Invalid input'),
    422: problemContent(
      'Unknown garden, plot of another garden, gardener of another centre, date in the future',
    ),
    ...denied,
  },
});

const deleteRoute = guardedRoute({
  policy: requires('circular.write', pathCentre(centreOfHarvest)),
  method: 'delete',
  path: '/harvests/{id}',
  tags: GARDEN_TAGS,
  summary: 'Remove a harvest logged by mistake',
  request: { params: idParam },
  responses: {
    204: { description: 'Removed' },
    400: problemContent('The id is not a UUID'),
    404: problemContent('No such harvest'),
    ...denied,
  },
});

type Destination = HarvestDestination;

export const harvestsRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const db = c.var.db;
    const conditions: (SQL | undefined)[] = [scopeCondition(c, gardens.centreId)];
    if (query.gardenId) conditions.push(eq(harvests.gardenId, query.gardenId));
    if (query.from) conditions.push(gte(harvests.harvestedOn, query.from));
    if (query.to) conditions.push(lte(harvests.harvestedOn, query.to));
    const where = and(...conditions);
    const rows = await db
      .select({ harvest: harvests })
      .from(harvests)
      .innerJoin(gardens, eq(gardens.id, harvests.gardenId))
      .where(where)
      .orderBy(desc(harvests.harvestedOn), desc(harvests.createdAt), desc(harvests.id))
      .limit(query.pageSize)
      .offset(pageOffset(query));
    const items = await toHarvests(
      db,
      rows.map((r) => r.harvest),
    );
    // Summed per destination in SQL; the totals rule (grams only) is the domain's.
    const sums = await db
      .select({
        destination: harvests.destination,
        grams: sql<number | null>`sum(${harvests.grams})`.mapWith((v) =>
          v === null ? null : Number(v),
        ),
      })
      .from(harvests)
      .innerJoin(gardens, eq(gardens.id, harvests.gardenId))
      .where(where)
      .groupBy(harvests.destination);
    const page = await countedPage(
      items,
      query,
      async () => {
        const [r] = await db
          .select({ n: countAll() })
          .from(harvests)
          .innerJoin(gardens, eq(gardens.id, harvests.gardenId))
          .where(where);
        return r?.n ?? 0;
      },
      (item) => item,
    );
    return c.json(
      {
        ...page,
        totals: harvestTotals(
          sums.map((s) => ({ grams: s.grams, destination: s.destination as Destination })),
        ),
      },
      200,
    );
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    try {
      const made = await c.var.db.transaction(async (tx) => {
        const [garden] = await tx
          .select({ id: gardens.id, centreId: gardens.centreId })
          .from(gardens)
          .where(eq(gardens.id, input.gardenId));
        if (!garden) {
          throw new GardenRefusal(422, 'Ce jardin n’existe pas.', 'UNKNOWN_GARDEN', 'gardenId');
        }
        if (input.harvestedOn > gardensToday()) {
          throw new GardenRefusal(
            422,
            'Une récolte se note une fois faite : la date ne peut être dans le futur.',
            'FUTURE_DATE',
            'harvestedOn',
          );
        }
        if (input.plotId) {
          const [plot] = await tx
            .select({ gardenId: plots.gardenId })
            .from(plots)
            .where(eq(plots.id, input.plotId));
          if (plot?.gardenId !== garden.id) {
            throw new GardenRefusal(
              422,
              'Cette parcelle n’est pas une parcelle de ce jardin.',
              'UNKNOWN_PLOT',
              'plotId',
            );
          }
        }
        if (input.gardenerId) {
          const [person] = await tx
            .select({ centreId: gardeners.centreId })
            .from(gardeners)
            .where(eq(gardeners.id, input.gardenerId));
          if (person?.centreId !== garden.centreId) {
            throw new GardenRefusal(
              422,
              person
                ? 'Cette personne jardine dans un autre centre que celui du jardin.'
                : 'Cette personne n’est pas enregistrée.',
              'UNKNOWN_GARDENER',
              'gardenerId',
            );
          }
        }
        const [row] = await tx
          .insert(harvests)
          .values({ ...input, createdBy: c.var.principal?.id ?? null })
          .returning();
        if (!row) throw new Error('harvest insert returned no row');
        const [view] = await toHarvests(tx, [row]);
        await recordAudit(tx, c, {
          action: 'garden.harvest.create',
          entity: 'harvest',
          entityId: row.id,
          after: view,
        });
        return view;
      });
      return c.json(made as NonNullable<typeof made>, 201);
    } catch (error) {
      return refusalResponse(c, error);
    }
  })
  .openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    try {
      await c.var.db.transaction(async (tx) => {
        const [before] = await tx.select().from(harvests).where(eq(harvests.id, id)).for('update');
        if (!before) throw new GardenRefusal(404, 'Cette récolte n’existe pas.');
        const [beforeView] = await toHarvests(tx, [before]);
        await tx.delete(harvests).where(eq(harvests.id, id));
        await recordAudit(tx, c, {
          action: 'garden.harvest.delete',
          entity: 'harvest',
          entityId: id,
          before: beforeView,
        });
      });
      return c.body(null, 204);
    } catch (error) {
      return refusalResponse(c, error);
    }
  });
