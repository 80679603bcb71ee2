import { z } from '@hono/zod-openapi';
import {
  coworkingPass,
  PASS_KINDS,
  passInput,
  passListQuery,
  passValidUntil,
} from '@lakou/domain/coworking';
import { centreScope } from '@lakou/domain/identity';
import { DEFAULT_TIME_ZONE } from '@lakou/domain/network';
import { idParam, pageOffset, paginated, searchKey } from '@lakou/domain/shared';
import { and, desc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { recordAudit } from '../audit/record.ts';
import { toPage, totalColumn } from '../db/paginate.ts';
import { centres, coworkingPasses } from '../db/schema/index.ts';
import { bodyCentre, DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import { centreOfPass, centreToday, toPass } from './coworking.queries.ts';

const TAGS = ['Coworking'];
const denied = DENIED_RESPONSES;

async function pathPassCentre(c: Context<ApiEnv>) {
  const id = c.req.param('id') ?? '';
  return {
    centreId: z.uuid().safeParse(id).success ? await centreOfPass(c.var.db, id) : undefined,
  };
}

const listRoute = guardedRoute({
  policy: requires('booking.read', (c) => ({ centreId: c.req.query('centreId') })),
  method: 'get',
  path: '/coworking/passes',
  tags: TAGS,
  summary: 'Coworking passes of the reader’s centres, newest first; search by holder',
  request: { query: passListQuery },
  responses: {
    200: {
      description: 'A page of passes',
      content: { 'application/json': { schema: paginated(coworkingPass) } },
    },
    400: problemContent('Invalid filter'),
    ...denied,
  },
});

const createRoute = guardedRoute({
  policy: requires('booking.write', bodyCentre),
  method: 'post',
  path: '/coworking/passes',
  tags: TAGS,
  summary: 'Sell a pass: a day, a carnet of 10 days or a month',
  request: { body: { required: true, content: { 'application/json': { schema: passInput } } } },
  responses: {
    201: { description: 'Sold', content: { 'application/json': { schema: coworkingPass } } },
    400: problemContent('Invalid input'),
    422: problemContent('Unknown centre'),
    ...denied,
  },
});

const cancelRoute = guardedRoute({
  policy: requires('booking.write', pathPassCentre),
  method: 'post',
  path: '/coworking/passes/{id}/cancel',
  tags: TAGS,
  summary: 'Cancel a pass sold by mistake (its check-ins stay in the history)',
  request: { params: idParam },
  responses: {
    200: { description: 'Cancelled', content: { 'application/json': { schema: coworkingPass } } },
    400: problemContent('Invalid input'),
    404: problemContent('No such pass'),
    422: problemContent('Already cancelled'),
    ...denied,
  },
});

export const passesRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const actor = c.var.actor;
    const scope = actor ? centreScope(actor, 'booking.read') : [];
    const conditions: SQL[] = [];
    if (scope !== 'all')
      conditions.push(
        inArray(
          coworkingPasses.centreId,
          scope.length ? scope : ['00000000-0000-0000-0000-000000000000'],
        ),
      );
    if (query.centreId) conditions.push(eq(coworkingPasses.centreId, query.centreId));
    if (query.q)
      conditions.push(sql`${coworkingPasses.searchKey} like ${`%${searchKey(query.q)}%`}`);
    if (query.usable) {
      // Today in the centre asked for (its zone); across centres, in the network's default zone.
      const today =
        (query.centreId ? await centreToday(c.var.db, query.centreId) : null) ??
        Temporal.Now.plainDateISO(DEFAULT_TIME_ZONE).toString();
      const usable = and(
        isNull(coworkingPasses.cancelledAt),
        lte(coworkingPasses.validFrom, today),
        gte(coworkingPasses.validUntil, today),
        or(
          isNull(coworkingPasses.daysTotal),
          sql`${coworkingPasses.daysUsed} < ${coworkingPasses.daysTotal}`,
        ),
      ) as SQL;
      conditions.push(query.usable === 'true' ? usable : (sql`not (${usable})` as SQL));
    }
    const where = conditions.length ? and(...conditions) : undefined;
    const rows = await c.var.db
      .select({ row: coworkingPasses, total: totalColumn() })
      .from(coworkingPasses)
      .where(where)
      .orderBy(desc(coworkingPasses.createdAt), desc(coworkingPasses.id))
      .limit(query.pageSize)
      .offset(pageOffset(query));
    const page = await toPage(
      rows,
      query,
      async () => {
        const [r] = await c.var.db
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(coworkingPasses)
          .where(where);
        return r?.n ?? 0;
      },
      ({ row }) => toPass(row),
    );
    return c.json(page, 200);
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    const [centre] = await c.var.db
      .select({ id: centres.id })
      .from(centres)
      .where(eq(centres.id, input.centreId));
    if (!centre) {
      return problemResponse(c, 422, 'Ce centre n’existe pas.', {
        errors: [{ field: 'centreId', message: 'Centre inconnu.' }],
      }) as never;
    }
    const rule = PASS_KINDS[input.kind];
    const made = await c.var.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(coworkingPasses)
        .values({
          centreId: input.centreId,
          kind: input.kind,
          holderName: input.holderName,
          holderEmail: input.holderEmail?.toLowerCase() ?? null,
          searchKey: searchKey(`${input.holderName} ${input.holderEmail ?? ''}`),
          validFrom: input.validFrom,
          validUntil: passValidUntil(input.kind, input.validFrom),
          daysTotal: rule.days,
          priceCents: input.priceCents ?? rule.defaultPriceCents,
          createdBy: c.var.principal?.id ?? null,
        })
        .returning();
      if (!row) throw new Error('pass insert returned no row');
      const pass = toPass(row);
      await recordAudit(tx, c, {
        action: 'coworking.pass.sell',
        entity: 'coworking_pass',
        entityId: pass.id,
        after: pass,
      });
      return pass;
    });
    return c.json(made, 201);
  })
  .openapi(cancelRoute, async (c) => {
    const { id } = c.req.valid('param');
    const result = await c.var.db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(coworkingPasses)
        .where(eq(coworkingPasses.id, id))
        .for('update');
      if (!before) return 404 as const;
      if (before.cancelledAt) return 422 as const;
      const [row] = await tx
        .update(coworkingPasses)
        .set({ cancelledAt: sql`now()` })
        .where(eq(coworkingPasses.id, id))
        .returning();
      if (!row) throw new Error('pass vanished');
      await recordAudit(tx, c, {
        action: 'coworking.pass.cancel',
        entity: 'coworking_pass',
        entityId: id,
        before: toPass(before),
        after: toPass(row),
      });
      return toPass(row);
    });
    if (result === 404) return problemResponse(c, 404, 'Ce pass n’existe pas.') as never;
    if (result === 422) return problemResponse(c, 422, 'Ce pass est déjà annulé.') as never;
    return c.json(result, 200);
  });
