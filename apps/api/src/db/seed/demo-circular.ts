import { DEFAULT_STREAMS, type Measurement, type Treatment } from '@lakou/domain/circular';
import { isSiret } from '@lakou/domain/fund';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../client.ts';
import {
  centres,
  donations,
  inflows,
  materialStreams,
  streamStocks,
  users,
  wasteFacilities,
} from '../schema/index.ts';

export interface CircularSeedReport {
  streamsCreated: number;
  inflowsCreated: number;
  outflowsCreated: number;
  reusesCreated: number;
}

/** Small deterministic generator (mulberry32), as the demo fund's: the same demo everywhere. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, int, chance: (p: number) => next() < p };
}

/** A valid SIRET: 13 drawn digits and the Luhn check digit. */
function siretFrom(draw: () => number): string {
  const head = Array.from({ length: 13 }, (_, i) => (i === 0 ? 1 + (draw() % 9) : draw() % 10));
  for (let d = 0; d <= 9; d++) {
    const candidate = `${head.join('')}${d}`;
    if (isSiret(candidate)) return candidate;
  }
  throw new Error('no SIRET check digit');
}

/** The facilities of the demo (fictional names, addresses in Guyane). */
const FACILITIES = [
  {
    key: 'recycler',
    name: 'Guyane Recyclage Matériaux',
    addressLine: 'Zone industrielle de Collery, lot 14',
    postcode: '97351',
    city: 'Matoury',
  },
  {
    key: 'glass',
    name: 'Verrerie Solidaire des Savanes',
    addressLine: 'Route de Soula, PK 3',
    postcode: '97355',
    city: 'Macouria',
  },
  {
    key: 'textile',
    name: 'Amazonie Textile Réemploi',
    addressLine: '27 rue du Docteur Barrat',
    postcode: '97300',
    city: 'Cayenne',
  },
  {
    key: 'weee',
    name: 'DEEE Services Guyane',
    addressLine: 'Zone artisanale de Dégrad-des-Cannes',
    postcode: '97354',
    city: 'Rémire-Montjoly',
  },
  {
    key: 'transit',
    name: 'Plateforme de transit du Larivot',
    addressLine: 'Chemin Larivot, zone portuaire',
    postcode: '97351',
    city: 'Matoury',
  },
  {
    key: 'fuel',
    name: 'CSR Énergie Ouest Guyane',
    addressLine: 'Zone d’activités de Saint-Maurice',
    postcode: '97320',
    city: 'Saint-Laurent-du-Maroni',
  },
  {
    key: 'disposal',
    name: 'Centre de traitement des Savanes',
    addressLine: 'Route de Montsinéry, PK 8',
    postcode: '97355',
    city: 'Macouria',
  },
  {
    key: 'compost',
    name: 'Compost Amazonie',
    addressLine: 'Chemin de la Levée',
    postcode: '97355',
    city: 'Macouria',
  },
] as const;
type FacilityKey = (typeof FACILITIES)[number]['key'];

const TRANSPORTERS = ['Transports Amazonie Express', 'Bennes et Services du Littoral', null];

interface StreamProfile {
  /** Weight in a collection round or a drop-off, before the centre's emphasis. */
  weight: number;
  /** Kilograms per weighing. */
  kg: [number, number];
  reuse?: { kind: 'repaired' | 'sorted'; itemKg: [number, number]; items: [number, number] };
  /** Shipments: every `months` months, a share of the stock to a facility. */
  ship?: {
    months: number;
    minKg: number;
    share: [number, number];
    to: (draw: () => number) => {
      facility: FacilityKey;
      treatment: Treatment;
      code: string | null;
    };
  };
}

