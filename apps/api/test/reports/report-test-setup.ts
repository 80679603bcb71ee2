import type { ReportModel, ReportName } from '@lakou/reports/model';
import { expect } from 'vitest';
import { createApp } from '../../src/app.ts';
import type { Database } from '../../src/db/client.ts';
import { centres, organisations } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD, seedDemoUsers } from '../../src/db/seed/demo-users.ts';
import type { ReportCentre } from '../../src/reports/report.source.ts';
import { call, json, signIn, type TestDatabase } from '../harness.ts';

/** Shared setup of the report tests: the demo accounts, a two-centre network, the report call. */

export type App = ReturnType<typeof createApp>;

/** The demo accounts the report tests read as (password: DEMO_PASSWORD). */
export const DEMO_EMAILS = {
  admin: 'admin@lakou.test',
  board: 'ca@lakou.test',
  manager: 'gestion@lakou.test',
  staff: 'accueil.kourou@lakou.test',
} as const;
export type DemoRole = keyof typeof DEMO_EMAILS;

/** The session cookie of a demo account. */
export const signInAs = (app: App, who: DemoRole): Promise<string> =>
  signIn(app, DEMO_EMAILS[who], DEMO_PASSWORD);

/** Adds the demo accounts to a hand-made fixture and starts the app on it. */
export async function appWithDemoUsers(database: TestDatabase): Promise<App> {
  await seedDemoUsers(database.db);
  return createApp({ database });
}

/** GET /api/reports/{name} with these query parameters; the model, after checking the 200. */
export async function getReport(
  app: App,
  name: ReportName,
  query: Record<string, string>,
  cookie: string,
): Promise<ReportModel> {
  const res = await call(app, 'GET', `/api/reports/${name}?${new URLSearchParams(query)}`, {
    cookie,
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return json<ReportModel>(res);
}

/** The one row an insert returned. */
export const first = <T>(rows: T[]): T => {
  const row = rows[0];
  if (!row) throw new Error('no row returned');
  return row;
};

export const kpi = (m: ReportModel, key: string) => m.kpis.find((k) => k.key === key);
export const chart = (m: ReportModel, id: string) => m.charts.find((c) => c.id === id);
export const table = (m: ReportModel, id: string) => m.tables.find((t) => t.id === id);

export interface NetworkOptions {
  organisation: { slug: string; name: string };
  /** The two centres' names; their slugs are the demo accounts' centres (see below). */
  names: [string, string];
  address: { commune: string; street: string; postalCode: string; city: string };
}

/**
 * An organisation and two centres on an empty database. The centres take the slugs of the demo
 * accounts' centres: the first the demo manager's (Village Chinois), the second the Kourou staff
 * member's, so that the demo accounts added later are scoped to them.
 */
export async function twoCentres(
  db: Database['db'],
  options: NetworkOptions,
): Promise<{ organisationId: string; a: ReportCentre; b: ReportCentre }> {
  const org = first(await db.insert(organisations).values(options.organisation).returning());
  const centre = (slug: string, name: string) => ({
    organisationId: org.id,
    slug,
    name,
    ...options.address,
    searchKey: slug,
  });
  const [nameA, nameB] = options.names;
  const a = first(
    await db
      .insert(centres)
      .values(centre('cayenne-village-chinois', nameA))
      .returning({ id: centres.id, name: centres.name }),
  );
  const b = first(
    await db
      .insert(centres)
      .values(centre('kourou', nameB))
      .returning({ id: centres.id, name: centres.name }),
  );
  return { organisationId: org.id, a, b };
}
