import { balancesQuery, subFund, subFundInput } from '@lakou/domain/fund';
import { idParam } from '@lakou/domain/shared';
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { centres, donations, subFunds } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import { fundToday, organisationId } from './fund.queries.ts';
import {
  balancesOn,
  type FundsOverview,
  fundsOverview,
  subFundOn,
  toSubFund,
} from './funds.views.ts';

const TAGS = ['Fonds de dotation'];

const overviewRoute = guardedRoute({
  policy: requires('fund.read'),
  method: 'get',
  path: '/funds',
  tags: TAGS,
  summary:
    'Sub-funds with their balances at the end of a day (default today), and the totals: unrestricted, restricted, endowment, gifts in kind of the year',
  request: { query: balancesQuery },
  responses: {
    200: { description: 'Balances', content: { 'application/json': { schema: fundsOverview } } },
    400: problemContent('Invalid date'),
    ...DENIED_RESPONSES,
  },
});

const createRoute = guardedRoute({
  policy: requires('fund.write'),
  method: 'post',
  path: '/funds',
  tags: TAGS,
  summary: 'Open a sub-fund: unrestricted, restricted to a purpose, or the capital endowment',
  request: { body: { required: true, content: { 'application/json': { schema: subFundInput } } } },
  responses: {
    201: { description: 'Opened', content: { 'application/json': { schema: subFund } } },
    400: problemContent('Invalid input'),
    409: problemContent('Code already taken'),
    422: problemContent('Unknown centre, or no organisation'),
    ...DENIED_RESPONSES,
  },
});

const getRoute = guardedRoute({
  policy: requires('fund.read'),
  method: 'get',
  path: '/funds/{id}',
  tags: TAGS,
  summary: 'One sub-fund with its balance at the end of a day (default today)',
  request: { params: idParam, query: balancesQuery },
  responses: {
    200: { description: 'The sub-fund', content: { 'application/json': { schema: subFund } } },
    400: problemContent('Invalid id or date'),
    404: problemContent('No such sub-fund'),
    ...DENIED_RESPONSES,
  },
});

const KIND_ORDER = sql`case ${subFunds.kind} when 'unrestricted' then 0 when 'restricted' then 1 else 2 end`;

export const fundsRoutes = contextRouter()
  .openapi(overviewRoute, async (c) => {
    const at = c.req.valid('query').at ?? fundToday();
    const db = c.var.db;
    const org = await organisationId(db);
    const overview: FundsOverview = {
      at,
      items: [],
      totals: {
        balanceCents: 0,
        availableCents: 0,
        unrestrictedCents: 0,
        restrictedCents: 0,
        endowmentCents: 0,
        inKindYearCents: 0,
      },
    };
    if (!org) return c.json(overview, 200);
    const rows = await db
      .select()
      .from(subFunds)
      .where(eq(subFunds.organisationId, org))
      .orderBy(KIND_ORDER, asc(subFunds.code));
    const balances = await balancesOn(db, org, at);
    const totals = overview.totals;
    for (const row of rows) {
      const item = toSubFund(row, balances.get(row.id) ?? 0);
      overview.items.push(item);
      totals.balanceCents += item.balanceCents;
      totals.availableCents += item.availableCents;
      if (item.kind === 'unrestricted') totals.unrestrictedCents += item.balanceCents;
      else if (item.kind === 'restricted') totals.restrictedCents += item.balanceCents;
      else totals.endowmentCents += item.balanceCents;
    }
    const [inKind] = await db
      .select({ cents: sql<number>`coalesce(sum(${donations.amountCents}), 0)`.mapWith(Number) })
      .from(donations)
      .where(
        and(
          eq(donations.organisationId, org),
          eq(donations.kind, 'in_kind'),
          gte(donations.receivedOn, `${at.slice(0, 4)}-01-01`),
          lte(donations.receivedOn, at),
        ),
      );
    totals.inKindYearCents = inKind?.cents ?? 0;
    return c.json(overview, 200);
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    const org = await organisationId(c.var.db);
    if (!org) {
      return problemResponse(c, 422, 'Aucune organisation n’est encore enregistrée.') as never;
    }
    if (input.centreId) {
      const [centre] = await c.var.db
        .select({ id: centres.id })
        .from(centres)
        .where(eq(centres.id, input.centreId));
      if (!centre) {
        return problemResponse(c, 422, 'Ce centre n’existe pas.', {
          errors: [{ field: 'centreId', message: 'Centre inconnu.' }],
        }) as never;
      }
    }
    try {
      const made = await c.var.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(subFunds)
          .values({
            organisationId: org,
            code: input.code,
            name: input.name,
            kind: input.kind,
            purpose: input.purpose,
            centreId: input.centreId,
            consumable: input.consumable,
            createdBy: c.var.principal?.id ?? null,
          })
          .returning();
        if (!row) throw new Error('sub-fund insert returned no row');
        const fund = toSubFund(row, 0);
        await recordAudit(tx, c, {
          action: 'fund.sub-fund.create',
          entity: 'sub_fund',
          entityId: fund.id,
          after: fund,
        });
        return fund;
      });
      return c.json(made, 201);
    } catch (error) {
      if (isUniqueViolation(error)) {
        return problemResponse(c, 409, `Le code « ${input.code} » est déjà pris.`, {
          code: 'CODE_TAKEN',
          errors: [{ field: 'code', message: 'Ce code est déjà pris par un autre sous-fonds.' }],
        }) as never;
      }
      throw error;
    }
  })
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const at = c.req.valid('query').at ?? fundToday();
    const fund = await subFundOn(c.var.db, id, at);
    if (!fund) return problemResponse(c, 404, 'Ce sous-fonds n’existe pas.') as never;
    return c.json(fund, 200);
  });
