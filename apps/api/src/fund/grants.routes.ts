import { z } from '@hono/zod-openapi';
import {
  deadline,
  dueWithin,
  GRANT_STATUS_LABELS,
  type GrantStatus,
  grant,
  grantInput,
  grantListQuery,
  grantMoveInput,
  grantPatch,
  instalmentInput,
  instalmentReceiptInput,
  instalmentVerdict,
  judgeGrantMove,
} from '@lakou/domain/fund';
import { idParam, pageOffset, paginated, uuid } from '@lakou/domain/shared';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { totalColumn } from '../db/paginate.ts';
import { centres, donors, grantInstalments, grants } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import { countWhere, viewPage } from './fund.pages.ts';
import { appendEntry, type Executor, fundToday, organisationId } from './fund.queries.ts';
import { FundRefusal } from './funds.views.ts';
import { grantView, openGrantSubFund, toGrants } from './grants.views.ts';

const TAGS = ['Fonds de dotation'];
const NONE = '00000000-0000-0000-0000-000000000000';
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});
const grantContent = (description: string) => ({
  description,
  content: { 'application/json': { schema: grant } },
});

const deadlinesQuery = z.object({
  days: z.coerce
    .number({ error: 'Le nombre de jours est un entier.' })
    .int({ error: 'Le nombre de jours est un entier.' })
    .min(1, { error: 'Au moins 1 jour.' })
    .max(366, { error: 'Au plus 366 jours.' })
    .default(60),
});

const deadlinesRoute = guardedRoute({
  policy: requires('fund.read'),
  method: 'get',
  path: '/grants/deadlines',
  tags: TAGS,
  summary:
    'What is due on grants within the next days (default 60): submissions, reports, instalments expected — overdue first, then soonest',
  request: { query: deadlinesQuery },
  responses: {
    200: {
      description: 'Deadlines',
      content: { 'application/json': { schema: z.object({ items: z.array(deadline) }) } },
    },
    400: problemContent('Invalid number of days'),
    ...DENIED_RESPONSES,
  },
});

const listRoute = guardedRoute({
  policy: requires('fund.read'),
  method: 'get',
  path: '/grants',
  tags: TAGS,
  summary: 'Grants asked from foundations and public bodies, newest first',
  request: { query: grantListQuery },
  responses: {
    200: {
      description: 'A page of grants',
      content: { 'application/json': { schema: paginated(grant) } },
    },
    400: problemContent('Invalid filter'),
    ...DENIED_RESPONSES,
  },
});

const getRoute = guardedRoute({
  policy: requires('fund.read'),
  method: 'get',
  path: '/grants/{id}',
  tags: TAGS,
  summary: 'One grant with its instalments',
  request: { params: idParam },
  responses: {
    200: grantContent('The grant'),
    400: problemContent('Invalid id'),
    404: problemContent('No such grant'),
    ...DENIED_RESPONSES,
  },
});

const createRoute = guardedRoute({
  policy: requires('fund.write'),
  method: 'post',
  path: '/grants',
  tags: TAGS,
  summary: 'Prepare a grant application (draft) to a foundation or a public body',
  request: { body: jsonBody(grantInput) },
  responses: {
    201: grantContent('Created as a draft'),
    400: problemContent('Invalid input'),
    422: problemContent('The funder is not a foundation or a public body, or unknown centre'),
    ...DENIED_RESPONSES,
  },
});

const patchRoute = guardedRoute({
  policy: requires('fund.write'),
  method: 'patch',
  path: '/grants/{id}',
  tags: TAGS,
  summary: 'Change what a grant asks for and its dates (only the fields sent)',
  request: { params: idParam, body: jsonBody(grantPatch) },
  responses: {
    200: grantContent('Changed'),
    400: problemContent('Invalid input'),
    404: problemContent('No such grant'),
    422: problemContent('Closed grant (GRANT_CLOSED), or unknown centre'),
    ...DENIED_RESPONSES,
  },
});

const moveRoute = guardedRoute({
  policy: requires('fund.write'),
  method: 'post',
  path: '/grants/{id}/moves',
  tags: TAGS,
  summary:
    'Move a grant along draft → submitted → awarded or rejected → report due → closed; awarding opens its restricted sub-fund',
  request: { params: idParam, body: jsonBody(grantMoveInput) },
  responses: {
    200: grantContent('Moved'),
    400: problemContent('Invalid input'),
    404: problemContent('No such grant'),
    422: problemContent(
      'Move not allowed (BAD_TRANSITION), or what it needs is missing (AMOUNT_REQUIRED, REPORT_DATE_REQUIRED)',
    ),
    ...DENIED_RESPONSES,
  },
});

