import { PASS_KINDS, passValidUntil } from '@lakou/domain/coworking';
import { DEFAULT_EVENT_KINDS } from '@lakou/domain/events';
import { searchKey } from '@lakou/domain/shared';
import { and, asc, eq, inArray, notExists, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../client.ts';
import {
  bookings,
  centres,
  coworkingCheckIns,
  coworkingPasses,
  eventBookings,
  eventKinds,
  eventRegistrations,
  events,
  resources,
} from '../schema/index.ts';

/** The usual kinds of events of a network, added when missing (admins may add more). */
export async function seedEventKinds(tx: Db, organisationId: string): Promise<void> {
  await tx
    .insert(eventKinds)
    .values(DEFAULT_EVENT_KINDS.map((k) => ({ organisationId, key: k.key, label: k.label })))
    .onConflictDoNothing();
}

/** Which demo bookings become events, and how people come to them. */
const EVENT_OF_PURPOSE: Record<
  string,
  {
    kind: string;
    title: string;
    capacity: number;
    public: boolean;
    registration: boolean;
    description: string;
  }
> = {
  'Café de rencontre': {
    kind: 'cafe-rencontre',
    title: 'Café de rencontre',
    capacity: 40,
    public: true,
    registration: false,
    description:
      'Un café, des voisins, des nouvelles du quartier : entrée libre, sans inscription.',
  },
  'Atelier bricolage et réparation': {
    kind: 'atelier',
    title: 'Atelier bricolage et réparation',
    capacity: 12,
    public: true,
    registration: true,
    description: 'Apprendre à réparer ses objets du quotidien avec les bénévoles du centre.',
  },
  'Repair café': {
    kind: 'atelier',
    title: 'Repair café',
    capacity: 15,
    public: true,
    registration: true,
    description: 'Apportez un objet en panne : on le répare ensemble.',
  },
  'Atelier couture et retouches': {
    kind: 'atelier',
    title: 'Atelier couture et retouches',
    capacity: 8,
    public: true,
    registration: true,
    description: 'Machines à coudre du centre, conseils et retouches.',
  },
  'Permanence emploi': {
    kind: 'permanence',
    title: 'Permanence emploi',
    capacity: 20,
    public: true,
    registration: false,
    description: 'Conseils et offres d’emploi, sans rendez-vous.',
  },
  'Téléconsultation accompagnée': {
    kind: 'specialiste',
    title: 'Téléconsultation accompagnée',
    capacity: 4,
    public: false,
    registration: true,
    description: 'Un médecin à distance, avec l’aide d’une personne du centre.',
  },
};

const NEEDS_OF_KIND: Record<string, string[]> = {
  'cafe-rencontre': ['food'],
  permanence: ['finance'],
  specialiste: ['health'],
  atelier: ['clothing'],
};

const FIRST_NAMES = [
  'Maëlle',
  'Joseph',
  'Nadia',
  'Wilson',
  'Sonia',
  'Kévin',
  'Aïcha',
  'Rudy',
  'Léa',
  'Marlon',
  'Fatou',
  'Yann',
];
const INITIALS = ['A.', 'B.', 'C.', 'D.', 'E.', 'F.', 'G.', 'H.'];

/**
 * Events on the demo bookings of every centre that has none yet: cafés with their anonymous
 * headcount, workshops with registrations (one upcoming workshop per centre full, with a waiting
 * list), and coworking passes with check-ins. Deterministic, so demos look the same every time.
 */
export async function seedDemoEvents(
  tx: Db,
  organisationId: string,
  today: Temporal.PlainDate,
): Promise<{ eventsCreated: number; registrationsCreated: number; passesCreated: number }> {
  const report = { eventsCreated: 0, registrationsCreated: 0, passesCreated: 0 };
  const kinds = new Map(
    (
      await tx
        .select({ id: eventKinds.id, key: eventKinds.key })
        .from(eventKinds)
        .where(eq(eventKinds.organisationId, organisationId))
    ).map((k) => [k.key, k.id]),
  );
  const now = Date.now();
  const allCentres = await tx
    .select({ id: centres.id, timeZone: centres.timeZone })
    .from(centres)
    .where(
      and(
        eq(centres.organisationId, organisationId),
        notExists(tx.select({ one: sql`1` }).from(events).where(eq(events.centreId, centres.id))),
      ),
    );
  for (const centre of allCentres) {
    const rows = await tx
      .select({
        id: bookings.id,
        purpose: bookings.purpose,
        start: bookings.startsAt,
        end: bookings.endsAt,
      })
      .from(bookings)
      .where(
        and(
          eq(bookings.centreId, centre.id),
          inArray(bookings.purpose, Object.keys(EVENT_OF_PURPOSE)),
          inArray(bookings.status, ['confirmed', 'checked_in']),
        ),
      )
      .orderBy(asc(bookings.startsAt));
    let fullDone = false;
    // Everything for the centre is written in three statements (events, their bookings, the
    // registrations): the first start of an empty data folder stays quick.
    const planned = rows.flatMap((b, index) => {
      const spec = EVENT_OF_PURPOSE[b.purpose];
      const kindId = spec ? kinds.get(spec.kind) : undefined;
      return spec && kindId ? [{ b, spec, kindId, n: index + 1 }] : [];
    });
    if (!planned.length) continue;
    const made = await tx
      .insert(events)
      .values(
        planned.map(({ b, spec, kindId, n }) => ({
          centreId: centre.id,
          kindId,
          title: spec.title,
          description: spec.description,
          capacity: spec.capacity,
          public: spec.public,
          registrationOpen: spec.registration,
          basicNeeds: NEEDS_OF_KIND[spec.kind] ?? [],
          anonymousHeadcount: b.end.getTime() < now ? 8 + ((n * 7) % 17) : 0,
          startsAt: b.start,
          endsAt: b.end,
        })),
      )
      .returning({ id: events.id });
    report.eventsCreated += made.length;
    await tx
      .insert(eventBookings)
      .values(planned.map(({ b }, i) => ({ eventId: made[i]?.id ?? '', bookingId: b.id })));
    const registrations: (typeof eventRegistrations.$inferInsert)[] = [];
    planned.forEach(({ b, spec, n }, i) => {
      const eventId = made[i]?.id;
      if (!spec.registration || !eventId) return;
      const past = b.end.getTime() < now;
      // The first upcoming workshop is full with two people waiting; others are part-filled.
      const makeFull = !past && !fullDone && spec.kind === 'atelier';
      if (makeFull) fullDone = true;
      const count = makeFull ? spec.capacity + 2 : Math.min(spec.capacity, 2 + (n % 5));
      for (let k = 0; k < count; k++) {
        const registered = k < spec.capacity;
        registrations.push({
          eventId,
          name: `${FIRST_NAMES[(n + k) % FIRST_NAMES.length]} ${INITIALS[(n * 3 + k) % INITIALS.length]}`,
          seats: 1,
          status: registered ? 'registered' : 'waitlisted',
          attendance: past && registered ? (k % 4 === 3 ? 'absent' : 'present') : null,
          source: k % 2 === 0 ? 'public' : 'staff',
          requestedAt: new Date(
            b.start.getTime() - (10 - Math.min(k, 9)) * 86_400_000 + k * 60_000,
          ),
        });
      }
    });
    for (let i = 0; i < registrations.length; i += 500)
      await tx.insert(eventRegistrations).values(registrations.slice(i, i + 500));
    report.registrationsCreated += registrations.length;

    // Coworking: a few members with passes, some of them at a desk today.
    const desks = await tx
      .select({ id: resources.id })
      .from(resources)
      .where(and(eq(resources.centreId, centre.id), eq(resources.kind, 'desk')))
      .orderBy(asc(resources.name));
    const members = [
      { name: 'Jordan M.', kind: 'carnet10' as const, from: today.subtract({ days: 20 }), used: 6 },
      {
        name: 'Priscilla T.',
        kind: 'monthly' as const,
        from: today.subtract({ days: 5 }),
        used: 3,
      },
      { name: 'Hugo L.', kind: 'carnet10' as const, from: today.subtract({ days: 60 }), used: 10 },
      { name: 'Samia B.', kind: 'day' as const, from: today, used: 0 },
    ];
    for (const [i, m] of members.entries()) {
      const rule = PASS_KINDS[m.kind];
      const checkInToday = i < 2;
      const [pass] = await tx
        .insert(coworkingPasses)
        .values({
          centreId: centre.id,
          kind: m.kind,
          holderName: m.name,
          searchKey: searchKey(m.name),
          validFrom: m.from.toString(),
          validUntil: passValidUntil(m.kind, m.from.toString()),
          daysTotal: rule.days,
          daysUsed: m.used + (checkInToday ? 1 : 0),
          priceCents: rule.defaultPriceCents,
        })
        .returning({ id: coworkingPasses.id });
      if (!pass) continue;
      report.passesCreated++;
      const days: string[] = [];
      for (let d = 1; days.length < m.used; d++) days.push(today.subtract({ days: d }).toString());
      if (checkInToday) days.push(today.toString());
      if (days.length) {
        await tx.insert(coworkingCheckIns).values(
          days
            .map((day, k) => ({
              passId: pass.id,
              centreId: centre.id,
              resourceId: desks[k % Math.max(1, desks.length)]?.id ?? null,
              day,
              at: Temporal.PlainDate.from(day)
                .toZonedDateTime({ timeZone: centre.timeZone, plainTime: '08:30' })
                .toInstant()
                .toString(),
            }))
            .map((v) => ({ ...v, at: new Date(v.at) })),
        );
      }
    }
  }
  return report;
}
