import { z } from '@hono/zod-openapi';
import type { CustomValues } from '@lakou/domain/config';
import {
  circularStreamOf,
  type DonorKind,
  donation,
  donationInput,
  donationListQuery,
  donationPatch,
  type InKindDonationInput,
  type MoneyDonationInput,
} from '@lakou/domain/fund';
import { idParam, pageOffset, paginated } from '@lakou/domain/shared';
import { and, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { recordGiftInflow } from '../circular/inflows.write.ts';
import { customValuesProblem, storeCustomValues } from '../config/custom-values.ts';
import { itemAccepted } from '../config/lists.queries.ts';
import { checkNewRow, checkPatch } from '../config/row-custom.ts';
import { countedPage } from '../db/paginate.ts';
import {
  centres,
  donations,
  donors,
  partners,
  receiptDonations,
  subFunds,
} from '../db/schema/index.ts';
import { bodyCentre, DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import {
  donationAuditView,
  donationColumns,
  donationDefs,
  loadDonation,
  recordMoneyDonation,
  toDonation,
} from './donations.write.ts';
import { countWhere } from './fund.pages.ts';
import { fundToday, organisationId, type Tx } from './fund.queries.ts';

const TAGS = ['Fonds de dotation'];
const denied = DENIED_RESPONSES;

const listRoute = guardedRoute({
  policy: requires('fund.read'),
  method: 'get',
  path: '/donations',
  tags: TAGS,
  summary: 'Gifts in money and in kind, newest first',
  request: { query: donationListQuery },
  responses: {
    200: {
      description: 'A page of gifts',
      content: { 'application/json': { schema: paginated(donation) } },
    },
    400: problemContent('Invalid filter'),
    ...denied,
  },
});

const getRoute = guardedRoute({
  policy: requires('fund.read'),
  method: 'get',
  path: '/donations/{id}',
  tags: TAGS,
  summary: 'One gift',
  request: { params: idParam },
  responses: {
    200: { description: 'The gift', content: { 'application/json': { schema: donation } } },
    400: problemContent('Invalid id'),
    404: problemContent('No such gift'),
    ...denied,
  },
});

const createRoute = guardedRoute({
  // In kind: the receiving centre is the subject (a manager records only for their centres).
  policy: requires('donation.write', bodyCentre),
  method: 'post',
  path: '/donations',
  tags: TAGS,
  summary:
    'Record a gift: money (with its ledger entry on the sub-fund) or goods (valued, received by a centre)',
  request: {
    body: { required: true, content: { 'application/json': { schema: donationInput } } },
  },
  responses: {
    201: { description: 'Recorded', content: { 'application/json': { schema: donation } } },
    400: problemContent('Invalid input'),
    409: problemContent('Reference already recorded'),
    422: problemContent('Unknown donor, sub-fund, centre or partner; date in the future'),
    ...denied,
  },
});

/** The centre of the gift named in the path (goods: the receiving centre; money: none). */
async function pathDonationCentre(c: Context<ApiEnv>) {
  const id = c.req.param('id') ?? '';
  if (!z.uuid().safeParse(id).success) return { centreId: null };
  const [row] = await c.var.db
    .select({ centreId: donations.centreId })
    .from(donations)
    .where(eq(donations.id, id));
  return { centreId: row?.centreId ?? null };
}

const patchRoute = guardedRoute({
  policy: requires('donation.write', pathDonationCentre),
  method: 'patch',
  path: '/donations/{id}',
  tags: TAGS,
  summary:
    'Change a gift’s custom values (only the keys sent are checked; null erases an optional one; values of retired fields are kept)',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: donationPatch } } },
  },
  responses: {
    200: { description: 'The gift', content: { 'application/json': { schema: donation } } },
    400: problemContent('Invalid input, or a custom value the fields refuse'),
    404: problemContent('No such gift'),
    ...denied,
  },
});

type Refusal = { status: 409 | 422; detail: string; field?: string; code: string };
const refuse = (
  status: 409 | 422,
  code: string,
  detail: string,
  field?: string,
): { refusal: Refusal } => ({ refusal: { status, code, detail, field } });

