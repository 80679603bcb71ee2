import { z } from '@hono/zod-openapi';
import { receipt, receiptCancelInput, receiptInput, receiptListQuery } from '@lakou/domain/fund';
import { idParam, pageOffset, paginated } from '@lakou/domain/shared';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { totalColumn } from '../db/paginate.ts';
import { receipts } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import { countWhere, viewPage } from './fund.pages.ts';
import { fundToday, organisationId } from './fund.queries.ts';
import { type ReceiptSnapshot, renderReceiptPdf } from './receipt-pdf.ts';
import { cancelReceipt, issueReceipt, loadReceipts, ReceiptRefusal } from './receipts.write.ts';

const TAGS = ['Fund'];
const denied = DENIED_RESPONSES;

const refusals = problemContent(
  'Refused (code says why): NOT_ELIGIBLE, ADDRESS_REQUIRED, DONOR_ERASED, ANONYMOUS_GIFT, NOTHING_TO_RECEIPT, GIFT_REVERSED, FUND_IDENTITY_MISSING',
);

const listRoute = guardedRoute({
  policy: requires('fund.read'),
  method: 'get',
  path: '/receipts',
  tags: TAGS,
  summary: 'Tax receipts, newest number first; by year of issue, donor or status',
  request: { query: receiptListQuery },
  responses: {
    200: {
      description: 'A page of receipts',
      content: { 'application/json': { schema: paginated(receipt) } },
    },
    400: problemContent('Invalid filter'),
    ...denied,
  },
});

/** `<id>` answers the receipt; `<id>.pdf` its PDF, as `/receipts/{id}/pdf` does. */
const receiptOrPdfParam = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\.pdf)?$/i, {
      error: 'Identifiant de reçu invalide.',
    })
    .openapi({ description: 'The receipt’s id; with « .pdf » appended, its PDF.' }),
});

const pdfContent = {
  'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
};

const getRoute = guardedRoute({
  policy: requires('fund.read'),
  method: 'get',
  path: '/receipts/{id}',
  tags: TAGS,
  summary: 'One receipt (or, for `{id}.pdf`, its PDF)',
  request: { params: receiptOrPdfParam },
  responses: {
    200: {
      description: 'The receipt, or its PDF',
      content: { 'application/json': { schema: receipt }, ...pdfContent },
    },
    400: problemContent('Bad id'),
    404: problemContent('No such receipt'),
    ...denied,
  },
});

const pdfRoute = guardedRoute({
  policy: requires('fund.read'),
  method: 'get',
  path: '/receipts/{id}/pdf',
  tags: TAGS,
  summary:
    'The receipt as a PDF (CERFA 11580 fields), printed from what was copied at issue; « ANNULÉ » once cancelled',
  request: { params: idParam },
  responses: {
    200: { description: 'The PDF', content: pdfContent },
    400: problemContent('Bad id'),
    404: problemContent('No such receipt'),
    ...denied,
  },
});

const issueRoute = guardedRoute({
  policy: requires('donation.write'),
  method: 'post',
  path: '/receipts',
  tags: TAGS,
  summary:
    'Issue a receipt for one gift, or the annual summary of a donor’s gifts of a year not yet receipted; numbered without gaps in the year of issue',
  request: { body: { required: true, content: { 'application/json': { schema: receiptInput } } } },
  responses: {
    201: { description: 'Issued', content: { 'application/json': { schema: receipt } } },
    400: problemContent('Invalid input'),
    404: problemContent('No such gift or donor'),
    409: problemContent('ALREADY_RECEIPTED: the gift is on a live receipt'),
    422: refusals,
    ...denied,
  },
});

const cancelRoute = guardedRoute({
  policy: requires('donation.write'),
  method: 'post',
  path: '/receipts/{id}/cancel',
  tags: TAGS,
  summary:
    'Cancel a receipt (never deleted: its number stays used and the cancellation is recorded), and reissue it at once if asked',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: receiptCancelInput } } },
  },
  responses: {
    200: {
      description: 'Cancelled, with the new receipt if reissued',
      content: {
        'application/json': {
          schema: z.object({ cancelled: receipt, reissued: receipt.nullable() }),
        },
      },
    },
    400: problemContent('Invalid input'),
    404: problemContent('No such receipt'),
    409: problemContent('ALREADY_CANCELLED'),
    422: refusals,
    ...denied,
  },
});

const NO_ORGANISATION = 'Aucune organisation n’est encore enregistrée.';

