import { DEFAULT_STREAMS, type Treatment } from '@lakou/domain/circular';
import { isSiret } from '@lakou/domain/fund';
import { eq } from 'drizzle-orm';
import type { Db } from '../../client.ts';
import { materialStreams, wasteFacilities } from '../../schema/index.ts';
import type { ScaleCentre } from './bookings.ts';
import type { WeighedGift } from './fund.ts';
import { at, BatchWriter, type Column, days, type Progress, type Rng } from './random.ts';

/** What a centre weighs of each stream: relative weight of a weighing, kg range, where it goes. */
const PROFILES: Record<
  string,
  {
    weight: number;
    kg: [number, number];
    facility: string;
    treatment: Treatment;
    code: string | null;
    reuse?: [string, number];
  }
> = {
  textiles: {
    weight: 5,
    kg: [2, 40],
    facility: 'Relais textile',
    treatment: 'reuse',
    code: null,
    reuse: ['sorted', 600],
  },
  weee: {
    weight: 2,
    kg: [3, 60],
    facility: 'Filière DEEE',
    treatment: 'recycling',
    code: 'R4',
    reuse: ['repaired', 5000],
  },
  furniture: {
    weight: 2,
    kg: [10, 120],
    facility: 'Recycleur',
    treatment: 'recycling',
    code: 'R3',
    reuse: ['repaired', 12000],
  },
  packaging_plastic: {
    weight: 4,
    kg: [1, 25],
    facility: 'Recycleur',
    treatment: 'recycling',
    code: 'R3',
  },
  packaging_cardboard: {
    weight: 4,
    kg: [2, 50],
    facility: 'Recycleur',
    treatment: 'recycling',
    code: 'R3',
  },
  packaging_glass: {
    weight: 3,
    kg: [5, 80],
    facility: 'Verrerie',
    treatment: 'recycling',
    code: 'R5',
  },
  packaging_metal: {
    weight: 2,
    kg: [1, 20],
    facility: 'Recycleur',
    treatment: 'recycling',
    code: 'R4',
  },
  bikes: {
    weight: 1,
    kg: [12, 60],
    facility: 'Recycleur',
    treatment: 'recycling',
    code: 'R4',
    reuse: ['repaired', 14000],
  },
  biowaste: {
    weight: 3,
    kg: [5, 90],
    facility: 'Plateforme de compostage',
    treatment: 'recycling',
    code: 'R3',
  },
  building_materials: {
    weight: 1,
    kg: [20, 300],
    facility: 'Recycleur',
    treatment: 'recycling',
    code: 'R5',
    reuse: ['sorted', 25000],
  },
  srf: {
    weight: 1,
    kg: [10, 150],
    facility: 'Combustibles solides',
    treatment: 'energy_recovery',
    code: 'R1',
  },
  batteries: {
    weight: 0.5,
    kg: [1, 10],
    facility: 'Filière DEEE',
    treatment: 'recycling',
    code: 'R4',
  },
  residual: {
    weight: 2,
    kg: [5, 100],
    facility: 'Installation de stockage',
    treatment: 'disposal',
    code: 'D5',
  },
};
const FACILITIES = [
  'Relais textile',
  'Filière DEEE',
  'Recycleur',
  'Verrerie',
  'Plateforme de compostage',
  'Combustibles solides',
  'Installation de stockage',
];

const COMMON: Column[] = [
  ['id', 'uuid'],
  ['occurred_on', 'date'],
  ['centre_id', 'uuid'],
  ['stream_id', 'uuid'],
  ['mass_grams', 'bigint'],
  ['measurement', 'text'],
  ['created_at', 'timestamptz'],
];

function siret(r: Rng): string {
  for (;;) {
    const head = Array.from({ length: 13 }, (_, i) => (i === 0 ? r.int(1, 9) : r.int(0, 9))).join(
      '',
    );
    for (let d = 0; d <= 9; d++) if (isSiret(`${head}${d}`)) return `${head}${d}`;
  }
}

/**
 * About 8,000 movements per centre and year: 12 to 26 weighings a day the centre is open (a
 * weighed or estimated mass of a stream drawn by weight, and the fund's gifts in kind with a mass
 * as inflows of origin « donation »), items repaired or sorted and handed out (a share of the
 * stock), and twice a week a shipment of half to nine tenths of each stream's stock to its
 * facility. A movement never takes more than the stock holds, and the final stream_stocks rows are
 * the sum of the movements.
 */