const PROFILES: Record<string, StreamProfile> = {
  textiles: {
    weight: 3,
    kg: [20, 120],
    reuse: { kind: 'sorted', itemKg: [0.3, 0.8], items: [15, 60] },
    ship: {
      months: 1,
      minKg: 80,
      share: [0.6, 0.9],
      to: (d) =>
        d() < 0.6
          ? { facility: 'textile', treatment: 'reuse', code: null }
          : { facility: 'textile', treatment: 'recycling', code: 'R3' },
    },
  },
  weee: {
    weight: 2,
    kg: [10, 80],
    reuse: { kind: 'repaired', itemKg: [2, 9], items: [1, 3] },
    ship: {
      months: 1,
      minKg: 60,
      share: [0.7, 0.95],
      to: () => ({ facility: 'weee', treatment: 'recycling', code: 'R4' }),
    },
  },
  furniture: {
    weight: 2,
    kg: [30, 250],
    reuse: { kind: 'repaired', itemKg: [8, 40], items: [1, 4] },
    ship: {
      months: 1,
      minKg: 200,
      share: [0.4, 0.6],
      to: () => ({ facility: 'recycler', treatment: 'recycling', code: 'R3' }),
    },
  },
  packaging_plastic: {
    weight: 3,
    kg: [15, 70],
    ship: {
      months: 1,
      minKg: 50,
      share: [0.8, 1],
      to: () => ({ facility: 'recycler', treatment: 'recycling', code: 'R3' }),
    },
  },
  packaging_cardboard: {
    weight: 3,
    kg: [20, 90],
    ship: {
      months: 1,
      minKg: 60,
      share: [0.8, 1],
      to: () => ({ facility: 'recycler', treatment: 'recycling', code: 'R3' }),
    },
  },
  packaging_glass: {
    weight: 2,
    kg: [30, 120],
    ship: {
      months: 1,
      minKg: 100,
      share: [0.8, 1],
      to: () => ({ facility: 'glass', treatment: 'recycling', code: 'R5' }),
    },
  },
  packaging_metal: {
    weight: 2,
    kg: [5, 30],
    ship: {
      months: 2,
      minKg: 30,
      share: [0.8, 1],
      to: () => ({ facility: 'recycler', treatment: 'recycling', code: 'R4' }),
    },
  },
  bikes: {
    weight: 1,
    kg: [15, 60],
    reuse: { kind: 'repaired', itemKg: [11, 16], items: [1, 3] },
    ship: {
      months: 3,
      minKg: 60,
      share: [0.2, 0.4],
      to: () => ({ facility: 'recycler', treatment: 'recycling', code: 'R4' }),
    },
  },
  biowaste: {
    weight: 1,
    kg: [20, 80],
    // Most bio-waste stays for the gardens' compost; a part goes to the platform each quarter.
    ship: {
      months: 3,
      minKg: 300,
      share: [0.3, 0.5],
      to: () => ({ facility: 'compost', treatment: 'recycling', code: 'R3' }),
    },
  },
  building_materials: {
    weight: 1,
    kg: [50, 400],
    ship: {
      months: 2,
      minKg: 300,
      share: [0.7, 0.95],
      to: () => ({ facility: 'recycler', treatment: 'recycling', code: 'R5' }),
    },
  },
  srf: {
    weight: 1.5,
    kg: [20, 100],
    ship: {
      months: 1,
      minKg: 80,
      share: [0.8, 1],
      to: () => ({ facility: 'fuel', treatment: 'energy_recovery', code: 'R1' }),
    },
  },
  batteries: {
    weight: 0.5,
    kg: [1, 8],
    ship: {
      months: 3,
      minKg: 10,
      share: [0.9, 1],
      to: () => ({ facility: 'weee', treatment: 'recycling', code: 'R4' }),
    },
  },
  residual: {
    weight: 2,
    kg: [20, 120],
    ship: {
      months: 1,
      minKg: 60,
      share: [0.9, 1],
      to: (d) =>
        d() < 0.75
          ? { facility: 'disposal', treatment: 'disposal', code: 'D5' }
          : { facility: 'disposal', treatment: 'disposal', code: 'D10' },
    },
  },
};

