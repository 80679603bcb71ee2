// Scale figures on a real PostgreSQL (issue 10), each with its data size and a baseline measured
// in the same run:
//   1. booking creation through the API over real HTTP (the app served by @hono/node-server in a
//      child process, a signed-in manager's cookie, distinct free slots) at concurrency 1 and 32,
//      against the same INSERT sent straight to PostgreSQL over the same driver (postgres.js, same
//      pool size): bookings/s and the ratio API/raw — on the small table, then at the largest size;
//   2. GET /api/availability for one centre's week with 20 resources at 10k, 100k and 1M bookings
//      in the table (50 centres × 20 resources, filled with generate_series): p95 per size and
//      the growth ratio from the smallest to the largest;
//   3. --explain: EXPLAIN (ANALYZE, BUFFERS) of the queries behind those figures, at the largest size.
// BENCH_DATABASE_URL=postgres://… uses that database (it must be empty or a previous run's); without
// it a throw-away database is created on postgres://postgres@127.0.0.1:5432 and dropped at the end,
// and the bench says it is skipped when that server is not reachable.
// Where the time goes: the CPU per booking of the API process and of the PostgreSQL server
// processes of the bench's connections, from /proc (when PostgreSQL runs on this machine).
// BENCH_JSON=file writes the rows as JSON (pnpm bench adds them to its table); BENCH_CPU_PROF=dir
// has the API process write a V8 CPU profile (.cpuprofile) into dir when it ends.
// Options: --runs N (rounds per figure, default 5), --sizes 10000,100000,1000000, --explain.
// Run: pnpm --filter @lakou/api bench:scale [-- --explain]
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { Temporal } from 'temporal-polyfill';
import { createApp } from '../src/app.ts';
import { listBookings } from '../src/booking/bookings.queries.ts';
import { findResource } from '../src/booking/resources.queries.ts';
import { type Db, openDatabase } from '../src/db/client.ts';
import * as schema from '../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../src/db/seed/demo-users.ts';
import { seedDemoNetwork } from '../src/db/seed/seed.ts';

const ORIGIN = 'http://localhost:3000';
/** The pool of the API (openDatabase's default) and of the raw baseline. */
const POOL = 10;