/** The donor a gift names: it must exist and not have been erased. */
async function checkDonor(tx: Tx, donorId: string | null) {
  if (!donorId) return { donor: null };
  const [d] = await tx
    .select({ kind: donors.kind, name: donors.name, erasedAt: donors.erasedAt })
    .from(donors)
    .where(eq(donors.id, donorId));
  if (!d) return refuse(422, 'UNKNOWN_DONOR', 'Ce donateur n’existe pas.', 'donorId');
  if (d.erasedAt)
    return refuse(
      422,
      'DONOR_ERASED',
      'Ce donateur a été anonymisé : un nouveau don ne peut pas lui être rattaché.',
      'donorId',
    );
  return { donor: { kind: d.kind as DonorKind, name: d.name } };
}

async function recordMoney(
  tx: Tx,
  org: string,
  input: MoneyDonationInput,
  userId: string | null,
  custom: CustomValues,
) {
  const donor = await checkDonor(tx, input.donorId);
  if ('refusal' in donor) return donor;
  const [fund] = await tx
    .select({ id: subFunds.id })
    .from(subFunds)
    .where(eq(subFunds.id, input.subFundId));
  if (!fund) return refuse(422, 'UNKNOWN_SUB_FUND', 'Ce sous-fonds n’existe pas.', 'subFundId');
  if (input.reference) {
    const [taken] = await tx
      .select({ id: donations.id })
      .from(donations)
      .where(
        and(
          eq(donations.organisationId, org),
          eq(donations.kind, 'money'),
          eq(donations.reference, input.reference),
        ),
      );
    if (taken)
      return refuse(
        409,
        'REFERENCE_TAKEN',
        `Un don porte déjà la référence « ${input.reference} ».`,
        'reference',
      );
  }
  const { donation: row } = await recordMoneyDonation(tx, {
    organisationId: org,
    donorId: input.donorId,
    donor: donor.donor,
    receivedOn: input.receivedOn,
    amountCents: input.amountCents,
    method: input.method,
    subFundId: input.subFundId,
    reference: input.reference,
    note: input.note,
    createdBy: userId,
    custom,
  });
  return { id: row.id };
}

async function recordInKind(
  tx: Tx,
  org: string,
  input: InKindDonationInput,
  userId: string | null,
  custom: CustomValues,
) {
  const donor = await checkDonor(tx, input.donorId);
  if ('refusal' in donor) return donor;
  const [centre] = await tx
    .select({ id: centres.id })
    .from(centres)
    .where(eq(centres.id, input.centreId));
  if (!centre) return refuse(422, 'UNKNOWN_CENTRE', 'Ce centre n’existe pas.', 'centreId');
  if (!(await itemAccepted(tx, 'donation_category', input.category))) {
    return refuse(
      422,
      'UNKNOWN_CATEGORY',
      'Cette catégorie de don n’existe pas ou n’est plus proposée.',
      'category',
    );
  }
  if (input.partnerId) {
    const [partner] = await tx
      .select({ id: partners.id })
      .from(partners)
      .where(eq(partners.id, input.partnerId));
    if (!partner)
      return refuse(
        422,
        'UNKNOWN_PARTNER',
        'Cette association partenaire n’existe pas.',
        'partnerId',
      );
  }
  const [row] = await tx
    .insert(donations)
    .values({
      organisationId: org,
      kind: 'in_kind',
      donorId: input.donorId,
      receivedOn: input.receivedOn,
      amountCents: input.valuationCents,
      note: input.note,
      description: input.description,
      category: input.category,
      quantity: input.quantity,
      unit: input.unit,
      condition: input.condition,
      valuationMethod: input.valuationMethod,
      evidence: input.evidence,
      centreId: input.centreId,
      partnerId: input.partnerId,
      massGrams: input.massGrams,
      circularStream: input.massGrams !== null ? (circularStreamOf(input.category) ?? null) : null,
      custom,
      createdBy: userId,
    })
    .returning({
      id: donations.id,
      massGrams: donations.massGrams,
      circularStream: donations.circularStream,
    });
  if (!row) throw new Error('donation not written');
  if (row.massGrams !== null && row.circularStream !== null) {
    // Goods with a mass enter the receiving centre's stock of their stream (same transaction).
    await recordGiftInflow(tx, {
      organisationId: org,
      donationId: row.id,
      centreId: input.centreId,
      streamCode: row.circularStream,
      massGrams: row.massGrams,
      receivedOn: input.receivedOn,
      createdBy: userId,
    });
  }
  return { id: row.id };
}

