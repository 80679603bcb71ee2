// Circular economy costs, in process on the embedded database (BENCH_DATABASE_URL=postgres://… for a server),
// on the demo seed and then as the movements grow to about 10 000, 100 000 and 300 000 (bulk SQL:
// six inflows for three shipments and one re-use, spread over three years, every centre and
// stream; the stocks are raised by what the added rows leave, so they stay the sums):
//   - GET /api/circular/indicators by month (the three years) and by stream (the last year);
//   - GET /api/waste-register.csv and .xlsx for the last year (network-wide);
//   - GET /api/circular/stock (the board);
//   - 20 concurrent POST /api/outflows against a stock that holds ten of them — time to settle.
// It prints figures and never asserts times. BENCH_SIZES=10000,100000 to choose the sizes.
// Run: pnpm --filter @lakou/api bench:circular
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { createApp } from '../src/app.ts';
import { openDatabase } from '../src/db/client.ts';
import { DEMO_PASSWORD } from '../src/db/seed/demo-users.ts';
import { seedDemoNetwork } from '../src/db/seed/seed.ts';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 10);
const FILE_ITERATIONS = Number(process.env.BENCH_FILE_ITERATIONS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,300000').split(',').map(Number);
const ORIGIN = 'http://localhost:3000';
const database = await openDatabase(
  process.env.BENCH_DATABASE_URL
    ? { kind: 'postgres', url: process.env.BENCH_DATABASE_URL }
    : { kind: 'pglite' },
);
await database.migrate();
const today = Temporal.Now.plainDateISO('America/Cayenne');
let t0 = performance.now();
await seedDemoNetwork(database.db, today);
console.log(`demo seed in ${Math.round(performance.now() - t0)} ms`);
const app = createApp({ database });

const signIn = async (email: string) =>
  (
    await app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    })
  ).headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