/** What each centre does more of, and how busy it is. */
const CENTRE_EMPHASIS: Record<string, { scale: number; more: Record<string, number> }> = {
  // Kaz à vélo's workshop and Ne plus jeter's sorting; the Jardin des Chinois' bio-waste.
  'cayenne-village-chinois': { scale: 1.2, more: { bikes: 4, textiles: 2, biowaste: 3 } },
  'cayenne-mont-lucas': { scale: 0.8, more: { weee: 2 } },
  macouria: { scale: 0.7, more: { biowaste: 2, packaging_glass: 1.5 } },
  matoury: { scale: 0.8, more: { building_materials: 2 } },
  'remire-montjoly': { scale: 0.7, more: {} },
  // The ressourcerie: furniture and building materials; the Kourou garden's bio-waste.
  kourou: { scale: 1.4, more: { furniture: 3, building_materials: 2, weee: 1.5, biowaste: 2 } },
  'saint-laurent-du-maroni': { scale: 0.9, more: { srf: 2, residual: 1.5 } },
};

/**
 * The circular economy of the demo centres: the default material streams, facilities in Guyane,
 * and three years back from `today` of weekly weighings per centre (a collection round on one
 * day, drop-offs on Saturday, some masses estimated), items repaired or sorted and handed out,
 * and shipments to recyclers (R3/R4/R5), a fuel maker (R1), the compost platform and disposal
 * (D5/D10), two of them to a transit platform (R13, pending). The demo fund's gifts in kind with
 * a mass come in as inflows of origin « don ». Shipments never take more than the stock holds;
 * the stocks are written as the sum of the movements. Deterministic, written in a few bulk
 * statements, and created once: nothing is added when the organisation already has inflows.
 */
