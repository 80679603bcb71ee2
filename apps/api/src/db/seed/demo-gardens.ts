import type { HarvestDestination } from '@lakou/domain/gardens';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../client.ts';
import {
  centres,
  compostBatches,
  gardeners,
  gardens,
  gardenWaitingList,
  harvests,
  inflows,
  materialStreams,
  outflows,
  plotAssignments,
  plots,
  reuses,
  streamStocks,
} from '../schema/index.ts';

/**
 * Two shared gardens of the demo centres: « Jardin des Chinois » at Village Chinois (every
 * individual plot held, three people on the waiting list) and « Jardin partagé de Kourou » (two
 * individual plots free), their plots on the grid, 25 gardeners, who held which plot over three
 * years (some left), weekly harvests of Guyane's crops with mixed destinations, and compost made
 * from the bio-waste the circular seed left in stock (none when there is no such stock).
 *
 * The gardens have no bookable resource (`resourceId` null): the booking seed gives every centre
 * the same six resources and its tests count them. Deterministic (a seeded generator, dates
 * counted back from `today`), a few bulk statements, and created once: nothing is added when the
 * organisation already has a garden.
 */

export interface GardensSeedReport {
  gardensCreated: number;
  plotsCreated: number;
  gardenersCreated: number;
  assignmentsCreated: number;
  harvestsCreated: number;
  compostBatchesCreated: number;
}

/** Small deterministic generator (mulberry32), as the fund's seed. */
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
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}

type Kind = 'individual' | 'collective';
type Exposure = 'sun' | 'part_shade' | 'shade';

interface DemoPlot {
  label: string;
  kind: Kind;
  areaM2: number;
  exposure: Exposure;
  row: number;
  column: number;
}

interface DemoGarden {
  centre: string;
  name: string;
  areaM2: number;
  gridColumns: number;
  gridRows: number;
  description: string;
  plots: DemoPlot[];
  gardeners: string[];
}

const individual = (
  label: string,
  row: number,
  column: number,
  exposure: Exposure = 'sun',
): DemoPlot => ({ label, kind: 'individual', areaM2: 20, exposure, row, column });

export const DEMO_GARDENS: DemoGarden[] = [
  {
    centre: 'cayenne-village-chinois',
    name: 'Jardin des Chinois',
    areaM2: 620,
    gridColumns: 12,
    gridRows: 8,
    description:
      'Jardin partagé derrière le centre : parcelles familiales, carré d’aromates et verger collectif. Chantier collectif un samedi sur deux.',
    plots: [
      individual('A1', 1, 1),
      individual('A2', 1, 3),
      individual('A3', 1, 5),
      individual('A4', 1, 7, 'part_shade'),
      individual('A5', 1, 9, 'part_shade'),
      individual('B1', 3, 1),
      individual('B2', 3, 3),
      individual('B3', 3, 5),
      individual('B4', 3, 7),
      individual('B5', 3, 9, 'shade'),
      {
        label: 'Aromates',
        kind: 'collective',
        areaM2: 40,
        exposure: 'part_shade',
        row: 6,
        column: 2,
      },
      { label: 'Verger', kind: 'collective', areaM2: 120, exposure: 'sun', row: 6, column: 8 },
    ],
    gardeners: [
      'Josiane Abchée',
      'Rudy Ho-A-Chuck',
      'Maryse Lin',
      'Gilles Pindard',
      'Murielle Sabayo',
      'Frantz Chow-Chine',
      'Sylvie Ronmy',
      'Jean-Claude Tiouka',
      'Nadège Dorville',
      'Wilfried Mathurin',
      // Former holders.
      'Léonie Clet',
      'Thierry Nelson',
      // On the waiting list.
      'Mylène Rosemond',
      'Steeve Marie-Sainte',
      'Ghislaine Lucien',
    ],
  },
  {
    centre: 'kourou',
    name: 'Jardin partagé de Kourou',
    areaM2: 450,
    gridColumns: 10,
    gridRows: 6,
    description:
      'Jardin partagé du centre de Kourou : parcelles individuelles et grand potager collectif pour l’épicerie solidaire.',
    plots: [
      individual('K1', 1, 1),
      individual('K2', 1, 3),
      individual('K3', 1, 5),
      individual('K4', 1, 7, 'part_shade'),
      individual('K5', 3, 1),
      individual('K6', 3, 3, 'shade'),
      {
        label: 'Potager',
        kind: 'collective',
        areaM2: 150,
        exposure: 'sun',
        row: 5,
        column: 2,
      },
      {
        label: 'Bananeraie',
        kind: 'collective',
        areaM2: 80,
        exposure: 'part_shade',
        row: 5,
        column: 7,
      },
    ],
    gardeners: [
      'Patrice Édouard',
      'Rose-Marie Alexandre',
      'Yolande Bertrand',
      'Olivier Joseph',
      // Former holders (K1 before, then K5 and K6, now free).
      'Sandrine Jean-Baptiste',
      'Hervé Ronmy',
      'Christelle Tiouka',
      // The collective plots only.
      'Anaïs Lin',
      'Mathieu Sabayo',
      'Laetitia Abchée',
    ],
  },
];