function refusalResponse(c: Context<ApiEnv>, error: ReceiptRefusal) {
  return problemResponse(c, error.status, error.message, { code: error.code });
}

async function pdfResponse(c: Context<ApiEnv>, id: string) {
  const org = await organisationId(c.var.db);
  const [row] = org
    ? await c.var.db
        .select()
        .from(receipts)
        .where(and(eq(receipts.id, id), eq(receipts.organisationId, org)))
    : [];
  if (!row) return problemResponse(c, 404, 'Ce reçu n’existe pas.');
  const pdf = await renderReceiptPdf(row.snapshot as ReceiptSnapshot, {
    status: row.status as 'issued' | 'cancelled',
    cancelledAt: row.cancelledAt,
    cancelReason: row.cancelReason,
  });
  const suffix = row.status === 'cancelled' ? '-annule' : '';
  return c.body(new Uint8Array(pdf), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="recu-fiscal-${row.number}${suffix}.pdf"`,
    'Cache-Control': 'private, no-store',
  });
}

export const receiptsRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const org = await organisationId(c.var.db);
    if (!org)
      return c.json({ items: [], page: query.page, pageSize: query.pageSize, total: 0 }, 200);
    const conditions: SQL[] = [eq(receipts.organisationId, org)];
    if (query.year) conditions.push(eq(receipts.year, query.year));
    if (query.donorId) conditions.push(eq(receipts.donorId, query.donorId));
    if (query.status) conditions.push(eq(receipts.status, query.status));
    const where = and(...conditions);
    const rows = await c.var.db
      .select({ row: receipts, total: totalColumn() })
      .from(receipts)
      .where(where)
      .orderBy(desc(receipts.year), desc(receipts.sequence))
      .limit(query.pageSize)
      .offset(pageOffset(query));
    const page = await viewPage(
      rows,
      query,
      () => countWhere(c.var.db, receipts, where),
      (list) => loadReceipts(c.var.db, list),
    );
    return c.json(page, 200);
  })
  .openapi(pdfRoute, async (c) => (await pdfResponse(c, c.req.valid('param').id)) as never)
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (id.toLowerCase().endsWith('.pdf')) {
      return (await pdfResponse(c, id.slice(0, -4).toLowerCase())) as never;
    }
    const org = await organisationId(c.var.db);
    const [row] = org
      ? await c.var.db
          .select()
          .from(receipts)
          .where(and(eq(receipts.id, id), eq(receipts.organisationId, org)))
      : [];
    if (!row) return problemResponse(c, 404, 'Ce reçu n’existe pas.') as never;
    const [made] = await loadReceipts(c.var.db, [row]);
    return c.json(made, 200);
  })
  .openapi(issueRoute, async (c) => {
    const input = c.req.valid('json');
    const org = await organisationId(c.var.db);
    if (!org) return problemResponse(c, 404, NO_ORGANISATION) as never;
    try {
      const made = await c.var.db.transaction(async (tx) => {
        const issued = await issueReceipt(tx, {
          organisationId: org,
          input,
          issuedOn: fundToday(),
          userId: c.var.principal?.id ?? null,
        });
        await recordAudit(tx, c, {
          action: 'receipt.issue',
          entity: 'receipt',
          entityId: issued.id,
          after: issued,
        });
        return issued;
      });
      return c.json(made, 201);
    } catch (error) {
      if (error instanceof ReceiptRefusal) return refusalResponse(c, error) as never;
      throw error;
    }
  })
  .openapi(cancelRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const org = await organisationId(c.var.db);
    if (!org) return problemResponse(c, 404, NO_ORGANISATION) as never;
    try {
      const result = await c.var.db.transaction(async (tx) => {
        const done = await cancelReceipt(tx, {
          organisationId: org,
          receiptId: id,
          reason: input.reason,
          reissue: input.reissue,
          issuedOn: fundToday(),
          userId: c.var.principal?.id ?? null,
        });
        await recordAudit(tx, c, {
          action: 'receipt.cancel',
          entity: 'receipt',
          entityId: done.cancelled.id,
          before: done.before,
          after: done.cancelled,
        });
        if (done.reissued) {
          await recordAudit(tx, c, {
            action: 'receipt.issue',
            entity: 'receipt',
            entityId: done.reissued.id,
            after: done.reissued,
          });
        }
        return { cancelled: done.cancelled, reissued: done.reissued };
      });
      return c.json(result, 200);
    } catch (error) {
      if (error instanceof ReceiptRefusal) return refusalResponse(c, error) as never;
      throw error;
    }
  });
