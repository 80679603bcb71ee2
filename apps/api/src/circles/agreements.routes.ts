import { z } from '@hono/zod-openapi';
import { agreement, agreementInput, evaluationInput } from '@lakou/domain/circles';
import { uuid } from '@lakou/domain/shared';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { circleAgreements } from '../db/schema/index.ts';
import { guardedRoute, HIDDEN_NOT_FOUND, HIDDEN_RESPONSES, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import { agreementsOf, findCase } from './circles.queries.ts';
import { pathCase } from './circles.routes.ts';

const TAGS = ['Cercles restauratifs'];
const caseParam = z.object({ id: uuid });
const hidden = HIDDEN_RESPONSES;

const listRoute = guardedRoute({
  policy: requires('circle.read', pathCase, { hidden: true }),
  method: 'get',
  path: '/circles/{id}/agreements',
  tags: TAGS,
  summary: 'The actions agreed in the circle, with their evaluation',
  request: { params: caseParam },
  responses: {
    200: {
      description: 'Agreements in the order they were recorded',
      content: { 'application/json': { schema: z.object({ items: z.array(agreement) }) } },
    },
    400: problemContent('Invalid input'),
    ...hidden,
  },
});

const createRoute = guardedRoute({
  policy: requires('circle.manage', pathCase, { hidden: true }),
  method: 'post',
  path: '/circles/{id}/agreements',
  tags: TAGS,
  summary: 'Record an action agreed in the circle: what, who (pseudonym), by when',
  request: {
    params: caseParam,
    body: { required: true, content: { 'application/json': { schema: agreementInput } } },
  },
  responses: {
    201: { description: 'Recorded', content: { 'application/json': { schema: agreement } } },
    400: problemContent('Invalid input'),
    422: problemContent('Only at the circle or post-circle stage'),
    ...hidden,
  },
});

const evaluateRoute = guardedRoute({
  policy: requires('circle.manage', pathCase, { hidden: true }),
  method: 'patch',
  path: '/circles/{id}/agreements/{agreementId}',
  tags: TAGS,
  summary: 'Evaluate an agreement in the post-circle: done, partly or not done, with a note',
  request: {
    params: z.object({ id: uuid, agreementId: uuid }),
    body: { required: true, content: { 'application/json': { schema: evaluationInput } } },
  },
  responses: {
    200: { description: 'Evaluated', content: { 'application/json': { schema: agreement } } },
    400: problemContent('Invalid input'),
    422: problemContent('Only at the post-circle stage'),
    ...hidden,
  },
});

export const agreementsRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param');
    const found = await findCase(c.var.db, id);
    if (!found) return problemResponse(c, 404, HIDDEN_NOT_FOUND) as never;
    const items = await agreementsOf(c.var.db, id);
    await recordAudit(c.var.db, c, {
      action: 'circle.agreements.read',
      entity: 'circle_case',
      entityId: id,
      after: { reference: found.reference, count: items.length },
    });
    return c.json({ items }, 200);
  })
  .openapi(createRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const found = await findCase(c.var.db, id);
    if (!found) return problemResponse(c, 404, HIDDEN_NOT_FOUND) as never;
    if (found.stage !== 'circle' && found.stage !== 'post_circle') {
      return problemResponse(c, 422, 'Les accords se notent au cercle.') as never;
    }
    const made = await c.var.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(circleAgreements)
        .values({ caseId: id, what: input.what, owner: input.owner, dueOn: input.dueOn })
        .returning({ id: circleAgreements.id });
      if (!row) throw new Error('agreement insert returned no row');
      await recordAudit(tx, c, {
        action: 'circle.agreement.add',
        entity: 'circle_case',
        entityId: id,
        after: { reference: found.reference, dueOn: input.dueOn },
      });
      return (await agreementsOf(tx, id)).find((a) => a.id === row.id);
    });
    return c.json(made as z.infer<typeof agreement>, 201);
  })
  .openapi(evaluateRoute, async (c) => {
    const { id, agreementId } = c.req.valid('param');
    const input = c.req.valid('json');
    const found = await findCase(c.var.db, id);
    if (!found) return problemResponse(c, 404, HIDDEN_NOT_FOUND) as never;
    if (found.stage !== 'post_circle') {
      return problemResponse(c, 422, 'Les accords s’évaluent au post-cercle.') as never;
    }
    const updated = await c.var.db.transaction(async (tx) => {
      const [row] = await tx
        .update(circleAgreements)
        .set({ outcome: input.outcome, note: input.note || null, evaluatedAt: sql`now()` })
        .where(and(eq(circleAgreements.id, agreementId), eq(circleAgreements.caseId, id)))
        .returning({ id: circleAgreements.id });
      if (!row) return null;
      await recordAudit(tx, c, {
        action: 'circle.agreement.evaluate',
        entity: 'circle_case',
        entityId: id,
        after: { reference: found.reference, outcome: input.outcome },
      });
      return (await agreementsOf(tx, id)).find((a) => a.id === row.id) ?? null;
    });
    if (!updated) return problemResponse(c, 404, 'Cet accord n’existe pas.') as never;
    return c.json(updated, 200);
  });
