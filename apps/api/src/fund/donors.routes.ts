import { z } from '@hono/zod-openapi';
import {
  donation,
  donor,
  donorInput,
  donorListQuery,
  ERASED_DONOR_NAME,
  erasedDonorFields,
} from '@lakou/domain/fund';
import { fieldErrors, idParam, pageOffset, paginated, searchKey } from '@lakou/domain/shared';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { toPage, totalColumn } from '../db/paginate.ts';
import { donations, donors, grants, receiptDonations, receipts } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import { donationColumns, donationDefs, toDonation } from './donations.write.ts';
import {
  donorAsInput,
  donorAuditView,
  donorPatch,
  donorSearchKey,
  donorTotals,
  loadDonor,
  toDonor,
} from './donors.queries.ts';
import { countWhere } from './fund.pages.ts';
import { organisationId } from './fund.queries.ts';

const TAGS = ['Fonds de dotation'];
const denied = DENIED_RESPONSES;
const NOT_FOUND = 'Ce donateur n’existe pas.';
const NO_ORGANISATION = 'Le réseau n’est pas encore configuré : aucune organisation.';
const ERASED =
  'Ce donateur a été anonymisé à sa demande (RGPD) : ses données ne peuvent plus être modifiées.';

const eraseInput = z.object({
  confirm: z.literal(true, {
    error: 'Confirmez l’effacement (confirm: true) : il est définitif.',
  }),
});

/** A receipt as the GDPR export gives it: with what it printed of the donor. */
const exportedReceipt = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.string(),
  issuedOn: z.string(),
  totalCents: z.number().int(),
  status: z.string(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  snapshot: z.unknown().describe('The donor and the gifts as printed on the receipt.'),
});

export const donorExport = z
  .object({
    exportedAt: z.string(),
    notice: z.string(),
    donor: donor.extend({
      consentAt: z.string().nullable(),
      updatedAt: z.string(),
    }),
    donations: z.array(donation),
    receipts: z.array(exportedReceipt),
    grants: z
      .array(
        z.object({
          id: z.string(),
          callForProjects: z.string(),
          project: z.string(),
          status: z.string(),
          amountRequestedCents: z.number().int(),
          amountAwardedCents: z.number().int().nullable(),
          notes: z.string().nullable(),
        }),
      )
      .describe('Grants asked from this donor as a funder (foundations, public bodies).'),
  })
  .meta({ id: 'DonorExport' });

const listRoute = guardedRoute({
  policy: requires('fund.read'),
  method: 'get',
  path: '/donors',
  tags: TAGS,
  summary: 'Donors, by name; search in name, e-mail and city',
  request: { query: donorListQuery },
  responses: {
    200: {
      description: 'A page of donors with what they gave',
      content: { 'application/json': { schema: paginated(donor) } },
    },
    400: problemContent('Invalid filter'),
    ...denied,
  },
});

const getRoute = guardedRoute({
  policy: requires('fund.read'),
  method: 'get',
  path: '/donors/{id}',
  tags: TAGS,
  summary: 'One donor',
  request: { params: idParam },
  responses: {
    200: { description: 'The donor', content: { 'application/json': { schema: donor } } },
    400: problemContent('Invalid id'),
    404: problemContent('No such donor'),
    ...denied,
  },
});

const createRoute = guardedRoute({
  policy: requires('donation.write'),
  method: 'post',
  path: '/donors',
  tags: TAGS,
  summary: 'Record a donor: a person, a company, a foundation or a public body',
  request: { body: { required: true, content: { 'application/json': { schema: donorInput } } } },
  responses: {
    201: { description: 'Recorded', content: { 'application/json': { schema: donor } } },
    400: problemContent('Invalid input'),
    ...denied,
  },
});

const patchRoute = guardedRoute({
  policy: requires('donation.write'),
  method: 'patch',
  path: '/donors/{id}',
  tags: TAGS,
  summary: 'Change some of a donor’s details (the donor is checked whole afterwards)',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: donorPatch } } },
  },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: donor } } },
    400: problemContent('Invalid input'),
    404: problemContent('No such donor'),
    409: problemContent('The donor was erased'),
    ...denied,
  },
});

const exportRoute = guardedRoute({
  policy: requires('donation.write'),
  method: 'get',
  path: '/donors/{id}/export',
  tags: TAGS,
  summary: 'GDPR access and portability: every piece of data held on the donor, as a JSON file',
  request: { params: idParam },
  responses: {
    200: {
      description: 'The donor, their gifts and receipts (Content-Disposition: attachment)',
      content: { 'application/json': { schema: donorExport } },
    },
    400: problemContent('Invalid id'),
    404: problemContent('No such donor'),
    ...denied,
  },
});

