// Board reports at network scale on a real PostgreSQL (issue 10: every report at 10 years and 50
// centres, p95 under 100 ms; growth from 1 to 10 years under 3×). For each span of years, a
// throw-away database gets the scale data set (`seedScale`, what `pnpm lakou seed:scale` writes:
// 50 centres by default, 20 resources each, their bookings, events and registrations, the fund's
// gifts and ledger, the circular movements, gardens and harvests), then every report source is
// timed as the network admin reads it (every centre) on the board's two readings: the last 12
// months by month compared with the 12 before, and the whole span by year. Median and p95 of
// --runs runs after two warm-ups; then each figure's growth from the first span to the last.
// BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres) is where the databases
// are made and dropped; the bench says so and ends when that server is not reachable.
// BENCH_JSON=file writes the rows as JSON (pnpm bench adds them to its table).
// Options: --centres 50, --years 1,5,10, --runs 10, --keep (keep the databases), --reuse (time
// the databases a --keep run left, without writing them again).
// Run: pnpm --filter @lakou/api bench:reports-scale [-- --years 1,10]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { Temporal } from 'temporal-polyfill';
import { rowsOf } from '../src/circular/reports.sql.ts';
import { openDatabase } from '../src/db/client.ts';
import { seedScale } from '../src/db/seed/scale/index.ts';
import { boardReadings, quantile, timeReports } from './report-timing.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    centres: { type: 'string', default: '50' },
    years: { type: 'string', default: '1,5,10' },
    runs: { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});
const CENTRES = Number(values.centres);
const YEARS = (values.years ?? '1,5,10').split(',').map(Number);
const RUNS = Number(values.runs);
const adminUrl = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const today = Temporal.Now.plainDateISO('America/Cayenne');

interface Row {
  figure: string;
  size: string;
  unit: string;
  median: number;
  p95: number | null;
  n: number;
}

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
try {
  await admin`select 1`;
} catch (error) {
  console.log(`Rapports à l'échelle : pas de PostgreSQL à ${adminUrl} (${String(error)}).`);
  process.exit(0);
}

const rows: Row[] = [];
/** p95 per figure (report and reading), per span, for the growth ratios. */
const p95s = new Map<string, number[]>();

for (const years of YEARS) {
  const name = `lakou_bench_reports_${CENTRES}c_${years}y`;
  const exists = (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
  const reuse = values.reuse && exists;
  if (!reuse) {
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.unsafe(`create database ${name}`);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  try {
    await database.migrate();
    const t0 = performance.now();
    if (!reuse) {
      await seedScale(database.db, { centres: CENTRES, years, seed: 42, until: today.toString() });
      await database.db.execute(sql`analyze`);
    }
    const [n] = await rowsOf<Record<string, number>>(
      database.db,
      sql`select (select count(*) from bookings)::int as bookings,
                 (select count(*) from ledger_entries)::int as ledger,
                 (select count(*) from event_registrations)::int as registrations,
                 ((select count(*) from circular_inflows) + (select count(*) from circular_outflows)
                  + (select count(*) from circular_reuses))::int as movements`,
    );
    const fr = (x: number | undefined) => (x ?? 0).toLocaleString('fr-FR');
    const size = `${CENTRES} centres, ${years} an(s) : ${fr(n?.bookings)} réservations, ${fr(n?.registrations)} inscriptions, ${fr(n?.ledger)} écritures, ${fr(n?.movements)} mouvements`;
    console.log(
      `${size}${reuse ? ' (base conservée)' : ` — écrites en ${((performance.now() - t0) / 1000).toFixed(0)} s`}`,
    );
    const centres = await rowsOf<{ id: string; name: string }>(
      database.db,
      sql`select id::text as id, name from centres order by name`,
    );
    const readings = boardReadings(today, years).map((r, i) =>
      i === 1 ? { ...r, label: 'toute la période par année' } : r,
    );
    await timeReports(database.db, centres, readings, RUNS, (figure, times) => {
      const row = {
        figure,
        size,
        unit: 'ms',
        median: quantile(times, 0.5),
        p95: quantile(times, 0.95),
        n: times.length,
      };
      rows.push(row);
      p95s.set(figure, [...(p95s.get(figure) ?? []), row.p95]);
      console.log(
        `| ${figure} | ${size} | ${row.median.toFixed(1)} | ${row.p95.toFixed(1)} | ms |`,
      );
    });
  } finally {
    await database.close();
    if (!values.keep && !values.reuse) await admin.unsafe(`drop database if exists ${name}`);
  }
}

if (YEARS.length > 1)
  for (const [figure, list] of p95s)
    rows.push({
      figure: `${figure} : croissance du p95, ${YEARS[0]} → ${YEARS.at(-1)} an(s)`,
      size: `${CENTRES} centres`,
      unit: '×',
      median: (list.at(-1) ?? 0) / (list[0] ?? 1),
      p95: null,
      n: list.length,
    });

console.log(`\nRapports du conseil à l'échelle — PostgreSQL (médiane, p95)\n`);
console.log('| rapport | données | médiane | p95 | unité |\n| --- | --- | ---: | ---: | --- |');
for (const r of rows)
  console.log(
    `| ${r.figure} | ${r.size} | ${r.median.toFixed(r.unit === '×' ? 2 : 1)} | ${r.p95 === null ? '—' : r.p95.toFixed(1)} | ${r.unit} |`,
  );
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(rows));
await admin.end({ timeout: 5 });