async function main() {
  const { values } = parseArgs({
    // `pnpm --filter @lakou/api bench:scale -- --runs 3` passes the `--` on: leave it out.
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      runs: { type: 'string', default: '5' },
      sizes: { type: 'string', default: '10000,100000,1000000' },
      explain: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  const sizes = values.sizes.split(',').map(Number);

  const admin = 'postgres://postgres@127.0.0.1:5432/postgres';
  let url = process.env.BENCH_DATABASE_URL;
  let dropAtEnd: string | undefined;
  if (!url) {
    const server = postgres(admin, { max: 1, onnotice: () => {}, connect_timeout: 3 });
    try {
      dropAtEnd = `lakou_scale_bench_${process.pid}`;
      await server.unsafe(`create database ${dropAtEnd}`);
      url = `postgres://postgres@127.0.0.1:5432/${dropAtEnd}`;
    } catch (error) {
      console.log(
        `Scale bench skipped: no PostgreSQL at 127.0.0.1:5432 and no BENCH_DATABASE_URL (${(error as Error).message}).`,
      );
      return;
    } finally {
      await server.end({ timeout: 2 });
    }
  }

  const database = await openDatabase({ kind: 'postgres', url, maxConnections: POOL });
  const raw = postgres(url, { max: POOL, onnotice: () => {} });
  let child: ReturnType<typeof spawn> | undefined;
  try {
    await database.migrate();
    const today = Temporal.Now.plainDateISO('America/Cayenne');
    const [{ n: existing } = { n: 0 }] = await raw<{ n: number }[]>`
      select count(*)::int as n from centres`;
    if (existing === 0) await seedDemoNetwork(database.db, today);
    const scale = await scaleNetwork(raw);

    // BENCH_CPU_PROF=dir: the API process writes a V8 CPU profile there when it ends.
    const profile = process.env.BENCH_CPU_PROF
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
      : [];
    child = spawn(process.execPath, [...process.execArgv, ...profile, import.meta.filename], {
      env: { ...process.env, LAKOU_SCALE_SERVE: url },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child?.stdout?.on('data', (chunk: Buffer) => {
        const m = /port (\d+)/.exec(chunk.toString());
        if (m) resolve(Number(m[1]));
      });
      child?.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const signIn = async (email: string) => {
      const res = await fetch(`${base}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      if (!res.ok) throw new Error(`sign-in ${email}: ${res.status}`);
      return res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    };
    const managerCookie = await signIn('gestion@lakou.test');
    const headers = { cookie: managerCookie, origin: ORIGIN, 'content-type': 'application/json' };

    const rows: Row[] = [];
    const count = async () =>
      (await raw<{ n: number }[]>`select count(*)::int as n from bookings`)[0]?.n ?? 0;
    const sizeLabel = (n: number) => `${n.toLocaleString('en-GB')} bookings`;

    // ——— 1. booking creation ———
    const managerId = (
      await raw<{ id: string }[]>`
      select id from users where email = 'gestion@lakou.test'`
    )[0]?.id;
    // Slots already taken by an earlier run on the same database are skipped.
    let slotCursor =
      (
        await raw<{ n: number }[]>`select count(*)::int as n from bookings where purpose = 'Mesure'`
      )[0]?.n ?? 0;
    /** Distinct free slots of the measured centre's 20 resources, an hour each, weekdays. */
    const nextSlots = (n: number) =>
      Array.from({ length: n }, () => slotAt(scale.weekStart.add({ weeks: 104 }), slotCursor++));
    const creation = async (label: string) => {
      const size = sizeLabel(await count());
      for (const concurrency of [1, 32]) {
        const perRound = concurrency === 1 ? 100 : 640;
        const api = {
          rate: [] as number[],
          latency: [] as number[],
          cpu: [] as number[],
          db: [] as number[],
        };
        const direct = { rate: [] as number[], latency: [] as number[], db: [] as number[] };
        for (let round = 0; round < runs + 1; round++) {
          const warm = round === 0;
          const backends = await backendPids(raw);
          const cpu0 = [cpuMs(child?.pid), cpuMs(...backends)];
          const a = await load(nextSlots(perRound), concurrency, async (slot) => {
            const res = await fetch(`${base}/api/bookings`, {
              method: 'POST',
              headers,
              body: JSON.stringify({
                resourceId: scale.resourceIds[slot.resource],
                start: slot.start,
                end: slot.end,
                organiser: { kind: 'member', name: 'Bench' },
                purpose: 'Mesure',
                headcount: 2,
                audience: 'member',
              }),
            });
            const body = await res.text();
            if (res.status !== 201) throw new Error(`POST /api/bookings ${res.status}: ${body}`);
          });
          const cpu1 = [cpuMs(child?.pid), cpuMs(...backends)];
          const r = await load(nextSlots(perRound), concurrency, async (slot) => {
            const start = new Date(slot.start);
            const end = new Date(slot.end);
            await raw`
              insert into bookings (resource_id, centre_id, starts_at, ends_at, blocked_until, status,
                organiser, purpose, headcount, basic_needs, audience, price_cents, created_by)
              values (${scale.resourceIds[slot.resource] ?? ''}, ${scale.centreId}, ${start}, ${end}, ${end},
                'confirmed', ${raw.json({ kind: 'member', name: 'Bench' })}, 'Mesure', 2, '{}', 'member', 0, ${managerId ?? null})
              returning *`;
          });
          const cpu2 = cpuMs(...backends);
          if (warm) continue;
          const per = (a: number | null, b: number | null) =>
            a === null || b === null ? Number.NaN : (b - a) / perRound;
          api.cpu.push(per(cpu0[0] ?? null, cpu1[0] ?? null));
          api.db.push(per(cpu0[1] ?? null, cpu1[1] ?? null));
          direct.db.push(per(cpu1[1] ?? null, cpu2));
          api.rate.push(a.rate);
          api.latency.push(...a.latency);
          direct.rate.push(r.rate);
          direct.latency.push(...r.latency);
        }
        const c = `concurrency ${concurrency}`;
        rows.push(
          rate(`booking creation, API over HTTP, ${c} (${label})`, size, api.rate),
          rate(`booking creation, raw INSERT, ${c} (${label})`, size, direct.rate),
          {
            figure: `booking creation, ratio API/raw throughput, ${c} (${label})`,
            size,
            unit: '% of raw',
            median: (100 * quantile(api.rate, 0.5)) / quantile(direct.rate, 0.5),
            p95: null,
            n: runs,
          },
          latency(`booking creation latency, API, ${c} (${label})`, size, api.latency),
          latency(`booking creation latency, raw INSERT, ${c} (${label})`, size, direct.latency),
          cpu(`booking creation CPU per booking, API process, ${c} (${label})`, size, api.cpu),
          cpu(`booking creation CPU per booking, PostgreSQL, API, ${c} (${label})`, size, api.db),
          cpu(
            `booking creation CPU per booking, PostgreSQL, raw INSERT, ${c} (${label})`,
            size,
            direct.db,
          ),
        );
        printRows(rows.slice(-8));
      }
    };
    await creation('small table');

    // ——— 2. availability of one centre's week, 20 resources ———
    const from = `${scale.weekStart}T00:00:00-03:00`;
    const to = `${scale.weekStart.add({ days: 7 })}T00:00:00-03:00`;
    const availabilityPath = `/api/availability?resourceIds=${scale.resourceIds.join(',')}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&duration=60`;
    const weekPath = `/api/bookings?centreId=${scale.centreId}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&pageSize=100`;
    const timeGet = async (path: string, n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n + 20; i++) {
        const t = performance.now();
        const res = await fetch(base + path, { headers });
        const body = await res.text();
        if (res.status !== 200) throw new Error(`GET ${path} ${res.status}: ${body}`);
        if (i >= 20) times.push(performance.now() - t);
      }
      return times;
    };
    const p95BySize: number[] = [];
    for (const target of sizes) {
      const t = performance.now();
      const added = await fill(raw, scale, target);
      if (added)
        console.log(`  +${added} bookings in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      const size = sizeLabel(await count());
      const times = await timeGet(availabilityPath, runs * 20);
      p95BySize.push(quantile(times, 0.95));
      rows.push(
        latency('GET /api/availability, a centre’s week, 20 resources', size, times),
        latency(
          'GET /api/bookings, a centre’s week (20 resources)',
          size,
          await timeGet(weekPath, runs * 20),
        ),
      );
      printRows(rows.slice(-2));
    }
    rows.push({
      figure: `GET /api/availability p95 growth, ${sizes[0]?.toLocaleString('en-GB')} → ${sizes.at(-1)?.toLocaleString('en-GB')} bookings`,
      size: `${sizes.length} sizes`,
      unit: '×',
      median: (p95BySize.at(-1) ?? 0) / (p95BySize[0] ?? 1),
      p95: null,
      n: sizes.length,
    });

    await creation('largest table');

    if (values.explain) await explain(url, scale, from, to);

    console.log(`\nScale — PostgreSQL ${await serverVersion(raw)}, pool ${POOL} (median, p95)\n`);
    printRows(rows, true);
    if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(rows));
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child?.on('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await raw.end({ timeout: 5 });
    await database.close();
    if (dropAtEnd) {
      const server = postgres(admin, { max: 1, onnotice: () => {} });
      await server.unsafe(`drop database if exists ${dropAtEnd} with (force)`);
      await server.end({ timeout: 2 });
    }
  }
}

type Sql = ReturnType<typeof postgres>;
interface Row {
  figure: string;
  size: string;
  unit: string;
  median: number;
  p95: number | null;
  n: number;
}
interface Scale {
  centreId: string;
  resourceIds: string[];
  /** The Monday of the measured week. */
  weekStart: Temporal.PlainDate;
}

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)] ??
  Number.NaN;
const latency = (figure: string, size: string, xs: number[]): Row => ({
  figure,
  size,
  unit: 'ms',
  median: quantile(xs, 0.5),
  p95: quantile(xs, 0.95),
  n: xs.length,
});
const rate = (figure: string, size: string, xs: number[]): Row => ({
  figure,
  size,
  unit: 'bookings/s',
  median: quantile(xs, 0.5),
  p95: null,
  n: xs.length,
});
function printRows(rows: Row[], header = false) {
  const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(x < 10 ? 2 : 1));
  if (header)
    console.log(
      '| figure | size | median | p95 | unit | n |\n| --- | --- | ---: | ---: | --- | ---: |',
    );
  for (const r of rows)
    console.log(
      `| ${r.figure} | ${r.size} | ${fmt(r.median)} | ${fmt(r.p95)} | ${r.unit} | ${r.n} |`,
    );
}

/** CPU time per booking (user + system, ms) over the rounds; NaN where /proc could not tell. */
const cpu = (figure: string, size: string, xs: number[]): Row => ({
  figure,
  size,
  unit: 'ms CPU',
  median: quantile(xs, 0.5),
  p95: null,
  n: xs.length,
});

/**
 * CPU time (user + system, ms) the processes have used, from /proc: where the time goes, a figure
 * that the other agents of a shared machine disturb less than a throughput. Null off Linux, or
 * for a PostgreSQL that is not on this machine.
 */
function cpuMs(...pids: (number | undefined)[]): number | null {
  try {
    let total = 0;
    for (const pid of pids) {
      if (pid === undefined) return null;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    }
    return total;
  } catch {
    return null;
  }
}

/** The server processes of the bench's database connections (the API's pool and the raw one). */
async function backendPids(sql: Sql): Promise<number[]> {
  const rows = await sql<{ pid: number }[]>`
    select pid from pg_stat_activity where datname = current_database()`;
  return rows.map((r) => r.pid);
}

/** Runs `task` over `items` with `concurrency` in flight: throughput and each latency. */
async function load<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        const t = performance.now();
        await task(item);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { rate: items.length / ((performance.now() - t0) / 1000), latency: latencies };
}

const HOURS = [8, 9, 10, 11, 14, 15, 16, 17, 18];
/** The k-th free hour of the 20 resources from Monday `monday`: weekdays, opening hours. */
function slotAt(monday: Temporal.PlainDate, k: number) {
  const resource = k % 20;
  const j = Math.floor(k / 20);
  const d = Math.floor(j / HOURS.length);
  const hour = HOURS[j % HOURS.length] ?? 8;
  const day = monday.add({ days: Math.floor(d / 5) * 7 + (d % 5) });
  const hh = (h: number) => String(h).padStart(2, '0');
  return {
    resource,
    start: `${day}T${hh(hour)}:00:00-03:00`,
    end: `${day}T${hh(hour + 1)}:00:00-03:00`,
  };
}

/**
 * 49 more centres like Cayenne Village Chinois (its organisation and opening hours), each with 20
 * rooms; the manager of the demo works in the first, whose week 30 weeks ahead is measured and
 * holds the same 560 bookings at every size.
 */
async function scaleNetwork(sql: Sql): Promise<Scale> {
  const today = Temporal.Now.plainDateISO('America/Cayenne');
  let weekStart = today.add({ weeks: 30 });
  while (weekStart.dayOfWeek !== 1) weekStart = weekStart.add({ days: 1 });
  const [done] = await sql<{ id: string; week: string }[]>`
    select id, search_key as week from centres where slug = 'scale-01'`;
  if (done) {
    const ids = await sql<{ id: string }[]>`
      select id from resources where centre_id = ${done.id} order by name`;
    return {
      centreId: done.id,
      resourceIds: ids.map((r) => r.id),
      weekStart: Temporal.PlainDate.from(done.week),
    };
  }
  await sql.begin(async (tx) => {
    await tx`
      insert into centres (organisation_id, slug, name, commune, street, postal_code, city, time_zone, search_key)
      select c.organisation_id, 'scale-' || lpad(g::text, 2, '0'), 'Centre ' || g, c.commune, c.street,
             c.postal_code, c.city, c.time_zone, ${weekStart.toString()}
      from centres c, generate_series(1, 50) g where c.slug = 'cayenne-village-chinois'`;
    await tx`
      insert into centre_opening_hours (centre_id, weekday, opens, closes)
      select s.id, h.weekday, h.opens, h.closes
      from centres s, centre_opening_hours h join centres vc on vc.id = h.centre_id
      where s.slug like 'scale-%' and vc.slug = 'cayenne-village-chinois'`;
    await tx`
      insert into resources (centre_id, kind, name, search_key, capacity, tariff)
      select s.id, 'room', 'Salle ' || lpad(k::text, 2, '0'), 'salle ' || lpad(k::text, 2, '0'), 10,
             (select tariff from resources where name = 'Salle de réunion' limit 1)
      from centres s, generate_series(1, 20) k where s.slug like 'scale-%'`;
    await tx`
      insert into role_assignments (user_id, role, centre_id)
      select u.id, 'manager', s.id from users u, centres s
      where u.email = 'gestion@lakou.test' and s.slug = 'scale-01'`;
    // The measured week: four bookings a day in each of the 20 rooms (08:00–09:30, 10:00–11:00,
    // 14:00–16:00, 17:00–18:00 in Cayenne, UTC−3).
    await tx`
      insert into bookings (resource_id, centre_id, starts_at, ends_at, blocked_until, status, organiser, purpose, headcount, audience)
      select r.id, r.centre_id, d + b.s, d + b.e, d + b.e, 'confirmed', '{"kind":"member","name":"x"}'::jsonb, 'Semaine mesurée', 2, 'member'
      from resources r join centres s on s.id = r.centre_id,
           generate_series(${weekStart.toString()}::timestamp, ${weekStart.toString()}::timestamp + interval '6 days', interval '1 day') d0,
           lateral (select (d0 || ' -03:00')::timestamptz as d) dd,
           (values (interval '8 hours', interval '9.5 hours'), (interval '10 hours', interval '11 hours'),
                   (interval '14 hours', interval '16 hours'), (interval '17 hours', interval '18 hours')) b(s, e)
      where s.slug = 'scale-01'`;
  });
  return scaleNetwork(sql);
}

/**
 * Grows the bookings table to `target` rows: one-hour bookings every 6 hours in each of the 1,000
 * rooms, half before the measured week and half after, never overlapping (the exclusion
 * constraint checks it). Returns how many were added.
 */
async function fill(sql: Sql, scale: Scale, target: number): Promise<number> {
  const [row] = await sql<{ n: number; filler: number }[]>`
    select count(*)::int as n, count(*) filter (where purpose = 'Remplissage')::int as filler from bookings`;
  const missing = target - (row?.n ?? 0);
  if (missing <= 0) return 0;
  const [res] = await sql<
    { n: number }[]
  >`select count(*)::int as n from resources r join centres s on s.id = r.centre_id where s.slug like 'scale-%'`;
  const rooms = res?.n ?? 1000;
  const done = Math.floor((row?.filler ?? 0) / rooms / 2);
  const more = Math.ceil(missing / rooms / 2);
  const before = `${scale.weekStart.subtract({ days: 1 })}T00:00:00-03:00`;
  const after = `${scale.weekStart.add({ days: 8 })}T00:00:00-03:00`;
  const [added] = await sql<{ n: number }[]>`
    with made as (
      insert into bookings (resource_id, centre_id, starts_at, ends_at, blocked_until, status, organiser, purpose, headcount, audience)
      select r.id, r.centre_id, t, t + interval '1 hour', t + interval '1 hour',
             'confirmed', '{"kind":"member","name":"x"}'::jsonb, 'Remplissage', 1, 'member'
      from resources r join centres s on s.id = r.centre_id,
           generate_series(${done + 1}::int, ${done + more}::int) g,
           lateral (values (${before}::timestamptz - g * interval '6 hours'), (${after}::timestamptz + g * interval '6 hours')) v(t)
      where s.slug like 'scale-%'
      returning 1)
    select count(*)::int as n from made`;
  // A table at rest, as in service: vacuumed and analysed, nothing left to write back.
  await sql`vacuum analyze bookings`;
  await sql`checkpoint`;
  return added?.n ?? 0;
}

async function serverVersion(sql: Sql) {
  return (await sql<{ server_version: string }[]>`show server_version`)[0]?.server_version ?? '?';
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements the API sends for the measured figures: the code's
 * own queries are run once over a driver that records them, then explained with their parameters.
 */
async function explain(url: string, scale: Scale, from: string, to: string) {
  const seen: { query: string; params: unknown[] }[] = [];
  const client = postgres(url, {
    max: 1,
    onnotice: () => {},
    debug: (_c, query, params) => seen.push({ query, params: params as unknown[] }),
  });
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
  const show = async (title: string, run: () => Promise<unknown>) => {
    seen.length = 0;
    await run();
    const statements = [...new Map(seen.map((s) => [s.query, s])).values()];
    for (const s of statements) {
      const plan = await client.unsafe(
        `explain (analyze, buffers) ${s.query}`,
        s.params as never[],
      );
      console.log(`\n— ${title}\n${s.query}\n${plan.map((p) => p['QUERY PLAN']).join('\n')}`);
    }
  };
  const resources = [];
  for (const id of scale.resourceIds) {
    const r = await findResource(db, id);
    if (r) resources.push(r);
  }
  const { availabilityOf } = await import('../src/booking/availability.queries.ts');
  await show('availability: the centre’s week, 20 resources', () =>
    availabilityOf(db, resources, { from, to, duration: 60, step: 30 }),
  );
  await show('bookings list: the centre’s week', () =>
    listBookings(
      db,
      { centreId: scale.centreId, from, to, page: 1, pageSize: 100 } as never,
      'all',
    ),
  );
  await client.end({ timeout: 5 });
}

// ——— child process: the API server ———
if (process.env.LAKOU_SCALE_SERVE) {
  const database = await openDatabase({
    kind: 'postgres',
    url: process.env.LAKOU_SCALE_SERVE,
    maxConnections: POOL,
  });
  const app = createApp({ database });
  serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    process.stdout.write(`port ${info.port}\n`);
  });
  process.on('SIGTERM', () => void database.close().finally(() => process.exit(0)));
} else {
  await main();
}