interface Crop {
  crop: string;
  grams?: [number, number];
  count?: [number, number];
  unit?: 'bunch' | 'basket' | 'crate' | 'piece';
}

/** What grows in the gardens of Guyane, and how much one picking weighs or counts. */
const CROPS: Crop[] = [
  { crop: 'Dachine', grams: [1500, 6000] },
  { crop: 'Giraumon', grams: [2000, 8000] },
  { crop: 'Gombo', grams: [300, 1500] },
  { crop: 'Concombre', grams: [500, 3000] },
  { crop: 'Piment végétarien', grams: [100, 600] },
  { crop: 'Bananes plantain', grams: [3000, 12000] },
  { crop: 'Patate douce', grams: [1000, 5000] },
  { crop: 'Christophine', grams: [800, 3000] },
  { crop: 'Bringelles', grams: [500, 2500] },
  { crop: 'Pois d’angole', grams: [300, 1200] },
  { crop: 'Ciboule', count: [3, 15], unit: 'bunch' },
  { crop: 'Persil et thym', count: [2, 10], unit: 'bunch' },
  { crop: 'Citronnelle', count: [2, 8], unit: 'bunch' },
  { crop: 'Ananas', count: [2, 12], unit: 'piece' },
];

interface Tenure {
  plot: number;
  gardener: number;
  startsOn: string;
  endsOn: string | null;
}

/**
 * Who held which plot: a chain of tenures per individual plot, and shared tenures on the
 * collective ones. Village Chinois: every individual plot held today. Kourou: K5 and K6 left.
 */
function tenuresOf(
  index: number,
  today: Temporal.PlainDate,
  rnd: ReturnType<typeof generator>,
): Tenure[] {
  const start = today.subtract({ years: 3 });
  const day = (d: Temporal.PlainDate) => d.toString();
  const out: Tenure[] = [];
  const firstStart = () => start.add({ days: rnd.int(0, 60) });
  if (index === 0) {
    // A1 and A2 changed hands (Léonie Clet, Thierry Nelson left); the others since they started.
    for (let p = 0; p < 10; p++) {
      if (p < 2) {
        const s = firstStart();
        const end = s.add({ days: rnd.int(240, 480) });
        out.push({ plot: p, gardener: 10 + p, startsOn: day(s), endsOn: day(end) });
        out.push({
          plot: p,
          gardener: p,
          startsOn: day(end.add({ days: rnd.int(1, 20) })),
          endsOn: null,
        });
      } else {
        out.push({
          plot: p,
          gardener: p,
          startsOn: day(start.add({ days: rnd.int(0, 700) })),
          endsOn: null,
        });
      }
    }
    // The aromatics: two holders and the three waiting, since they asked; the orchard: two.
    for (const g of [0, 3])
      out.push({ plot: 10, gardener: g, startsOn: day(firstStart()), endsOn: null });
    [12, 13, 14].forEach((g, i) => {
      out.push({
        plot: 10,
        gardener: g,
        startsOn: day(today.subtract({ days: [90, 45, 10][i] ?? 10 })),
        endsOn: null,
      });
    });
    for (const g of [5, 7])
      out.push({ plot: 11, gardener: g, startsOn: day(firstStart()), endsOn: null });
    out.push({
      plot: 11,
      gardener: 11,
      startsOn: day(firstStart()),
      endsOn: day(today.subtract({ years: 1 })),
    });
    return out;
  }
  // Kourou: K1 passed from Sandrine Jean-Baptiste to Patrice Édouard; K5 and K6 freed lately.
  const s = firstStart();
  const end = s.add({ days: rnd.int(200, 400) });
  out.push({ plot: 0, gardener: 4, startsOn: day(s), endsOn: day(end) });
  out.push({ plot: 0, gardener: 0, startsOn: day(end.add({ days: 7 })), endsOn: null });
  for (const p of [1, 2, 3]) {
    out.push({
      plot: p,
      gardener: p,
      startsOn: day(start.add({ days: rnd.int(0, 500) })),
      endsOn: null,
    });
  }
  out.push({
    plot: 4,
    gardener: 5,
    startsOn: day(firstStart()),
    endsOn: day(today.subtract({ days: rnd.int(30, 60) })),
  });
  out.push({
    plot: 5,
    gardener: 6,
    startsOn: day(start.add({ days: rnd.int(100, 300) })),
    endsOn: day(today.subtract({ days: rnd.int(90, 120) })),
  });
  for (const g of [7, 8, 9])
    out.push({ plot: 6, gardener: g, startsOn: day(firstStart()), endsOn: null });
  for (const g of [1, 8])
    out.push({ plot: 7, gardener: g, startsOn: day(firstStart()), endsOn: null });
  return out;
}

