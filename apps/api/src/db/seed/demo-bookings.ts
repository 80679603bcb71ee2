import {
  type Audience,
  expandOccurrences,
  findConflicts,
  priceOf,
  type Tariff,
} from '@lakou/domain/booking';
import type { OpeningWindow } from '@lakou/domain/network';
import { and, eq, inArray } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../client.ts';
import {
  bookingSeries,
  bookings,
  centreClosures,
  centreOpeningHours,
  centres,
  resources,
} from '../schema/index.ts';

/** Rates of the demo network, in cents per hour (members and QPV residents pay little; companies more). */
const ROOM_TARIFF: Tariff = {
  hourlyCents: { member: 500, qpv_resident: 200, association: 1500, company: 4000 },
  flatFeeCents: 0,
};
const DESK_TARIFF: Tariff = {
  hourlyCents: { member: 150, qpv_resident: 100, association: 300, company: 600 },
  flatFeeCents: 0,
};
const KIT_TARIFF: Tariff = {
  hourlyCents: { member: 0, qpv_resident: 0, association: 500, company: 2000 },
  flatFeeCents: 0,
};

interface DemoResource {
  key: string;
  kind: 'room' | 'desk' | 'equipment';
  name: string;
  capacity: number;
  amenities: string[];
  stepFree: boolean;
  bufferMinutes: number;
  requiresApproval: boolean;
  tariff: Tariff;
}

/** What every demo centre has: two rooms, two coworking desks, and equipment people borrow. */
const DEMO_RESOURCES: DemoResource[] = [
  {
    key: 'hall',
    kind: 'room',
    name: 'Salle polyvalente',
    capacity: 40,
    amenities: ['Vidéoprojecteur', 'Sonorisation', 'Cuisine'],
    stepFree: true,
    bufferMinutes: 15,
    requiresApproval: false,
    tariff: ROOM_TARIFF,
  },
  {
    key: 'meeting',
    kind: 'room',
    name: 'Salle de réunion',
    capacity: 12,
    amenities: ['Écran', 'Tableau blanc'],
    stepFree: true,
    bufferMinutes: 10,
    requiresApproval: false,
    tariff: ROOM_TARIFF,
  },
  {
    key: 'desk1',
    kind: 'desk',
    name: 'Poste de coworking 1',
    capacity: 1,
    amenities: ['Wi-Fi', 'Imprimante'],
    stepFree: true,
    bufferMinutes: 0,
    requiresApproval: false,
    tariff: DESK_TARIFF,
  },
  {
    key: 'desk2',
    kind: 'desk',
    name: 'Poste de coworking 2',
    capacity: 1,
    amenities: ['Wi-Fi', 'Imprimante'],
    stepFree: true,
    bufferMinutes: 0,
    requiresApproval: false,
    tariff: DESK_TARIFF,
  },
  {
    key: 'sewing',
    kind: 'equipment',
    name: 'Machines à coudre',
    capacity: 6,
    amenities: ['6 machines', 'Surjeteuse'],
    stepFree: true,
    bufferMinutes: 0,
    requiresApproval: false,
    tariff: ROOM_TARIFF,
  },
  {
    key: 'telehealth',
    kind: 'equipment',
    name: 'Kit de téléconsultation',
    capacity: 2,
    amenities: ['Cabine isolée', 'Stéthoscope connecté'],
    stepFree: true,
    bufferMinutes: 15,
    requiresApproval: true,
    tariff: KIT_TARIFF,
  },
];

interface Weekly {
  resource: string;
  weekday: number;
  from: string;
  to: string;
  organiser: { kind: 'partner' | 'member' | 'user'; name: string };
  purpose: string;
  headcount: number;
  audience: Audience;
  basicNeeds: string[];
  /** Only every other week. */
  fortnightly?: boolean;
}

