import { FREE_TARIFF } from '@lakou/domain/booking';
import type { CustomFieldDefinition } from '@lakou/domain/config';
import { expect } from 'vitest';
import type { DatabaseKind } from '../../src/db/client.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, json, seededApp, signIn } from '../harness.ts';

export type Ctx = Awaited<ReturnType<typeof customSetup>>;

/**
 * The demo network with the admin and the manager (Village Chinois and Mont Lucas) signed in, a
 * room in Village Chinois, Mont Lucas and Kourou, and helpers to make fields and events.
 */
export async function customSetup(kind: DatabaseKind) {
  const ctx = await seededApp(kind);
  const admin = await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD);
  const manager = await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD);
  const centres = await json<{ items: { id: string; slug: string }[] }>(
    await call(ctx.app, 'GET', '/api/centres'),
  );
  const centre = (slug: string) => {
    const id = centres.items.find((c) => c.slug === slug)?.id;
    if (!id) throw new Error(`no centre ${slug}`);
    return id;
  };
  const villageChinois = centre('cayenne-village-chinois');
  const montLucas = centre('cayenne-mont-lucas');
  const kourou = centre('kourou');
  const rooms = new Map<string, string>();
  for (const centreId of [villageChinois, montLucas, kourou]) {
    const res = await call(ctx.app, 'POST', '/api/resources', {
      cookie: admin,
      body: { centreId, kind: 'room', name: 'Salle Awara', capacity: 30, tariff: FREE_TARIFF },
    });
    expect(res.status).toBe(201);
    rooms.set(centreId, (await json<{ id: string }>(res)).id);
  }
  const kinds = await json<{ items: { id: string; key: string }[] }>(
    await call(ctx.app, 'GET', '/api/event-kinds'),
  );
  const kindId = kinds.items.find((k) => k.key === 'atelier')?.id ?? '';

  let slot = 0;
  /** A new one-hour booking of the centre's room, on a weekday of its own in 2027. */
  async function book(centreId: string): Promise<string> {
    let date: Date;
    do {
      slot++;
      date = new Date(Date.UTC(2027, 0, 4 + slot));
    } while (date.getUTCDay() === 0 || date.getUTCDay() === 6);
    const day = date.toISOString().slice(0, 10);
    const res = await call(ctx.app, 'POST', '/api/bookings', {
      cookie: admin,
      body: {
        resourceId: rooms.get(centreId),
        start: `${day}T10:00:00-03:00`,
        end: `${day}T11:00:00-03:00`,
        organiser: { kind: 'user', name: 'Georges' },
        purpose: 'Atelier',
        headcount: 10,
        audience: 'centre_programme',
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await json<{ id: string }>(res)).id;
  }

  /** POST /api/events in a centre (the answer as is). */
  async function postEvent(
    centreId: string,
    extra: Record<string, unknown> = {},
    bookingId?: string,
  ) {
    return call(ctx.app, 'POST', '/api/events', {
      cookie: admin,
      body: {
        kindId,
        title: 'Atelier vélo',
        bookingIds: [bookingId ?? (await book(centreId))],
        capacity: 10,
        public: true,
        ...extra,
      },
    });
  }

  /** POST /api/custom-fields as `who` (the admin by default). */
  function postField(body: Record<string, unknown>, cookie = admin) {
    return call(ctx.app, 'POST', '/api/custom-fields', {
      cookie,
      body: { entity: 'event', labelFr: 'Un champ', type: 'short_text', ...body },
    });
  }

  async function field(body: Record<string, unknown>, cookie = admin) {
    const res = await postField(body, cookie);
    expect(res.status, await res.clone().text()).toBe(201);
    return json<CustomFieldDefinition>(res);
  }

  return {
    ...ctx,
    admin,
    manager,
    villageChinois,
    montLucas,
    kourou,
    kindId,
    book,
    postEvent,
    postField,
    field,
  };
}
