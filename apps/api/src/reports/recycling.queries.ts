import type { IndicatorMovement, Measurement, Treatment } from '@lakou/domain/circular';
import { BUCKET_SQL_FORMAT, type Granularity } from '@lakou/reports/model';
import type {
  CollectedRow,
  RecyclingData,
  RecyclingRow,
  RecyclingSet,
} from '@lakou/reports/recycling';
import { type SQL, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
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
  /** false: sum the movements themselves for every bucket (what the monthly sums are checked against). */
  monthly?: boolean;
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

/** A span of days, both ends included (`YYYY-MM-DD`). */
interface Span {
  from: string;
  to: string;
}

/**
 * How a period splits for the monthly sums: the whole calendar months inside it (`months`, from
 * the first one's first day to the last one's first day) and the days around them (`days`: the
 * end of the month the period starts in, the start of the month it ends in). A period shorter
 * than a whole month is only days.
 */
export function splitByMonths(from: string, to: string): { months: Span | null; days: Span[] } {
  const f = Temporal.PlainDate.from(from);
  const t = Temporal.PlainDate.from(to);
  const first = f.day === 1 ? f : f.with({ day: 1 }).add({ months: 1 });
  const after = t.add({ days: 1 });
  const end = after.day === 1 ? after : t.with({ day: 1 });
  if (Temporal.PlainDate.compare(first, end) >= 0) return { months: null, days: [{ from, to }] };
  const days: Span[] = [];
  if (Temporal.PlainDate.compare(f, first) < 0)
    days.push({ from, to: first.subtract({ days: 1 }).toString() });
  if (Temporal.PlainDate.compare(end, t) <= 0) days.push({ from: end.toString(), to });
  return {
    months: { from: first.toString(), to: end.subtract({ months: 1 }).toString() },
    days,
  };
}

/** Inflows, re-uses and shipments of some days, one row per movement. */
function movementRows(scope: RecyclingScope, span: Span): SQL {
  const on = { ...scope, ...span };
  const occurred = sql.raw('m.occurred_on');
  return sql`select m.occurred_on as d, m.centre_id, m.stream_id, 'inflow'::text as kind,
      m.measurement, null::text as treatment, null::text as operation_code, m.mass_grams as grams
    from circular_inflows m where ${where(on, occurred)}
    union all select m.occurred_on, m.centre_id, m.stream_id, 'reuse', m.measurement, null, null,
      m.mass_grams
    from circular_reuses m where ${where(on, occurred)}
    union all select m.occurred_on, m.centre_id, m.stream_id, 'outflow', m.measurement,
      m.treatment, m.operation_code, m.mass_grams
    from circular_outflows m where ${where(on, occurred)}`;
}

/**
 * Every movement of the scope as (date, centre, stream, kind, measurement, treatment, code,
 * grams), the same four tables as GET /api/circular/indicators (`indicators.queries.ts`):
 * inflows, re-uses, shipments, and compost batches on the day they were started. For buckets of
 * a month or more, the whole months come from `circular_monthly` (one row per month and group,
 * dated the month's first day, which falls in the same bucket) and only the days around them
 * from the movements: the same sums, at a cost that follows the months asked, not the rows
 * stored. Days and weeks read the movements.
 */
function movements(scope: RecyclingScope): SQL {
  const started = sql.raw('m.started_on');
  const compost = sql`select m.started_on, m.centre_id, m.stream_id, 'compost', m.measurement,
      null, null, m.input_grams
    from compost_batches m where ${where(scope, started)}`;
  const span = { from: scope.from, to: scope.to };
  const split =
    scope.monthly === false || scope.granularity === 'day' || scope.granularity === 'week'
      ? { months: null, days: [span] }
      : splitByMonths(scope.from, scope.to);
  const parts = split.days.map((days) => movementRows(scope, days));
  if (split.months) {
    const month = sql.raw('m.month');
    parts.push(sql`select m.month as d, m.centre_id, m.stream_id, m.kind, m.measurement,
        m.treatment, m.operation_code, m.grams
      from circular_monthly m where ${where({ ...scope, ...split.months }, month)}`);
  }
  return sql`${sql.join(parts, sql` union all `)} union all ${compost}`;
}

interface SumRow {
  g: number | string;
  key: string | null;
  centre_id: string | null;
  stream_id: string | null;
  bucket: string | null;
  kind: IndicatorMovement['kind'] | null;
  measurement: Measurement | null;
  treatment: Treatment | null;
  operation_code: string | null;
  grams: string | number;
  inflow_grams: string | number | null;
}

/** The grouping sets, told apart by `grouping(bucket, centre, stream, kind)` (a bit set per column left out). */
const SET_OF_GROUPING: Record<number, RecyclingSet | 'bucket_stream' | 'bucket_centre'> = {
  14: 'total',
  6: 'bucket',
  10: 'centre',
  12: 'stream',
  5: 'bucket_stream',
  3: 'bucket_centre',
};

/**
 * The sums a recycling report is made of, in one scan of the movements. First a plain sum per
 * bucket start (`date_trunc`), centre, stream, kind, measurement, treatment and operation code —
 * a few thousand rows whatever the number of movements; then, on those, the grouping sets: per
 * kind, measurement, treatment and code over the period, per bucket, per centre and per stream;
 * and the collected (inflow) mass per bucket and stream and per bucket and centre. Buckets are
 * named with `to_char` on the bucket starts only: formatting every movement's date, or keying
 * the grouping sets on the raw rows, cost several times the sums themselves.
 */
export async function recyclingSums(
  db: Pick<Db, 'execute'>,
  scope: RecyclingScope,
): Promise<RecyclingData> {
  const fmt = bucketFormat(scope.granularity);
  const unit = sql.raw(`'${scope.granularity}'`);
  const sums = await rowsOf<SumRow>(
    db,
    sql`select grouping(x.bucket, x.centre_id, x.stream_id, x.kind) as g,
        coalesce(x.bucket, x.centre_id::text, x.stream_id::text) as key,
        case when grouping(x.centre_id) = 0 then x.centre_id::text end as centre_id,
        case when grouping(x.stream_id) = 0 then x.stream_id::text end as stream_id,
        x.bucket, x.kind, x.measurement, x.treatment, x.operation_code, sum(x.grams) as grams,
        sum(x.grams) filter (where x.kind = 'inflow') as inflow_grams
      from (select to_char(f.b, ${fmt}) as bucket, f.centre_id, f.stream_id, f.kind, f.measurement,
          f.treatment, f.operation_code, f.grams
        from (select date_trunc(${unit}, mv.d::timestamp) as b, mv.centre_id, mv.stream_id,
            mv.kind, mv.measurement, mv.treatment, mv.operation_code, sum(mv.grams) as grams
          from (${movements(scope)}) mv
          group by 1, 2, 3, 4, 5, 6, 7) f) x
      group by grouping sets (
        (x.kind, x.measurement, x.treatment, x.operation_code),
        (x.bucket, x.kind, x.measurement, x.treatment, x.operation_code),
        (x.centre_id, x.kind, x.measurement, x.treatment, x.operation_code),
        (x.stream_id, x.kind, x.measurement, x.treatment, x.operation_code),
        (x.bucket, x.stream_id),
        (x.bucket, x.centre_id))`,
  );
  const rows: RecyclingRow[] = [];
  const collected: CollectedRow[] = [];
  for (const r of sums) {
    const set = SET_OF_GROUPING[Number(r.g)];
    if (set === 'bucket_stream' || set === 'bucket_centre') {
      if (r.inflow_grams !== null && r.bucket !== null)
        collected.push({
          bucket: r.bucket,
          streamId: set === 'bucket_stream' ? r.stream_id : null,
          centreId: set === 'bucket_centre' ? r.centre_id : null,
          grams: Number(r.inflow_grams),
        });
      continue;
    }
    if (!set || r.kind === null || r.measurement === null)
      throw new Error(`recycling sums: unexpected grouping ${r.g}`);
    rows.push({
      set,
      key: set === 'total' ? null : r.key,
      kind: r.kind,
      measurement: r.measurement,
      treatment: r.treatment,
      operationCode: r.operation_code,
      grams: Number(r.grams),
    });
  }
  return { rows, collected };
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
