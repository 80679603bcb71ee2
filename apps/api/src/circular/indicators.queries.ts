import type { IndicatorGrouping, IndicatorMovement, Treatment } from '@lakou/domain/circular';
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { centres, materialStreams } from '../db/schema/index.ts';
import { splitByMonths } from '../reports/recycling.queries.ts';
import { type MovementFilter, movementWhere, rowsOf } from './reports.sql.ts';

const KEY: Record<IndicatorGrouping, (date: SQL, centre: SQL, stream: SQL) => SQL> = {
  centre: (_d, centre) => sql`${centre}::text`,
  stream: (_d, _c, stream) => sql`${stream}::text`,
  month: (date) => sql`to_char(${date}, 'YYYY-MM')`,
  year: (date) => sql`to_char(${date}, 'YYYY')`,
};

interface AggregateRow {
  key: string;
  kind: IndicatorMovement['kind'];
  measurement: 'weighed' | 'estimated';
  treatment: Treatment | null;
  operation_code: string | null;
  grams: string | number;
}

/** The open ends of a filter's period, for splitting it into months and days. */
const EARLIEST = '1900-01-01';
const LATEST = '2999-12-31';

/**
 * The movements of the filter summed in SQL per grouping key, kind, measurement, treatment and
 * operation code — a few dozen rows whatever the number of movements. Each sum is handed back as
 * one movement carrying the key (a month `YYYY-MM` becomes its first day), so that the domain's
 * `indicatorsOf` / `indicatorsBy` apply the rate definitions to it unchanged. Compost batches are
 * `compost` movements of the batch's stream on the day they were started.
 *
 * Inflows, re-uses and shipments of whole calendar months come from `circular_monthly` (kept by
 * triggers, dated the month's first day, which keeps its month, year, centre and stream), and
 * only the days around them from the movements: the cost follows the months asked, not the rows
 * stored. `monthly: false` sums the movements themselves (what the monthly sums are checked
 * against).
 */
export async function aggregatedMovements(
  db: Pick<Db, 'execute'>,
  filter: MovementFilter,
  by: IndicatorGrouping,
  { monthly = true }: { monthly?: boolean } = {},
): Promise<IndicatorMovement[]> {
  const select = (
    table: SQL,
    kind: SQL,
    f: MovementFilter,
    cols: { date: SQL; mass: SQL; treatment: SQL; code: SQL },
  ) => {
    const on = { date: cols.date, centre: sql.raw('m.centre_id'), stream: sql.raw('m.stream_id') };
    return sql`select ${KEY[by](on.date, on.centre, on.stream)} as key, ${kind} as kind,
      m.measurement, ${cols.treatment} as treatment, ${cols.code} as operation_code,
      ${cols.mass} as grams
      from ${table} m where ${movementWhere(f, on)}`;
  };
  const none = sql`null::text`;
  const occurred = sql.raw('m.occurred_on');
  const mass = sql.raw('m.mass_grams');
  const split = monthly
    ? splitByMonths(filter.from ?? EARLIEST, filter.to ?? LATEST)
    : { months: null, days: [{ from: filter.from, to: filter.to }] };
  const parts: SQL[] = split.days.flatMap((span) => {
    const f = { ...filter, ...span };
    return [
      select(sql.raw('circular_inflows'), sql`'inflow'::text`, f, {
        date: occurred,
        mass,
        treatment: none,
        code: none,
      }),
      select(sql.raw('circular_reuses'), sql`'reuse'::text`, f, {
        date: occurred,
        mass,
        treatment: none,
        code: none,
      }),
      select(sql.raw('circular_outflows'), sql`'outflow'::text`, f, {
        date: occurred,
        mass,
        treatment: sql.raw('m.treatment'),
        code: sql.raw('m.operation_code'),
      }),
    ];
  });
  if (split.months)
    parts.push(
      select(
        sql.raw('circular_monthly'),
        sql.raw('m.kind'),
        { ...filter, ...split.months },
        {
          date: sql.raw('m.month'),
          mass: sql.raw('m.grams'),
          treatment: sql.raw('m.treatment'),
          code: sql.raw('m.operation_code'),
        },
      ),
    );
  parts.push(
    select(sql.raw('compost_batches'), sql`'compost'::text`, filter, {
      date: sql.raw('m.started_on'),
      mass: sql.raw('m.input_grams'),
      treatment: none,
      code: none,
    }),
  );
  const rows = await rowsOf<AggregateRow>(
    db,
    sql`select key, kind, measurement, treatment, operation_code, sum(grams) as grams
          from (${sql.join(parts, sql` union all `)}) t
         group by 1, 2, 3, 4, 5`,
  );
  return rows.map((r) => toMovement(r, by));
}

function toMovement(r: AggregateRow, by: IndicatorGrouping): IndicatorMovement {
  const base = {
    occurredOn: by === 'month' ? `${r.key}-01` : by === 'year' ? `${r.key}-01-01` : '',
    centreId: by === 'centre' ? r.key : '',
    streamId: by === 'stream' ? r.key : '',
    grams: Number(r.grams),
    measurement: r.measurement,
  };
  if (r.kind === 'outflow')
    return {
      ...base,
      kind: 'outflow',
      treatment: r.treatment ?? 'disposal',
      operationCode: r.operation_code,
    };
  return { ...base, kind: r.kind };
}

const monthFormat = new Intl.DateTimeFormat('fr-FR', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** « novembre 2026 » for `2026-11`. */
export function monthLabel(key: string): string {
  return monthFormat.format(new Date(`${key}-01T00:00:00Z`));
}

/** What each group is called: the centre or stream name, the month in French, the year. */
export async function groupLabels(
  db: Db,
  by: IndicatorGrouping,
  keys: string[],
): Promise<Map<string, string>> {
  if (by === 'month') return new Map(keys.map((k) => [k, monthLabel(k)]));
  if (by === 'year' || keys.length === 0) return new Map(keys.map((k) => [k, k]));
  const table = by === 'centre' ? centres : materialStreams;
  const named = await db
    .select({ id: table.id, name: table.name })
    .from(table)
    .where(inArray(table.id, keys));
  return new Map(named.map((n) => [n.id, n.name]));
}
