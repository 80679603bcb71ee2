// Endowment fund costs, in process on the embedded database (BENCH_DATABASE_URL=postgres://… for a server),
// on the demo fund and then as the ledger grows to 1 000, 10 000 and 100 000 entries (bulk SQL:
// money gifts with their `donation` entries, and one disbursement entry for every nine gifts):
//   - GET /api/funds (balances of every sub-fund, today and a year ago);
//   - GET /api/ledger (first page, a deep page, one sub-fund over one quarter);
//   - GET /api/donations, /api/donors and /api/disbursements (first page; lists count their total);
//   - POST /api/donations (a cheque, one after another);
//   - 20 concurrent POST /api/disbursements against a sub-fund that can afford 10 — time to settle;
//   - POST /api/receipts (one gift, one after another);
//   - POST /api/donations/import dry run of 1 000 and 5 000 rows.
// It prints figures and never asserts times. BENCH_SIZES=1000,10000 to choose the sizes.
// Run: pnpm --filter @lakou/api bench:fund
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { createApp } from '../src/app.ts';
import { openDatabase } from '../src/db/client.ts';
import { DEMO_PASSWORD } from '../src/db/seed/demo-users.ts';
import { seedDemoNetwork } from '../src/db/seed/seed.ts';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
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
// The admin may do everything measured here (fund.write and donation.write).
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
async function time(call: () => Promise<Response>, n = ITERATIONS) {
  const times: number[] = [];
  for (let i = 0; i < n + 2; i++) {
    const t = performance.now();
    const res = await call();
    await res.arrayBuffer();
    if (res.status >= 400) throw new Error(`${res.status}`);
    if (i >= 2) times.push(performance.now() - t);
  }
  return times;
}

const funds = await ok<{ items: { id: string; code: string }[] }>(
  request('GET', '/api/funds'),
  'funds',
);
const fundId = (code: string) => funds.items.find((f) => f.code === code)?.id ?? '';
const libre = fundId('LIBRE');
const [someone] = await exec<{ id: string; name: string; email: string | null }>(
  sql`select id, name, email from donors where kind = 'individual' and address_line is not null
      and postcode is not null and city is not null order by name limit 1`,
);
if (!libre || !someone) throw new Error('demo fund not seeded');

const ledgerCount = async () =>
  Number((await exec<{ n: number }>(sql`select count(*)::int as n from ledger_entries`))[0]?.n);

/**
 * Grows the ledger to `target` entries in bulk: nine money gifts (a `donation` entry each) for one
 * money disbursement of 1 € (its entry), spread over the last three years on LIBRE, JARDINS and
 * KOUROU, from the demo donors. Every sub-fund stays above zero.
 */
async function grow(target: number) {
  let missing = target - (await ledgerCount());
  let batch = 0;
  while (missing > 0) {
    const n = Math.min(missing, 20_000);
    const gifts = Math.ceil((n * 9) / 10);
    const outs = n - gifts;
    const tag = `B${target}-${batch++}`;
    await database.db.execute(sql`
      with fund as (
        select array_agg(id order by code) as ids from sub_funds where code in ('LIBRE', 'JARDINS', 'KOUROU')
      ), people as (
        select array_agg(id order by id) as ids from donors where kind <> 'public_body'
      ), made as (
        insert into donations (organisation_id, kind, donor_id, received_on, amount_cents, method, sub_fund_id, reference)
        select o.id, 'money', people.ids[1 + g % array_length(people.ids, 1)],
               ${today.toString()}::date - (g % 1095), 1000 + (g % 50) * 500,
               (array['transfer', 'cheque', 'card', 'cash'])[1 + g % 4],
               fund.ids[1 + g % 3], ${tag} || '-' || g
        from generate_series(1, ${gifts}) g, fund, people, (select id from organisations limit 1) o
        returning id, organisation_id, sub_fund_id, received_on, amount_cents
      )
      insert into ledger_entries (organisation_id, sub_fund_id, occurred_on, amount_cents, kind, label, donation_id)
      select organisation_id, sub_fund_id, received_on, amount_cents, 'donation', 'Don (banc d’essai)', id from made`);
    if (outs > 0)
      await database.db.execute(sql`
        with fund as (
          select array_agg(id order by code) as ids from sub_funds where code in ('LIBRE', 'JARDINS', 'KOUROU')
        ), centre as (
          select array_agg(id order by slug) as ids from centres
        ), paid as (
          insert into disbursements (organisation_id, kind, centre_id, sub_fund_id, amount_cents, purpose, decision_on, decision_ref, paid_on)
          select o.id, 'money', centre.ids[1 + g % array_length(centre.ids, 1)], fund.ids[1 + g % 3], 100,
                 'Décaissement (banc d’essai)', ${today.toString()}::date, ${tag}, ${today.toString()}::date
          from generate_series(1, ${outs}) g, fund, centre, (select id from organisations limit 1) o
          returning id, organisation_id, sub_fund_id, paid_on, amount_cents
        )
        insert into ledger_entries (organisation_id, sub_fund_id, occurred_on, amount_cents, kind, label, disbursement_id)
        select organisation_id, sub_fund_id, paid_on, -amount_cents, 'disbursement', 'Décaissement (banc d’essai)', id from paid`);
    missing -= n;
  }
  await database.db.execute(sql`analyze`);
}

