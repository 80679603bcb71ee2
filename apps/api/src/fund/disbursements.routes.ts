import { disbursement, disbursementInput, disbursementListQuery } from '@lakou/domain/fund';
import { idParam, pageOffset, paginated } from '@lakou/domain/shared';
import { and, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { totalColumn } from '../db/paginate.ts';
import {
  centres,
  disbursementGoods,
  disbursements,
  donations,
  partnerCentres,
  partners,
  subFunds,
} from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import { disbursementView, toDisbursements } from './disbursements.views.ts';
import { countWhere, viewPage } from './fund.pages.ts';
import { appendEntry, type Executor, lockSubFund, organisationId } from './fund.queries.ts';
import { checkOutflow, FundRefusal } from './funds.views.ts';

const TAGS = ['Fonds de dotation'];
const NONE = '00000000-0000-0000-0000-000000000000';

const listRoute = guardedRoute({
  policy: requires('fund.read'),
  method: 'get',
  path: '/disbursements',
  tags: TAGS,
  summary: 'What the fund gave, newest first; by sub-fund, beneficiary and dates of payment',
  request: { query: disbursementListQuery },
  responses: {
    200: {
      description: 'A page of disbursements',
      content: { 'application/json': { schema: paginated(disbursement) } },
    },
    400: problemContent('Invalid filter'),
    ...DENIED_RESPONSES,
  },
});

const getRoute = guardedRoute({
  policy: requires('fund.read'),
  method: 'get',
  path: '/disbursements/{id}',
  tags: TAGS,
  summary: 'One disbursement with its decision',
  request: { params: idParam },
  responses: {
    200: {
      description: 'The disbursement',
      content: { 'application/json': { schema: disbursement } },
    },
    400: problemContent('Invalid id'),
    404: problemContent('No such disbursement'),
    ...DENIED_RESPONSES,
  },
});

const createRoute = guardedRoute({
  policy: requires('fund.write'),
  method: 'post',
  path: '/disbursements',
  tags: TAGS,
  summary:
    'Give money (never more than the sub-fund’s available balance) or goods received in kind to a centre or a partner association, on a board decision',
  request: {
    body: { required: true, content: { 'application/json': { schema: disbursementInput } } },
  },
  responses: {
    201: {
      description: 'Recorded',
      content: { 'application/json': { schema: disbursement } },
    },
    400: problemContent('Invalid input'),
    422: problemContent(
      'Not enough available (INSUFFICIENT_BALANCE), endowment not consumable (ENDOWMENT_NOT_CONSUMABLE), sub-fund restricted to another centre, unknown beneficiary, goods unknown or already passed on',
    ),
    ...DENIED_RESPONSES,
  },
});

/** The beneficiary exists; its name for the ledger's label. */
async function beneficiaryName(
  db: Executor,
  input: { centreId: string | null; partnerId: string | null },
): Promise<string> {
  if (input.centreId) {
    const [centre] = await db
      .select({ name: centres.name })
      .from(centres)
      .where(eq(centres.id, input.centreId));
    if (!centre)
      throw new FundRefusal(422, 'Ce centre n’existe pas.', 'UNKNOWN_CENTRE', 'centreId');
    return centre.name;
  }
  const [partner] = await db
    .select({ name: partners.name })
    .from(partners)
    .where(eq(partners.id, input.partnerId ?? NONE));
  if (!partner) {
    throw new FundRefusal(
      422,
      'Cette association partenaire n’existe pas.',
      'UNKNOWN_PARTNER',
      'partnerId',
    );
  }
  return partner.name;
}

/** Money restricted to a centre goes to that centre or to a partner association working with it. */
async function checkRestriction(
  db: Executor,
  fundCentreId: string | null,
  input: { centreId: string | null; partnerId: string | null },
) {
  if (!fundCentreId) return;
  if (input.centreId === fundCentreId) return;
  if (input.partnerId) {
    const [link] = await db
      .select({ partnerId: partnerCentres.partnerId })
      .from(partnerCentres)
      .where(
        and(
          eq(partnerCentres.partnerId, input.partnerId),
          eq(partnerCentres.centreId, fundCentreId),
        ),
      );
    if (link) return;
  }
  throw new FundRefusal(
    422,
    'Ce sous-fonds est affecté à un autre centre : il ne peut financer que ce centre ou ses associations partenaires.',
    'RESTRICTED_TO_CENTRE',
    'subFundId',
  );
}

export const disbursementsRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const db = c.var.db;
    const org = (await organisationId(db)) ?? NONE;
    const conditions: SQL[] = [eq(disbursements.organisationId, org)];
    if (query.subFundId) conditions.push(eq(disbursements.subFundId, query.subFundId));
    if (query.centreId) conditions.push(eq(disbursements.centreId, query.centreId));
    if (query.partnerId) conditions.push(eq(disbursements.partnerId, query.partnerId));
    if (query.from) conditions.push(gte(disbursements.paidOn, query.from));
    if (query.to) conditions.push(lte(disbursements.paidOn, query.to));
    const where = and(...conditions);
    const rows = await db
      .select({ row: disbursements, total: totalColumn() })
      .from(disbursements)
      .where(where)
      .orderBy(desc(disbursements.paidOn), desc(disbursements.createdAt), desc(disbursements.id))
      .limit(query.pageSize)
      .offset(pageOffset(query));
    const page = await viewPage(
      rows,
      query,
      () => countWhere(db, disbursements, where),
      (list) => toDisbursements(db, list),
    );
    return c.json(page, 200);
  })
  .openapi(getRoute, async (c) => {
    const view = await disbursementView(c.var.db, c.req.valid('param').id);
    if (!view) return problemResponse(c, 404, 'Ce décaissement n’existe pas.') as never;
    return c.json(view, 200);
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    try {
      const made = await c.var.db.transaction(async (tx) => {
        const org = await organisationId(tx);
        if (!org) throw new FundRefusal(422, 'Aucune organisation n’est encore enregistrée.');
        const name = await beneficiaryName(tx, input);
        let amountCents: number;
        let donationIds: string[] = [];
        let subFundId = input.subFundId;
        if (input.kind === 'money') {
          amountCents = input.amountCents ?? 0;
          // The row lock on the sub-fund: concurrent disbursements queue here, one by one.
          const fund = await lockSubFund(tx, input.subFundId ?? NONE);
          if (!fund || fund.organisationId !== org) {
            throw new FundRefusal(
              422,
              'Ce sous-fonds n’existe pas.',
              'UNKNOWN_SUB_FUND',
              'subFundId',
            );
          }
          const [restriction] = await tx
            .select({ centreId: subFunds.centreId })
            .from(subFunds)
            .where(eq(subFunds.id, fund.id));
          await checkRestriction(tx, restriction?.centreId ?? null, input);
          await checkOutflow(tx, fund, amountCents, input.paidOn, 'disbursement');
        } else {
          donationIds = [...new Set(input.donationIds.map((id) => id.toLowerCase()))];
          const gifts = await tx
            .select({
              id: donations.id,
              kind: donations.kind,
              organisationId: donations.organisationId,
              amountCents: donations.amountCents,
            })
            .from(donations)
            .where(inArray(donations.id, donationIds))
            .for('update');
          const inKind = gifts.filter((g) => g.kind === 'in_kind' && g.organisationId === org);
          if (inKind.length !== donationIds.length) {
            throw new FundRefusal(
              422,
              'Seuls des dons en nature enregistrés peuvent être transmis.',
              'NOT_IN_KIND',
              'donationIds',
            );
          }
          const passed = await tx
            .select({ donationId: disbursementGoods.donationId })
            .from(disbursementGoods)
            .where(inArray(disbursementGoods.donationId, donationIds));
          if (passed.length > 0) {
            throw new FundRefusal(
              422,
              'Certains de ces dons en nature ont déjà été transmis.',
              'ALREADY_PASSED_ON',
              'donationIds',
            );
          }
          amountCents = inKind.reduce((sum, g) => sum + g.amountCents, 0);
          if (subFundId) {
            const [fund] = await tx
              .select({ id: subFunds.id })
              .from(subFunds)
              .where(and(eq(subFunds.id, subFundId), eq(subFunds.organisationId, org)));
            if (!fund) {
              throw new FundRefusal(
                422,
                'Ce sous-fonds n’existe pas.',
                'UNKNOWN_SUB_FUND',
                'subFundId',
              );
            }
          } else subFundId = null;
        }
        const [row] = await tx
          .insert(disbursements)
          .values({
            organisationId: org,
            kind: input.kind,
            centreId: input.centreId,
            partnerId: input.partnerId,
            subFundId,
            amountCents,
            purpose: input.purpose,
            decisionOn: input.decisionOn,
            decisionRef: input.decisionRef,
            paidOn: input.paidOn,
            createdBy: c.var.principal?.id ?? null,
          })
          .returning();
        if (!row) throw new Error('disbursement insert returned no row');
        if (input.kind === 'money') {
          await appendEntry(tx, {
            organisationId: org,
            subFundId: row.subFundId ?? NONE,
            occurredOn: input.paidOn,
            amountCents: -amountCents,
            kind: 'disbursement',
            label: `Décaissement à ${name} : ${input.purpose}`,
            disbursementId: row.id,
            createdBy: c.var.principal?.id ?? null,
          });
        } else {
          await tx
            .insert(disbursementGoods)
            .values(donationIds.map((donationId) => ({ disbursementId: row.id, donationId })));
        }
        const view = await disbursementView(tx, row.id);
        await recordAudit(tx, c, {
          action: 'fund.disbursement.create',
          entity: 'disbursement',
          entityId: row.id,
          after: view,
        });
        return view;
      });
      return c.json(made as NonNullable<typeof made>, 201);
    } catch (error) {
      if (error instanceof FundRefusal) {
        return problemResponse(c, error.status, error.message, error.extra()) as never;
      }
      if (isUniqueViolation(error)) {
        return problemResponse(c, 422, 'Certains de ces dons en nature ont déjà été transmis.', {
          code: 'ALREADY_PASSED_ON',
          errors: [{ field: 'donationIds', message: 'Déjà transmis.' }],
        }) as never;
      }
      throw error;
    }
  });
