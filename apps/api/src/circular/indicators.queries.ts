import type { IndicatorGrouping, IndicatorMovement, Treatment } from '@lakou/domain/circular';
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { centres, materialStreams } from '../db/schema/index.ts';
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

/**
 * The movements of the filter summed in SQL per grouping key, kind, measurement, treatment and
 * operation code — a few dozen rows whatever the number of movements. Each sum is handed back as
 * one movement carrying the key (a month `YYYY-MM` becomes its first day), so that the domain's
 * `indicatorsOf` / `indicatorsBy` apply the rate definitions to it unchanged. Compost batches are
 * `compost` movements of the batch's stream on the day they were started.
 */
export async function aggregatedMovements(
  db: Pick<Db, 'execute'>,
  filter: MovementFilter,
  by: IndicatorGrouping,
): Promise<IndicatorMovement[]> {
  const branch = (
    table: SQL,
    kind: IndicatorMovement['kind'],
    cols: { date: SQL; mass: SQL; treatment: SQL; code: SQL },
  ) => {
    const on = { date: cols.date, centre: sql.raw('m.centre_id'), stream: sql.raw('m.stream_id') };
    return sql`select ${KEY[by](on.date, on.centre, on.stream)} as key, ${kind}::text as kind,
      m.measurement, ${cols.treatment} as treatment, ${cols.code} as operation_code,
      sum(${cols.mass}) as grams
      from ${table} m where ${movementWhere(filter, on)} group by 1, 2, 3, 4, 5`;
  };
  const none = sql`null::text`;
  const occurred = sql.raw('m.occurred_on');
  const mass = sql.raw('m.mass_grams');
  const rows = await rowsOf<AggregateRow>(
    db,
    sql`${branch(sql.raw('circular_inflows'), 'inflow', { date: occurred, mass, treatment: none, code: none })}
    union all ${branch(sql.raw('circular_reuses'), 'reuse', { date: occurred, mass, treatment: none, code: none })}
    union all ${branch(sql.raw('circular_outflows'), 'outflow', {
      date: occurred,
      mass,
      treatment: sql.raw('m.treatment'),
      code: sql.raw('m.operation_code'),
    })}
    union all ${branch(sql.raw('compost_batches'), 'compost', {
      date: sql.raw('m.started_on'),
      mass: sql.raw('m.input_grams'),
      treatment: none,
      code: none,
    })}`,
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