const eraseRoute = guardedRoute({
  policy: requires('fund.write'),
  method: 'post',
  path: '/donors/{id}/erase',
  tags: TAGS,
  summary:
    'GDPR erasure: the donor becomes « Donateur anonymisé »; gifts, ledger and receipts stay (accounting and tax law)',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: eraseInput } } },
  },
  responses: {
    200: {
      description: 'Anonymised',
      content: {
        'application/json': {
          schema: donor.extend({
            notice: z.string().describe('What was kept and why.'),
          }),
        },
      },
    },
    400: problemContent('Not confirmed'),
    404: problemContent('No such donor'),
    409: problemContent('Already erased'),
    ...denied,
  },
});

const KEPT_NOTICE =
  'Les données personnelles du donateur sont effacées. Ses dons et les écritures du grand livre sont conservés sous le nom « Donateur anonymisé » (obligation comptable). Les copies des reçus fiscaux déjà émis sont conservées telles qu’émises : le fonds doit pouvoir les présenter à l’administration fiscale pendant le délai de contrôle (article L102 B du livre des procédures fiscales).';

export const donorsRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const conditions: SQL[] = [];
    if (query.q) conditions.push(sql`${donors.searchKey} like ${`%${searchKey(query.q)}%`}`);
    if (query.kind) conditions.push(eq(donors.kind, query.kind));
    const where = conditions.length ? and(...conditions) : undefined;
    const rows = await c.var.db
      .select({ row: donors, ...donorTotals, total: totalColumn() })
      .from(donors)
      .where(where)
      .orderBy(asc(donors.name), asc(donors.id))
      .limit(query.pageSize)
      .offset(pageOffset(query));
    const page = await toPage(
      rows,
      query,
      () => countWhere(c.var.db, donors, where),
      ({ row, ...totals }) => toDonor(row, totals),
    );
    return c.json(page, 200);
  })
  .openapi(getRoute, async (c) => {
    const found = await loadDonor(c.var.db, c.req.valid('param').id);
    if (!found) return problemResponse(c, 404, NOT_FOUND) as never;
    return c.json(found, 200);
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    const made = await c.var.db.transaction(async (tx) => {
      const org = await organisationId(tx);
      if (!org) return null;
      const [row] = await tx
        .insert(donors)
        .values({
          organisationId: org,
          ...input,
          email: input.email?.toLowerCase() ?? null,
          consentAt: input.consentToContact ? sql`now()` : null,
          searchKey: donorSearchKey(input),
          createdBy: c.var.principal?.id ?? null,
        })
        .returning();
      if (!row) throw new Error('donor not written');
      const view = toDonor(row, { totalGivenCents: 0, lastGiftOn: null });
      await recordAudit(tx, c, {
        action: 'fund.donor.create',
        entity: 'donor',
        entityId: row.id,
        after: donorAuditView(view, Object.keys(input)),
      });
      return view;
    });
    if (!made) return problemResponse(c, 422, NO_ORGANISATION) as never;
    return c.json(made, 201);
  })
  .openapi(patchRoute, async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const result = await c.var.db.transaction(async (tx) => {
      const [before] = await tx.select().from(donors).where(eq(donors.id, id)).for('update');
      if (!before) return { status: 404 as const };
      if (before.erasedAt) return { status: 409 as const };
      const merged = donorInput.safeParse({
        ...donorAsInput(before),
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      });
      if (!merged.success)
        return { status: 400 as const, errors: fieldErrors(merged.error.issues) };
      const next = merged.data;
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
        (k) => next[k] !== donorAsInput(before)[k],
      );
      const consentAt =
        next.consentToContact === before.consentToContact
          ? before.consentAt
          : next.consentToContact
            ? new Date()
            : null;
      await tx
        .update(donors)
        .set({
          ...next,
          email: next.email?.toLowerCase() ?? null,
          consentAt,
          searchKey: donorSearchKey(next),
          updatedAt: sql`now()`,
        })
        .where(eq(donors.id, id));
      const after = await loadDonor(tx, id);
      if (!after) throw new Error('donor vanished');
      await recordAudit(tx, c, {
        action: 'fund.donor.update',
        entity: 'donor',
        entityId: id,
        after: donorAuditView(after, changed),
      });
      return { status: 200 as const, donor: after };
    });
    if (result.status === 404) return problemResponse(c, 404, NOT_FOUND) as never;
    if (result.status === 409)
      return problemResponse(c, 409, ERASED, { code: 'DONOR_ERASED' }) as never;
    if (result.status === 400)
      return problemResponse(c, 400, 'Certaines valeurs envoyées sont invalides.', {
        type: 'urn:lakou:problem:validation',
        errors: result.errors,
      }) as never;
    return c.json(result.donor, 200);
  })
  .openapi(exportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const out = await c.var.db.transaction(async (tx) => {
      const [row] = await tx.select().from(donors).where(eq(donors.id, id));
      if (!row) return null;
      const view = await loadDonor(tx, id);
      if (!view) return null;
      const gifts = await tx
        .select(donationColumns)
        .from(donations)
        .leftJoin(donors, eq(donors.id, donations.donorId))
        .where(eq(donations.donorId, id))
        .orderBy(desc(donations.receivedOn), desc(donations.createdAt));
      const defs = await donationDefs(tx);
      const issued = await tx
        .select()
        .from(receipts)
        .where(eq(receipts.donorId, id))
        .orderBy(asc(receipts.year), asc(receipts.sequence));
      const asked = await tx
        .select({
          id: grants.id,
          callForProjects: grants.callForProjects,
          project: grants.project,
          status: grants.status,
          amountRequestedCents: grants.amountRequestedCents,
          amountAwardedCents: grants.amountAwardedCents,
          notes: grants.notes,
        })
        .from(grants)
        .where(eq(grants.funderId, id))
        .orderBy(asc(grants.createdAt));
      const body = {
        exportedAt: new Date().toISOString(),
        notice:
          'Toutes les données que le fonds de dotation détient sur ce donateur : sa fiche, ses dons, ses reçus fiscaux (tels qu’émis) et les subventions qui lui ont été demandées. Le journal d’audit ne garde de lui que des identifiants.',
        donor: {
          ...view,
          consentAt: row.consentAt ? row.consentAt.toISOString() : null,
          updatedAt: row.updatedAt.toISOString(),
        },
        donations: gifts.map((g) => toDonation(g, defs)),
        receipts: issued.map((r) => ({
          id: r.id,
          number: r.number,
          kind: r.kind,
          issuedOn: r.issuedOn,
          totalCents: r.totalCents,
          status: r.status,
          cancelledAt: r.cancelledAt ? r.cancelledAt.toISOString() : null,
          cancelReason: r.cancelReason,
          snapshot: r.snapshot,
        })),
        grants: asked,
      };
      // Who read a person's data, and when, is part of the record (not the data itself).
      await recordAudit(tx, c, {
        action: 'fund.donor.export',
        entity: 'donor',
        entityId: id,
        after: {
          donations: body.donations.length,
          receipts: body.receipts.length,
          grants: body.grants.length,
        },
      });
      return body;
    });
    if (!out) return problemResponse(c, 404, NOT_FOUND) as never;
    c.header(
      'Content-Disposition',
      `attachment; filename="donateur-${id}-${out.exportedAt.slice(0, 10)}.json"`,
    );
    return c.json(out, 200);
  })
  .openapi(eraseRoute, async (c) => {
    const { id } = c.req.valid('param');
    const result = await c.var.db.transaction(async (tx) => {
      const [before] = await tx.select().from(donors).where(eq(donors.id, id)).for('update');
      if (!before) return 404 as const;
      if (before.erasedAt) return 409 as const;
      const blank = erasedDonorFields();
      await tx
        .update(donors)
        .set({
          ...blank,
          consentAt: null,
          searchKey: searchKey(ERASED_DONOR_NAME),
          erasedAt: sql`now()`,
          updatedAt: sql`now()`,
        })
        .where(eq(donors.id, id));
      const after = await loadDonor(tx, id);
      if (!after) throw new Error('donor vanished');
      const [kept] = await tx
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(receiptDonations)
        .innerJoin(donations, eq(donations.id, receiptDonations.donationId))
        .where(eq(donations.donorId, id));
      await recordAudit(tx, c, {
        action: 'fund.donor.erase',
        entity: 'donor',
        entityId: id,
        after: { ...donorAuditView(after, Object.keys(blank)), receiptLinesKept: kept?.n ?? 0 },
      });
      return after;
    });
    if (result === 404) return problemResponse(c, 404, NOT_FOUND) as never;
    if (result === 409)
      return problemResponse(c, 409, 'Ce donateur est déjà anonymisé.', {
        code: 'ALREADY_ERASED',
      }) as never;
    return c.json({ ...result, notice: KEPT_NOTICE }, 200);
  });
