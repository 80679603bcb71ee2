import { z } from '@hono/zod-openapi';
import {
  caseInput,
  caseListQuery,
  casePatch,
  caseReference,
  circleCase,
  judgeCaseMove,
  transitionInput,
} from '@lakou/domain/circles';
import { idParam, pageOffset, paginated } from '@lakou/domain/shared';
import { and, desc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { customValuesProblem, storeCustomValues } from '../config/custom-values.ts';
import { checkNewRow, checkPatch, networkDefinitions } from '../config/row-custom.ts';
import { circleCases, circleFacilitators, roleAssignments } from '../db/schema/index.ts';
import { bodyCentre, guardedRoute, HIDDEN_NOT_FOUND, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import { caseFacts, facilitatorIdsOf, findCase, toCases } from './circles.queries.ts';

const TAGS = ['Cercles restauratifs'];
const denied = {
  401: problemContent('Not signed in'),
  403: problemContent('Not a facilitator'),
};

/** The reason as typed (the hub sends it URI-encoded, headers being ASCII). */
export function readableReason(raw: string): string {
  try {
    return decodeURIComponent(raw).slice(0, 500);
  } catch {
    return raw.slice(0, 500);
  }
}

/** Header by which a network admin reads a case in break-glass mode, with the reason. */
export const BREAK_GLASS_HEADER = 'x-lakou-break-glass';

/**
 * The case named in the path, as the policy judges it: its facilitators — and, when a network
 * admin reads it with a reason in the break-glass header, that request, audited here before
 * anything is shown (even when the case does not exist).
 */
export async function pathCase(c: Context<ApiEnv>) {
  const id = c.req.param('id') ?? '';
  if (!z.uuid().safeParse(id).success) return { facilitatorIds: [] };
  const facilitatorIds = await facilitatorIdsOf(c.var.db, id);
  const reason = (c.req.header(BREAK_GLASS_HEADER) ?? '').trim();
  const admin = c.var.actor?.assignments.some((a) => a.role === 'admin') ?? false;
  if (admin && c.req.method === 'GET' && reason.length >= 10) {
    await recordAudit(c.var.db, c, {
      action: 'circle.break-glass',
      entity: 'circle_case',
      entityId: id,
      after: { reason: readableReason(reason) },
    });
    return { facilitatorIds, breakGlass: true };
  }
  return { facilitatorIds };
}

const listRoute = guardedRoute({
  // Every facilitator may list: the rows are only the cases they follow.
  policy: requires('circle.read', (c) => ({
    facilitatorIds: c.var.actor ? [c.var.actor.userId] : [],
  })),
  method: 'get',
  path: '/circles',
  tags: TAGS,
  summary: 'The cases you follow as a facilitator, newest first (nobody else sees them)',
  request: { query: caseListQuery },
  responses: {
    200: {
      description: 'A page of cases',
      content: { 'application/json': { schema: paginated(circleCase) } },
    },
    400: problemContent('Invalid filter'),
    ...denied,
  },
});

const createRoute = guardedRoute({
  policy: requires('circle.create', bodyCentre),
  method: 'post',
  path: '/circles',
  tags: TAGS,
  summary: 'Open a case in your centre; you follow it, with the other facilitators named',
  request: { body: { required: true, content: { 'application/json': { schema: caseInput } } } },
  responses: {
    201: { description: 'Opened', content: { 'application/json': { schema: circleCase } } },
    400: problemContent('Invalid input'),
    422: problemContent('A named person is not a facilitator of the centre'),
    ...denied,
  },
});

const getRoute = guardedRoute({
  policy: requires('circle.read', pathCase, { hidden: true }),
  method: 'get',
  path: '/circles/{id}',
  tags: TAGS,
  summary: 'One case (404 for anyone but its facilitators; each read is audited)',
  request: { params: idParam },
  responses: {
    200: { description: 'The case', content: { 'application/json': { schema: circleCase } } },
    400: problemContent('The id is not a UUID'),
    401: problemContent('Not signed in'),
    404: problemContent('No such case, or not yours'),
  },
});

const patchRoute = guardedRoute({
  policy: requires('circle.manage', pathCase, { hidden: true }),
  method: 'patch',
  path: '/circles/{id}',
  tags: TAGS,
  summary:
    'Change the intake’s custom values (only the keys sent are checked; null erases an optional one); refused once the case is purged',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: casePatch } } },
  },
  responses: {
    200: { description: 'The case', content: { 'application/json': { schema: circleCase } } },
    400: problemContent('Invalid input, or a custom value the centre’s fields refuse'),
    401: problemContent('Not signed in'),
    404: problemContent('No such case, or not yours'),
    422: problemContent('The case’s personal data were purged'),
  },
});