/** The week of a centre, as the seeds describe it: partners' office hours, workshops, coworking. */
const WEEK: Weekly[] = [
  {
    resource: 'meeting',
    weekday: 2,
    from: '09:00',
    to: '12:00',
    organiser: { kind: 'partner', name: 'France Travail' },
    purpose: 'Permanence emploi',
    headcount: 6,
    audience: 'centre_programme',
    basicNeeds: ['income'],
  },
  {
    resource: 'meeting',
    weekday: 4,
    from: '14:00',
    to: '16:00',
    organiser: { kind: 'partner', name: 'CAF de Guyane' },
    purpose: 'Permanence droits et prestations',
    headcount: 6,
    audience: 'centre_programme',
    basicNeeds: ['income', 'housing'],
  },
  {
    resource: 'meeting',
    weekday: 3,
    from: '14:00',
    to: '17:00',
    organiser: { kind: 'partner', name: 'Mission Locale' },
    purpose: 'Accompagnement des 16-25 ans',
    headcount: 8,
    audience: 'centre_programme',
    basicNeeds: ['education', 'income'],
  },
  {
    resource: 'hall',
    weekday: 1,
    from: '09:00',
    to: '12:00',
    organiser: { kind: 'partner', name: 'Compagnons Bâtisseurs' },
    purpose: 'Atelier bricolage et réparation',
    headcount: 15,
    audience: 'centre_programme',
    basicNeeds: ['housing'],
  },
  {
    resource: 'hall',
    weekday: 5,
    from: '14:00',
    to: '17:00',
    organiser: { kind: 'partner', name: 'Ne plus jeter' },
    purpose: 'Repair café',
    headcount: 20,
    audience: 'centre_programme',
    basicNeeds: ['clothing', 'mobility'],
  },
  {
    resource: 'sewing',
    weekday: 3,
    from: '09:00',
    to: '12:00',
    organiser: { kind: 'member', name: 'Atelier couture des habitantes' },
    purpose: 'Atelier couture et retouches',
    headcount: 6,
    audience: 'qpv_resident',
    basicNeeds: ['clothing'],
  },
  {
    resource: 'telehealth',
    weekday: 2,
    from: '14:00',
    to: '15:00',
    organiser: { kind: 'partner', name: 'CGSS' },
    purpose: 'Téléconsultation accompagnée',
    headcount: 2,
    audience: 'centre_programme',
    basicNeeds: ['health'],
    fortnightly: true,
  },
  {
    resource: 'desk1',
    weekday: 1,
    from: '08:00',
    to: '12:30',
    organiser: { kind: 'member', name: 'Coworker du quartier' },
    purpose: 'Coworking',
    headcount: 1,
    audience: 'member',
    basicNeeds: ['income'],
  },
  {
    resource: 'desk1',
    weekday: 3,
    from: '14:00',
    to: '18:00',
    organiser: { kind: 'member', name: 'Coworker du quartier' },
    purpose: 'Coworking',
    headcount: 1,
    audience: 'member',
    basicNeeds: ['income'],
  },
  {
    resource: 'desk2',
    weekday: 4,
    from: '08:00',
    to: '12:30',
    organiser: { kind: 'partner', name: 'Association Kaz à vélo' },
    purpose: 'Travail administratif',
    headcount: 1,
    audience: 'association',
    basicNeeds: ['mobility'],
  },
];

/** The nightly café de rencontre, 18:00–19:30 on weekdays, in the hall. */
const CAFE = {
  resource: 'hall',
  rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
  time: '18:00',
  durationMinutes: 90,
  organiser: { kind: 'user' as const, name: 'Équipe du centre' },
  purpose: 'Café de rencontre',
  headcount: 25,
  audience: 'centre_programme' as const,
  basicNeeds: ['food'],
};

/** Three months of demo bookings: six weeks before `today` and seven after. */
const WEEKS_BEFORE = 6;
const WEEKS_AFTER = 7;

export interface DemoBookingsReport {
  resourcesCreated: number;
  bookingsCreated: number;
  seriesCreated: number;
}

type Row = typeof bookings.$inferInsert;

function fitsHours(
  start: Temporal.ZonedDateTime,
  end: Temporal.ZonedDateTime,
  hours: readonly OpeningWindow[],
): boolean {
  const from = start.toPlainTime().toString().slice(0, 5);
  const to = end.toPlainTime().toString().slice(0, 5);
  return hours.some((h) => h.weekday === start.dayOfWeek && h.opens <= from && to <= h.closes);
}

/**
 * Rooms, desks and equipment for every demo centre, with three months of bookings around `today`
 * and the café de rencontre as a series. Only centres whose resources are created now get
 * bookings, so a second run adds nothing and never touches what managers changed.
 */
