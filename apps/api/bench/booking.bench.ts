// Booking costs, in process on the embedded database (BENCH_DATABASE_URL=postgres://… for a server):
//   - throughput of POST /api/bookings (distinct free slots, one after another);
//   - 50 concurrent requests for one slot (one 201, 49 409) — time to settle them all;
//   - GET /api/availability latency for 1 and 6 resources over 7, 31 and 62 days;
//   - the same and GET /api/bookings (a week of a centre) as the bookings table grows.
// Run: pnpm --filter @lakou/api bench:booking
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { createApp } from '../src/app.ts';
import { openDatabase } from '../src/db/client.ts';
import { DEMO_PASSWORD } from '../src/db/seed/demo-users.ts';
import { seedDemoNetwork } from '../src/db/seed/seed.ts';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20);
const ORIGIN = 'http://localhost:3000';
const database = await openDatabase(
  process.env.BENCH_DATABASE_URL
    ? { kind: 'postgres', url: process.env.BENCH_DATABASE_URL }
    : { kind: 'pglite' },
);
await database.migrate();
const today = Temporal.Now.plainDateISO('America/Cayenne');
await seedDemoNetwork(database.db, today);
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
const manager = await signIn('gestion@lakou.test');
const headers = { cookie: manager, origin: ORIGIN, 'content-type': 'application/json' };
const getJson = async <T>(path: string) =>
  (await (await app.request(path, { headers })).json()) as T;

const centres = await getJson<{ items: { id: string; slug: string }[] }>('/api/centres');
const vc = centres.items.find((c) => c.slug === 'cayenne-village-chinois')?.id ?? '';
const rs = await getJson<{ items: { id: string; name: string }[] }>(
  `/api/resources?centreId=${vc}`,
);
const hall = rs.items.find((r) => r.name === 'Salle polyvalente')?.id ?? '';
const allIds = rs.items.map((r) => r.id);

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)] ??
  Number.NaN;
const rows: string[] = [];
const record = (figure: string, size: string, times: number[], unit = 'ms') =>
  rows.push(
    `| ${figure} | ${size} | ${quantile(times, 0.5).toFixed(1)} | ${quantile(times, 0.95).toFixed(1)} | ${unit} |`,
  );

async function time(request: () => Promise<Response>, n = ITERATIONS) {
  const times: number[] = [];
  for (let i = 0; i < n + 2; i++) {
    const t = performance.now();
    const res = await request();
    await res.arrayBuffer();
    if (i >= 2) times.push(performance.now() - t);
    if (res.status >= 400 && res.status !== 409)
      throw new Error(`${res.status} ${await res.text()}`);
  }
  return times;
}

// Throughput: a new booking in the meeting room each evening hour slot, far in the future (Saturday mornings).
const meeting = rs.items.find((r) => r.name === 'Salle de réunion')?.id ?? '';
let saturday = today.add({ weeks: 20 });
while (saturday.dayOfWeek !== 6) saturday = saturday.add({ days: 1 });
const bookingBody = (day: Temporal.PlainDate, hour: number, resourceId = meeting) =>
  JSON.stringify({
    resourceId,
    start: `${day}T${String(hour).padStart(2, '0')}:00:00-03:00`,
    end: `${day}T${String(hour + 1).padStart(2, '0')}:00:00-03:00`,
    organiser: { kind: 'member', name: 'Bench' },
    purpose: 'Mesure',
    headcount: 2,
    audience: 'member',
  });
const created: number[] = [];
const t0 = performance.now();
const N = 120;
for (let i = 0; i < N; i++) {
  const day = saturday.add({ weeks: i });
  const t = performance.now();
  const res = await app.request('/api/bookings', {
    method: 'POST',
    headers,
    body: bookingBody(day, 9 + (i % 3)),
  });
  await res.arrayBuffer();
  if (res.status !== 201) throw new Error(`booking ${i}: ${res.status}`);
  created.push(performance.now() - t);
}
const perSecond = N / ((performance.now() - t0) / 1000);
record('POST /api/bookings (free slot, sequential)', `${N} bookings`, created);
rows.push(
  `| booking throughput, sequential | ${N} bookings | ${perSecond.toFixed(0)} | — | bookings/s |`,
);

const contention: number[] = [];
for (let round = 0; round < 5; round++) {
  const day = saturday.add({ weeks: 200 + round });
  const t = performance.now();
  const results = await Promise.all(
    Array.from({ length: 50 }, () =>
      app.request('/api/bookings', { method: 'POST', headers, body: bookingBody(day, 9, hall) }),
    ),
  );
  contention.push(performance.now() - t);
  if (results.filter((r) => r.status === 201).length !== 1)
    throw new Error('contention: not exactly one 201');
}
record('50 concurrent requests for one slot (1×201, 49×409)', '50 requests', contention);

const availability = (ids: string[], days: number) => {
  const from = `${today}T00:00:00-03:00`;
  const to = `${today.add({ days })}T00:00:00-03:00`;
  return () =>
    Promise.resolve(
      app.request(
        `/api/availability?resourceIds=${ids.join(',')}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&duration=60`,
        { headers },
      ),
    );
};
const weekOfCentre = () => {
  const from = `${today}T00:00:00-03:00`;
  const to = `${today.add({ days: 7 })}T00:00:00-03:00`;
  return Promise.resolve(
    app.request(
      `/api/bookings?centreId=${vc}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&pageSize=100`,
      { headers },
    ),
  );
};

const [count] = (await database.db
  .execute(sql`select count(*)::int as n from bookings`)
  .then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows))) as { n: number }[];
let total = Number(count?.n ?? 0);
for (const target of [total, 50_000, 200_000]) {
  if (target > total) {
    // Filler bookings in the other centres' desks, one per hour slot, years ahead: the table grows, Village Chinois does not.
    await database.db.execute(sql`
      insert into bookings (resource_id, centre_id, starts_at, ends_at, blocked_until, status, organiser, purpose, headcount, audience, price_cents)
      select r.id, r.centre_id, t, t + interval '1 hour', t + interval '1 hour', 'confirmed', '{"kind":"member","name":"x"}'::jsonb, 'Remplissage', 1, 'member', 0
      from (select id, centre_id, row_number() over (order by id) as k from resources where centre_id <> ${vc}) r,
           generate_series(1, ${Math.ceil((target - total) / 36)}) g,
           lateral (select timestamptz '2030-01-01' + ((g + ${total}) * interval '1 hour') + (r.k * interval '400000 hours') as t) s`);
    total = target;
  }
  const size = `${total.toLocaleString('fr-FR')} réservations`;
  record('GET /api/availability, 1 room, 7 days', size, await time(availability([hall], 7)));
  record('GET /api/availability, 1 room, 62 days', size, await time(availability([hall], 62)));
  record(
    `GET /api/availability, ${allIds.length} resources, 31 days`,
    size,
    await time(availability(allIds, 31), 8),
  );
  record('GET /api/bookings, a week of a centre', size, await time(weekOfCentre));
}

console.log(`\nRéservations — ${database.kind} (médiane, p95)\n`);
console.log('| figure | taille | médiane | p95 | unité |\n| --- | --- | ---: | ---: | --- |');
for (const r of rows) console.log(r);
await database.close();
