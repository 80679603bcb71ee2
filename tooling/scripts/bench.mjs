#!/usr/bin/env node
// pnpm bench: measures what the foundation promises and prints a table of medians and p95s.
//   - cold start of `pnpm start` (embedded database) to the first /api/health answer,
//     on an empty data folder (migrate + seed) and on an existing one;
//   - the same for the bare server process (no pnpm/turbo in front);
//   - HTTP latency of the centres list and a centre page through the real server;
//   - the hub's weight and paint (tooling/scripts/bench-hub.mjs): gzip of the first-load
//     JavaScript and CSS and of what the agenda and the board's dashboard add, from the build's
//     manifest; LCP of those pages in Chromium on slow 4G with the CPU slowed 4×;
//   - then the identity figures (apps/api/bench/identity.bench.ts): what authentication adds to
//     a request, a sign-in, the users list and the audit log as they grow;
//   - then the booking figures (apps/api/bench/booking.bench.ts): booking throughput, 50 requests
//     racing for one slot, availability latency, all as the bookings table grows;
//   - then the event and coworking figures (apps/api/bench/events.bench.ts): registration
//     throughput, 50 registrations racing for 10 places, promotion on cancel, the public agenda
//     and its iCalendar feed as events grow, desk check-ins;
//   - then the endowment fund figures (apps/api/bench/fund.bench.ts): balances and ledger pages as
//     the ledger grows to 100 000 entries, gifts, concurrent disbursements, receipts, CSV dry runs;
//   - then the circular-economy figures (apps/api/bench/circular.bench.ts): indicators, the waste
//     register in CSV and XLSX and the stock board as movements grow, concurrent shipments;
//   - then the board reports (apps/api/bench/reports.bench.ts): every registered report source on
//     the demo and with 1, 5 and 10 years of activity added;
//   - and, in the table, the scale figures on a real PostgreSQL (apps/api/bench/scale.bench.ts):
//     booking creation through the API against the raw INSERT at concurrency 1 and 32, availability
//     of a centre's week at 10k, 100k and 1M bookings.
//   - with --reports-scale, in the table too: the board reports on the scale seed, 50 centres at 1,
//     5 and 10 years, on a real PostgreSQL (apps/api/bench/reports-scale.bench.ts; writing the data
//     sets takes minutes, or --reports-scale-reuse to time those a previous --keep run left).
// Options: --runs N (default 5), --write (saves bench/results/latest.json and a dated markdown
// table), --reports-scale, --reports-scale-reuse.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hubFigures } from './bench-hub.mjs';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    write: { type: 'boolean' },
    'reports-scale': { type: 'boolean' },
    'reports-scale-reuse': { type: 'boolean' },
  },
});
const runs = Number(values.runs);
let nextPort = 3900;

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const summary = (xs) => ({ median: quantile(xs, 0.5), p95: quantile(xs, 0.95), n: xs.length });

function run(cmd, args, opts = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
    child.on('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`${cmd} ${args.join(' ')} → ${code}`)),
    );
  });
}

async function waitForHealth(port, child, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no /api/health answer in time');
}

async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.on('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
  await exited;
}

/** Milliseconds from spawning `command` to the first successful /api/health. */
async function startTime(command, args, dataDir) {
  const port = nextPort++;
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  try {
    await waitForHealth(port, child);
    return { ms: performance.now() - started, port, child };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

async function coldStarts(label, command, args) {
  const empty = [];
  const existing = [];
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'lakou-bench-'));
    const first = await startTime(command, args, dir);
    empty.push(first.ms);
    await stop(first.child);
    const second = await startTime(command, args, dir);
    existing.push(second.ms);
    await stop(second.child);
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    { figure: `${label}: empty data folder (migrate + seed)`, unit: 'ms', ...summary(empty) },
    { figure: `${label}: existing data folder`, unit: 'ms', ...summary(existing) },
  ];
}

