#!/usr/bin/env node
// The hub's weight and paint speed, for `pnpm bench` (which imports hubFigures) or on its own:
//   node tooling/scripts/bench-hub.mjs [--runs N] [--no-build]
//
// Weight, from the Vite build's manifest (apps/hub/dist/.vite/manifest.json) and the module map
// the hub's build writes next to it (chunks.json): gzip (level 9) of the JavaScript and CSS the
// entry loads statically (what index.html runs and preloads), then what the agenda and the
// board's dashboard add on top, and what they import() on demand (FullCalendar, chart.js). It counts the
// FullCalendar and chart.js modules that sit where they should not: in the entry, or statically
// on a route that does not draw a calendar or a chart.
//
// Paint, in Chromium (Playwright): Largest Contentful Paint of a centre's agenda (the demo
// manager), of « Agenda » (/agenda, the manager's choice of centres) and of the board's dashboard
// (/reports, the demo board member), through the production server (node apps/api/dist/server.mjs
// on a fresh embedded database with the demo seed), each run in a new browser context (cold
// cache), the network throttled to slow 4G over CDP (150 ms, 1.6 Mbit/s down, 750 kbit/s up) and
// the CPU slowed 4×. LCP is the last `largest-contentful-paint` entry once the page is idle.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions, findChromium, INSTALL_HINT } from './chromium.mjs';

const root = resolve(import.meta.dirname, '../..');
// The hub the server serves (the API reads HUB_DIST too).
const dist = resolve(root, process.env.HUB_DIST ?? 'apps/hub/dist');

const DEMO_PASSWORD = 'lakou-demo-2026';
export const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
export const CPU_SLOWDOWN = 4;

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const summary = (xs) => ({ median: quantile(xs, 0.5), p95: quantile(xs, 0.95), n: xs.length });

// ---------------------------------------------------------------------------------------------
// Weight

const CALENDAR = /node_modules\/(fullcalendar|fullcalendar-scheduler|@full-ui\/[^/]+|preact)\//;
const CHART = /node_modules\/(chart\.js|@kurkle\/color)\//;

function loadBuild() {
  const manifestPath = join(dist, '.vite/manifest.json');
  const chunksPath = join(dist, '.vite/chunks.json');
  if (!existsSync(manifestPath) || !existsSync(chunksPath)) {
    throw new Error(
      `${manifestPath} or chunks.json is missing: build the hub (pnpm --filter @lakou/hub build)`,
    );
  }
  return {
    manifest: JSON.parse(readFileSync(manifestPath, 'utf8')),
    chunks: JSON.parse(readFileSync(chunksPath, 'utf8')),
  };
}

