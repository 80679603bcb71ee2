import type { HarvestDestination } from '@lakou/domain/gardens';
import type {
  GardenActivityRow,
  GardensData,
  HarvestRow,
  HarvestSet,
} from '@lakou/reports/gardens';
import { BUCKET_SQL_FORMAT, type Granularity } from '@lakou/reports/model';
import { type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../circular/reports.sql.ts';
import type { Db } from '../db/client.ts';

/** The harvests a gardens report sums: a period and a centre scope. */
export interface GardensScope {
  from: string;
  to: string;
  /** 'all', or the centres covered. */
  centres: 'all' | string[];
  granularity: Granularity;
}

const bucketFormat = (g: Granularity) => sql.raw(`'${BUCKET_SQL_FORMAT[g]}'`);

function centreWhere(scope: GardensScope, column: SQL): SQL {
  if (scope.centres === 'all') return sql`true`;
  if (scope.centres.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(
    scope.centres.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

interface HarvestSumRow {
  grp: HarvestSet;
  key: string | null;
  label: string | null;
  destination: HarvestDestination;
  grams: string | number;
  harvests: string | number;
  counted_only: string | number;
}

interface ActivitySumRow {
  centre_id: string | null;
  plots: string | number;
  gardeners: string | number;
}

/**
 * The sums a gardens report is made of, taken in the database: the harvests per destination
 * over the period, per bucket, per centre (the garden's) and per crop (its name in lower case,
 * spaces collapsed) with grouping sets, on a first plain sum per bucket start, centre, crop as
 * written and destination (a few hundred rows: the crop names and bucket keys are worked out on
 * those only); then the plots held at some point of the period and their gardeners, per centre
 * and overall.
 */
export async function gardensSums(
  db: Pick<Db, 'execute'>,
  scope: GardensScope,
): Promise<GardensData> {
  const fmt = bucketFormat(scope.granularity);
  const unit = sql.raw(`'${scope.granularity}'`);
  const harvests = await rowsOf<HarvestSumRow>(
    db,
    sql`select case grouping(x.bucket, x.centre_id, x.crop_key)
          when 7 then 'total' when 3 then 'bucket' when 5 then 'centre' else 'crop' end as grp,
        coalesce(x.bucket, x.centre_id::text, x.crop_key) as key,
        case when grouping(x.crop_key) = 0 then min(x.crop) end as label,
        x.destination, coalesce(sum(x.grams), 0) as grams, sum(x.harvests) as harvests,
        sum(x.counted_only) as counted_only
      from (select to_char(f.b, ${fmt}) as bucket, f.centre_id,
          regexp_replace(lower(btrim(f.crop)), '[[:space:]]+', ' ', 'g') as crop_key,
          regexp_replace(btrim(f.crop), '[[:space:]]+', ' ', 'g') as crop,
          f.destination, f.grams, f.harvests, f.counted_only
        from (select date_trunc(${unit}, h.harvested_on::timestamp) as b, g.centre_id, h.crop,
            h.destination, sum(h.grams) as grams, count(*) as harvests,
            count(*) filter (where h.grams is null) as counted_only
          from harvests h join gardens g on g.id = h.garden_id
          where h.harvested_on >= ${scope.from}::date and h.harvested_on <= ${scope.to}::date
            and ${centreWhere(scope, sql.raw('g.centre_id'))}
          group by 1, 2, 3, 4) f) x
      group by grouping sets (
        (x.destination),
        (x.bucket, x.destination),
        (x.centre_id, x.destination),
        (x.crop_key, x.destination))`,
  );
  const activity = await rowsOf<ActivitySumRow>(
    db,
    sql`select case when grouping(g.centre_id) = 0 then g.centre_id::text end as centre_id,
        count(distinct a.plot_id) as plots, count(distinct a.gardener_id) as gardeners
      from plot_assignments a
        join garden_plots p on p.id = a.plot_id
        join gardens g on g.id = p.garden_id
      where a.starts_on <= ${scope.to}::date
        and (a.ends_on is null or a.ends_on >= ${scope.from}::date)
        and ${centreWhere(scope, sql.raw('g.centre_id'))}
      group by grouping sets ((), (g.centre_id))`,
  );
  return {
    harvests: harvests.map(
      (r): HarvestRow => ({
        set: r.grp,
        key: r.grp === 'total' ? null : r.key,
        label: r.label,
        destination: r.destination,
        grams: Number(r.grams),
        harvests: Number(r.harvests),
        countedOnly: Number(r.counted_only),
      }),
    ),
    activity: activity.map(
      (r): GardenActivityRow => ({
        centreId: r.centre_id,
        plots: Number(r.plots),
        gardeners: Number(r.gardeners),
      }),
    ),
  };
}
