import {
  centres,
  gardens,
  materialStreams,
  organisations,
  wasteFacilities,
} from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { type seededApp, signIn } from '../harness.ts';

export type Ctx = Awaited<ReturnType<typeof seededApp>>;

/**
 * What the report tests insert their fixtures against: two demo centres, the streams by code, a
 * facility, a garden of their own, and the demo people signed in. The fixtures are dated years
 * before the demo seed's three years, so that the periods asked for hold them alone.
 */
export async function reportWorld(ctx: Ctx) {
  const db = ctx.database.db;
  const centreRows = await db.select({ id: centres.id, slug: centres.slug }).from(centres);
  const centre = (slug: string) => {
    const id = centreRows.find((c) => c.slug === slug)?.id;
    if (!id) throw new Error(`no centre ${slug}`);
    return id;
  };
  const villageChinois = centre('cayenne-village-chinois');
  const kourou = centre('kourou');
  const streamRows = await db
    .select({ id: materialStreams.id, code: materialStreams.code, name: materialStreams.name })
    .from(materialStreams);
  const stream = (code: string) => {
    const s = streamRows.find((r) => r.code === code);
    if (!s) throw new Error(`no stream ${code}`);
    return s;
  };
  const [org] = await db.select({ id: organisations.id }).from(organisations);
  const organisation = org?.id ?? '';
  const [facility] = await db
    .insert(wasteFacilities)
    .values({
      organisationId: organisation,
      name: 'Recycleur d’essai',
      siret: '73282932000074',
      addressLine: '1 rue de l’Essai',
      postcode: '97300',
      city: 'Cayenne',
    })
    .returning();
  const [garden] = await db
    .insert(gardens)
    .values({
      centreId: villageChinois,
      name: 'Jardin d’essai',
      areaM2: 120,
      gridColumns: 4,
      gridRows: 3,
    })
    .returning();
  if (!facility || !garden) throw new Error('fixtures not created');
  return {
    villageChinois,
    kourou,
    stream,
    facility,
    garden,
    admin: await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD),
    manager: await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD),
    staff: await signIn(ctx.app, 'accueil.kourou@lakou.test', DEMO_PASSWORD),
    board: await signIn(ctx.app, 'ca@lakou.test', DEMO_PASSWORD),
    facilitator: await signIn(ctx.app, 'facilitation@lakou.test', DEMO_PASSWORD),
  };
}
