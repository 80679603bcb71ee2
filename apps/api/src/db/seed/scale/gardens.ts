import type { Db } from '../../client.ts';
import type { ScaleCentre } from './bookings.ts';
import { at, BatchWriter, type Column, days, type Progress, type Rng } from './random.ts';

const CROPS: { crop: string; grams?: [number, number]; count?: [number, number]; unit?: string }[] =
  [
    { crop: 'Tomates', grams: [500, 6000] },
    { crop: 'Concombres', grams: [400, 4000] },
    { crop: 'Gombos', grams: [200, 2000] },
    { crop: 'Piments', grams: [100, 800] },
    { crop: 'Patates douces', grams: [1000, 12000] },
    { crop: 'Dachine', grams: [1000, 10000] },
    { crop: 'Ciboulette', count: [2, 20], unit: 'bottes' },
    { crop: 'Bananes plantain', count: [1, 4], unit: 'régimes' },
    { crop: 'Giraumon', count: [1, 6], unit: 'pièces' },
  ];
const DESTINATIONS = [
  'gardener',
  'gardener',
  'collective_distribution',
  'market',
  'solidarity_grocery',
];
const FIRST = [
  'Marie',
  'Jean',
  'Nadia',
  'Wilson',
  'Sonia',
  'Kévin',
  'Aïcha',
  'Rudy',
  'Léa',
  'Yann',
];
const INITIALS = ['A.', 'B.', 'C.', 'D.', 'E.', 'F.', 'G.', 'H.'];

const col = (...names: [string, string][]): Column[] => names;

/**
 * One shared garden per centre (24 plots on a 6 × 4 grid, 16 of them individual), 30 gardeners,
 * the individual plots held by one gardener at a time (a change of hands now and then), and
 * harvests on 5 to 8 days a week — about 300 a centre and year.
 */
export async function writeGardens(
  db: Db,
  centres: ScaleCentre[],
  r: Rng,
  from: string,
  to: string,
  progress: Progress,
) {
  const gardensW = new BatchWriter(
    db,
    'gardens',
    col(
      ['id', 'uuid'],
      ['centre_id', 'uuid'],
      ['name', 'text'],
      ['area_m2', 'float8'],
      ['grid_columns', 'integer'],
      ['grid_rows', 'integer'],
      ['created_at', 'timestamptz'],
    ),
    progress,
  );
  const plotsW = new BatchWriter(
    db,
    'garden_plots',
    col(
      ['id', 'uuid'],
      ['garden_id', 'uuid'],
      ['label', 'text'],
      ['kind', 'text'],
      ['area_m2', 'float8'],
      ['exposure', 'text'],
      ['grid_row', 'integer'],
      ['grid_column', 'integer'],
      ['created_at', 'timestamptz'],
    ),
    progress,
    { parents: [gardensW] },
  );
  const gardenersW = new BatchWriter(
    db,
    'gardeners',
    col(
      ['id', 'uuid'],
      ['centre_id', 'uuid'],
      ['name', 'text'],
      ['email', 'text'],
      ['created_at', 'timestamptz'],
    ),
    progress,
    { queue: gardensW.queue },
  );
  const assignmentsW = new BatchWriter(
    db,
    'plot_assignments',
    col(
      ['id', 'uuid'],
      ['plot_id', 'uuid'],
      ['gardener_id', 'uuid'],
      ['starts_on', 'date'],
      ['ends_on', 'date'],
      ['created_at', 'timestamptz'],
    ),
    progress,
    { parents: [plotsW, gardenersW] },
  );
  const harvestsW = new BatchWriter(
    db,
    'harvests',
    col(
      ['id', 'uuid'],
      ['garden_id', 'uuid'],
      ['plot_id', 'uuid'],
      ['gardener_id', 'uuid'],
      ['harvested_on', 'date'],
      ['crop', 'text'],
      ['grams', 'bigint'],
      ['count', 'integer'],
      ['count_unit', 'text'],
      ['destination', 'text'],
      ['created_at', 'timestamptz'],
    ),
    progress,
    { parents: [plotsW, gardenersW] },
  );

  for (const centre of centres) {
    const gardenId = r.uuid();
    gardensW.push([gardenId, centre.id, 'Jardin partagé', 480, 6, 4, at(from, 0)]);
    const plots: { id: string; individual: boolean; holder: string | null; since: string }[] = [];
    const gardeners: string[] = [];
    for (let g = 0; g < 30; g++) {
      const id = r.uuid();
      const name = `${r.pick(FIRST)} ${r.pick(INITIALS)}`;
      gardenersW.push([
        id,
        centre.id,
        name,
        r.chance(0.5) ? `jardin.${centre.index}.${g}@example.org` : null,
        at(from, 0),
      ]);
      gardeners.push(id);
    }
    for (let i = 0; i < 24; i++) {
      const id = r.uuid();
      const individual = i < 16;
      plotsW.push([
        id,
        gardenId,
        `P${String(i + 1).padStart(2, '0')}`,
        individual ? 'individual' : 'collective',
        individual ? 12 : 30,
        r.pick(['sun', 'sun', 'part_shade', 'shade']),
        Math.floor(i / 6) + 1,
        (i % 6) + 1,
        at(from, 0),
      ]);
      plots.push({
        id,
        individual,
        holder: individual ? (gardeners[i] as string) : null,
        since: from,
      });
    }
    for (const { date, weekday } of days(from, to)) {
      // Now and then a plot changes hands: the assignment ends, a waiting gardener takes it.
      if (weekday === 1 && r.chance(0.1)) {
        const p = r.pick(plots.filter((x) => x.individual));
        if (p.holder && p.since < date) {
          assignmentsW.push([
            r.uuid(),
            p.id,
            p.holder,
            p.since,
            previousDay(date),
            at(p.since, 600),
          ]);
          p.holder = gardeners[16 + r.int(0, 13)] as string;
          p.since = date;
        }
      }
      const n = weekday === 7 ? 0 : r.chance(0.85) ? 1 : 0;
      for (let k = 0; k < n; k++) {
        const p = r.pick(plots);
        const c = r.pick(CROPS);
        harvestsW.push([
          r.uuid(),
          gardenId,
          p.id,
          p.holder ?? r.pick(gardeners),
          date,
          c.crop,
          c.grams ? r.int(c.grams[0], c.grams[1]) : null,
          c.count ? r.int(c.count[0], c.count[1]) : null,
          c.unit ?? null,
          p.holder ? r.pick(DESTINATIONS) : 'collective_distribution',
          at(date, 600 + k),
        ]);
      }
    }
    for (const p of plots)
      if (p.holder) assignmentsW.push([r.uuid(), p.id, p.holder, p.since, null, at(p.since, 600)]);
    await harvestsW.drainIfFull();
  }
  await harvestsW.done();
  await assignmentsW.done();
}

function previousDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