export async function seedDemoBookings(
  tx: Db,
  today: Temporal.PlainDate,
): Promise<DemoBookingsReport> {
  const report: DemoBookingsReport = { resourcesCreated: 0, bookingsCreated: 0, seriesCreated: 0 };
  const allCentres = await tx.select({ id: centres.id, timeZone: centres.timeZone }).from(centres);
  for (const centre of allCentres) {
    const existing = await tx
      .select({ name: resources.name })
      .from(resources)
      .where(
        and(
          eq(resources.centreId, centre.id),
          inArray(
            resources.name,
            DEMO_RESOURCES.map((r) => r.name),
          ),
        ),
      );
    if (existing.length) continue;
    const created = await tx
      .insert(resources)
      .values(
        DEMO_RESOURCES.map((r) => ({
          centreId: centre.id,
          kind: r.kind,
          name: r.name,
          searchKey: r.name.toLowerCase(),
          capacity: r.capacity,
          amenities: r.amenities,
          stepFree: r.stepFree,
          bufferMinutes: r.bufferMinutes,
          requiresApproval: r.requiresApproval,
          tariff: r.tariff,
        })),
      )
      .returning({ id: resources.id, name: resources.name });
    report.resourcesCreated += created.length;
    const idOf = new Map(
      DEMO_RESOURCES.map((r) => [r.key, created.find((c) => c.name === r.name)?.id ?? '']),
    );
    const bufferOf = new Map(DEMO_RESOURCES.map((r) => [r.key, r.bufferMinutes]));
    const tariffOf = new Map(DEMO_RESOURCES.map((r) => [r.key, r.tariff]));

    const hours = (
      await tx
        .select({
          weekday: centreOpeningHours.weekday,
          opens: centreOpeningHours.opens,
          closes: centreOpeningHours.closes,
        })
        .from(centreOpeningHours)
        .where(eq(centreOpeningHours.centreId, centre.id))
    ).map((h) => ({
      weekday: h.weekday,
      opens: h.opens.slice(0, 5),
      closes: h.closes.slice(0, 5),
    }));
    const closures = await tx
      .select({ startsOn: centreClosures.startsOn, endsOn: centreClosures.endsOn })
      .from(centreClosures)
      .where(eq(centreClosures.centreId, centre.id));
    const closed = (date: Temporal.PlainDate) =>
      closures.some((c) => c.startsOn <= date.toString() && date.toString() <= c.endsOn);

    const first = today.subtract({ weeks: WEEKS_BEFORE });
    const last = today.add({ weeks: WEEKS_AFTER });
    const now = Temporal.Now.instant();
    const rows: Row[] = [];
    const taken = new Map<string, { start: string; end: string }[]>();
    const add = (
      key: string,
      start: Temporal.ZonedDateTime,
      end: Temporal.ZonedDateTime,
      w: Omit<Weekly, 'resource' | 'weekday' | 'from' | 'to'>,
      seriesId?: string,
    ) => {
      const resourceId = idOf.get(key) ?? '';
      const interval = { start: start.toInstant().toString(), end: end.toInstant().toString() };
      const list = taken.get(resourceId) ?? [];
      if (findConflicts(interval, list, bufferOf.get(key) ?? 0).length) return;
      list.push(interval);
      taken.set(resourceId, list);
      const past = Temporal.Instant.compare(end.toInstant(), now) < 0;
      rows.push({
        resourceId,
        centreId: centre.id,
        startsAt: new Date(start.epochMilliseconds),
        endsAt: new Date(end.epochMilliseconds),
        blockedUntil: new Date(end.epochMilliseconds + (bufferOf.get(key) ?? 0) * 60_000),
        status: past ? 'checked_in' : 'confirmed',
        organiser: w.organiser,
        purpose: w.purpose,
        headcount: w.headcount,
        basicNeeds: w.basicNeeds,
        audience: w.audience,
        priceCents: priceOf(
          tariffOf.get(key) ?? ROOM_TARIFF,
          w.audience,
          interval.start,
          interval.end,
        ).cents,
        seriesId: seriesId ?? null,
      });
    };

    // The café de rencontre: a series from the first Monday of the period, closures skipped.
    const firstMonday = first.subtract({ days: first.dayOfWeek - 1 });
    const exceptions: string[] = [];
    for (let d = firstMonday; Temporal.PlainDate.compare(d, last) <= 0; d = d.add({ days: 1 })) {
      if (d.dayOfWeek <= 5 && closed(d)) exceptions.push(d.toString());
    }
    const until = last.toString().replaceAll('-', '');
    const [series] = await tx
      .insert(bookingSeries)
      .values({
        resourceId: idOf.get(CAFE.resource) ?? '',
        centreId: centre.id,
        rule: `${CAFE.rule};UNTIL=${until}`,
        firstStart: `${firstMonday.toString()}T${CAFE.time}:00`,
        durationMinutes: CAFE.durationMinutes,
        timeZone: centre.timeZone,
        exceptions,
        organiser: CAFE.organiser,
        purpose: CAFE.purpose,
        headcount: CAFE.headcount,
        basicNeeds: CAFE.basicNeeds,
        audience: CAFE.audience,
      })
      .returning({ id: bookingSeries.id });
    report.seriesCreated++;
    for (const o of expandOccurrences({
      rule: `${CAFE.rule};UNTIL=${until}`,
      firstStart: `${firstMonday.toString()}T${CAFE.time}:00`,
      durationMinutes: CAFE.durationMinutes,
      timeZone: centre.timeZone,
      exceptions,
    })) {
      const start = o.start.toZonedDateTimeISO(centre.timeZone);
      const end = o.end.toZonedDateTimeISO(centre.timeZone);
      if (fitsHours(start, end, hours)) add(CAFE.resource, start, end, CAFE, series?.id);
    }

    // The weekly rhythm of partners, workshops and coworking.
    let week = 0;
    for (
      let monday = firstMonday;
      Temporal.PlainDate.compare(monday, last) <= 0;
      monday = monday.add({ weeks: 1 }), week++
    ) {
      for (const w of WEEK) {
        if (w.fortnightly && week % 2 === 1) continue;
        const date = monday.add({ days: w.weekday - 1 });
        if (closed(date)) continue;
        const start = date.toZonedDateTime({
          timeZone: centre.timeZone,
          plainTime: Temporal.PlainTime.from(w.from),
        });
        const end = date.toZonedDateTime({
          timeZone: centre.timeZone,
          plainTime: Temporal.PlainTime.from(w.to),
        });
        if (!fitsHours(start, end, hours)) continue;
        add(w.resource, start, end, w);
      }
    }
    for (let i = 0; i < rows.length; i += 500)
      await tx.insert(bookings).values(rows.slice(i, i + 500));
    report.bookingsCreated += rows.length;
  }
  return report;
}
