import type { CaseStage } from '@lakou/domain/circles';
import type { CirclesData } from '@lakou/reports/circles';
import type { Granularity } from '@lakou/reports/model';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../circular/reports.sql.ts';
import type { Db } from '../db/client.ts';
import { inCentres, localBucket, num, type Period, startsIn, ZONE } from './activity.queries.ts';

/**
 * The SQL behind the circles report: counts, a share and a median, all computed in the database
 * over the cases of the reader's centres. No case, date or reference leaves the database; the
 * definition (`@lakou/reports/circles`) then hides every count from 1 to 4.
 */
export async function circlesData(
  db: Db,
  p: Period,
  g: Granularity,
  centreIds: readonly string[],
): Promise<CirclesData> {
  const scope = inCentres(sql`c.centre_id`, centreIds);
  const start = sql`(${p.from}::date)::timestamp at time zone ${ZONE}`;
  const end = sql`(${p.to}::date + 1)::timestamp at time zone ${ZONE}`;
  // Cases open at some time in the period: opened before its end, not closed before its start.
  const followed = sql`
    select c.* from circle_cases c
     where ${scope} and c.opened_at < ${end} and (c.closed_at is null or c.closed_at >= ${start})`;

  const byStage = await rowsOf<{ stage: CaseStage; cases: unknown }>(
    db,
    sql`select f.stage, count(*) as cases from (${followed}) f group by f.stage`,
  );
  const byCentre = await rowsOf<Record<string, unknown>>(
    db,
    sql`
      select f.centre_id, count(*) as active,
             count(*) filter (where f.opened_at >= ${start}) as opened,
             count(*) filter (where f.stage = 'closed' and f.closed_at < ${end}) as closed
        from (${followed}) f
       group by f.centre_id`,
  );
  const perBucket = await rowsOf<Record<string, unknown>>(
    db,
    sql`
      select m.bucket, sum(m.opened) as opened, sum(m.closed) as closed, sum(m.abandoned) as abandoned
        from (
          select ${localBucket(sql`c.opened_at`, g)} as bucket, 1 as opened, 0 as closed, 0 as abandoned
            from circle_cases c
           where ${scope} and ${startsIn(sql`c.opened_at`, p)}
          union all
          select ${localBucket(sql`c.closed_at`, g)},
                 0, case when c.stage = 'closed' then 1 else 0 end,
                 case when c.stage = 'abandoned' then 1 else 0 end
            from circle_cases c
           where ${scope} and c.closed_at is not null and ${startsIn(sql`c.closed_at`, p)}
        ) m
       group by m.bucket`,
  );
  const [agreements] = await rowsOf<{ evaluated: unknown; done: unknown }>(
    db,
    sql`
      select count(*) as evaluated, count(*) filter (where a.outcome = 'done') as done
        from circle_agreements a
        join circle_cases c on c.id = a.case_id
       where ${scope} and a.outcome is not null
         and coalesce((a.evaluated_at at time zone ${ZONE})::date, a.due_on)
             between ${p.from}::date and ${p.to}::date`,
  );
  const [closing] = await rowsOf<{ closed: unknown; median: unknown }>(
    db,
    sql`
      select count(*) as closed,
             percentile_cont(0.5) within group (
               order by extract(epoch from (c.closed_at - c.opened_at)) / 86400) as median
        from circle_cases c
       where ${scope} and c.stage = 'closed' and ${startsIn(sql`c.closed_at`, p)}`,
  );
  return {
    byStage: byStage.map((r) => ({ stage: r.stage, cases: num(r.cases) })),
    byCentre: byCentre.map((r) => ({
      centreId: String(r.centre_id),
      active: num(r.active),
      opened: num(r.opened),
      closed: num(r.closed),
    })),
    perBucket: perBucket.map((r) => ({
      bucket: String(r.bucket),
      opened: num(r.opened),
      closed: num(r.closed),
      abandoned: num(r.abandoned),
    })),
    agreements: { evaluated: num(agreements?.evaluated), done: num(agreements?.done) },
    closing: {
      closed: num(closing?.closed),
      medianDays:
        closing?.median === null || closing?.median === undefined ? null : Number(closing.median),
    },
  };
}