// The admin reads every centre and writes in any (circular.read, circular.write).
const admin = await signIn('admin@lakou.test');
const headers = { cookie: admin, origin: ORIGIN, 'content-type': 'application/json' };
const request = (method: string, path: string, body?: unknown) =>
  Promise.resolve(
    app.request(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
async function ok<T>(res: Response | Promise<Response>, what: string): Promise<T> {
  const r = await res;
  if (r.status >= 400) throw new Error(`${what}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}
const exec = async <T>(query: ReturnType<typeof sql>) => {
  const r = await database.db.execute(query);
  return (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as T[];
};

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)] ??
  Number.NaN;
const rows: string[] = [];
const record = (figure: string, size: string, times: number[], unit = 'ms') =>
  rows.push(
    `| ${figure} | ${size} | ${quantile(times, 0.5).toFixed(1)} | ${quantile(times, 0.95).toFixed(1)} | ${unit} |`,
  );
/** Times `n` answers (after two warm-ups); the body is read to the end. Returns times and last size. */
async function time(call: () => Promise<Response>, n = ITERATIONS) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n + 2; i++) {
    const t = performance.now();
    const res = await call();
    const body = await res.arrayBuffer();
    if (res.status >= 400) throw new Error(`${res.status} ${new TextDecoder().decode(body)}`);
    if (i >= 2) times.push(performance.now() - t);
    bytes = body.byteLength;
  }
  return { times, bytes };
}

const movementCount = async () =>
  Number(
    (
      await exec<{ n: number }>(
        sql`select (select count(*) from circular_inflows) + (select count(*) from circular_reuses)
                 + (select count(*) from circular_outflows) as n`,
      )
    )[0]?.n,
  );

/**
 * Adds movements in bulk up to `target`: per ten, six inflows of 10 to 60 kg, three shipments of
 * 5 kg (R3) and one re-use of 2 kg, over the three years, every centre and every stream but the
 * hazardous ones; then raises each stock by what the added rows leave.
 */
async function grow(target: number) {
  let missing = target - (await movementCount());
  let batch = 0;
  while (missing > 0) {
    const n = Math.min(missing, 50_000);
    const ins = Math.ceil((n * 6) / 10);
    const outs = Math.floor((n * 3) / 10);
    const reuse = n - ins - outs;
    const note = `banc-${target}-${batch++}`;
    const pools = sql`
      centre as (select array_agg(id order by slug) as ids from centres),
      stream as (select array_agg(id order by code) as ids from material_streams where code <> 'batteries'),
      facility as (select id from waste_facilities order by name limit 1)`;
    await database.db.execute(sql`
      with ${pools}
      insert into circular_inflows (occurred_on, centre_id, stream_id, mass_grams, measurement, origin, note, created_at)
      select ${today.toString()}::date - (g % 1095), centre.ids[1 + g % array_length(centre.ids, 1)],
             stream.ids[1 + (g / 7) % array_length(stream.ids, 1)], 10000 + (g % 6) * 10000,
             (array['weighed', 'estimated'])[1 + (g % 5 = 0)::int], (array['collection', 'drop_off'])[1 + g % 2],
             ${note}, now()
      from generate_series(1, ${ins}) g, centre, stream`);
    await database.db.execute(sql`
      with ${pools}
      insert into circular_outflows (occurred_on, centre_id, stream_id, mass_grams, measurement, facility_id, treatment, operation_code, note, created_at)
      select ${today.toString()}::date - (g % 1095), centre.ids[1 + g % array_length(centre.ids, 1)],
             stream.ids[1 + (g / 7) % array_length(stream.ids, 1)], 5000, 'weighed', facility.id,
             'recycling', 'R3', ${note}, now()
      from generate_series(1, ${outs}) g, centre, stream, facility`);
    await database.db.execute(sql`
      with ${pools}
      insert into circular_reuses (occurred_on, centre_id, stream_id, mass_grams, measurement, kind, item_count, note, created_at)
      select ${today.toString()}::date - (g % 1095), centre.ids[1 + g % array_length(centre.ids, 1)],
             stream.ids[1 + (g / 7) % array_length(stream.ids, 1)], 2000, 'estimated', 'sorted', 1, ${note}, now()
      from generate_series(1, ${reuse}) g, centre, stream`);
    await database.db.execute(sql`
      insert into stream_stocks (centre_id, stream_id, stock_grams, last_movement_on)
      select centre_id, stream_id, sum(grams), max(on_day) from (
        select centre_id, stream_id, mass_grams as grams, occurred_on as on_day from circular_inflows where note = ${note}
        union all select centre_id, stream_id, -mass_grams, occurred_on from circular_outflows where note = ${note}
        union all select centre_id, stream_id, -mass_grams, occurred_on from circular_reuses where note = ${note}
      ) m group by 1, 2
      on conflict (centre_id, stream_id) do update
        set stock_grams = stream_stocks.stock_grams + excluded.stock_grams,
            last_movement_on = greatest(stream_stocks.last_movement_on, excluded.last_movement_on)`);
    missing -= n;
  }
  await database.db.execute(sql`analyze`);
}

const [kourou] = await exec<{ id: string }>(sql`select id from centres where slug = 'kourou'`);
const [facility] = await exec<{ id: string }>(
  sql`select id from waste_facilities order by name limit 1`,
);
if (!kourou || !facility) throw new Error('demo circular economy not seeded');
const ownStream = async (code: string) => {
  await ok(
    request('POST', '/api/streams', {
      code,
      name: `Banc d’essai ${code}`,
      family: 'other',
      repStream: null,
      wasteCode: null,
    }),
    'bench stream',
  );
  const [s] = await exec<{ id: string }>(sql`select id from material_streams where code = ${code}`);
  return s?.id ?? '';
};

let round = 0;
/** 20 shipments of 1 kg at once against a stream of its own that holds exactly 10 kg. */
async function contention(): Promise<number> {
  const streamId = await ownStream(`banc_${++round}`);
  await ok(
    request('POST', '/api/inflows', {
      occurredOn: today.toString(),
      centreId: kourou?.id,
      streamId,
      massGrams: 10_000,
      measurement: 'weighed',
      origin: 'drop_off',
    }),
    'bench inflow',
  );
  const t = performance.now();
  const answers = await Promise.all(
    Array.from({ length: 20 }, () =>
      request('POST', '/api/outflows', {
        occurredOn: today.toString(),
        centreId: kourou?.id,
        streamId,
        massGrams: 1_000,
        measurement: 'weighed',
        facilityId: facility?.id,
        treatment: 'recycling',
        operationCode: 'R3',
      }).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      }),
    ),
  );
  const ms = performance.now() - t;
  const accepted = answers.filter((s) => s === 201).length;
  if (accepted !== 10 || answers.some((s) => s !== 201 && s !== 422))
    throw new Error(`contention: ${answers.join(',')}`);
  return ms;
}

const yearFrom = today.subtract({ years: 1 }).add({ days: 1 }).toString();
const year = `from=${yearFrom}&to=${today}`;
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('fr-FR')} Kio`;

for (const target of [0, ...SIZES]) {
  if (target > 0) {
    t0 = performance.now();
    await grow(target);
    console.log(
      `movements grown to ${(await movementCount()).toLocaleString('fr-FR')} in ${Math.round(performance.now() - t0)} ms`,
    );
  }
  const size = `${(await movementCount()).toLocaleString('fr-FR')} mouvements`;
  record(
    'GET /api/circular/indicators?by=month (3 ans)',
    size,
    (await time(() => request('GET', '/api/circular/indicators?by=month'))).times,
  );
  record(
    'GET /api/circular/indicators?by=stream (1 an)',
    size,
    (await time(() => request('GET', `/api/circular/indicators?by=stream&${year}`))).times,
  );
  record(
    'GET /api/circular/indicators?by=month (Kourou, 1 an)',
    size,
    (
      await time(() =>
        request('GET', `/api/circular/indicators?by=month&${year}&centreId=${kourou.id}`),
      )
    ).times,
  );
  const lines = Number(
    (
      await exec<{ n: number }>(
        sql`select (select count(*) from circular_inflows where occurred_on >= ${yearFrom}::date)
                 + (select count(*) from circular_reuses where occurred_on >= ${yearFrom}::date)
                 + (select count(*) from circular_outflows where occurred_on >= ${yearFrom}::date)
                 + (select count(*) from compost_batches where started_on >= ${yearFrom}::date) as n`,
      )
    )[0]?.n,
  );
  const csv = await time(() => request('GET', `/api/waste-register.csv?${year}`), FILE_ITERATIONS);
  record(
    'GET /api/waste-register.csv (1 an)',
    `${size}, ${lines.toLocaleString('fr-FR')} lignes, ${kb(csv.bytes)}`,
    csv.times,
  );
  const xlsx = await time(
    () => request('GET', `/api/waste-register.xlsx?${year}`),
    FILE_ITERATIONS,
  );
  record(
    'GET /api/waste-register.xlsx (1 an)',
    `${size}, ${lines.toLocaleString('fr-FR')} lignes, ${kb(xlsx.bytes)}`,
    xlsx.times,
  );
  record(
    'GET /api/circular/stock (tableau)',
    size,
    (await time(() => request('GET', '/api/circular/stock'))).times,
  );
  const settle: number[] = [];
  for (let i = 0; i < 3; i++) settle.push(await contention());
  record('20 POST /api/outflows concurrents (10 possibles)', size, settle);
}

console.log(`\nÉconomie circulaire — ${database.kind} (médiane, p95)\n`);
console.log('| figure | taille | médiane | p95 | unité |\n| --- | --- | ---: | ---: | --- |');
for (const r of rows) console.log(r);
await database.close();
