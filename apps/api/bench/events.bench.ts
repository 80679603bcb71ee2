// Event and coworking costs, in process on the embedded database (BENCH_DATABASE_URL=postgres://… for a server):
//   - throughput of public registrations (POST /api/events/:id/registrations, one after another);
//   - 50 concurrent registrations for an event of 10 places — time to settle (10 in, 40 waiting);
//   - cancelling a registration, which promotes the head of the waiting list;
//   - GET /api/events (public agenda of a centre) and GET /api/centres/:id/agenda.ics as events grow;
//   - desk check-ins, one after another.
// Run: pnpm --filter @lakou/api bench:events
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
// Visitors' registrations are limited per address; the bench is one address.
const app = createApp({
  database,
  identity: { authLimits: { registrationPerAddress: { limit: 1_000_000, windowSeconds: 60 } } },
});

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
const visitor = { origin: ORIGIN, 'content-type': 'application/json' };
const getJson = async <T>(path: string) =>
  (await (await app.request(path, { headers })).json()) as T;
const post = async (path: string, body: unknown, h: Record<string, string> = headers) => {
  const res = await app.request(path, { method: 'POST', headers: h, body: JSON.stringify(body) });
  if (res.status >= 400) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<{ id: string }>;
};

const centres = await getJson<{ items: { id: string; slug: string }[] }>('/api/centres');
const vc = centres.items.find((c) => c.slug === 'cayenne-village-chinois')?.id ?? '';
const rs = await getJson<{ items: { id: string; name: string; kind: string }[] }>(
  `/api/resources?centreId=${vc}`,
);
const meeting = rs.items.find((r) => r.name === 'Salle de réunion')?.id ?? '';
const kinds = await getJson<{ items: { id: string; key: string }[] }>('/api/event-kinds');
const atelier = kinds.items.find((k) => k.key === 'atelier')?.id ?? '';

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
    if (res.status >= 400) throw new Error(`${res.status}`);
  }
  return times;
}

let saturday = today.add({ weeks: 30 });
while (saturday.dayOfWeek !== 6) saturday = saturday.add({ days: 1 });
let week = 0;
async function newEvent(capacity: number) {
  const day = saturday.add({ weeks: week++ });
  const booking = await post('/api/bookings', {
    resourceId: meeting,
    start: `${day}T09:00:00-03:00`,
    end: `${day}T10:00:00-03:00`,
    organiser: { kind: 'user', name: 'Bench' },
    purpose: 'Atelier mesuré',
    headcount: 5,
    audience: 'centre_programme',
  });
  return post('/api/events', {
    kindId: atelier,
    title: 'Atelier mesuré',
    bookingIds: [booking.id],
    capacity,
    public: true,
  });
}

// Sequential public registrations on a large event.
const big = await newEvent(10_000);
const N = 200;
const regTimes: number[] = [];
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const t = performance.now();
  await post(`/api/events/${big.id}/registrations`, { name: `Visiteur ${i}` }, visitor);
  regTimes.push(performance.now() - t);
}
record('POST registration (visitor, sequential)', `${N} registrations`, regTimes);
rows.push(
  `| registration throughput, sequential | ${N} registrations | ${(N / ((performance.now() - t0) / 1000)).toFixed(0)} | — | registrations/s |`,
);

// Contention: 50 people at once for 10 places, then a cancellation promoting the next.
const settle: number[] = [];
const promote: number[] = [];
for (let round = 0; round < 5; round++) {
  const ev = await newEvent(10);
  const t = performance.now();
  const made = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      post(`/api/events/${ev.id}/registrations`, { name: `Personne ${i}` }, visitor),
    ),
  );
  settle.push(performance.now() - t);
  const list = await getJson<{ items: { id: string; status: string }[] }>(
    `/api/events/${ev.id}/registrations?pageSize=100`,
  );
  if (list.items.filter((r) => r.status === 'registered').length !== 10)
    throw new Error('contention: not exactly 10 registered');
  const first = list.items.find((r) => r.status === 'registered')?.id ?? made[0]?.id;
  const t2 = performance.now();
  await post(`/api/events/${ev.id}/registrations/${first}/cancel`, {});
  promote.push(performance.now() - t2);
}
record('50 concurrent registrations for 10 places', '50 requests', settle);
record('cancel a registration (promotes the next)', '10 + 40 waiting', promote);

// Listing and the public feed as events grow (filler events years ahead in other centres).
const [count] = (await database.db
  .execute(sql`select count(*)::int as n from events`)
  .then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows))) as { n: number }[];
let total = Number(count?.n ?? 0);
for (const target of [total, 20_000, 100_000]) {
  if (target > total) {
    await database.db.execute(sql`
      insert into events (centre_id, kind_id, title, capacity, public, starts_at, ends_at)
      select c.id, ${atelier}, 'Remplissage', 10, true, t, t + interval '1 hour'
      from (select id, row_number() over (order by id) as k from centres where id <> ${vc}) c,
           generate_series(1, ${Math.ceil((target - total) / 6)}) g,
           lateral (select timestamptz '2031-01-01' + (g * interval '3 hours') + (c.k * interval '1 hour') as t) s`);
    total = target;
  }
  const size = `${total.toLocaleString('fr-FR')} événements`;
  record(
    'GET /api/events, public agenda of a centre (visitor)',
    size,
    await time(() => Promise.resolve(app.request(`/api/events?centreId=${vc}&public=true`))),
  );
  record(
    'GET /api/centres/:id/agenda.ics (a year ahead)',
    size,
    await time(() => Promise.resolve(app.request(`/api/centres/${vc}/agenda.ics`)), 8),
  );
}

// Desk check-ins: a new day pass per member, each checked in once.
const checkIns: number[] = [];
for (let i = 0; i < 100; i++) {
  const pass = await post('/api/coworking/passes', {
    centreId: vc,
    kind: 'day',
    holderName: `Membre ${i}`,
    validFrom: today.toString(),
  });
  const t = performance.now();
  await post('/api/coworking/check-ins', { passId: pass.id });
  checkIns.push(performance.now() - t);
}
record('POST /api/coworking/check-ins', '100 members', checkIns);

console.log(`\nÉvénements et coworking — ${database.kind} (médiane, p95)\n`);
console.log('| figure | taille | médiane | p95 | unité |\n| --- | --- | ---: | ---: | --- |');
for (const r of rows) console.log(r);
await database.close();
