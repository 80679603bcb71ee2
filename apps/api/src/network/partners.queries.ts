import type { Partner, PartnerKind, PartnerListQuery } from '@lakou/domain/network';
import { type Page, pageOffset, searchKey } from '@lakou/domain/shared';
import { and, asc, eq, inArray, like, notExists, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { countColumn, toPage, totalColumn } from '../db/paginate.ts';
import { partnerCentres, partners } from '../db/schema/network.ts';
import { likeContains } from './centres.queries.ts';

export async function listPartners(db: Db, query: PartnerListQuery): Promise<Page<Partner>> {
  const filters: SQL[] = [];
  if (query.q) filters.push(like(partners.searchKey, likeContains(searchKey(query.q))));
  if (query.kind) filters.push(eq(partners.kind, query.kind));
  if (query.centreId) {
    const centreId = query.centreId;
    const here = or(
      inArray(
        partners.id,
        db
          .select({ id: partnerCentres.partnerId })
          .from(partnerCentres)
          .where(eq(partnerCentres.centreId, centreId)),
      ),
      notExists(
        db
          .select({ one: sql`1` })
          .from(partnerCentres)
          .where(eq(partnerCentres.partnerId, partners.id)),
      ),
    );
    if (here) filters.push(here);
  }
  const where = filters.length ? and(...filters) : undefined;
  const rows = await db
    .select({
      id: partners.id,
      organisationId: partners.organisationId,
      name: partners.name,
      kind: partners.kind,
      description: partners.description,
      website: partners.website,
      centreIds: sql<
        string[]
      >`coalesce((select json_agg(${partnerCentres.centreId} order by ${partnerCentres.centreId}) from ${partnerCentres} where ${partnerCentres.partnerId} = ${partners.id}), '[]'::json)`,
      total: totalColumn(),
    })
    .from(partners)
    .where(where)
    .orderBy(asc(partners.name), asc(partners.id))
    .limit(query.pageSize)
    .offset(pageOffset(query));

  const countAll = async () =>
    (await db.select({ n: countColumn() }).from(partners).where(where))[0]?.n ?? 0;
  return toPage(rows, query, countAll, ({ centreIds, kind, ...p }) => ({
    ...p,
    kind: kind as PartnerKind,
    // Drivers differ on whether json comes back parsed or as text.
    centreIds: typeof centreIds === 'string' ? (JSON.parse(centreIds) as string[]) : centreIds,
  }));
}
