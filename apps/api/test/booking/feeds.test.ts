import { FREE_TARIFF } from '@lakou/domain/booking';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, engines, json, seededApp, signIn } from '../harness.ts';

/** A day soon after today, a Tuesday, so the booking falls inside the feed's window and opening hours. */
function nextTuesday(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + ((2 - d.getUTCDay() + 7) % 7 || 7) + 7);
  return d.toISOString().slice(0, 10);
}

describe.each(engines)('private calendar feeds (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let manager: string;
  let room: string;
  let bookingId: string;
  const day = nextTuesday();

  beforeAll(async () => {
    ctx = await seededApp(kind);
    manager = await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD);
    const centres = await json<{ items: { id: string; slug: string }[] }>(
      await call(ctx.app, 'GET', '/api/centres'),
    );
    const villageChinois = centres.items.find((c) => c.slug === 'cayenne-village-chinois')?.id;
    room = (
      await json<{ id: string }>(
        await call(ctx.app, 'POST', '/api/resources', {
          cookie: manager,
          body: {
            centreId: villageChinois,
            kind: 'room',
            name: 'Salle Comou',
            capacity: 8,
            tariff: FREE_TARIFF,
          },
        }),
      )
    ).id;
    const made = await call(ctx.app, 'POST', '/api/bookings', {
      cookie: manager,
      body: {
        resourceId: room,
        start: `${day}T09:00:00-03:00`,
        end: `${day}T10:30:00-03:00`,
        organiser: { kind: 'partner', name: 'AGSY' },
        purpose: 'Réunion des bénévoles',
        headcount: 6,
        audience: 'centre_programme',
      },
    });
    expect(made.status).toBe(201);
    bookingId = (await json<{ id: string }>(made)).id;
  });
  afterAll(() => ctx.database.dispose());

  const fetchFeed = (url: string) => ctx.app.request(new URL(url).pathname);

  it('serves a room’s bookings as iCalendar that a real parser reads, at the right local times in Cayenne and Paris', async () => {
    const res = await call(ctx.app, 'POST', '/api/feeds', {
      cookie: manager,
      body: { name: 'Salle Comou', resourceId: room },
    });
    expect(res.status).toBe(201);
    const feed = await json<{ url: string; prefix: string }>(res);
    expect(feed.url).toMatch(/\/api\/ics\/lkf_[\w-]+\.ics$/);
    const ics = await fetchFeed(feed.url);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await ics.text()));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const event = events.find((e) => e.uid === `${bookingId}@lakou`);
    expect(event?.summary).toBe('Réunion des bénévoles — AGSY');
    const start = event?.startDate.toJSDate() ?? new Date(0);
    const local = (timeZone: string) =>
      new Intl.DateTimeFormat('fr-FR', { timeZone, hour: '2-digit', minute: '2-digit' }).format(
        start,
      );
    expect(local('America/Cayenne')).toBe('09:00');
    // Paris is UTC+1 in winter and UTC+2 in summer: 4 or 5 hours ahead of Cayenne.
    const month = Number(day.slice(5, 7));
    expect(local('Europe/Paris')).toBe(month >= 4 && month <= 10 ? '14:00' : '13:00');
  });

  it('drops a cancelled booking, and stops answering once the feed is revoked', async () => {
    const feed = await json<{ id: string; url: string }>(
      await call(ctx.app, 'POST', '/api/feeds', {
        cookie: manager,
        body: { name: 'Téléphone', resourceId: room },
      }),
    );
    await call(ctx.app, 'POST', `/api/bookings/${bookingId}/events`, {
      cookie: manager,
      body: { type: 'cancel', reason: 'Reportée' },
    });
    const text = await (await fetchFeed(feed.url)).text();
    expect(text).not.toContain(bookingId);
    expect(
      (await call(ctx.app, 'DELETE', `/api/feeds/${feed.id}`, { cookie: manager })).status,
    ).toBe(204);
    expect((await fetchFeed(feed.url)).status).toBe(404);
    expect((await ctx.app.request('/api/ics/lkf_inconnu.ics')).status).toBe(404);
  });
});