export const donationsRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const conditions: SQL[] = [];
    if (query.kind) conditions.push(eq(donations.kind, query.kind));
    if (query.donorId) conditions.push(eq(donations.donorId, query.donorId));
    if (query.centreId) conditions.push(eq(donations.centreId, query.centreId));
    if (query.from) conditions.push(gte(donations.receivedOn, query.from));
    if (query.to) conditions.push(lte(donations.receivedOn, query.to));
    const live = sql`exists (select 1 from ${receiptDonations} where ${receiptDonations.donationId} = ${donations.id} and ${receiptDonations.live})`;
    if (query.unreceipted === true) conditions.push(sql`not ${live}`);
    if (query.unreceipted === false) conditions.push(live);
    const where = conditions.length ? and(...conditions) : undefined;
    const defs = await donationDefs(c.var.db);
    const rows = await c.var.db
      .select(donationColumns)
      .from(donations)
      .leftJoin(donors, eq(donors.id, donations.donorId))
      .where(where)
      .orderBy(desc(donations.receivedOn), desc(donations.createdAt), desc(donations.id))
      .limit(query.pageSize)
      .offset(pageOffset(query));
    const page = await countedPage(
      rows,
      query,
      () => countWhere(c.var.db, donations, where),
      (row) => toDonation(row, defs),
    );
    return c.json(page, 200);
  })
  .openapi(getRoute, async (c) => {
    const defs = await donationDefs(c.var.db);
    const found = await loadDonation(c.var.db, c.req.valid('param').id, defs);
    if (!found) return problemResponse(c, 404, 'Ce don n’existe pas.') as never;
    return c.json(found, 200);
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    if (input.receivedOn > fundToday()) {
      return problemResponse(c, 422, 'La date de réception ne peut pas être dans le futur.', {
        code: 'DATE_IN_FUTURE',
        errors: [{ field: 'receivedOn', message: 'Date dans le futur.' }],
      }) as never;
    }
    // Money: the network's `donation` fields; goods: the receiving centre's `in_kind_donation` ones.
    const { check } =
      input.kind === 'money'
        ? await checkNewRow(c.var.db, 'donation', null, input.custom)
        : await checkNewRow(c.var.db, 'in_kind_donation', input.centreId, input.custom);
    if (!check.ok) return customValuesProblem(c, check) as never;
    const defs = await donationDefs(c.var.db);
    const userId = c.var.principal?.id ?? null;
    const result = await c.var.db.transaction(async (tx) => {
      const org = await organisationId(tx);
      if (!org)
        return refuse(422, 'NO_ORGANISATION', 'Le réseau n’est pas encore configuré.').refusal;
      const made =
        input.kind === 'money'
          ? await recordMoney(tx, org, input, userId, check.values)
          : await recordInKind(tx, org, input, userId, check.values);
      if ('refusal' in made) return made.refusal;
      const view = await loadDonation(tx, made.id, defs);
      if (!view) throw new Error('donation vanished');
      await recordAudit(tx, c, {
        action: input.kind === 'money' ? 'fund.donation.money' : 'fund.donation.in_kind',
        entity: 'donation',
        entityId: view.id,
        after: donationAuditView(view),
      });
      return view;
    });
    if ('status' in result) {
      return problemResponse(c, result.status, result.detail, {
        code: result.code,
        ...(result.field ? { errors: [{ field: result.field, message: result.detail }] } : {}),
      }) as never;
    }
    return c.json(result, 201);
  })
  .openapi(patchRoute, async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const [found] = await c.var.db
      .select({ kind: donations.kind, centreId: donations.centreId })
      .from(donations)
      .where(eq(donations.id, id));
    if (!found) return problemResponse(c, 404, 'Ce don n’existe pas.') as never;
    const { check } =
      found.kind === 'money'
        ? await checkPatch(c.var.db, 'donation', null, patch.custom)
        : await checkPatch(c.var.db, 'in_kind_donation', found.centreId, patch.custom);
    if (!check.ok) return customValuesProblem(c, check) as never;
    const defs = await donationDefs(c.var.db);
    const after = await c.var.db.transaction(async (tx) => {
      const before = await loadDonation(tx, id, defs);
      const [stored] = await tx
        .select({ custom: donations.custom })
        .from(donations)
        .where(eq(donations.id, id))
        .for('update');
      await tx
        .update(donations)
        .set({ custom: storeCustomValues(stored?.custom, check.values) })
        .where(eq(donations.id, id));
      const view = await loadDonation(tx, id, defs);
      if (!before || !view) throw new Error('donation vanished');
      await recordAudit(tx, c, {
        action: 'fund.donation.custom',
        entity: 'donation',
        entityId: id,
        before: donationAuditView(before),
        after: donationAuditView(view),
      });
      return view;
    });
    return c.json(after, 200);
  });
