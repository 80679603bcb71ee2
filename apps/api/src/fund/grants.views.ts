import type { Grant, GrantStatus } from '@lakou/domain/fund';
import { and, asc, eq, inArray, isNull, like } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { donors, grantInstalments, grants, ledgerEntries, subFunds } from '../db/schema/index.ts';
import type { Executor, Tx } from './fund.queries.ts';

type GrantRow = typeof grants.$inferSelect;

const reversal = alias(ledgerEntries, 'reversal');

/** The API's view of grants: funder's name, instalments with the entry that received each. */
export async function toGrants(db: Executor, rows: GrantRow[]): Promise<Grant[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const funders = await db
    .select({ id: donors.id, name: donors.name })
    .from(donors)
    .where(
      inArray(
        donors.id,
        rows.map((r) => r.funderId),
      ),
    );
  const funderName = new Map(funders.map((f) => [f.id, f.name]));
  const instalments = await db
    .select()
    .from(grantInstalments)
    .where(inArray(grantInstalments.grantId, ids))
    .orderBy(asc(grantInstalments.expectedOn), asc(grantInstalments.createdAt));
  const entries = instalments.length
    ? await db
        .select({ id: ledgerEntries.id, instalmentId: ledgerEntries.grantInstalmentId })
        .from(ledgerEntries)
        .leftJoin(reversal, eq(reversal.reversesId, ledgerEntries.id))
        .where(
          and(
            inArray(
              ledgerEntries.grantInstalmentId,
              instalments.map((i) => i.id),
            ),
            eq(ledgerEntries.kind, 'grant_instalment'),
            isNull(reversal.id),
          ),
        )
    : [];
  const entryOf = new Map(entries.map((e) => [e.instalmentId, e.id]));
  return rows.map((row) => {
    const own = instalments.filter((i) => i.grantId === row.id);
    return {
      id: row.id,
      funderId: row.funderId,
      funderName: funderName.get(row.funderId) ?? '',
      callForProjects: row.callForProjects,
      project: row.project,
      status: row.status as GrantStatus,
      amountRequestedCents: row.amountRequestedCents,
      amountAwardedCents: row.amountAwardedCents,
      receivedCents: own.reduce((sum, i) => sum + (i.receivedOn ? i.amountCents : 0), 0),
      submissionDeadline: row.submissionDeadline,
      submittedOn: row.submittedOn,
      decisionOn: row.decisionOn,
      reportDueOn: row.reportDueOn,
      closedOn: row.closedOn,
      centreId: row.centreId,
      subFundId: row.subFundId,
      notes: row.notes,
      instalments: own.map((i) => ({
        id: i.id,
        expectedOn: i.expectedOn,
        amountCents: i.amountCents,
        receivedOn: i.receivedOn,
        ledgerEntryId: i.receivedOn ? (entryOf.get(i.id) ?? null) : null,
      })),
      createdAt: row.createdAt.toISOString(),
    };
  });
}

export async function grantView(db: Executor, id: string): Promise<Grant | undefined> {
  const [row] = await db.select().from(grants).where(eq(grants.id, id));
  if (!row) return undefined;
  const [view] = await toGrants(db, [row]);
  return view;
}

/**
 * Opens the restricted sub-fund `SUBV-<year>-<n>` that receives an awarded grant's instalments,
 * named after its project. The caller holds the grant's row lock.
 */
export async function openGrantSubFund(
  tx: Tx,
  grant: GrantRow,
  funderName: string,
  year: string,
  createdBy: string | null,
) {
  const prefix = `SUBV-${year}-`;
  const taken = await tx
    .select({ code: subFunds.code })
    .from(subFunds)
    .where(
      and(eq(subFunds.organisationId, grant.organisationId), like(subFunds.code, `${prefix}%`)),
    );
  const last = taken.reduce((max, { code }) => {
    const n = Number(code.slice(prefix.length));
    return Number.isInteger(n) && n > max ? n : max;
  }, 0);
  const purpose = `Subvention « ${grant.callForProjects} » de ${funderName} : ${grant.project}`;
  const [row] = await tx
    .insert(subFunds)
    .values({
      organisationId: grant.organisationId,
      code: `${prefix}${last + 1}`,
      name: grant.project.length > 120 ? `${grant.project.slice(0, 119)}…` : grant.project,
      kind: 'restricted',
      purpose: purpose.length > 500 ? `${purpose.slice(0, 499)}…` : purpose,
      centreId: grant.centreId,
      grantId: grant.id,
      consumable: false,
      createdBy,
    })
    .returning();
  if (!row) throw new Error('grant sub-fund not written');
  return row;
}
