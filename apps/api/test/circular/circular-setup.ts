import { randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { auditLog, inflows, outflows, reuses, streamStocks } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, json, type seededApp, signIn } from '../harness.ts';

export type Ctx = Awaited<ReturnType<typeof seededApp>>;

/** Today in Cayenne: the last day a movement may be dated. */
export const today = () => Temporal.Now.plainDateISO('America/Cayenne');
export const day = (offset = 0) => today().add({ days: offset }).toString();

/** The demo people signed in, and the centres: the manager's two in Cayenne, the staff's Kourou. */
export async function people(ctx: Ctx) {
  const as = (email: string) => signIn(ctx.app, email, DEMO_PASSWORD);
  const centres = await json<{ items: { id: string; slug: string }[] }>(
    await call(ctx.app, 'GET', '/api/centres'),
  );
  const centre = (slug: string) => {
    const id = centres.items.find((c) => c.slug === slug)?.id;
    if (!id) throw new Error(`demo centre ${slug} missing`);
    return id;
  };
  return {
    admin: await as('admin@lakou.test'),
    manager: await as('gestion@lakou.test'),
    staff: await as('accueil.kourou@lakou.test'),
    board: await as('ca@lakou.test'),
    facilitator: await as('facilitation@lakou.test'),
    villageChinois: centre('cayenne-village-chinois'),
    montLucas: centre('cayenne-mont-lucas'),
    kourou: centre('kourou'),
    matoury: centre('matoury'),
  };
}
export type People = Awaited<ReturnType<typeof people>>;

export interface StreamView {
  id: string;
  code: string;
  name: string;
  wasteCode: string | null;
  wasteCodeDescription: string | null;
  hazardous: boolean;
  active: boolean;
  sortOrder: number;
}

let serial = 0;
/** A code and a name no other stream has (the demo seed may have made the default streams). */
export function uniqueStream(prefix = 't') {
  serial += 1;
  const tag = `${Date.now().toString(36)}${serial}${randomInt(1000)}`;
  return { code: `${prefix}_${tag}`, name: `Flux d’essai ${tag}` };
}

/** A new stream of the test's own, so its stocks start at zero whatever the seed holds. */
export async function newStream(
  ctx: Ctx,
  admin: string,
  body: Record<string, unknown> = {},
): Promise<StreamView> {
  const res = await call(ctx.app, 'POST', '/api/streams', {
    cookie: admin,
    body: { ...uniqueStream(), family: 'other', wasteCode: '20 01 40', ...body },
  });
  if (res.status !== 201) throw new Error(`stream not created: ${res.status} ${await res.text()}`);
  return json<StreamView>(res);
}

/** The stream of a code, created when the seed has not made it. */
export async function ensureStream(
  ctx: Ctx,
  admin: string,
  code: string,
  body: Record<string, unknown>,
): Promise<StreamView> {
  const list = await json<{ items: StreamView[] }>(
    await call(ctx.app, 'GET', '/api/streams', { cookie: admin }),
  );
  return list.items.find((s) => s.code === code) ?? newStream(ctx, admin, { code, ...body });
}

/** A SIRET whose Luhn key is right (13 random digits and the key). */
export function validSiret(): string {
  const digits = Array.from({ length: 13 }, () => randomInt(10));
  digits[0] = 1 + randomInt(9);
  for (let key = 0; key < 10; key++) {
    const all = [...digits, key];
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let d = all[13 - i] as number;
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 === 0) return all.join('');
  }
  throw new Error('unreachable');
}

/** Any SIRET whose key is wrong: a right one with its last digit changed. */
export function wrongSiret(): string {
  const right = validSiret();
  return `${right.slice(0, 13)}${(Number(right[13]) + 1) % 10}`;
}

export async function newFacility(ctx: Ctx, cookie: string, body: Record<string, unknown> = {}) {
  const res = await call(ctx.app, 'POST', '/api/facilities', {
    cookie,
    body: {
      name: `Recycleur d’essai ${randomInt(1_000_000)}`,
      siret: validSiret(),
      addressLine: 'Zone industrielle de Dégrad-des-Cannes',
      postcode: '97354',
      city: 'Rémire-Montjoly',
      ...body,
    },
  });
  if (res.status !== 201)
    throw new Error(`facility not created: ${res.status} ${await res.text()}`);
  return json<{ id: string; name: string; siret: string }>(res);
}

/** The stock row as stored (0 when the centre never had any of the stream). */
export async function stockOf(ctx: Ctx, centreId: string, streamId: string): Promise<number> {
  const [row] = await ctx.database.db
    .select({ grams: streamStocks.stockGrams })
    .from(streamStocks)
    .where(and(eq(streamStocks.centreId, centreId), eq(streamStocks.streamId, streamId)));
  return row?.grams ?? 0;
}

/** Everything a refused write must leave as it was: movement counts, stocks, circular audit entries. */
export async function circularCounts(ctx: Ctx) {
  const db = ctx.database.db;
  const count = async (table: typeof inflows | typeof reuses | typeof outflows) => {
    const [r] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(table);
    return r?.n ?? 0;
  };
  const [stock] = await db
    .select({ g: sql<number>`coalesce(sum(${streamStocks.stockGrams}), 0)`.mapWith(Number) })
    .from(streamStocks);
  const [audits] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(auditLog)
    .where(sql`${auditLog.action} like 'circular.%'`);
  return {
    inflows: await count(inflows),
    reuses: await count(reuses),
    outflows: await count(outflows),
    stockGrams: stock?.g ?? 0,
    audits: audits?.n ?? 0,
  };
}

/** Posts an inflow with sensible defaults. */
export function postInflow(ctx: Ctx, cookie: string, body: Record<string, unknown>) {
  return call(ctx.app, 'POST', '/api/inflows', {
    cookie,
    body: {
      occurredOn: day(),
      massGrams: 10_000,
      measurement: 'weighed',
      origin: 'drop_off',
      donationId: null,
      note: null,
      ...body,
    },
  });
}

export function postOutflow(ctx: Ctx, cookie: string, body: Record<string, unknown>) {
  return call(ctx.app, 'POST', '/api/outflows', {
    cookie,
    body: {
      occurredOn: day(),
      massGrams: 1_000,
      measurement: 'weighed',
      treatment: 'recycling',
      operationCode: 'R3',
      ...body,
    },
  });
}

export function postReuse(ctx: Ctx, cookie: string, body: Record<string, unknown>) {
  return call(ctx.app, 'POST', '/api/reuse', {
    cookie,
    body: {
      occurredOn: day(),
      kind: 'repaired',
      itemCount: 1,
      massGrams: 1_000,
      measurement: 'estimated',
      ...body,
    },
  });
}