const held = (t: Tenure, date: string) =>
  t.startsOn <= date && (t.endsOn === null || t.endsOn >= date);

/**
 * A moment of that day in Cayenne (09:00 plus `minute`), so created-at columns follow the story.
 * Guyane keeps UTC−3 all year (no summer time): no zone lookup for each of the ~700 rows.
 */
function at(date: string, minute = 0): Date {
  return new Date(Date.parse(`${date}T09:00:00-03:00`) + minute * 60_000);
}

export async function seedDemoGardens(
  tx: Db,
  organisationId: string,
  today: Temporal.PlainDate,
): Promise<GardensSeedReport> {
  const report: GardensSeedReport = {
    gardensCreated: 0,
    plotsCreated: 0,
    gardenersCreated: 0,
    assignmentsCreated: 0,
    harvestsCreated: 0,
    compostBatchesCreated: 0,
  };
  const centreRows = await tx
    .select({ id: centres.id, slug: centres.slug })
    .from(centres)
    .where(eq(centres.organisationId, organisationId));
  const [existing] = await tx
    .select({ id: gardens.id })
    .from(gardens)
    .where(
      inArray(
        gardens.centreId,
        centreRows.map((c) => c.id),
      ),
    )
    .limit(1);
  if (existing) return report;
  const centreBySlug = new Map(centreRows.map((c) => [c.slug, c.id]));
  const demos = DEMO_GARDENS.flatMap((demo) => {
    const centreId = centreBySlug.get(demo.centre);
    return centreId ? [{ demo, centreId }] : [];
  });
  if (demos.length === 0) return report;
  const rnd = generator(7_2026);
  const start = today.subtract({ years: 3 });

  const madeGardens = await tx
    .insert(gardens)
    .values(
      demos.map(({ demo, centreId }) => ({
        centreId,
        name: demo.name,
        areaM2: demo.areaM2,
        gridColumns: demo.gridColumns,
        gridRows: demo.gridRows,
        description: demo.description,
        createdAt: at(start.toString()),
      })),
    )
    .returning({ id: gardens.id, name: gardens.name });
  const gardenIdOf = (name: string) => madeGardens.find((g) => g.name === name)?.id ?? '';
  report.gardensCreated = madeGardens.length;

  const madePlots = await tx
    .insert(plots)
    .values(
      demos.flatMap(({ demo }) =>
        demo.plots.map((p) => ({ ...p, gardenId: gardenIdOf(demo.name) })),
      ),
    )
    .returning({ id: plots.id, gardenId: plots.gardenId, label: plots.label });
  report.plotsCreated = madePlots.length;
  const plotIdOf = (gardenId: string, label: string) =>
    madePlots.find((p) => p.gardenId === gardenId && p.label === label)?.id ?? '';

  const madeGardeners = await tx
    .insert(gardeners)
    .values(
      demos.flatMap(({ demo, centreId }) =>
        demo.gardeners.map((name, i) => {
          const [first = '', ...rest] = name.split(' ');
          const local = `${first}.${rest.join('-')}`
            .normalize('NFD')
            .replace(/\p{M}+/gu, '')
            .toLowerCase();
          return {
            centreId,
            name,
            email: i % 3 === 2 ? null : `${local}@exemple.gf`,
            phone:
              i % 2 === 0
                ? `0694 ${String(20 + i).padStart(2, '0')} ${String(10 + ((i * 37) % 89)).padStart(2, '0')} ${String(10 + ((i * 53) % 89)).padStart(2, '0')}`
                : null,
            createdAt: at(start.toString(), i),
          };
        }),
      ),
    )
    .returning({ id: gardeners.id, centreId: gardeners.centreId, name: gardeners.name });
  report.gardenersCreated = madeGardeners.length;
  const gardenerIdOf = (centreId: string, name: string) =>
    madeGardeners.find((g) => g.centreId === centreId && g.name === name)?.id ?? '';

  const assignmentRows: (typeof plotAssignments.$inferInsert)[] = [];
  const harvestRows: (typeof harvests.$inferInsert)[] = [];
  const waitingRows: (typeof gardenWaitingList.$inferInsert)[] = [];
  const todayText = today.toString();
  demos.forEach(({ demo, centreId }, index) => {
    const gardenId = gardenIdOf(demo.name);
    const tenures = tenuresOf(index, today, rnd);
    const plotId = (p: number) => plotIdOf(gardenId, demo.plots[p]?.label ?? '');
    const personId = (g: number) => gardenerIdOf(centreId, demo.gardeners[g] ?? '');
    for (const t of tenures) {
      assignmentRows.push({
        plotId: plotId(t.plot),
        gardenerId: personId(t.gardener),
        startsOn: t.startsOn,
        endsOn: t.endsOn,
        createdAt: at(t.startsOn, 30),
      });
    }
    if (index === 0) {
      // The full garden's queue: asked 90, 45 and 10 days ago.
      [12, 13, 14].forEach((g, i) => {
        const requestedOn = today.subtract({ days: [90, 45, 10][i] ?? 10 }).toString();
        waitingRows.push({
          gardenId,
          gardenerId: personId(g),
          requestedOn,
          note: i === 0 ? 'Souhaite une parcelle ensoleillée pour des dachines.' : null,
          createdAt: at(requestedOn, 15),
        });
      });
    }
    // Every Saturday, a few pickings: on individual plots by their holder, on the collective ones
    // for the distribution, the solidarity grocery or the market.
    for (
      let week = start.add({ days: 7 });
      Temporal.PlainDate.compare(week, today) <= 0;
      week = week.add({ days: 7 })
    ) {
      const date = week.toString();
      const pickings = rnd.int(1, 3);
      for (let k = 0; k < pickings; k++) {
        const p = rnd.int(0, demo.plots.length - 1);
        const plot = demo.plots[p];
        const holders = tenures.filter((t) => t.plot === p && held(t, date));
        if (!plot || holders.length === 0) continue;
        const holder = rnd.pick(holders);
        const crop = rnd.pick(CROPS);
        let destination: HarvestDestination;
        if (plot.kind === 'individual') {
          destination = rnd.chance(0.75)
            ? 'gardener'
            : rnd.chance(0.6)
              ? 'solidarity_grocery'
              : 'market';
        } else {
          const r = rnd.next();
          destination =
            r < 0.45 ? 'collective_distribution' : r < 0.8 ? 'solidarity_grocery' : 'market';
        }
        const counted = crop.count !== undefined;
        harvestRows.push({
          gardenId,
          plotId: plotId(p),
          gardenerId: personId(holder.gardener),
          harvestedOn: date,
          crop: crop.crop,
          grams: counted ? null : rnd.int(...(crop.grams ?? [500, 1000])),
          count: counted ? rnd.int(...(crop.count ?? [1, 5])) : null,
          countUnit: counted ? (crop.unit ?? 'bunch') : null,
          destination,
          note: null,
          createdAt: at(date, 60 * 8 + k),
        });
      }
    }
  });
  if (assignmentRows.length) {
    await tx.insert(plotAssignments).values(assignmentRows);
    report.assignmentsCreated = assignmentRows.length;
  }
  if (waitingRows.length) await tx.insert(gardenWaitingList).values(waitingRows);
  const pastHarvests = harvestRows.filter((h) => h.harvestedOn <= todayText);
  if (pastHarvests.length) {
    // ~700 rows sent as one JSON document rather than 8 000 bound parameters.
    const json = JSON.stringify(
      pastHarvests.map((h) => ({
        garden_id: h.gardenId,
        plot_id: h.plotId,
        gardener_id: h.gardenerId,
        harvested_on: h.harvestedOn,
        crop: h.crop,
        grams: h.grams,
        count: h.count,
        count_unit: h.countUnit,
        destination: h.destination,
        created_at: h.createdAt,
      })),
    );
    const columns = sql.raw(
      'garden_id, plot_id, gardener_id, harvested_on, crop, grams, count, count_unit, destination, created_at',
    );
    await tx.execute(
      sql`insert into ${harvests} (${columns}) select ${columns} from json_to_recordset(${json}::json)
        as x(garden_id uuid, plot_id uuid, gardener_id uuid, harvested_on date, crop text, grams bigint,
             count integer, count_unit text, destination text, created_at timestamptz)`,
    );
    report.harvestsCreated = pastHarvests.length;
  }
  report.compostBatchesCreated = await seedCompost(
    tx,
    organisationId,
    demos.map(({ demo, centreId }) => ({ gardenId: gardenIdOf(demo.name), centreId })),
    today,
    rnd,
  );
  return report;
}