const instalmentRoute = guardedRoute({
  policy: requires('fund.write'),
  method: 'post',
  path: '/grants/{id}/instalments',
  tags: TAGS,
  summary: 'Expect an instalment of an awarded grant (instalments never exceed the award)',
  request: { params: idParam, body: jsonBody(instalmentInput) },
  responses: {
    201: grantContent('The grant with the instalment'),
    400: problemContent('Invalid input'),
    404: problemContent('No such grant'),
    422: problemContent(
      'Not awarded (NOT_AWARDED), closed (GRANT_CLOSED) or over the award (OVER_AWARDED)',
    ),
    ...DENIED_RESPONSES,
  },
});

const receivedRoute = guardedRoute({
  policy: requires('fund.write'),
  method: 'post',
  path: '/grants/{id}/instalments/{instalmentId}/received',
  tags: TAGS,
  summary: 'Record an instalment as received: an entry of the ledger on the grant’s sub-fund',
  request: {
    params: z.object({ id: uuid, instalmentId: uuid }),
    body: jsonBody(instalmentReceiptInput),
  },
  responses: {
    200: grantContent('The grant with the instalment received'),
    400: problemContent('Invalid input'),
    404: problemContent('No such grant or instalment'),
    409: problemContent('Already received (ALREADY_RECEIVED)'),
    422: problemContent('Received in the future'),
    ...DENIED_RESPONSES,
  },
});

function refused(c: Context<ApiEnv>, error: unknown): Response {
  if (error instanceof FundRefusal)
    return problemResponse(c, error.status, error.message, error.extra());
  throw error;
}

async function lockGrant(tx: Executor, id: string) {
  const [row] = await tx.select().from(grants).where(eq(grants.id, id)).for('update');
  if (!row) throw new FundRefusal(404, 'Cette demande de subvention n’existe pas.');
  return row;
}

async function checkCentre(db: Executor, centreId: string | null | undefined) {
  if (!centreId) return;
  const [centre] = await db
    .select({ id: centres.id })
    .from(centres)
    .where(eq(centres.id, centreId));
  if (!centre) throw new FundRefusal(422, 'Ce centre n’existe pas.', 'UNKNOWN_CENTRE', 'centreId');
}

/**
 * Writes the changed fields of a grant (none: only the audit line), then records the grant before
 * and after in the audit log; returns the grant as it now stands.
 */
async function saveGrant(
  tx: Executor,
  c: Context<ApiEnv>,
  id: string,
  changes: Partial<typeof grants.$inferInsert>,
  action: 'fund.grant.update' | 'fund.grant.move',
  before: Awaited<ReturnType<typeof grantView>>,
) {
  if (Object.keys(changes).length > 0) {
    await tx
      .update(grants)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(grants.id, id));
  }
  const after = await grantView(tx, id);
  await recordAudit(tx, c, { action, entity: 'grant', entityId: id, before, after });
  return after;
}

const FUNDER_KINDS = ['foundation', 'public_body'];

/** A sub-fund code taken by a concurrent award: the whole award is tried again. */
async function retryOnCodeTaken<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