export async function seedDemoCircular(
  tx: Db,
  organisationId: string,
  today: Temporal.PlainDate,
): Promise<CircularSeedReport> {
  const report: CircularSeedReport = {
    streamsCreated: 0,
    inflowsCreated: 0,
    outflowsCreated: 0,
    reusesCreated: 0,
  };
  const createdStreams = await tx
    .insert(materialStreams)
    .values(DEFAULT_STREAMS.map((s) => ({ organisationId, ...s })))
    .onConflictDoNothing()
    .returning({ id: materialStreams.id });
  report.streamsCreated = createdStreams.length;

  const streamRows = await tx
    .select({ id: materialStreams.id, code: materialStreams.code })
    .from(materialStreams)
    .where(eq(materialStreams.organisationId, organisationId));
  const streamId = new Map(streamRows.map((s) => [s.code, s.id]));
  const [already] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(inflows)
    .where(
      inArray(
        inflows.streamId,
        streamRows.map((s) => s.id),
      ),
    );
  if ((already?.n ?? 0) > 0) return report;

  const rng = generator(20_231_123);
  const draw = () => Math.floor(rng.next() * 1_000_000);
  await tx
    .insert(wasteFacilities)
    .values(
      FACILITIES.map(({ key: _key, ...f }) => ({ organisationId, siret: siretFrom(draw), ...f })),
    )
    .onConflictDoNothing();
  const facilityRows = await tx
    .select({ id: wasteFacilities.id, name: wasteFacilities.name })
    .from(wasteFacilities)
    .where(eq(wasteFacilities.organisationId, organisationId));
  const facilityId = new Map(
    FACILITIES.map((f) => [f.key, facilityRows.find((r) => r.name === f.name)?.id]),
  );

  const centreRows = await tx
    .select({ id: centres.id, slug: centres.slug })
    .from(centres)
    .where(eq(centres.organisationId, organisationId))
    .orderBy(centres.slug);
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(users.email, ['admin@lakou.test', 'gestion@lakou.test', 'accueil.kourou@lakou.test']),
    );
  const userId = (email: string) => people.find((u) => u.email === email)?.id ?? null;
  const recorder = (slug: string) =>
    slug === 'kourou'
      ? userId('accueil.kourou@lakou.test')
      : slug === 'cayenne-village-chinois' || slug === 'cayenne-mont-lucas'
        ? userId('gestion@lakou.test')
        : userId('admin@lakou.test');

  const start = today.subtract({ years: 3 });
  const todayText = today.toString();
  /** A moment of that day in Cayenne (09:00 plus some minutes), so created-at follows the story. */
  const at = (date: string, minute: number) =>
    new Date(Date.parse(`${date}T09:00:00-03:00`) + minute * 60_000).toISOString();

  /** Rows as the tables name their columns (snake_case), for the bulk statements below. */
  interface MovementRow {
    occurred_on: string;
    centre_id: string;
    stream_id: string;
    mass_grams: number;
    measurement: Measurement;
    created_by: string | null;
    created_at: string;
  }
  const inflowRows: (MovementRow & { origin: string; donation_id: string | null })[] = [];
  const reuseRows: (MovementRow & { kind: string; item_count: number })[] = [];
  const outflowRows: (MovementRow & {
    facility_id: string;
    treatment: Treatment;
    operation_code: string | null;
    transporter: string | null;
    tracking_ref: string | null;
  })[] = [];
  /** Grams in stock and the last movement, per `centre/stream`. */
  const stock = new Map<string, { grams: number; last: string }>();
  const stockOf = (centre: string, stream: string) => {
    const key = `${centre}/${stream}`;
    let s = stock.get(key);
    if (!s) {
      s = { grams: 0, last: '' };
      stock.set(key, s);
    }
    return s;
  };

  // The fund's gifts in kind with a mass and a stream: each is one inflow, on the day received.
  const gifts = await tx
    .select({
      id: donations.id,
      receivedOn: donations.receivedOn,
      centreId: donations.centreId,
      massGrams: donations.massGrams,
      circularStream: donations.circularStream,
      createdBy: donations.createdBy,
    })
    .from(donations)
    .where(
      and(
        eq(donations.organisationId, organisationId),
        eq(donations.kind, 'in_kind'),
        isNotNull(donations.massGrams),
        isNotNull(donations.circularStream),
        isNotNull(donations.centreId),
      ),
    );
  const giftsByDay = new Map<string, typeof gifts>();
  for (const g of gifts) {
    if (g.receivedOn > todayText) continue;
    const list = giftsByDay.get(g.receivedOn) ?? [];
    list.push(g);
    giftsByDay.set(g.receivedOn, list);
  }

  const codes = Object.keys(PROFILES).filter((code) => streamId.has(code));
  const kgToGrams = (kg: number, measurement: Measurement) =>
    measurement === 'weighed'
      ? Math.max(100, Math.round((kg * 1000) / 100) * 100)
      : Math.max(1000, Math.round(kg) * 1000);
  /** Picks `n` different streams, drawn by weight. */
  const pickStreams = (weights: [string, number][], n: number) => {
    const pool = [...weights];
    const out: string[] = [];
    while (out.length < n && pool.length) {
      const total = pool.reduce((s, [, w]) => s + w, 0);
      let x = rng.next() * total;
      let i = 0;
      for (; i < pool.length - 1; i++) {
        x -= pool[i]?.[1] ?? 0;
        if (x < 0) break;
      }
      const [picked] = pool.splice(i, 1);
      if (picked) out.push(picked[0]);
    }
    return out;
  };
  let intermediates = 0;
  // The days of the three years, computed once (plain UTC dates: Temporal is slow in a loop).
  const calendar: { date: string; dayOfWeek: number; day: number; month: number; year: number }[] =
    [];
  const startMs = Date.UTC(start.year, start.month - 1, start.day);
  for (let ms = startMs + 86_400_000; ; ms += 86_400_000) {
    const d = new Date(ms);
    const date = d.toISOString().slice(0, 10);
    if (date > todayText) break;
    calendar.push({
      date,
      dayOfWeek: d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
      day: d.getUTCDate(),
      month: d.getUTCMonth() + 1,
      year: d.getUTCFullYear(),
    });
  }

  for (const [ci, centre] of centreRows.entries()) {
    const emphasis = CENTRE_EMPHASIS[centre.slug] ?? { scale: 0.8, more: {} };
    const weights: [string, number][] = codes.map((code) => [
      code,
      (PROFILES[code]?.weight ?? 1) * (emphasis.more[code] ?? 1),
    ]);
    const by = recorder(centre.slug);
    const collectionDay = 2 + (ci % 3); // Tuesday to Thursday
    let minute = 0;
    const inflow = (
      date: string,
      code: string,
      grams: number,
      measurement: Measurement,
      origin: 'collection' | 'drop_off' | 'donation',
      donationId: string | null = null,
      createdBy = by,
    ) => {
      const stream = streamId.get(code);
      if (!stream || grams <= 0) return;
      inflowRows.push({
        occurred_on: date,
        centre_id: centre.id,
        stream_id: stream,
        mass_grams: grams,
        measurement,
        origin,
        donation_id: donationId,
        created_by: createdBy,
        created_at: at(date, minute++),
      });
      const s = stockOf(centre.id, stream);
      s.grams += grams;
      s.last = date;
    };

    // A gift received before the three years (none in the demo fund today) still comes in.
    const first = start.add({ days: 1 }).toString();
    minute = 0;
    for (const [date, list] of giftsByDay)
      if (date < first)
        for (const g of list)
          if (g.centreId === centre.id && g.circularStream && g.massGrams)
            inflow(date, g.circularStream, g.massGrams, 'estimated', 'donation', g.id, g.createdBy);
    for (const day of calendar) {
      const date = day.date;
      minute = 0;
      for (const g of giftsByDay.get(date) ?? []) {
        if (g.centreId !== centre.id || !g.circularStream || !g.massGrams) continue;
        inflow(date, g.circularStream, g.massGrams, 'estimated', 'donation', g.id, g.createdBy);
      }
      // The weekly collection round: weighed on the truck's scale, now and then estimated.
      if (day.dayOfWeek === collectionDay) {
        for (const code of pickStreams(weights, rng.int(2, 4))) {
          const p = PROFILES[code];
          if (!p) continue;
          const m: Measurement = rng.chance(0.85) ? 'weighed' : 'estimated';
          const kg = (p.kg[0] + rng.next() * (p.kg[1] - p.kg[0])) * emphasis.scale;
          inflow(date, code, kgToGrams(kg, m), m, 'collection');
        }
      }
      // Saturday drop-offs at the centre: smaller, often estimated by eye.
      if (day.dayOfWeek === 6) {
        for (const code of pickStreams(weights, rng.int(1, 3))) {
          const p = PROFILES[code];
          if (!p) continue;
          const m: Measurement = rng.chance(0.6) ? 'weighed' : 'estimated';
          const kg = (p.kg[0] + rng.next() * (p.kg[1] - p.kg[0])) * emphasis.scale * 0.5;
          inflow(date, code, kgToGrams(kg, m), m, 'drop_off');
        }
      }
      // Friday: items repaired or sorted are handed out (never more than the stock holds).
      if (day.dayOfWeek === 5) {
        for (const code of codes) {
          const p = PROFILES[code];
          const stream = streamId.get(code);
          if (!p?.reuse || !stream || !rng.chance(0.6 * Math.min(1, emphasis.more[code] ?? 0.7)))
            continue;
          const s = stockOf(centre.id, stream);
          const items = rng.int(p.reuse.items[0], p.reuse.items[1]);
          const itemKg = p.reuse.itemKg[0] + rng.next() * (p.reuse.itemKg[1] - p.reuse.itemKg[0]);
          const grams = Math.min(s.grams, Math.round(items * itemKg * 10) * 100);
          const count = Math.max(1, Math.min(items, Math.floor(grams / (itemKg * 1000))));
          if (grams < itemKg * 1000) continue;
          reuseRows.push({
            occurred_on: date,
            centre_id: centre.id,
            stream_id: stream,
            kind: p.reuse.kind,
            item_count: count,
            mass_grams: grams,
            measurement: rng.chance(0.5) ? 'weighed' : 'estimated',
            created_by: by,
            created_at: at(date, 300 + minute++),
          });
          s.grams -= grams;
          s.last = date;
        }
      }
      // Shipments on the 5th of the month (every one, two or three months by stream).
      if (day.day === 5) {
        const monthIndex = (day.year - start.year) * 12 + day.month;
        for (const code of codes) {
          const p = PROFILES[code];
          const stream = streamId.get(code);
          if (!p?.ship || !stream || monthIndex % p.ship.months !== 0) continue;
          const s = stockOf(centre.id, stream);
          if (s.grams < p.ship.minKg * 1000) continue;
          const share = p.ship.share[0] + rng.next() * (p.ship.share[1] - p.ship.share[0]);
          const grams = Math.min(s.grams, Math.round((s.grams * share) / 1000) * 1000);
          if (grams <= 0) continue;
          let target = p.ship.to(rng.next);
          // Twice in three years Kourou's electrical equipment waits at the transit platform.
          if (code === 'weee' && centre.slug === 'kourou' && intermediates < 2 && day.month === 7) {
            target = { facility: 'transit', treatment: 'recycling', code: 'R13' };
            intermediates++;
          }
          const facility = facilityId.get(target.facility);
          if (!facility) continue;
          outflowRows.push({
            occurred_on: date,
            centre_id: centre.id,
            stream_id: stream,
            mass_grams: grams,
            measurement: rng.chance(0.9) ? 'weighed' : 'estimated',
            facility_id: facility,
            treatment: target.treatment,
            operation_code: target.code,
            transporter: TRANSPORTERS[rng.int(0, TRANSPORTERS.length - 1)] ?? null,
            // Batteries are hazardous (20 01 33*): their shipments carry a Trackdéchets slip.
            tracking_ref:
              code === 'batteries'
                ? `BSD-${date.replaceAll('-', '')}-${String(rng.int(0, 36 ** 6 - 1).toString(36))
                    .toUpperCase()
                    .padStart(6, '0')}`
                : null,
            created_by: by,
            created_at: at(date, 480 + minute++),
          });
          s.grams -= grams;
          s.last = date;
        }
      }
    }
  }

  // One statement per table: the rows travel as one JSON document (much faster than thousands of
  // bound parameters, on PGlite above all).
  const bulk = async (table: string, columns: [string, string][], rows: object[]) => {
    if (rows.length === 0) return;
    const names = sql.raw(columns.map(([c]) => c).join(', '));
    const types = sql.raw(columns.map(([c, t]) => `${c} ${t}`).join(', '));
    await tx.execute(
      sql`insert into ${sql.raw(table)} (${names}) select ${names} from json_to_recordset(${JSON.stringify(rows)}::json) as x(${types})`,
    );
  };
  const common: [string, string][] = [
    ['occurred_on', 'date'],
    ['centre_id', 'uuid'],
    ['stream_id', 'uuid'],
    ['mass_grams', 'bigint'],
    ['measurement', 'text'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
  ];
  await bulk(
    'circular_inflows',
    [...common, ['origin', 'text'], ['donation_id', 'uuid']],
    inflowRows,
  );
  await bulk(
    'circular_reuses',
    [...common, ['kind', 'text'], ['item_count', 'integer']],
    reuseRows,
  );
  await bulk(
    'circular_outflows',
    [
      ...common,
      ['facility_id', 'uuid'],
      ['treatment', 'text'],
      ['operation_code', 'text'],
      ['transporter', 'text'],
      ['tracking_ref', 'text'],
    ],
    outflowRows,
  );
  const stockRows = [...stock.entries()].map(([key, s]) => {
    const [centreId = '', stream = ''] = key.split('/');
    return {
      centreId,
      streamId: stream,
      stockGrams: s.grams,
      lastMovementOn: s.last || null,
    };
  });
  if (stockRows.length)
    await tx
      .insert(streamStocks)
      .values(stockRows)
      .onConflictDoUpdate({
        target: [streamStocks.centreId, streamStocks.streamId],
        set: {
          stockGrams: sql`${streamStocks.stockGrams} + excluded.stock_grams`,
          lastMovementOn: sql`greatest(${streamStocks.lastMovementOn}, excluded.last_movement_on)`,
        },
      });

  report.inflowsCreated = inflowRows.length;
  report.reusesCreated = reuseRows.length;
  report.outflowsCreated = outflowRows.length;
  return report;
}
