import {
  correctionInput,
  type EntryFacts,
  type LedgerKind,
  ledgerEntry,
  ledgerQuery,
  reversalOf,
  reversalVerdict,
} from '@lakou/domain/fund';
import { idParam, pageOffset, paginated } from '@lakou/domain/shared';
import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { countedPage } from '../db/paginate.ts';
import { grantInstalments, ledgerEntries } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import { countWhere } from './fund.pages.ts';
import {
  appendEntry,
  fundToday,
  lockSubFund,
  organisationId,
  toLedgerEntry,
} from './fund.queries.ts';
import { checkOutflow, entryView, entryViews, FundRefusal } from './funds.views.ts';

const TAGS = ['Fonds de dotation'];

const listRoute = guardedRoute({
  policy: requires('fund.read'),
  method: 'get',
  path: '/ledger',
  tags: TAGS,
  summary: 'The fund’s ledger, newest first; by sub-fund, kind of movement and dates',
  request: { query: ledgerQuery },
  responses: {
    200: {
      description: 'A page of entries',
      content: { 'application/json': { schema: paginated(ledgerEntry) } },
    },
    400: problemContent('Invalid filter'),
    ...DENIED_RESPONSES,
  },
});

const correctRoute = guardedRoute({
  policy: requires('fund.write'),
  method: 'post',
  path: '/ledger/{id}/corrections',
  tags: TAGS,
  summary:
    'Correct a movement by a reversing entry with its reason (the original stays; nothing is edited or deleted)',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: correctionInput } } },
  },
  responses: {
    201: {
      description: 'The reversing entry',
      content: { 'application/json': { schema: ledgerEntry } },
    },
    400: problemContent('Invalid input'),
    404: problemContent('No such entry'),
    409: problemContent('Already reversed (ALREADY_REVERSED)'),
    422: problemContent(
      'A correction cannot be reversed (CORRECTION_NOT_REVERSIBLE), or the sub-fund would go below zero (INSUFFICIENT_BALANCE)',
    ),
    ...DENIED_RESPONSES,
  },
});

const NONE = '00000000-0000-0000-0000-000000000000';

export const ledgerRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const db = c.var.db;
    const org = (await organisationId(db)) ?? NONE;
    const conditions: SQL[] = [eq(ledgerEntries.organisationId, org)];
    if (query.subFundId) conditions.push(eq(ledgerEntries.subFundId, query.subFundId));
    if (query.kind) conditions.push(eq(ledgerEntries.kind, query.kind));
    if (query.from) conditions.push(gte(ledgerEntries.occurredOn, query.from));
    if (query.to) conditions.push(lte(ledgerEntries.occurredOn, query.to));
    const where = and(...conditions);
    const rows = await entryViews(db)
      .where(where)
      .orderBy(
        desc(ledgerEntries.occurredOn),
        desc(ledgerEntries.createdAt),
        desc(ledgerEntries.id),
      )
      .limit(query.pageSize)
      .offset(pageOffset(query));
    const page = await countedPage(
      rows,
      query,
      () => countWhere(db, ledgerEntries, where),
      (r) => toLedgerEntry(r.entry, r),
    );
    return c.json(page, 200);
  })
  .openapi(correctRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    try {
      const made = await c.var.db.transaction(async (tx) => {
        const [found] = await tx.select().from(ledgerEntries).where(eq(ledgerEntries.id, id));
        if (!found) throw new FundRefusal(404, 'Ce mouvement n’existe pas.');
        const target: EntryFacts = {
          id: found.id,
          subFundId: found.subFundId,
          occurredOn: found.occurredOn,
          amountCents: found.amountCents,
          kind: found.kind as LedgerKind,
          reversesId: found.reversesId,
        };
        // Every write that may take money out of a sub-fund holds its lock first.
        const fund = await lockSubFund(tx, target.subFundId);
        if (!fund) throw new Error('sub-fund of an entry vanished');
        const existing = await tx
          .select({
            id: ledgerEntries.id,
            subFundId: ledgerEntries.subFundId,
            occurredOn: ledgerEntries.occurredOn,
            amountCents: ledgerEntries.amountCents,
            kind: ledgerEntries.kind,
            reversesId: ledgerEntries.reversesId,
          })
          .from(ledgerEntries)
          .where(eq(ledgerEntries.reversesId, target.id));
        const verdict = reversalVerdict(
          target,
          existing.map((e) => ({ ...e, kind: e.kind as LedgerKind })),
        );
        if (!verdict.ok) {
          throw new FundRefusal(
            verdict.code === 'ALREADY_REVERSED' ? 409 : 422,
            verdict.reason,
            verdict.code,
          );
        }
        const on = input.occurredOn ?? fundToday();
        if (on < target.occurredOn) {
          throw new FundRefusal(
            422,
            'Une correction ne peut être datée d’avant le mouvement qu’elle corrige.',
            'CORRECTION_BEFORE_ENTRY',
            'occurredOn',
          );
        }
        const entry = reversalOf(target, on);
        await checkOutflow(tx, fund, -entry.amountCents, on, 'correction');
        const row = await appendEntry(tx, {
          organisationId: found.organisationId,
          subFundId: entry.subFundId,
          occurredOn: entry.occurredOn,
          amountCents: entry.amountCents,
          kind: 'correction',
          label: `Correction : ${found.label}`,
          reversesId: target.id,
          reason: input.reason,
          createdBy: c.var.principal?.id ?? null,
        });
        // An instalment whose receipt is undone is expected again.
        if (found.grantInstalmentId) {
          await tx
            .update(grantInstalments)
            .set({ receivedOn: null })
            .where(eq(grantInstalments.id, found.grantInstalmentId));
        }
        const view = await entryView(tx, row.id);
        if (!view) throw new Error('correction not found after insert');
        await recordAudit(tx, c, {
          action: 'fund.ledger.correct',
          entity: 'ledger_entry',
          entityId: row.id,
          before: toLedgerEntry(found),
          after: view,
        });
        return view;
      });
      return c.json(made, 201);
    } catch (error) {
      if (error instanceof FundRefusal) {
        return problemResponse(c, error.status, error.message, error.extra()) as never;
      }
      if (isUniqueViolation(error)) {
        return problemResponse(c, 409, 'Ce mouvement a déjà été corrigé.', {
          code: 'ALREADY_REVERSED',
        }) as never;
      }
      throw error;
    }
  });
