import { z } from '@hono/zod-openapi';
import { circleCase } from '@lakou/domain/circles';
import { and, asc, eq, isNull, lt, notInArray, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { centres, circleAgreements, circleCases, circleFacilitators } from '../db/schema/index.ts';
import { guardedRoute, HIDDEN_NOT_FOUND, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import { facilitatorIdsOf, findCase } from './circles.queries.ts';
import { BREAK_GLASS_HEADER, readableReason } from './circles.routes.ts';

const TAGS = ['Cercles restauratifs'];
const referenceQuery = z.object({
  reference: z
    .string({ error: 'Indiquez la référence du dossier (ex. CR-2026-014).' })
    .trim()
    .toUpperCase()
    .regex(/^CR-\d{4}-\d{3,}$/, { error: 'Référence attendue au format CR-2026-014.' }),
});

/** The case named by its reference, judged like a case named by its id (break-glass included). */
async function referenceCase(c: Context<ApiEnv>) {
  const raw = (c.req.query('reference') ?? '').trim().toUpperCase();
  const [row] = await c.var.db
    .select({ id: circleCases.id })
    .from(circleCases)
    .where(eq(circleCases.reference, raw));
  if (!row) return { facilitatorIds: [] };
  const facilitatorIds = await facilitatorIdsOf(c.var.db, row.id);
  const reason = (c.req.header(BREAK_GLASS_HEADER) ?? '').trim();
  const admin = c.var.actor?.assignments.some((a) => a.role === 'admin') ?? false;
  if (admin && reason.length >= 10) {
    await recordAudit(c.var.db, c, {
      action: 'circle.break-glass',
      entity: 'circle_case',
      entityId: row.id,
      after: { reason: readableReason(reason) },
    });
    return { facilitatorIds, breakGlass: true };
  }
  return { facilitatorIds };
}

const lookupRoute = guardedRoute({
  policy: requires('circle.read', referenceCase, { hidden: true }),
  method: 'get',
  path: '/circles/lookup',
  tags: TAGS,
  summary:
    'A case by its reference: for its facilitators, or a network admin in break-glass mode (header x-lakou-break-glass with the reason)',
  request: { query: referenceQuery },
  responses: {
    200: { description: 'The case', content: { 'application/json': { schema: circleCase } } },
    400: problemContent('Invalid reference'),
    401: problemContent('Not signed in'),
    404: problemContent('No such case, or not yours'),
  },
});

const overdue = z
  .object({
    caseId: z.string(),
    reference: z.string(),
    agreementId: z.string(),
    what: z.string().nullable(),
    owner: z.string().nullable(),
    dueOn: z.string(),
  })
  .meta({ id: 'OverdueAgreement' });

const overdueRoute = guardedRoute({
  policy: requires('circle.read', (c) => ({
    facilitatorIds: c.var.actor ? [c.var.actor.userId] : [],
  })),
  method: 'get',
  path: '/circles/overdue-agreements',
  tags: TAGS,
  summary:
    'Agreements past their date and not yet evaluated, in the open cases you follow (oldest first)',
  responses: {
    200: {
      description: 'Overdue agreements',
      content: { 'application/json': { schema: z.object({ items: z.array(overdue) }) } },
    },
    401: problemContent('Not signed in'),
    403: problemContent('Not a facilitator'),
  },
});

export const lookupRoutes = contextRouter()
  .openapi(lookupRoute, async (c) => {
    const { reference } = c.req.valid('query');
    const [row] = await c.var.db
      .select({ id: circleCases.id })
      .from(circleCases)
      .where(eq(circleCases.reference, reference));
    const found = row ? await findCase(c.var.db, row.id) : null;
    if (!found) return problemResponse(c, 404, HIDDEN_NOT_FOUND) as never;
    await recordAudit(c.var.db, c, {
      action: 'circle.read',
      entity: 'circle_case',
      entityId: found.id,
      after: { reference: found.reference },
    });
    return c.json(found, 200);
  })
  .openapi(overdueRoute, async (c) => {
    const me = c.var.actor?.userId ?? '';
    // "Today" in each case's centre zone: an agreement due yesterday in Cayenne is overdue there.
    const rows = await c.var.db
      .select({
        caseId: circleCases.id,
        reference: circleCases.reference,
        agreementId: circleAgreements.id,
        what: circleAgreements.what,
        owner: circleAgreements.owner,
        dueOn: circleAgreements.dueOn,
      })
      .from(circleAgreements)
      .innerJoin(circleCases, eq(circleCases.id, circleAgreements.caseId))
      .innerJoin(centres, eq(centres.id, circleCases.centreId))
      .innerJoin(
        circleFacilitators,
        and(eq(circleFacilitators.caseId, circleCases.id), eq(circleFacilitators.userId, me)),
      )
      .where(
        and(
          isNull(circleAgreements.outcome),
          notInArray(circleCases.stage, ['closed', 'abandoned']),
          lt(circleAgreements.dueOn, sql`(now() at time zone ${centres.timeZone})::date`),
        ),
      )
      .orderBy(asc(circleAgreements.dueOn), asc(circleCases.reference));
    return c.json({ items: rows }, 200);
  });