/** Files (JS and CSS) a set of manifest keys loads statically: their chunks and imports. */
function staticClosure(manifest, keys) {
  const seen = new Set();
  const files = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the manifest: ${key}`);
    seen.add(key);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return { files, keys: seen };
}

/**
 * Files the chunks behind `keys` import() whose chunk holds a module matching `pattern`, with
 * what those chunks import in turn, minus what is already loaded. The import() may be indirect:
 * a page that paints its header first import()s the rest of itself, which import()s the library.
 */
function onDemand(manifest, chunks, keys, pattern, loaded) {
  const matching = new Set();
  const seen = new Set(keys);
  let frontier = [...keys];
  while (frontier.length) {
    const next = [];
    for (const key of frontier) {
      for (const dynamicKey of manifest[key].dynamicImports ?? []) {
        if (seen.has(dynamicKey)) continue;
        seen.add(dynamicKey);
        if (modulesMatching(chunks, [manifest[dynamicKey].file], pattern).length > 0) {
          matching.add(dynamicKey);
        } else {
          next.push(...staticClosure(manifest, [dynamicKey]).keys);
        }
      }
    }
    frontier = next;
  }
  const { files } = staticClosure(manifest, [...matching]);
  return new Set([...files].filter((f) => !loaded.has(f)));
}

const routeKeys = (manifest, source) =>
  Object.keys(manifest).filter((k) => k.startsWith(`${source}?tsr-split=`));

const gzipKB = (files, ext) =>
  [...files]
    .filter((f) => f.endsWith(ext))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0) / 1024;

/** Modules of `files` (JavaScript chunks) whose id matches `pattern`. */
const modulesMatching = (chunks, files, pattern) =>
  [...files].flatMap((f) => Object.keys(chunks[f] ?? {}).filter((id) => pattern.test(id)));

const AGENDA_ROUTE = 'src/routes/centres/$centreId_.agenda.tsx';
const CHOICE_ROUTE = 'src/routes/agenda.tsx';
const DASHBOARD_ROUTE = 'src/routes/reports/index.tsx';
const CALENDAR_ROUTES = [AGENDA_ROUTE];
const CHART_ROUTES = [
  'src/routes/reports/index.tsx',
  'src/routes/reports/$report.tsx',
  'src/routes/dashboards/index.tsx',
  'src/routes/dashboards/$dashboardId.tsx',
];

export function hubWeight() {
  const { manifest, chunks } = loadBuild();
  const entry = staticClosure(manifest, ['index.html']);
  const rows = [];
  const row = (figure, median, unit, n) => rows.push({ figure, unit, median, p95: null, n });
  row(
    'hub first-load JavaScript (gzip, entry + preloads)',
    gzipKB(entry.files, '.js'),
    'KB',
    entry.files.size,
  );
  row('hub first-load CSS (gzip)', gzipKB(entry.files, '.css'), 'KB', entry.files.size);

  const added = (label, source, library, pattern) => {
    const route = staticClosure(manifest, routeKeys(manifest, source));
    const extra = new Set([...route.files].filter((f) => !entry.files.has(f)));
    row(`${label}: adds JavaScript (gzip)`, gzipKB(extra, '.js'), 'KB', extra.size);
    row(`${label}: adds CSS (gzip)`, gzipKB(extra, '.css'), 'KB', extra.size);
    if (library) {
      const lazy = onDemand(
        manifest,
        chunks,
        route.keys,
        pattern,
        new Set([...entry.files, ...extra]),
      );
      row(
        `${label}: ${library} chunk it import()s (gzip JS)`,
        gzipKB(lazy, '.js'),
        'KB',
        lazy.size,
      );
      row(
        `${label}: ${library} chunk it import()s (gzip CSS)`,
        gzipKB(lazy, '.css'),
        'KB',
        lazy.size,
      );
    }
  };
  added('agenda of a centre (/centres/:id/agenda)', AGENDA_ROUTE, 'FullCalendar', CALENDAR);
  added('« Agenda » choice (/agenda)', CHOICE_ROUTE);
  added('board dashboard (/reports)', DASHBOARD_ROUTE, 'chart.js', CHART);

  // Where the calendar and the charts must not be.
  const leaks = [];
  const misplaced = (label, files, pattern) => {
    const found = modulesMatching(chunks, files, pattern);
    if (found.length) leaks.push(`${label}: ${found.slice(0, 3).join(', ')}…`);
    return found.length;
  };
  let calendarElsewhere = misplaced('FullCalendar in the entry', entry.files, CALENDAR);
  let chartElsewhere = misplaced('chart.js in the entry', entry.files, CHART);
  for (const key of Object.keys(manifest)) {
    const source = key.split('?')[0];
    if (!manifest[key].isDynamicEntry || !source.startsWith('src/routes/')) continue;
    const { files } = staticClosure(manifest, [key]);
    if (!CALENDAR_ROUTES.includes(source)) {
      calendarElsewhere += misplaced(`FullCalendar statically in ${key}`, files, CALENDAR);
    }
    // A chart route may only import() chart.js; no route carries it statically.
    chartElsewhere += misplaced(`chart.js statically in ${key}`, files, CHART);
  }
  row('FullCalendar modules in the entry or on other routes', calendarElsewhere, 'modules', 0);
  row('chart.js modules loaded statically (entry or any route)', chartElsewhere, 'modules', 0);
  for (const leak of leaks) console.warn(`  misplaced: ${leak}`);
  const chartRoutesLoadingChart = CHART_ROUTES.filter((source) => {
    const keys = routeKeys(manifest, source);
    if (!keys.length) return false;
    const { keys: reached } = staticClosure(manifest, keys);
    const lazy = onDemand(manifest, chunks, reached, CHART, new Set());
    return lazy.size > 0;
  });
  console.log(`  chart.js is import()ed on demand from: ${chartRoutesLoadingChart.join(', ')}`);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Paint

async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'lakou-bench-hub-'));
  const port = 3950 + Math.floor(Math.random() * 40);
  const child = spawn('node', ['apps/api/dist/server.mjs'], {
    cwd: root,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  // The server trusts its public URL (http://localhost:PORT by default) as the sign-in origin.
  const base = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.on('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error('no /api/health answer in time');
}

/** What the server sends with the hub's files: compression and caching. */
async function servingChecks(base) {
  const html = await (await fetch(`${base}/`)).text();
  const script = html.match(/<script type="module"[^>]*src="([^"]+)"/)?.[1];
  const res = await fetch(base + script, { headers: { 'Accept-Encoding': 'gzip, br' } });
  await res.arrayBuffer();
  const page = await fetch(`${base}/agenda`, { headers: { 'Accept-Encoding': 'gzip, br' } });
  await page.arrayBuffer();
  console.log(
    `  ${script}: Content-Encoding ${res.headers.get('content-encoding')}, Cache-Control ${res.headers.get('cache-control')}`,
  );
  console.log(
    `  /agenda (index.html): Content-Encoding ${page.headers.get('content-encoding')}, Cache-Control ${page.headers.get('cache-control')}`,
  );
}

const LCP_OBSERVER = `
  window.__lcp = null;
  new PerformanceObserver((list) => {
    const last = list.getEntries().at(-1);
    const el = last.element;
    window.__lcp = {
      time: last.startTime,
      element: el ? el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') : null,
      size: last.size,
    };
  }).observe({ type: 'largest-contentful-paint', buffered: true });
`;

async function signedInContext(browser, base, email) {
  const context = await browser.newContext({ baseURL: base, locale: 'fr-FR' });
  const res = await context.request.post('/api/auth/sign-in/email', {
    data: { email, password: DEMO_PASSWORD },
    headers: { Origin: base },
  });
  if (!res.ok()) throw new Error(`sign-in of ${email}: ${res.status()} ${await res.text()}`);
  await context.addInitScript(LCP_OBSERVER);
  return context;
}

/** One cold, throttled load of `path`: LCP (ms) and the JavaScript transferred (bytes). */
async function paintOnce(browser, base, email, path, ready) {
  const context = await signedInContext(browser, base, email);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(path, { waitUntil: 'load', timeout: 120_000 });
    try {
      await page.locator(ready).first().waitFor({ timeout: 60_000 });
    } catch (error) {
      const text = (await page.locator('body').textContent()) ?? '';
      throw new Error(`${path} never showed ${ready}; at ${page.url()}:\n${text.slice(0, 500)}`, {
        cause: error,
      });
    }
    await page.waitForLoadState('networkidle', { timeout: 120_000 });
    await page.waitForTimeout(300);
    const { lcp, js } = await page.evaluate(() => ({
      lcp: window.__lcp,
      js: performance
        .getEntriesByType('resource')
        .filter((r) => r.name.endsWith('.js'))
        .reduce((sum, r) => sum + r.transferSize, 0),
    }));
    if (!lcp) throw new Error(`no LCP entry on ${path}`);
    return { ...lcp, js, url: page.url() };
  } finally {
    await context.close();
  }
}

export async function hubPaint({ runs }) {
  if (!findChromium()) throw new Error(INSTALL_HINT);
  const server = await startServer();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    await servingChecks(server.base);
    // The demo manager's first centre (Cayenne Village Chinois): the agenda with FullCalendar.
    const manager = await signedInContext(browser, server.base, 'gestion@lakou.test');
    const centres = await (await manager.request.get('/api/centres?pageSize=100')).json();
    await manager.close();
    const centre = centres.items.find((c) => c.slug === 'cayenne-village-chinois');
    const pages = [
      {
        label: `agenda of a centre (/centres/:id/agenda, manager)`,
        email: 'gestion@lakou.test',
        path: `/centres/${centre.id}/agenda`,
        ready: '.hub-agenda__calendar *',
      },
      {
        label: '« Agenda » (/agenda, manager: choice of centres)',
        email: 'gestion@lakou.test',
        path: '/agenda',
        ready: 'main h1',
      },
      {
        label: 'board dashboard (/reports, board member)',
        email: 'ca@lakou.test',
        path: '/reports',
        ready: 'main canvas, main table',
      },
    ];
    const rows = [];
    for (const p of pages) {
      const lcps = [];
      const js = [];
      let element = null;
      for (let i = 0; i < runs; i++) {
        const r = await paintOnce(browser, server.base, p.email, p.path, p.ready);
        lcps.push(r.time);
        js.push(r.js / 1024);
        element = r.element;
      }
      console.log(
        `  ${p.label}: LCP element ${element}; runs ${lcps.map((x) => x.toFixed(0)).join(', ')} ms`,
      );
      rows.push({ figure: `LCP ${p.label}, slow 4G, CPU 4×`, unit: 'ms', ...summary(lcps) });
      rows.push({ figure: `JS transferred ${p.label}, cold`, unit: 'KB', ...summary(js) });
    }
    return rows;
  } finally {
    await browser.close();
    await server.stop();
  }
}

export async function hubFigures({ runs }) {
  return [...hubWeight(), ...(await hubPaint({ runs }))];
}

// Standalone run.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '5' }, 'no-build': { type: 'boolean' } },
  });
  if (!values['no-build']) {
    await new Promise((ok, fail) =>
      spawn(
        'pnpm',
        [
          'turbo',
          'run',
          'build',
          '--filter=@lakou/api',
          '--filter=@lakou/hub',
          '--output-logs=errors-only',
        ],
        { cwd: root, stdio: 'inherit' },
      ).on('exit', (code) => (code === 0 ? ok() : fail(new Error(`build → ${code}`)))),
    );
  }
  const rows = await hubFigures({ runs: Number(values.runs) });
  const fmt = (x) => (x === null || x === undefined ? '—' : x.toFixed(1));
  console.log(
    [
      '| figure | median | p95 | unit | runs/files |',
      '| --- | ---: | ---: | --- | ---: |',
      ...rows.map((r) => `| ${r.figure} | ${fmt(r.median)} | ${fmt(r.p95)} | ${r.unit} | ${r.n} |`),
    ].join('\n'),
  );
}