let round = 0;
/** 20 disbursements at once against a new sub-fund that holds exactly ten of them. */
async function contention(): Promise<{ ms: number; accepted: number }> {
  const code = `BANC-${++round}`;
  const fund = await ok<{ id: string }>(
    request('POST', '/api/funds', {
      code,
      name: `Banc d’essai ${round}`,
      kind: 'restricted',
      purpose: 'Mesure des décaissements concurrents',
    }),
    'sub-fund',
  );
  await ok(
    request('POST', '/api/donations', {
      kind: 'money',
      donorId: someone?.id,
      receivedOn: today.toString(),
      amountCents: 10 * 5_000,
      method: 'transfer',
      subFundId: fund.id,
      reference: `BANC-FONDS-${round}`,
      note: null,
    }),
    'funding gift',
  );
  const centre = (await exec<{ id: string }>(sql`select id from centres order by slug limit 1`))[0]
    ?.id;
  const t = performance.now();
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      request('POST', '/api/disbursements', {
        kind: 'money',
        centreId: centre,
        partnerId: null,
        subFundId: fund.id,
        amountCents: 5_000,
        donationIds: [],
        purpose: `Décaissement concurrent ${i}`,
        decisionOn: today.toString(),
        decisionRef: `CA-BANC-${round}`,
        paidOn: today.toString(),
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
  return { ms, accepted };
}

let reference = 0;
const cheque = () =>
  request('POST', '/api/donations', {
    kind: 'money',
    donorId: someone?.id,
    receivedOn: today.toString(),
    amountCents: 5_000,
    method: 'cheque',
    subFundId: libre,
    reference: `BANC-CHQ-${++reference}`,
    note: null,
  });

/** A bank export of `n` good rows: half from known donors (matched), half new people. */
async function bankCsv(n: number): Promise<string> {
  const known = await exec<{ name: string; email: string | null }>(
    sql`select name, email from donors where kind = 'individual' order by name limit 40`,
  );
  const lines = ['date;montant;donateur;email;moyen;sous-fonds;référence'];
  for (let i = 0; i < n; i++) {
    const d = today.subtract({ days: i % 300 });
    const who = known[i % known.length];
    const fromKnown = i % 2 === 0 && who;
    lines.push(
      [
        `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`,
        `${10 + (i % 90)},${i % 2 ? '50' : '00'}`,
        fromKnown ? who.name : `Donateur Essai ${i}`,
        fromKnown ? (who.email ?? '') : `essai.${i}@example.org`,
        ['virement', 'chèque', 'carte', 'espèces'][i % 4],
        i % 5 === 0 ? 'JARDINS' : '',
        `BANC-IMPORT-${n}-${i}`,
      ].join(';'),
    );
  }
  return lines.join('\n');
}

const yearAgo = today.subtract({ years: 1 }).toString();
const quarterFrom = today.subtract({ months: 3 }).toString();
const imports = new Map([
  [1000, await bankCsv(1000)],
  [5000, await bankCsv(5000)],
]);

for (const target of [0, ...SIZES]) {
  if (target > 0) {
    const t = performance.now();
    await grow(target);
    console.log(
      `ledger grown to ${(await ledgerCount()).toLocaleString('fr-FR')} entries in ${Math.round(performance.now() - t)} ms`,
    );
  }
  const size = `${(await ledgerCount()).toLocaleString('fr-FR')} écritures`;
  record('GET /api/funds (soldes du jour)', size, await time(() => request('GET', '/api/funds')));
  record(
    'GET /api/funds?at= (il y a un an)',
    size,
    await time(() => request('GET', `/api/funds?at=${yearAgo}`)),
  );
  record(
    'GET /api/ledger (1re page de 50)',
    size,
    await time(() => request('GET', '/api/ledger?pageSize=50')),
  );
  record(
    'GET /api/ledger (page 20 de 50)',
    size,
    await time(() => request('GET', '/api/ledger?pageSize=50&page=20')),
  );
  record(
    'GET /api/ledger (LIBRE, un trimestre)',
    size,
    await time(() =>
      request('GET', `/api/ledger?subFundId=${libre}&from=${quarterFrom}&to=${today}&pageSize=50`),
    ),
  );
  record(
    'GET /api/donations (1re page de 50)',
    size,
    await time(() => request('GET', '/api/donations?pageSize=50')),
  );
  record(
    'GET /api/donors (1re page de 50, avec totaux)',
    size,
    await time(() => request('GET', '/api/donors?pageSize=50')),
  );
  record(
    'GET /api/disbursements (1re page de 50)',
    size,
    await time(() => request('GET', '/api/disbursements?pageSize=50')),
  );
  const gifts: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t = performance.now();
    await ok(cheque(), 'cheque');
    gifts.push(performance.now() - t);
  }
  record('POST /api/donations (chèque)', size, gifts);

  const settle: number[] = [];
  for (let i = 0; i < 3; i++) settle.push((await contention()).ms);
  record('20 POST /api/disbursements concurrents (10 possibles)', size, settle);

  const receipts: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const gift = await ok<{ id: string }>(cheque(), 'gift to receipt');
    const t = performance.now();
    await ok(request('POST', '/api/receipts', { kind: 'single', donationId: gift.id }), 'receipt');
    receipts.push(performance.now() - t);
  }
  record('POST /api/receipts (un don)', size, receipts);

  for (const [n, csv] of imports) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const res = await request('POST', '/api/donations/import', {
        csv,
        fileName: `banque-${n}.csv`,
        dryRun: true,
      });
      const body = (await res.json()) as { problems?: unknown[] };
      if (res.status !== 200)
        throw new Error(`import ${n}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      times.push(performance.now() - t);
    }
    record(`POST /api/donations/import, essai à blanc`, `${size}, ${n} lignes`, times);
  }
}

console.log(`\nFonds de dotation — ${database.kind} (médiane, p95)\n`);
console.log('| figure | taille | médiane | p95 | unité |\n| --- | --- | ---: | ---: | --- |');
for (const r of rows) console.log(r);
await database.close();
