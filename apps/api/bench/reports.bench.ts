// Board report costs, in process on the embedded database (BENCH_DATABASE_URL=postgres://… for a
// server): every registered report source (apps/api/src/reports/registry.ts) loaded as the
// network admin would read it (every centre), on the demo seed and then as years of activity are
// added before it (bulk SQL, spread over every centre):
//   - circular movements (BENCH_MOVEMENTS_PER_YEAR, default 40 000: six inflows, three R3
//     shipments and one re-use in ten) — the recycling report;
//   - harvests (BENCH_HARVESTS_PER_YEAR, default 5 000) in the demo gardens — the gardens report;
//   - money gifts with their ledger entries (BENCH_GIFTS_PER_YEAR, default 10 000) — the fund;
//   - one night booking (02:00–03:00) per resource and day, unless the resource is taken then
//     (a demo loan over several days) — the activity report.
// The circles report reads the demo's circles only (their rows are not grown).
// Each source is timed on two readings: the last 12 months by month compared with the 12 before
// (the board's default), and the whole span by year. Median and p95 of BENCH_ITERATIONS runs
// (after two warm-ups). BENCH_YEARS=1,5,10 chooses the spans. It prints figures, never asserts.
// Run: pnpm --filter @lakou/api bench:reports
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { openDatabase } from '../src/db/client.ts';
import { seedDemoNetwork } from '../src/db/seed/seed.ts';
import { boardReadings, quantile, reportNames, timeReports } from './report-timing.ts';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 10);
const YEARS = (process.env.BENCH_YEARS ?? '1,5,10').split(',').map(Number);
const MOVEMENTS_PER_YEAR = Number(process.env.BENCH_MOVEMENTS_PER_YEAR ?? 40_000);
const HARVESTS_PER_YEAR = Number(process.env.BENCH_HARVESTS_PER_YEAR ?? 5_000);
const GIFTS_PER_YEAR = Number(process.env.BENCH_GIFTS_PER_YEAR ?? 10_000);

const database = await openDatabase(
  process.env.BENCH_DATABASE_URL
    ? { kind: 'postgres', url: process.env.BENCH_DATABASE_URL }
    : { kind: 'pglite' },
);
await database.migrate();
const db = database.db;
const today = Temporal.Now.plainDateISO('America/Cayenne');
let t0 = performance.now();
await seedDemoNetwork(db, today);
console.log(`demo seed in ${Math.round(performance.now() - t0)} ms`);