/**
 * Compost batches over the last year from each garden centre's bio-waste stock — only what the
 * circular seed left there. The stock is replayed back from today, so no batch takes mass that
 * was not yet in stock on its day (the stock never goes negative on any day), and the stock row
 * is decremented by what the batches took.
 */
async function seedCompost(
  tx: Db,
  organisationId: string,
  places: { gardenId: string; centreId: string }[],
  today: Temporal.PlainDate,
  rnd: ReturnType<typeof generator>,
): Promise<number> {
  const [stream] = await tx
    .select({ id: materialStreams.id })
    .from(materialStreams)
    .where(
      and(eq(materialStreams.organisationId, organisationId), eq(materialStreams.code, 'biowaste')),
    );
  if (!stream) return 0;
  const since = today.subtract({ years: 1 }).toString();
  const rows: (typeof compostBatches.$inferInsert)[] = [];
  for (const { gardenId, centreId } of places) {
    const [stock] = await tx
      .select({ grams: streamStocks.stockGrams })
      .from(streamStocks)
      .where(and(eq(streamStocks.centreId, centreId), eq(streamStocks.streamId, stream.id)));
    if (!stock || stock.grams <= 0) continue;
    // Net movement per day over the year (in minus out), to replay the stock back from today.
    const net = new Map<string, number>();
    const ins = new Map<string, number>();
    const add = (list: { day: string; grams: number }[], sign: 1 | -1) => {
      for (const r of list) {
        net.set(r.day, (net.get(r.day) ?? 0) + sign * r.grams);
        if (sign > 0) ins.set(r.day, (ins.get(r.day) ?? 0) + r.grams);
      }
    };
    const sum = (column: PgColumn) => sql<number>`sum(${column})`.mapWith(Number);
    for (const [table, sign] of [
      [inflows, 1],
      [reuses, -1],
      [outflows, -1],
    ] as const) {
      add(
        await tx
          .select({ day: table.occurredOn, grams: sum(table.massGrams) })
          .from(table)
          .where(
            and(
              eq(table.centreId, centreId),
              eq(table.streamId, stream.id),
              gt(table.occurredOn, since),
            ),
          )
          .groupBy(table.occurredOn),
        sign,
      );
    }
    // leastFrom[d] = the least stock at any moment from day d to today — within a day, at worst
    // when every way out came before every way in (the day's end minus its inflows): a batch on
    // day d may take at most that, minus what the earlier batches took. A running balance in
    // any order of the day's movements then never goes negative.
    const days: string[] = [];
    for (let d = today; d.toString() > since; d = d.subtract({ days: 1 })) days.push(d.toString());
    const leastFrom = new Map<string, number>();
    let level = stock.grams;
    let least = level;
    for (const d of days) {
      least = Math.min(least, level - (ins.get(d) ?? 0));
      leastFrom.set(d, least);
      level -= net.get(d) ?? 0;
    }
    let taken = 0;
    const batches: { startedOn: string; grams: number }[] = [];
    // Batches every five weeks or so, oldest first, each 30 to 120 kg if the stock allows it.
    const starts: string[] = [];
    for (
      let d = today.subtract({ days: 350 });
      Temporal.PlainDate.compare(d, today) < 0;
      d = d.add({ days: rnd.int(30, 40) })
    )
      starts.push(d.toString());
    for (const startedOn of starts) {
      const room = (leastFrom.get(startedOn) ?? 0) - taken;
      const grams = Math.min(rnd.int(30_000, 120_000), Math.floor(room * 0.5));
      if (grams < 5_000) continue;
      taken += grams;
      batches.push({ startedOn, grams });
    }
    if (batches.length === 0) continue;
    for (const b of batches) {
      const ready = Temporal.PlainDate.from(b.startedOn).add({ days: rnd.int(75, 110) });
      const isReady = Temporal.PlainDate.compare(ready, today) <= 0;
      rows.push({
        gardenId,
        centreId,
        streamId: stream.id,
        startedOn: b.startedOn,
        inputGrams: b.grams,
        measurement: rnd.chance(0.8) ? 'weighed' : 'estimated',
        readyOn: isReady ? ready.toString() : null,
        compostGrams: isReady ? Math.round(b.grams * (0.3 + rnd.next() * 0.15)) : null,
        createdAt: at(b.startedOn, 120),
      });
    }
    await tx
      .update(streamStocks)
      .set({ stockGrams: sql`${streamStocks.stockGrams} - ${taken}` })
      .where(and(eq(streamStocks.centreId, centreId), eq(streamStocks.streamId, stream.id)));
  }
  if (rows.length) await tx.insert(compostBatches).values(rows);
  return rows.length;
}
