import type { Centre, CentreListQuery, CentreSummary } from '@lakou/domain/network';
import { type Page, pageOffset, searchKey } from '@lakou/domain/shared';
import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  like,
  notExists,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../db/client.ts';
import { countColumn, toPage, totalColumn } from '../db/paginate.ts';
import {
  centreClosures,
  centreOpeningHours,
  centres,
  partnerCentres,
  partners,
} from '../db/schema/network.ts';

const summaryColumns = {
  id: centres.id,
  slug: centres.slug,
  name: centres.name,
  commune: centres.commune,
  qpv: centres.qpv,
  timeZone: centres.timeZone,
};

/** `%` and `_` typed by a user are letters, not wildcards. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export async function listCentres(db: Db, query: CentreListQuery): Promise<Page<CentreSummary>> {
  const filters: SQL[] = [];
  if (query.q) filters.push(like(centres.searchKey, likeContains(searchKey(query.q))));
  if (query.commune) filters.push(sql`lower(${centres.commune}) = lower(${query.commune})`);
  if (query.inQpv === true) filters.push(isNotNull(centres.qpv));
  if (query.inQpv === false) filters.push(isNull(centres.qpv));
  const where = filters.length ? and(...filters) : undefined;
  const direction = query.order === 'desc' ? desc : asc;
  const primary = query.sort === 'commune' ? centres.commune : centres.name;

  // One round trip: the window count rides along with the page's rows.
  const rows = await db
    .select({ ...summaryColumns, total: totalColumn() })
    .from(centres)
    .where(where)
    .orderBy(direction(primary), asc(centres.name), asc(centres.id))
    .limit(query.pageSize)
    .offset(pageOffset(query));

  const countAll = async () =>
    (await db.select({ n: countColumn() }).from(centres).where(where))[0]?.n ?? 0;
  return toPage(rows, query, countAll, (summary) => summary);
}

const hhmm = (time: string) => time.slice(0, 5);

export async function findCentre(db: Db, id: string): Promise<Centre | null> {
  const [row] = await db.select().from(centres).where(eq(centres.id, id));
  if (!row) return null;
  // "Upcoming" is judged by the centre's own calendar, not the server's.
  const today = Temporal.Now.plainDateISO(row.timeZone).toString();
  const [hours, closures, partnerRows] = await Promise.all([
    db
      .select({
        weekday: centreOpeningHours.weekday,
        opens: centreOpeningHours.opens,
        closes: centreOpeningHours.closes,
      })
      .from(centreOpeningHours)
      .where(eq(centreOpeningHours.centreId, id))
      .orderBy(asc(centreOpeningHours.weekday), asc(centreOpeningHours.opens)),
    db
      .select({
        id: centreClosures.id,
        centreId: centreClosures.centreId,
        startsOn: centreClosures.startsOn,
        endsOn: centreClosures.endsOn,
        reason: centreClosures.reason,
      })
      .from(centreClosures)
      .where(and(eq(centreClosures.centreId, id), gte(centreClosures.endsOn, today)))
      .orderBy(asc(centreClosures.startsOn)),
    db
      .select({ id: partners.id, name: partners.name, kind: partners.kind })
      .from(partners)
      .where(
        and(
          eq(partners.organisationId, row.organisationId),
          or(
            inArray(
              partners.id,
              db
                .select({ id: partnerCentres.partnerId })
                .from(partnerCentres)
                .where(eq(partnerCentres.centreId, id)),
            ),
            notExists(
              db
                .select({ one: sql`1` })
                .from(partnerCentres)
                .where(eq(partnerCentres.partnerId, partners.id)),
            ),
          ),
        ),
      )
      .orderBy(asc(partners.name)),
  ]);
  return {
    id: row.id,
    organisationId: row.organisationId,
    slug: row.slug,
    name: row.name,
    commune: row.commune,
    qpv: row.qpv,
    timeZone: row.timeZone,
    address: { street: row.street, postalCode: row.postalCode, city: row.city },
    phone: row.phone,
    email: row.email,
    openingHours: hours.map((h) => ({
      weekday: h.weekday,
      opens: hhmm(h.opens),
      closes: hhmm(h.closes),
    })),
    closures,
    partners: partnerRows,
  };
}
