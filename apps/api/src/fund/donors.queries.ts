import { z } from '@hono/zod-openapi';
import { type Donor, type DonorInput, type DonorKind, donorInput } from '@lakou/domain/fund';
import { searchKey } from '@lakou/domain/shared';
import { eq, sql } from 'drizzle-orm';
import { donors } from '../db/schema/index.ts';
import type { Executor } from './fund.queries.ts';

export type DonorRow = typeof donors.$inferSelect;

/**
 * PATCH body: any field of a donor, none required. Built from the creation schema without its
 * defaults (a missing field stays as it is, it is not reset to null); the merged donor is then
 * checked whole by `donorInput`.
 */
const donorShape = donorInput.shape;
export const donorPatch = z
  .object(
    Object.fromEntries(
      Object.entries(donorShape).map(([key, schema]) => [
        key,
        (schema instanceof z.ZodDefault ? schema.unwrap() : schema).optional(),
      ]),
    ) as unknown as { [K in keyof typeof donorShape]: z.ZodOptional<z.ZodType<DonorInput[K]>> },
  )
  .meta({ id: 'DonorPatch' });

/** What the search of the donors list compares: name, e-mail and city, folded. */
export function donorSearchKey(d: Pick<DonorInput, 'name' | 'email' | 'city'>): string {
  return searchKey([d.name, d.email ?? '', d.city ?? ''].join(' '));
}

/** The donor as the creation form would send it again (for a PATCH merged over it). */
export function donorAsInput(row: DonorRow): DonorInput {
  return {
    kind: row.kind as DonorKind,
    name: row.name,
    email: row.email,
    phone: row.phone,
    addressLine: row.addressLine,
    postcode: row.postcode,
    city: row.city,
    country: row.country,
    siret: row.siret,
    consentToContact: row.consentToContact,
    notes: row.notes,
  };
}

/**
 * Sum of the donor's gifts (money and in-kind valuations) and the date of the last one. Written
 * with explicit aliases: in a one-table select the query builder leaves columns unqualified,
 * and `id` would then name the gift's, not the donor's.
 */
export const donorTotals = {
  totalGivenCents:
    sql<number>`(select coalesce(sum(g.amount_cents), 0) from donations g where g.donor_id = "donors"."id")`.mapWith(
      Number,
    ),
  lastGiftOn: sql<
    string | null
  >`(select max(g.received_on)::text from donations g where g.donor_id = "donors"."id")`,
};

export function toDonor(
  row: DonorRow,
  totals: { totalGivenCents: number; lastGiftOn: string | null },
): Donor {
  return {
    id: row.id,
    ...donorAsInput(row),
    erasedAt: row.erasedAt ? row.erasedAt.toISOString() : null,
    totalGivenCents: totals.totalGivenCents,
    lastGiftOn: totals.lastGiftOn,
    createdAt: row.createdAt.toISOString(),
  };
}

/** One donor with their totals, or undefined. */
export async function loadDonor(db: Executor, id: string): Promise<Donor | undefined> {
  const [found] = await db
    .select({ row: donors, ...donorTotals })
    .from(donors)
    .where(eq(donors.id, id));
  return found ? toDonor(found.row, found) : undefined;
}

/**
 * What the audit log keeps of a donor: no personal data (the log is never erased, the donor
 * may be), only which fields were written.
 */
export function donorAuditView(
  d: { id: string; kind: string; erasedAt?: string | null },
  fields: string[],
) {
  return { id: d.id, kind: d.kind, erased: Boolean(d.erasedAt), fields };
}