const exec = async <T>(query: ReturnType<typeof sql>) => {
  const r = await db.execute(query);
  return (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as T[];
};
const count = async (table: string) =>
  Number((await exec<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n);

const rows: string[] = [];
const record = (figure: string, size: string, times: number[]) =>
  rows.push(
    `| ${figure} | ${size} | ${quantile(times, 0.5).toFixed(1)} | ${quantile(times, 0.95).toFixed(1)} | ms |`,
  );
const centres = await exec<{ id: string; name: string }>(
  sql`select id::text as id, name from centres order by name`,
);

/**
 * Adds the activity of the years `fromYear` (excluded) to `toYear` (included) before today:
 * day offsets from today of `fromYear * 365` to `toYear * 365 - 1`, so each span sits before the
 * one already there and the demo's own months are never touched.
 */
async function addYears(fromYear: number, toYear: number) {
  const first = fromYear * 365;
  const days = (toYear - fromYear) * 365;
  const years = toYear - fromYear;
  const on = (g: string) => sql.raw(`(${`'${today}'`}::date - ${first} - (${g} % ${days}))`);
  const movements = MOVEMENTS_PER_YEAR * years;
  const ins = Math.ceil((movements * 6) / 10);
  const outs = Math.floor((movements * 3) / 10);
  const reuse = movements - ins - outs;
  const pools = sql`
    centre as (select array_agg(id order by slug) as ids from centres),
    stream as (select array_agg(id order by code) as ids from material_streams where code <> 'batteries'),
    facility as (select id from waste_facilities order by name limit 1)`;
  const note = `banc-rapports-${toYear}`;
  await db.execute(sql`
    with ${pools}
    insert into circular_inflows (occurred_on, centre_id, stream_id, mass_grams, measurement, origin, note)
    select ${on('g')}, centre.ids[1 + g % array_length(centre.ids, 1)],
           stream.ids[1 + (g / 7) % array_length(stream.ids, 1)], 10000 + (g % 6) * 10000,
           (array['weighed', 'estimated'])[1 + (g % 5 = 0)::int], (array['collection', 'drop_off'])[1 + g % 2],
           ${note}
    from generate_series(1, ${ins}) g, centre, stream`);
  await db.execute(sql`
    with ${pools}
    insert into circular_outflows (occurred_on, centre_id, stream_id, mass_grams, measurement, facility_id, treatment, operation_code, note)
    select ${on('g')}, centre.ids[1 + g % array_length(centre.ids, 1)],
           stream.ids[1 + (g / 7) % array_length(stream.ids, 1)], 5000, 'weighed', facility.id,
           'recycling', 'R3', ${note}
    from generate_series(1, ${outs}) g, centre, stream, facility`);
  await db.execute(sql`
    with ${pools}
    insert into circular_reuses (occurred_on, centre_id, stream_id, mass_grams, measurement, kind, item_count, note)
    select ${on('g')}, centre.ids[1 + g % array_length(centre.ids, 1)],
           stream.ids[1 + (g / 7) % array_length(stream.ids, 1)], 2000, 'estimated', 'sorted', 1, ${note}
    from generate_series(1, ${reuse}) g, centre, stream`);
  await db.execute(sql`
    with garden as (select array_agg(id order by id) as ids from gardens)
    insert into harvests (garden_id, harvested_on, crop, grams, destination)
    select garden.ids[1 + g % array_length(garden.ids, 1)], ${on('g')},
           (array['Tomates', 'Dachine', 'Gombo', 'Giraumon', 'Ciboulette', 'Piment'])[1 + g % 6],
           200 + (g % 40) * 100,
           (array['market', 'collective_distribution', 'solidarity_grocery', 'market'])[1 + g % 4]
    from generate_series(1, ${HARVESTS_PER_YEAR * years}) g, garden`);
  await db.execute(sql`
    with fund as (
      select array_agg(id order by code) as ids from sub_funds where code in ('LIBRE', 'JARDINS', 'KOUROU')
    ), people as (
      select array_agg(id order by id) as ids from donors where kind <> 'public_body'
    ), made as (
      insert into donations (organisation_id, kind, donor_id, received_on, amount_cents, method, sub_fund_id, reference)
      select o.id, 'money', people.ids[1 + g % array_length(people.ids, 1)], ${on('g')},
             1000 + (g % 50) * 500, (array['transfer', 'cheque', 'card', 'cash'])[1 + g % 4],
             fund.ids[1 + g % 3], ${note} || '-' || g
      from generate_series(1, ${GIFTS_PER_YEAR * years}) g, fund, people,
           (select id from organisations limit 1) o
      returning id, organisation_id, sub_fund_id, received_on, amount_cents
    )
    insert into ledger_entries (organisation_id, sub_fund_id, occurred_on, amount_cents, kind, label, donation_id)
    select organisation_id, sub_fund_id, received_on, amount_cents, 'donation', 'Don (banc d’essai)', id from made`);
  // One booking per resource and night, 02:00–03:00 in Cayenne, on the span's days.
  await db.execute(sql`
    insert into bookings (resource_id, centre_id, starts_at, ends_at, blocked_until, status, organiser, purpose, headcount, audience, price_cents)
    select r.id, r.centre_id, t, t + interval '1 hour', t + interval '1 hour', 'confirmed',
           '{"kind":"member","name":"x"}'::jsonb, 'Remplissage', 1, 'member', 0
    from resources r, generate_series(0, ${days - 1}) g,
         lateral (select ((${today.toString()}::date - (${first}::int + g))::timestamp + interval '2 hours')
                    at time zone 'America/Cayenne' as t) s
    on conflict do nothing`);
  await db.execute(sql`analyze`);
}

const sizes = async () =>
  `${(
    (await count('circular_inflows')) +
      (await count('circular_outflows')) +
      (await count('circular_reuses'))
  ).toLocaleString(
    'fr-FR',
  )} mouvements, ${(await count('harvests')).toLocaleString('fr-FR')} récoltes, ${(
    await count('ledger_entries')
  ).toLocaleString(
    'fr-FR',
  )} écritures, ${(await count('bookings')).toLocaleString('fr-FR')} réservations`;

console.log(`reports: ${reportNames().join(', ')}`);

let span = 0;
for (const years of [0, ...YEARS]) {
  if (years > span) {
    t0 = performance.now();
    await addYears(span, years);
    console.log(`${years} years of activity added in ${Math.round(performance.now() - t0)} ms`);
    span = years;
  }
  const size = `${span === 0 ? 'démo' : `démo + ${span} an(s)`} : ${await sizes()}`;
  await timeReports(
    db,
    centres,
    boardReadings(today, Math.max(span, 3) + 1),
    ITERATIONS,
    (figure, times) => record(figure, size, times),
  );
}

console.log(`\nRapports du conseil — ${database.kind} (médiane, p95)\n`);
console.log('| rapport | données | médiane | p95 | unité |\n| --- | --- | ---: | ---: | --- |');
for (const r of rows) console.log(r);
await database.close();
