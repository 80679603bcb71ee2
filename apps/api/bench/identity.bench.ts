// Identity costs, in process (app.request, no socket), on the embedded database:
//   - what authentication adds to a request (anonymous, session cookie, API token);
//   - a sign-in (the password hash is deliberately slow);
//   - the users list (admin: all; manager: narrowed to their centres; a search) as people grow;
//   - the audit log (first page, filtered, a date range) as entries grow.
// Run: pnpm --filter @lakou/api bench:identity  (BENCH_DATABASE_URL=postgres://… for a server)
import { sql } from 'drizzle-orm';
import { createApp } from '../src/app.ts';
import { openDatabase } from '../src/db/client.ts';
import { DEMO_PASSWORD } from '../src/db/seed/demo-users.ts';
import { seedDemoNetwork } from '../src/db/seed/seed.ts';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 40);
const ORIGIN = 'http://localhost:3000';

const database = await openDatabase(
  process.env.BENCH_DATABASE_URL
    ? { kind: 'postgres', url: process.env.BENCH_DATABASE_URL }
    : { kind: 'pglite' },
);
await database.migrate();
await seedDemoNetwork(database.db);
const app = createApp({ database });

async function signIn(email: string): Promise<string> {
  const res = await app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? Number.NaN;
};

interface Row {
  figure: string;
  size: string;
  median: number;
  p95: number;
}
const rows: Row[] = [];

async function measure(
  figure: string,
  size: string,
  request: () => Promise<Response>,
  iterations = ITERATIONS,
) {
  for (let i = 0; i < 3; i++) await (await request()).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    const res = await request();
    await res.arrayBuffer();
    times.push(performance.now() - start);
    if (res.status >= 400) throw new Error(`${figure}: ${res.status}`);
  }
  rows.push({ figure, size, median: quantile(times, 0.5), p95: quantile(times, 0.95) });
}

const get =
  (path: string, headers: Record<string, string> = {}) =>
  () =>
    Promise.resolve(app.request(path, { headers }));

const admin = await signIn('admin@lakou.test');
const manager = await signIn('gestion@lakou.test');
const tokenRes = await app.request('/api/tokens', {
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: ORIGIN, cookie: admin },
  body: JSON.stringify({ name: 'Bench', readOnly: true }),
});
const { token } = (await tokenRes.json()) as { token: string };

await measure('GET /api/centres, anonymous', '7 centres', get('/api/centres'));
await measure('GET /api/me, session cookie', '—', get('/api/me', { cookie: admin }));
await measure('GET /api/me, API token', '—', get('/api/me', { authorization: `Bearer ${token}` }));
await measure(
  'sign-in (scrypt hash check)',
  '—',
  () =>
    Promise.resolve(
      app.request('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        body: JSON.stringify({ email: 'ca@lakou.test', password: DEMO_PASSWORD }),
      }),
    ),
  8,
);

let people = 5;
for (const target of [1_000, 10_000, 50_000]) {
  const add = target - people;
  await database.db.execute(sql`
    insert into users (email, name)
    select 'personne' || g || '@bench.test', 'Personne ' || g from generate_series(${people + 1}::int, ${target}::int) g`);
  await database.db.execute(sql`
    insert into role_assignments (user_id, role, centre_id)
    select u.id, 'staff', c.id from users u
    join lateral (select id from centres order by id offset (abs(hashtext(u.email)) % 7) limit 1) c on true
    where u.email like '%@bench.test' and not exists (select 1 from role_assignments r where r.user_id = u.id)`);
  people += add;
  const size = `${target.toLocaleString('fr-FR')} personnes`;
  await measure('GET /api/users page 1, admin', size, get('/api/users', { cookie: admin }));
  await measure(
    'GET /api/users page 1, manager (2 centres)',
    size,
    get('/api/users', { cookie: manager }),
  );
  await measure(
    'GET /api/users?q=personne 42, admin',
    size,
    get('/api/users?q=personne%2042', { cookie: admin }),
  );
}

let entries = 0;
for (const target of [10_000, 100_000, 300_000]) {
  await database.db.execute(sql`
    insert into audit_log (at, actor_email, action, method, route, entity, entity_id, after)
    select now() - (g || ' seconds')::interval, 'admin@lakou.test',
      (array['user.update','token.create','auth.sign-in'])[1 + g % 3], 'PATCH', '/api/users/:id',
      (array['user','token','account'])[1 + g % 3], g::text, jsonb_build_object('n', g)
    from generate_series(${entries + 1}::int, ${target}::int) g`);
  entries = target;
  const size = `${target.toLocaleString('fr-FR')} entrées`;
  await measure('GET /api/audit page 1', size, get('/api/audit', { cookie: admin }));
  await measure(
    'GET /api/audit?entity=token&action=token.create',
    size,
    get('/api/audit?entity=token&action=token.create', { cookie: admin }),
  );
  const from = new Date(Date.now() - 3_600_000).toISOString();
  await measure(
    'GET /api/audit, last hour',
    size,
    get(`/api/audit?from=${encodeURIComponent(from)}`, { cookie: admin }),
  );
}

const fmt = (x: number) => x.toFixed(1);
console.log(`\nIdentité — ${database.kind}, ${ITERATIONS} requêtes par mesure (ms)\n`);
console.log('| figure | taille | médiane | p95 |\n| --- | --- | ---: | ---: |');
for (const r of rows) console.log(`| ${r.figure} | ${r.size} | ${fmt(r.median)} | ${fmt(r.p95)} |`);
await database.close();