export async function writeCircular(
  db: Db,
  organisationId: string,
  centres: ScaleCentre[],
  gifts: WeighedGift[],
  r: Rng,
  from: string,
  to: string,
  progress: Progress,
  tag: string,
) {
  await db
    .insert(materialStreams)
    .values(
      DEFAULT_STREAMS.map((s) => ({
        id: r.uuid(),
        organisationId,
        ...s,
        createdAt: new Date(at(from, 0)),
      })),
    )
    .onConflictDoNothing();
  const streamRows = await db
    .select({ id: materialStreams.id, code: materialStreams.code })
    .from(materialStreams)
    .where(eq(materialStreams.organisationId, organisationId));
  const streamId = new Map(streamRows.map((s) => [s.code, s.id]));
  const facilityRows = await db
    .insert(wasteFacilities)
    .values(
      FACILITIES.map((name) => ({
        id: r.uuid(),
        organisationId,
        createdAt: new Date(at(from, 0)),
        name: `${name} (${tag})`,
        siret: siret(r),
        addressLine: 'Zone industrielle',
        postcode: '97300',
        city: 'Cayenne',
      })),
    )
    .returning({ id: wasteFacilities.id, name: wasteFacilities.name });
  const facilityId = new Map(FACILITIES.map((n, i) => [n, facilityRows[i]?.id as string]));
  const codes = Object.keys(PROFILES).filter((c) => streamId.has(c));
  const totalWeight = codes.reduce((s, c) => s + (PROFILES[c]?.weight ?? 0), 0);
  const drawStream = () => {
    let x = r.next() * totalWeight;
    for (const c of codes) {
      x -= PROFILES[c]?.weight ?? 0;
      if (x <= 0) return c;
    }
    return codes[codes.length - 1] as string;
  };

  const inflowsW = new BatchWriter(
    db,
    'circular_inflows',
    [...COMMON, ['origin', 'text'], ['donation_id', 'uuid']],
    progress,
  );
  const reusesW = new BatchWriter(
    db,
    'circular_reuses',
    [...COMMON, ['kind', 'text'], ['item_count', 'integer']],
    progress,
    { queue: inflowsW.queue },
  );
  const outflowsW = new BatchWriter(
    db,
    'circular_outflows',
    [
      ...COMMON,
      ['facility_id', 'uuid'],
      ['treatment', 'text'],
      ['operation_code', 'text'],
      ['tracking_ref', 'text'],
    ],
    progress,
    { queue: inflowsW.queue },
  );
  const stockRows: [string, string, number, string | null][] = [];
  const giftsOf = new Map<string, WeighedGift[]>();
  for (const g of gifts) {
    const key = `${g.centreId}/${g.date}`;
    const list = giftsOf.get(key) ?? [];
    list.push(g);
    giftsOf.set(key, list);
  }

  for (const centre of centres) {
    const stock = new Map<string, { grams: number; last: string | null }>(
      codes.map((c) => [c, { grams: 0, last: null }]),
    );
    for (const { date, weekday } of days(from, to)) {
      let minute = 0;
      for (const g of giftsOf.get(`${centre.id}/${date}`) ?? []) {
        const s = stock.get(g.stream);
        const sid = streamId.get(g.stream);
        if (!s || !sid) continue;
        inflowsW.push([
          r.uuid(),
          date,
          centre.id,
          sid,
          g.grams,
          'weighed',
          at(date, 480 + minute++),
          'donation',
          g.donationId,
        ]);
        s.grams += g.grams;
        s.last = date;
      }
      if (weekday === 7) continue;
      const n = r.int(12, 26);
      for (let k = 0; k < n; k++) {
        const code = drawStream();
        const p = PROFILES[code];
        const s = stock.get(code);
        if (!p || !s) continue;
        const weighed = r.chance(0.8);
        const kg = p.kg[0] + r.next() * (p.kg[1] - p.kg[0]);
        const grams = weighed
          ? Math.max(100, Math.round(kg * 10) * 100)
          : Math.max(1000, Math.round(kg) * 1000);
        const origin = weekday === 6 ? 'drop_off' : r.chance(0.7) ? 'collection' : 'drop_off';
        inflowsW.push([
          r.uuid(),
          date,
          centre.id,
          streamId.get(code),
          grams,
          weighed ? 'weighed' : 'estimated',
          at(date, 480 + minute++),
          origin,
          null,
        ]);
        s.grams += grams;
        s.last = date;
      }
      for (const code of codes) {
        const p = PROFILES[code];
        const s = stock.get(code);
        if (!p?.reuse || !s || !r.chance(0.3)) continue;
        const grams = Math.floor((s.grams * (0.05 + r.next() * 0.15)) / 100) * 100;
        if (grams < 1000) continue;
        reusesW.push([
          r.uuid(),
          date,
          centre.id,
          streamId.get(code),
          grams,
          'estimated',
          at(date, 720 + minute++),
          p.reuse[0],
          Math.max(1, Math.round(grams / p.reuse[1])),
        ]);
        s.grams -= grams;
        s.last = date;
      }
      if (weekday === 2 || weekday === 5) {
        for (const code of codes) {
          const p = PROFILES[code];
          const s = stock.get(code);
          if (!p || !s || s.grams < 5000) continue;
          const grams = Math.floor((s.grams * (0.5 + r.next() * 0.4)) / 100) * 100;
          if (grams <= 0) continue;
          outflowsW.push([
            r.uuid(),
            date,
            centre.id,
            streamId.get(code),
            grams,
            'weighed',
            at(date, 900 + minute++),
            facilityId.get(p.facility),
            p.treatment,
            p.code,
            code === 'batteries' ? `BSD-${date.replaceAll('-', '')}-${centre.index}` : null,
          ]);
          s.grams -= grams;
          s.last = date;
        }
      }
      await inflowsW.drainIfFull();
    }
    for (const code of codes) {
      const s = stock.get(code);
      if (s?.last) stockRows.push([centre.id, streamId.get(code) as string, s.grams, s.last]);
    }
  }
  await inflowsW.done();
  await reusesW.done();
  await outflowsW.done();
  const stocksW = new BatchWriter(
    db,
    'stream_stocks',
    [
      ['centre_id', 'uuid'],
      ['stream_id', 'uuid'],
      ['stock_grams', 'bigint'],
      ['last_movement_on', 'date'],
    ],
    progress,
  );
  for (const row of stockRows) stocksW.push(row);
  await stocksW.done();
}