async function httpLatency() {
  const dir = mkdtempSync(join(tmpdir(), 'lakou-bench-'));
  const server = await startTime('node', ['apps/api/dist/server.mjs'], dir);
  const base = `http://127.0.0.1:${server.port}`;
  const time = async (path, n = 200) => {
    const xs = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      const res = await fetch(base + path);
      await res.arrayBuffer();
      xs.push(performance.now() - t);
    }
    return xs;
  };
  try {
    const list = await (await fetch(`${base}/api/centres`)).json();
    const id = list.items[0].id;
    await time('/api/centres', 20); // warm-up
    return [
      {
        figure: 'GET /api/centres (7 centres, PGlite)',
        unit: 'ms',
        ...summary(await time('/api/centres')),
      },
      {
        figure: 'GET /api/centres/:id (PGlite)',
        unit: 'ms',
        ...summary(await time(`/api/centres/${id}`)),
      },
    ];
  } finally {
    await stop(server.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** apps/api/bench/scale.bench.ts on a real PostgreSQL (skipped without one): its rows join the table. */
function scaleFigures() {
  console.log(
    '\nScale (real PostgreSQL: booking creation API vs raw INSERT, availability at 10k–1M)…',
  );
  return figuresOf('bench:scale', ['--runs', String(runs)]);
}

/** apps/api/bench/reports-scale.bench.ts (50 centres, 1, 5 and 10 years), when asked. */
function reportsScaleFigures() {
  if (!values['reports-scale'] && !values['reports-scale-reuse']) return [];
  console.log('\nBoard reports on the scale seed (real PostgreSQL, 50 centres, 1, 5, 10 years)…');
  const reuse = values['reports-scale-reuse'] ? ['--reuse'] : [];
  return figuresOf('bench:reports-scale', ['--runs', String(Math.max(runs, 5)), ...reuse]);
}

/** Runs an API bench script that writes its rows to BENCH_JSON; its rows, figure and size joined. */
async function figuresOf(script, args) {
  const file = join(mkdtempSync(join(tmpdir(), 'lakou-bench-')), 'rows.json');
  await run('pnpm', ['--filter', '@lakou/api', '--silent', script, ...args], {
    env: { ...process.env, BENCH_JSON: file },
  });
  try {
    return JSON.parse(readFileSync(file, 'utf8')).map(({ size, ...r }) => ({
      ...r,
      figure: `${r.figure} — ${size}`,
    }));
  } catch {
    return [];
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
  }
}

console.log('Building the API and the hub…');
await run('pnpm', [
  'turbo',
  'run',
  'build',
  '--filter=@lakou/api',
  '--filter=@lakou/hub',
  '--output-logs=errors-only',
]);

const results = [
  ...(await hubFigures({ runs })),
  ...(await coldStarts('node server (bundle)', 'node', ['apps/api/dist/server.mjs'])),
  ...(await coldStarts('pnpm start (build cached)', 'pnpm', ['start'])),
  ...(await httpLatency()),
  ...(await scaleFigures()),
  ...(await reportsScaleFigures()),
];

const fmt = (x) => (x === null || x === undefined ? '—' : x.toFixed(1));
const rows = results.map(
  (r) => `| ${r.figure} | ${fmt(r.median)} | ${fmt(r.p95)} | ${r.unit} | ${r.n} |`,
);
const table = [
  '| figure | median | p95 | unit | runs/files |',
  '| --- | ---: | ---: | --- | ---: |',
  ...rows,
].join('\n');
console.log(`\n${table}\n`);

if (values.write) {
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const meta = { date: new Date().toISOString(), node: process.version, runs };
  writeFileSync(join(dir, 'latest.json'), JSON.stringify({ ...meta, results }, null, 2));
  writeFileSync(
    join(dir, `${meta.date.slice(0, 10)}.md`),
    `# Benchmarks ${meta.date}\n\nNode ${meta.node}, ${runs} runs.\n\n${table}\n`,
  );
  console.log(`written to ${dir}`);
}

console.log('\nIdentity (in process, embedded database)…');
await run('pnpm', ['--filter', '@lakou/api', '--silent', 'bench:identity']);

console.log('\nBookings (in process, embedded database)…');
await run('pnpm', ['--filter', '@lakou/api', '--silent', 'bench:booking']);
await run('pnpm', ['--filter', '@lakou/api', '--silent', 'bench:events']);

console.log('\nEndowment fund (in process, embedded database)…');
await run('pnpm', ['--filter', '@lakou/api', '--silent', 'bench:fund']);
await run('pnpm', ['--filter', '@lakou/api', '--silent', 'bench:circular']);

console.log('\nBoard reports (in process, embedded database)…');
await run('pnpm', ['--filter', '@lakou/api', '--silent', 'bench:reports']);
