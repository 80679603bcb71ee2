import type {
  InflowOrigin,
  Measurement,
  RegisterLine,
  RegisterMovement,
  Treatment,
} from '@lakou/domain/circular';
import { registerLine } from '@lakou/domain/circular';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { centres, materialStreams } from '../db/schema/index.ts';
import { type MovementFilter, movementWhere, rowsOf } from './reports.sql.ts';

/** A line as the query gives it, in the order of `json_build_array` above. */
type RegisterRow = [
  occurredOn: string,
  direction: 'in' | 'reuse' | 'out' | 'compost',
  centreId: string,
  streamId: string,
  grams: number,
  measurement: Measurement,
  origin: InflowOrigin | null,
  facilityName: string | null,
  facilitySiret: string | null,
  facilityAddress: string | null,
  transporter: string | null,
  treatment: Treatment | null,
  operationCode: string | null,
  trackingRef: string | null,
  custom: Record<string, unknown> | null,
];

/** One line of the register with the stream it belongs to (for the totals). */
export interface RegisterEntry {
  streamId: string;
  grams: number;
  line: RegisterLine;
  /** The stored custom values of an inflow (null for the other lines). */
  custom: Record<string, unknown> | null;
}

/**
 * The chronological waste register of a period (arrêté of 31 May 2021): inflows (in), items
 * passed on by the centre (out, the centre itself as facility, treatment re-use), shipments (out)
 * and bio-waste put in a garden's compost (out, « Compostage sur site — <garden> », R3), ordered
 * by date, then by when they were recorded. The lines are written by the domain's `registerLine`.
 */
export async function registerEntries(db: Db, filter: MovementFilter): Promise<RegisterEntry[]> {
  const where = (date: string) =>
    movementWhere(filter, {
      date: sql.raw(date),
      centre: sql.raw('m.centre_id'),
      stream: sql.raw('m.stream_id'),
    });
  // One JSON array of arrays, built and ordered in the database: a year's register is tens of
  // thousands of lines, and one text value decodes much faster than as many rows (PGlite above all).
  const [result] = await rowsOf<{ lines: string }>(
    db,
    sql`select coalesce(json_agg(json_build_array(occurred_on, direction, centre_id, stream_id,
        grams, measurement, origin, facility_name, facility_siret, facility_address, transporter,
        treatment, operation_code, tracking_ref, custom) order by occurred_on, created_at, id), '[]')::text as lines
      from (
        select m.occurred_on::text as occurred_on, m.created_at, m.id, 'in' as direction,
          m.centre_id, m.stream_id, m.mass_grams as grams, m.measurement, m.origin,
          null::text as facility_name, null::text as facility_siret, null::text as facility_address,
          null::text as transporter, null::text as treatment, null::text as operation_code,
          null::text as tracking_ref, m.custom as custom
        from circular_inflows m where ${where('m.occurred_on')}
        union all
        select m.occurred_on::text, m.created_at, m.id, 'reuse', m.centre_id, m.stream_id,
          m.mass_grams, m.measurement, null, null, null, null, null, 'reuse', null, null, null::jsonb
        from circular_reuses m where ${where('m.occurred_on')}
        union all
        select m.occurred_on::text, m.created_at, m.id, 'out', m.centre_id, m.stream_id,
          m.mass_grams, m.measurement, null, f.name, f.siret,
          f.address_line || ', ' || f.postcode || ' ' || f.city, m.transporter, m.treatment,
          m.operation_code, m.tracking_ref, null::jsonb
        from circular_outflows m join waste_facilities f on f.id = m.facility_id
        where ${where('m.occurred_on')}
        union all
        select m.started_on::text, m.created_at, m.id, 'compost', m.centre_id, m.stream_id,
          m.input_grams, m.measurement, null, g.name, null, null, null, 'recycling', 'R3', null,
          null::jsonb
        from compost_batches m join gardens g on g.id = m.garden_id
        where ${where('m.started_on')}
      ) register`,
  );
  const rows = JSON.parse(result?.lines ?? '[]') as RegisterRow[];
  const centreRows = await db.select({ id: centres.id, name: centres.name }).from(centres);
  const streamRows = await db
    .select({
      id: materialStreams.id,
      name: materialStreams.name,
      wasteCode: materialStreams.wasteCode,
    })
    .from(materialStreams);
  const centreName = new Map(centreRows.map((c) => [c.id, c.name]));
  const streamOf = new Map(streamRows.map((s) => [s.id, s]));
  return rows.map((r) => {
    const [
      occurredOn,
      direction,
      centreId,
      streamId,
      grams,
      measurement,
      origin,
      facilityName,
      facilitySiret,
      facilityAddress,
      transporter,
      treatment,
      code,
      ref,
      custom,
    ] = r;
    const stream = streamOf.get(streamId);
    const common = {
      occurredOn,
      centreName: centreName.get(centreId) ?? '',
      streamName: stream?.name ?? '',
      wasteCode: stream?.wasteCode ?? null,
      grams: Number(grams),
      measurement,
    };
    const movement: RegisterMovement =
      direction === 'in'
        ? { ...common, direction: 'in', origin: origin ?? 'drop_off' }
        : {
            ...common,
            direction: 'out',
            facilityName:
              direction === 'reuse'
                ? common.centreName
                : direction === 'compost'
                  ? `Compostage sur site — ${facilityName ?? ''}`
                  : (facilityName ?? ''),
            facilitySiret,
            facilityAddress,
            transporter,
            treatment: treatment ?? 'reuse',
            operationCode: code,
            trackingRef: ref,
          };
    return { streamId, grams: common.grams, line: registerLine(movement), custom: custom ?? null };
  });
}

/** Per stream (by name): grams in and grams out; and the sums over every stream. */
export interface RegisterTotals {
  streams: { name: string; wasteCode: string; gramsIn: number; gramsOut: number }[];
  gramsIn: number;
  gramsOut: number;
}

export function registerTotals(entries: RegisterEntry[]): RegisterTotals {
  const byStream = new Map<string, RegisterTotals['streams'][number]>();
  let gramsIn = 0;
  let gramsOut = 0;
  for (const e of entries) {
    let t = byStream.get(e.streamId);
    if (!t) {
      t = { name: e.line.commonName, wasteCode: e.line.wasteCode, gramsIn: 0, gramsOut: 0 };
      byStream.set(e.streamId, t);
    }
    if (e.line.direction === 'Entrée') {
      t.gramsIn += e.grams;
      gramsIn += e.grams;
    } else {
      t.gramsOut += e.grams;
      gramsOut += e.grams;
    }
  }
  const streams = [...byStream.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return { streams, gramsIn, gramsOut };
}
