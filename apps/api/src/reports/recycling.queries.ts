import type { IndicatorMovement, Measurement, Treatment } from '@lakou/domain/circular';
import { BUCKET_SQL_FORMAT, type Granularity } from '@lakou/reports/model';
import type {
  CollectedRow,
  RecyclingData,
  RecyclingRow,
  RecyclingSet,
} from '@lakou/reports/recycling';
import { type SQL, sql } from 'drizzle-orm';
import { type MovementFilter, movementWhere, rowsOf } from '../circular/reports.sql.ts';
import type { Db } from '../db/client.ts';

/** The movements a recycling report sums: a period, a centre scope, maybe some streams. */
export interface RecyclingScope {
  from: string;
  to: string;
  /** 'all', or the centres covered. */
  centres: 'all' | string[];
  /** Empty: every stream. */
  streamIds: readonly string[];
  granularity: Granularity;
}

/** The bucket format as a literal (from a fixed map), so that SELECT and GROUP BY see one expression. */
const bucketFormat = (g: Granularity) => sql.raw(`'${BUCKET_SQL_FORMAT[g]}'`);

/** The conditions of one movement table: the circular indicators' own, plus the streams asked for. */
function where(scope: RecyclingScope, date: SQL): SQL {
  const filter: MovementFilter = { from: scope.from, to: scope.to, centres: scope.centres };
  const cols = { date, centre: sql.raw('m.centre_id'), stream: sql.raw('m.stream_id') };
  const base = movementWhere(filter, cols);
  if (scope.streamIds.length === 0) return base;
  return sql`${base} and m.stream_id in (${sql.join(
    scope.streamIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

/**
 * Every movement of the scope as (date, centre, stream, kind, measurement, treatment, code,
 * grams), the same four tables as GET /api/circular/indicators (`indicators.queries.ts`):
 * inflows, re-uses, shipments, and compost batches on the day they were started.
 */
function movements(scope: RecyclingScope): SQL {
  const occurred = sql.raw('m.occurred_on');
  const started = sql.raw('m.started_on');
  return sql`select m.occurred_on as d, m.centre_id, m.stream_id, 'inflow'::text as kind,
      m.measurement, null::text as treatment, null::text as operation_code, m.mass_grams as grams
    from circular_inflows m where ${where(scope, occurred)}
    union all select m.occurred_on, m.centre_id, m.stream_id, 'reuse', m.measurement, null, null,
      m.mass_grams
    from circular_reuses m where ${where(scope, occurred)}
    union all select m.occurred_on, m.centre_id, m.stream_id, 'outflow', m.measurement,
      m.treatment, m.operation_code, m.mass_grams
    from circular_outflows m where ${where(scope, occurred)}
    union all select m.started_on, m.centre_id, m.stream_id, 'compost', m.measurement, null, null,
      m.input_grams
    from compost_batches m where ${where(scope, started)}`;
}

interface SumRow {
  grp: RecyclingSet;
  key: string | null;
  kind: IndicatorMovement['kind'];
  measurement: Measurement;
  treatment: Treatment | null;
  operation_code: string | null;
  grams: string | number;
}

interface CollectedSumRow {
  bucket: string;
  stream_id: string | null;
  centre_id: string | null;
  grams: string | number;
}

/**
 * The sums a recycling report is made of, taken in the database in two scans: the movements per
 * kind, measurement, treatment and operation code over the period, per bucket, per centre and
 * per stream (grouping sets: a few rows per group, whatever the number of movements); and the
 * collected mass per bucket and stream and per bucket and centre.
 */
export async function recyclingSums(
  db: Pick<Db, 'execute'>,
  scope: RecyclingScope,
): Promise<RecyclingData> {
  const fmt = bucketFormat(scope.granularity);
  const sums = await rowsOf<SumRow>(
    db,
    sql`select case grouping(x.bucket, x.centre_id, x.stream_id)
          when 7 then 'total' when 3 then 'bucket' when 5 then 'centre' else 'stream' end as grp,
        coalesce(x.bucket, x.centre_id::text, x.stream_id::text) as key,
        x.kind, x.measurement, x.treatment, x.operation_code, sum(x.grams) as grams
      from (select to_char(mv.d, ${fmt}) as bucket, mv.centre_id, mv.stream_id, mv.kind,
          mv.measurement, mv.treatment, mv.operation_code, mv.grams
        from (${movements(scope)}) mv) x
      group by grouping sets (
        (x.kind, x.measurement, x.treatment, x.operation_code),
        (x.bucket, x.kind, x.measurement, x.treatment, x.operation_code),
        (x.centre_id, x.kind, x.measurement, x.treatment, x.operation_code),
        (x.stream_id, x.kind, x.measurement, x.treatment, x.operation_code))`,
  );
  const collected = await rowsOf<CollectedSumRow>(
    db,
    sql`select x.bucket, x.stream_id::text as stream_id, x.centre_id::text as centre_id,
        sum(x.grams) as grams
      from (select to_char(m.occurred_on, ${fmt}) as bucket, m.stream_id, m.centre_id,
          m.mass_grams as grams
        from circular_inflows m where ${where(scope, sql.raw('m.occurred_on'))}) x
      group by grouping sets ((x.bucket, x.stream_id), (x.bucket, x.centre_id))`,
  );
  return {
    rows: sums.map(
      (r): RecyclingRow => ({
        set: r.grp,
        key: r.grp === 'total' ? null : r.key,
        kind: r.kind,
        measurement: r.measurement,
        treatment: r.treatment,
        operationCode: r.operation_code,
        grams: Number(r.grams),
      }),
    ),
    collected: collected.map(
      (r): CollectedRow => ({
        bucket: r.bucket,
        streamId: r.stream_id,
        centreId: r.centre_id,
        grams: Number(r.grams),
      }),
    ),
  };
}

/** The streams a report names, in the streams' order: the ones asked for, or all of them. */
export async function reportStreams(
  db: Pick<Db, 'execute'>,
  streamIds: readonly string[],
): Promise<{ id: string; name: string }[]> {
  const only =
    streamIds.length === 0
      ? sql`true`
      : sql`s.id in (${sql.join(
          streamIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  return rowsOf<{ id: string; name: string }>(
    db,
    sql`select s.id::text as id, s.name from material_streams s where ${only}
      order by s.sort_order, s.name`,
  );
}
