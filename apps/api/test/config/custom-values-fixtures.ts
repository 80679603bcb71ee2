import { FREE_TARIFF } from '@lakou/domain/booking';
import type { CustomFieldEntity, CustomFieldType } from '@lakou/domain/config';
import { asc, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { customFieldDefinitions, organisations } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, json, type seededApp, signIn } from '../harness.ts';

type Ctx = Awaited<ReturnType<typeof seededApp>>;

export interface FieldSpec {
  entity: CustomFieldEntity;
  key: string;
  labelFr: string;
  type?: CustomFieldType;
  required?: boolean;
  centreId?: string | null;
  options?: string[];
  defaultValue?: unknown;
  inTables?: boolean;
  confidential?: boolean;
  min?: number | null;
  max?: number | null;
}

/**
 * A definition written straight in the table (the definitions API is tested on its own): these
 * tests are about the entities' routes reading them.
 */
export async function defineField(ctx: Ctx, spec: FieldSpec): Promise<string> {
  const [org] = await ctx.database.db
    .select({ id: organisations.id })
    .from(organisations)
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  const [row] = await ctx.database.db
    .insert(customFieldDefinitions)
    .values({
      organisationId: org?.id ?? '',
      entity: spec.entity,
      key: spec.key,
      labelFr: spec.labelFr,
      type: spec.type ?? 'short_text',
      required: spec.required ?? false,
      centreId: spec.centreId ?? null,
      options: (spec.options ?? []).map((key) => ({
        key,
        labelFr: key.charAt(0).toUpperCase() + key.slice(1),
        labelEn: '',
      })),
      defaultValue: spec.defaultValue ?? null,
      inTables: spec.inTables ?? false,
      confidential: spec.confidential ?? false,
      min: spec.min ?? null,
      max: spec.max ?? null,
    })
    .returning({ id: customFieldDefinitions.id });
  return row?.id ?? '';
}

/** Retires a field (or brings it back): its stored values stay. */
export async function setRetired(ctx: Ctx, id: string, retired: boolean) {
  await ctx.database.db
    .update(customFieldDefinitions)
    .set({ retiredAt: retired ? sql`now()` : null })
    .where(eq(customFieldDefinitions.id, id));
}

/** The demo people signed in and the demo centres. */
export async function demoPeople(ctx: Ctx) {
  const as = (email: string) => signIn(ctx.app, email, DEMO_PASSWORD);
  const centres = await json<{ items: { id: string; slug: string }[] }>(
    await call(ctx.app, 'GET', '/api/centres'),
  );
  const centre = (slug: string) => {
    const id = centres.items.find((c) => c.slug === slug)?.id;
    if (!id) throw new Error(`no centre ${slug}`);
    return id;
  };
  return {
    admin: await as('admin@lakou.test'),
    manager: await as('gestion@lakou.test'),
    facilitator: await as('facilitation@lakou.test'),
    villageChinois: centre('cayenne-village-chinois'),
    montLucas: centre('cayenne-mont-lucas'),
    kourou: centre('kourou'),
  };
}

/** A free room of the centre, made by the admin. */
export async function newRoom(ctx: Ctx, admin: string, centreId: string, name = 'Salle Awara') {
  const res = await call(ctx.app, 'POST', '/api/resources', {
    cookie: admin,
    body: { centreId, kind: 'room', name, capacity: 30, tariff: FREE_TARIFF },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await json<{ id: string }>(res)).id;
}

let slot = 0;
/** A one-hour booking body on a weekday of its own in 2027 (Cayenne time). */
export function bookingBody(resourceId: string, extra: Record<string, unknown> = {}) {
  let date: Date;
  do {
    slot++;
    date = new Date(Date.UTC(2027, 4, 1 + slot));
  } while (date.getUTCDay() === 0 || date.getUTCDay() === 6);
  const day = date.toISOString().slice(0, 10);
  return {
    resourceId,
    start: `${day}T10:00:00-03:00`,
    end: `${day}T11:00:00-03:00`,
    organiser: { kind: 'user', name: 'Georges' },
    purpose: 'Atelier',
    headcount: 10,
    audience: 'centre_programme',
    ...extra,
  };
}

export interface ValidationProblem {
  type: string;
  errors?: { field: string; message: string }[];
}