export const grantsRoutes = contextRouter()
  .openapi(deadlinesRoute, async (c) => {
    const { days } = c.req.valid('query');
    const db = c.var.db;
    const org = (await organisationId(db)) ?? NONE;
    const rows = await db
      .select()
      .from(grants)
      .where(
        and(
          eq(grants.organisationId, org),
          inArray(grants.status, ['draft', 'awarded', 'report_due']),
        ),
      );
    const views = await toGrants(db, rows);
    const byId = new Map(views.map((g) => [g.id, g]));
    const items = dueWithin(views, fundToday(), days).map((d) => ({
      ...d,
      funderName: byId.get(d.grantId)?.funderName ?? '',
      project: byId.get(d.grantId)?.project ?? '',
    }));
    return c.json({ items }, 200);
  })
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const db = c.var.db;
    const org = (await organisationId(db)) ?? NONE;
    const conditions: SQL[] = [eq(grants.organisationId, org)];
    if (query.status) conditions.push(eq(grants.status, query.status));
    if (query.funderId) conditions.push(eq(grants.funderId, query.funderId));
    const where = and(...conditions);
    const rows = await db
      .select({ row: grants, total: totalColumn() })
      .from(grants)
      .where(where)
      .orderBy(desc(grants.createdAt), desc(grants.id))
      .limit(query.pageSize)
      .offset(pageOffset(query));
    const page = await viewPage(
      rows,
      query,
      () => countWhere(db, grants, where),
      (list) => toGrants(db, list),
    );
    return c.json(page, 200);
  })
  .openapi(getRoute, async (c) => {
    const view = await grantView(c.var.db, c.req.valid('param').id);
    if (!view) {
      return problemResponse(c, 404, 'Cette demande de subvention n’existe pas.') as never;
    }
    return c.json(view, 200);
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    try {
      const made = await c.var.db.transaction(async (tx) => {
        const org = await organisationId(tx);
        const [funder] = await tx
          .select({ id: donors.id, kind: donors.kind, organisationId: donors.organisationId })
          .from(donors)
          .where(eq(donors.id, input.funderId));
        if (!funder || funder.organisationId !== org || !org) {
          throw new FundRefusal(422, 'Ce financeur n’existe pas.', 'UNKNOWN_FUNDER', 'funderId');
        }
        if (!FUNDER_KINDS.includes(funder.kind)) {
          throw new FundRefusal(
            422,
            'Une subvention se demande à une fondation ou à un organisme public.',
            'FUNDER_NOT_ELIGIBLE',
            'funderId',
          );
        }
        await checkCentre(tx, input.centreId);
        const [row] = await tx
          .insert(grants)
          .values({
            organisationId: org,
            funderId: input.funderId,
            callForProjects: input.callForProjects,
            project: input.project,
            amountRequestedCents: input.amountRequestedCents,
            submissionDeadline: input.submissionDeadline,
            reportDueOn: input.reportDueOn,
            centreId: input.centreId,
            notes: input.notes,
            createdBy: c.var.principal?.id ?? null,
          })
          .returning();
        if (!row) throw new Error('grant insert returned no row');
        const view = await grantView(tx, row.id);
        await recordAudit(tx, c, {
          action: 'fund.grant.create',
          entity: 'grant',
          entityId: row.id,
          after: view,
        });
        return view;
      });
      return c.json(made as NonNullable<typeof made>, 201);
    } catch (error) {
      return refused(c, error) as never;
    }
  })
  .openapi(patchRoute, async (c) => {
    const { id } = c.req.valid('param');
    // Only the fields sent: the patch schema has no defaults.
    const input = c.req.valid('json');
    try {
      const made = await c.var.db.transaction(async (tx) => {
        const row = await lockGrant(tx, id);
        if (row.status === 'closed') {
          throw new FundRefusal(
            422,
            'Cette demande est clôturée : elle ne se modifie plus.',
            'GRANT_CLOSED',
          );
        }
        await checkCentre(tx, input.centreId);
        const before = await grantView(tx, id);
        return saveGrant(tx, c, id, input, 'fund.grant.update', before);
      });
      return c.json(made as NonNullable<typeof made>, 200);
    } catch (error) {
      return refused(c, error) as never;
    }
  })
  .openapi(moveRoute, async (c) => {
    const { id } = c.req.valid('param');
    const move = c.req.valid('json');
    try {
      const made = await retryOnCodeTaken(() =>
        c.var.db.transaction(async (tx) => {
          const row = await lockGrant(tx, id);
          const status = row.status as GrantStatus;
          const verdict = judgeGrantMove(
            {
              status,
              amountRequestedCents: row.amountRequestedCents,
              amountAwardedCents: row.amountAwardedCents,
            },
            move,
          );
          if (!verdict.ok) throw new FundRefusal(422, verdict.reason, verdict.code, verdict.field);
          const before = await grantView(tx, id);
          const changes: Partial<typeof grants.$inferInsert> = { status: move.to };
          if (move.to === 'submitted') changes.submittedOn = move.on;
          if (move.to === 'rejected') changes.decisionOn = move.on;
          if (move.to === 'report_due') changes.reportDueOn = move.reportDueOn;
          if (move.to === 'closed') changes.closedOn = move.on;
          if (move.to === 'awarded') {
            changes.amountAwardedCents = move.amountAwardedCents;
            changes.decisionOn = move.on;
            if (!row.subFundId) {
              const fund = await openGrantSubFund(
                tx,
                row,
                before?.funderName ?? '',
                move.on.slice(0, 4),
                c.var.principal?.id ?? null,
              );
              changes.subFundId = fund.id;
              await recordAudit(tx, c, {
                action: 'fund.sub-fund.create',
                entity: 'sub_fund',
                entityId: fund.id,
                after: { ...fund, createdAt: fund.createdAt.toISOString() },
              });
            }
          }
          if (move.note) {
            const line = `${move.on} — ${GRANT_STATUS_LABELS[move.to]} : ${move.note}`;
            changes.notes = row.notes ? `${row.notes}\n${line}` : line;
          }
          return saveGrant(tx, c, id, changes, 'fund.grant.move', before);
        }),
      );
      return c.json(made as NonNullable<typeof made>, 200);
    } catch (error) {
      return refused(c, error) as never;
    }
  })
  .openapi(instalmentRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    try {
      const made = await c.var.db.transaction(async (tx) => {
        const row = await lockGrant(tx, id);
        if (row.status === 'closed' || row.status === 'rejected') {
          throw new FundRefusal(
            422,
            `Une demande « ${GRANT_STATUS_LABELS[row.status as GrantStatus]} » n’attend plus de versement.`,
            'GRANT_CLOSED',
          );
        }
        const scheduled = await tx
          .select({ amountCents: grantInstalments.amountCents })
          .from(grantInstalments)
          .where(eq(grantInstalments.grantId, id));
        const verdict = instalmentVerdict(
          row.amountAwardedCents,
          scheduled.map((s) => s.amountCents),
          input.amountCents,
        );
        if (!verdict.ok) throw new FundRefusal(422, verdict.reason, verdict.code, verdict.field);
        const [instalment] = await tx
          .insert(grantInstalments)
          .values({ grantId: id, expectedOn: input.expectedOn, amountCents: input.amountCents })
          .returning();
        const after = await grantView(tx, id);
        await recordAudit(tx, c, {
          action: 'fund.grant.instalment.plan',
          entity: 'grant_instalment',
          entityId: instalment?.id ?? null,
          after: { grantId: id, ...input },
        });
        return after;
      });
      return c.json(made as NonNullable<typeof made>, 201);
    } catch (error) {
      return refused(c, error) as never;
    }
  })
  .openapi(receivedRoute, async (c) => {
    const { id, instalmentId } = c.req.valid('param');
    const { receivedOn } = c.req.valid('json');
    try {
      const made = await c.var.db.transaction(async (tx) => {
        const row = await lockGrant(tx, id);
        const [instalment] = await tx
          .select()
          .from(grantInstalments)
          .where(and(eq(grantInstalments.id, instalmentId), eq(grantInstalments.grantId, id)));
        if (!instalment)
          throw new FundRefusal(404, 'Ce versement n’existe pas pour cette demande.');
        if (instalment.receivedOn) {
          throw new FundRefusal(
            409,
            `Ce versement est déjà enregistré comme reçu le ${instalment.receivedOn}.`,
            'ALREADY_RECEIVED',
          );
        }
        if (receivedOn > fundToday()) {
          throw new FundRefusal(
            422,
            'Un versement s’enregistre une fois reçu : la date ne peut être dans le futur.',
            'RECEIVED_IN_FUTURE',
            'receivedOn',
          );
        }
        if (!row.subFundId) throw new Error('an awarded grant has no sub-fund');
        const before = await grantView(tx, id);
        await tx
          .update(grantInstalments)
          .set({ receivedOn })
          .where(eq(grantInstalments.id, instalmentId));
        const entry = await appendEntry(tx, {
          organisationId: row.organisationId,
          subFundId: row.subFundId,
          occurredOn: receivedOn,
          amountCents: instalment.amountCents,
          kind: 'grant_instalment',
          label: `Versement de subvention : ${before?.funderName ?? ''} — ${row.project}`,
          grantInstalmentId: instalmentId,
          createdBy: c.var.principal?.id ?? null,
        });
        await tx.update(grants).set({ updatedAt: sql`now()` }).where(eq(grants.id, id));
        const after = await grantView(tx, id);
        await recordAudit(tx, c, {
          action: 'fund.grant.instalment.receive',
          entity: 'grant_instalment',
          entityId: instalmentId,
          before: before?.instalments.find((i) => i.id === instalmentId),
          after: {
            ...after?.instalments.find((i) => i.id === instalmentId),
            ledgerEntryId: entry.id,
          },
        });
        return after;
      });
      return c.json(made as NonNullable<typeof made>, 200);
    } catch (error) {
      return refused(c, error) as never;
    }
  });