const transitionRoute = guardedRoute({
  policy: requires('circle.manage', pathCase, { hidden: true }),
  method: 'post',
  path: '/circles/{id}/transitions',
  tags: TAGS,
  summary:
    'Move a case to its next stage, or abandon it with a reason; refused (422) with the reason when the practice does not allow it yet',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: transitionInput } } },
  },
  responses: {
    200: { description: 'The case', content: { 'application/json': { schema: circleCase } } },
    400: problemContent('Invalid input'),
    401: problemContent('Not signed in'),
    404: problemContent('No such case, or not yours'),
    409: problemContent('The case changed stage meanwhile'),
    422: problemContent('Not allowed from this stage (the detail says why)'),
  },
});

export const circlesRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const me = c.var.actor?.userId ?? '';
    const conditions: SQL[] = [
      inArray(
        circleCases.id,
        c.var.db
          .select({ id: circleFacilitators.caseId })
          .from(circleFacilitators)
          .where(eq(circleFacilitators.userId, me)),
      ),
    ];
    if (query.stage) conditions.push(eq(circleCases.stage, query.stage));
    if (query.open === 'true')
      conditions.push(sql`${circleCases.stage} not in ('closed', 'abandoned')` as SQL);
    if (query.open === 'false')
      conditions.push(sql`${circleCases.stage} in ('closed', 'abandoned')` as SQL);
    const where = and(...conditions);
    const rows = await c.var.db
      .select()
      .from(circleCases)
      .where(where)
      .orderBy(desc(circleCases.openedAt), desc(circleCases.id))
      .limit(query.pageSize)
      .offset(pageOffset(query));
    const [total] = await c.var.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(circleCases)
      .where(where);
    const items = await toCases(
      c.var.db,
      rows,
      await networkDefinitions(c.var.db, 'circle_intake'),
    );
    await recordAudit(c.var.db, c, {
      action: 'circle.list',
      entity: 'circle_case',
      after: { references: items.map((i) => i.reference) },
    });
    return c.json({ items, page: query.page, pageSize: query.pageSize, total: total?.n ?? 0 }, 200);
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    const me = c.var.actor?.userId ?? '';
    const others = [...new Set(input.facilitatorIds.filter((id) => id !== me))];
    if (others.length) {
      const held = await c.var.db
        .select({ userId: roleAssignments.userId })
        .from(roleAssignments)
        .where(
          and(
            inArray(roleAssignments.userId, others),
            eq(roleAssignments.role, 'facilitator'),
            eq(roleAssignments.centreId, input.centreId),
          ),
        );
      const missing = others.filter((id) => !held.some((h) => h.userId === id));
      if (missing.length) {
        return problemResponse(
          c,
          422,
          'Seuls des facilitateurs de ce centre peuvent suivre le dossier.',
          {
            errors: [
              { field: 'facilitatorIds', message: 'Personne non facilitatrice dans ce centre.' },
            ],
          },
        ) as never;
      }
    }
    const { defs, check } = await checkNewRow(
      c.var.db,
      'circle_intake',
      input.centreId,
      input.custom,
    );
    if (!check.ok) return customValuesProblem(c, check) as never;
    const made = await c.var.db.transaction(async (tx) => {
      const year = new Date().getUTCFullYear();
      // References are numbered per year without gaps: one opening at a time.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`lakou:circle-ref:${year}`}))`);
      const [last] = await tx
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(circleCases)
        .where(like(circleCases.reference, `CR-${year}-%`));
      const [row] = await tx
        .insert(circleCases)
        .values({
          reference: caseReference(year, (last?.n ?? 0) + 1),
          centreId: input.centreId,
          description: input.description,
          custom: check.values,
          createdBy: me,
        })
        .returning();
      if (!row) throw new Error('case insert returned no row');
      await tx
        .insert(circleFacilitators)
        .values([me, ...others].map((userId) => ({ caseId: row.id, userId })));
      const [created] = await toCases(tx, [row], defs);
      // The audit keeps the reference, never the description nor the intake's values.
      await recordAudit(tx, c, {
        action: 'circle.open',
        entity: 'circle_case',
        entityId: row.id,
        after: { reference: row.reference, centreId: row.centreId },
      });
      return created;
    });
    return c.json(made as z.infer<typeof circleCase>, 201);
  })
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const defs = await networkDefinitions(c.var.db, 'circle_intake');
    const facilitates = (await facilitatorIdsOf(c.var.db, id)).includes(c.var.actor?.userId ?? '');
    // Confidential intake values are for the case's facilitators only, never a break-glass read.
    const found = await findCase(
      c.var.db,
      id,
      facilitates ? defs : defs.filter((d) => !d.confidential),
    );
    if (!found) {
      return problemResponse(c, 404, HIDDEN_NOT_FOUND) as never;
    }
    await recordAudit(c.var.db, c, {
      action: 'circle.read',
      entity: 'circle_case',
      entityId: id,
      after: { reference: found.reference },
    });
    return c.json(found, 200);
  })
  .openapi(transitionRoute, async (c) => {
    const { id } = c.req.valid('param');
    const move = c.req.valid('json');
    const defs = await networkDefinitions(c.var.db, 'circle_intake');
    const before = await findCase(c.var.db, id, defs);
    if (!before) {
      return problemResponse(c, 404, HIDDEN_NOT_FOUND) as never;
    }
    const verdict = judgeCaseMove(
      await caseFacts(c.var.db, before),
      move.to === 'abandoned' ? { to: 'abandoned', reason: move.reason ?? '' } : { to: move.to },
    );
    if (!verdict.ok) return problemResponse(c, 422, verdict.reason) as never;
    const final = move.to === 'closed' || move.to === 'abandoned';
    const after = await c.var.db.transaction(async (tx) => {
      const [row] = await tx
        .update(circleCases)
        .set({
          stage: move.to,
          stageChangedAt: sql`now()`,
          ...(final ? { closedAt: sql`now()` } : {}),
          ...(move.to === 'abandoned' ? { abandonReason: move.reason ?? null } : {}),
        })
        .where(and(eq(circleCases.id, id), eq(circleCases.stage, before.stage)))
        .returning();
      if (!row) return null;
      await recordAudit(tx, c, {
        action: `circle.${move.to}`,
        entity: 'circle_case',
        entityId: id,
        before: { stage: before.stage },
        after: { stage: row.stage },
      });
      return (await toCases(tx, [row], defs))[0] ?? null;
    });
    if (!after) {
      return problemResponse(
        c,
        409,
        'Le dossier vient de changer d’étape : rechargez-le.',
      ) as never;
    }
    return c.json(after, 200);
  })
  .openapi(patchRoute, async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const defs = await networkDefinitions(c.var.db, 'circle_intake');
    const before = await findCase(c.var.db, id, defs);
    if (!before) return problemResponse(c, 404, HIDDEN_NOT_FOUND) as never;
    if (before.purgedAt) {
      return problemResponse(
        c,
        422,
        'Les données personnelles de ce dossier ont été purgées : l’accueil ne se modifie plus.',
      ) as never;
    }
    const { check } = await checkPatch(c.var.db, 'circle_intake', before.centreId, patch.custom);
    if (!check.ok) return customValuesProblem(c, check) as never;
    const after = await c.var.db.transaction(async (tx) => {
      const [stored] = await tx
        .select({ custom: circleCases.custom })
        .from(circleCases)
        .where(eq(circleCases.id, id))
        .for('update');
      const [row] = await tx
        .update(circleCases)
        .set({ custom: storeCustomValues(stored?.custom, check.values) })
        .where(eq(circleCases.id, id))
        .returning();
      if (!row) throw new Error('case vanished');
      // The audit names the keys changed, never their values (they may be confidential).
      await recordAudit(tx, c, {
        action: 'circle.intake',
        entity: 'circle_case',
        entityId: id,
        after: { reference: row.reference, keys: Object.keys(check.values) },
      });
      return (await toCases(tx, [row], defs))[0];
    });
    if (!after) throw new Error('case vanished');
    return c.json(after, 200);
  });
