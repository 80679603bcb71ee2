import { z } from '@hono/zod-openapi';
import { type Facility, facility, facilityInput } from '@lakou/domain/circular';
import { can, type Subject } from '@lakou/domain/identity';
import { idParam, searchKey } from '@lakou/domain/shared';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { wasteFacilities } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import { type Executor, organisationId, requireOrganisation } from './circular.queries.ts';
import { CircularRefusal, refusalResponse } from './circular.refusal.ts';

const TAGS = ['Économie circulaire'];
const NONE = '00000000-0000-0000-0000-000000000000';

/**
 * Facilities serve the whole network: whoever records shipments for some centre may add one.
 * The subject is the first centre where the actor holds `circular.write` (none: refused; the
 * admin holds it everywhere). `centreScope` cannot say it: it first asks `can` with no centre,
 * which `circular.write` grants to no centre role.
 */
function someWriteCentre(c: Context<ApiEnv>): Subject {
  const actor = c.var.actor;
  if (!actor) return { centreId: null };
  const centre = actor.assignments.find(
    (a) => a.centreId && can(actor, 'circular.write', { centreId: a.centreId }),
  );
  return { centreId: centre?.centreId ?? null };
}

const listRoute = guardedRoute({
  policy: requires('circular.read'),
  method: 'get',
  path: '/facilities',
  tags: TAGS,
  summary: 'The facilities shipments go to, by name; `q` searches name, city and SIRET',
  request: {
    query: z.object({
      q: z.string().max(100, { error: 'La recherche compte au plus 100 caractères.' }).optional(),
    }),
  },
  responses: {
    200: {
      description: 'The matching facilities',
      content: { 'application/json': { schema: z.object({ items: z.array(facility) }) } },
    },
    400: problemContent('Invalid query'),
    ...DENIED_RESPONSES,
  },
});

const createRoute = guardedRoute({
  policy: requires('circular.write', someWriteCentre),
  method: 'post',
  path: '/facilities',
  tags: TAGS,
  summary: 'Add a facility (SIRET checked with its Luhn key)',
  request: {
    body: { required: true, content: { 'application/json': { schema: facilityInput } } },
  },
  responses: {
    201: { description: 'Added', content: { 'application/json': { schema: facility } } },
    400: problemContent('Invalid input (a SIRET whose key is wrong…)'),
    409: problemContent('A facility with this SIRET is already listed'),
    ...DENIED_RESPONSES,
  },
});

const patchRoute = guardedRoute({
  policy: requires('circular.write', someWriteCentre),
  method: 'patch',
  path: '/facilities/{id}',
  tags: TAGS,
  summary: 'Edit a facility',
  request: {
    params: idParam,
    body: {
      required: true,
      content: { 'application/json': { schema: facilityInput.partial() } },
    },
  },
  responses: {
    200: { description: 'Edited', content: { 'application/json': { schema: facility } } },
    400: problemContent('Invalid input'),
    404: problemContent('No such facility'),
    409: problemContent('Another facility has this SIRET'),
    ...DENIED_RESPONSES,
  },
});

type Row = typeof wasteFacilities.$inferSelect;

function toFacility(row: Row): Facility {
  return {
    id: row.id,
    name: row.name,
    siret: row.siret,
    addressLine: row.addressLine,
    postcode: row.postcode,
    city: row.city,
  };
}

function siretTaken(siret: string) {
  return new CircularRefusal(
    409,
    `Une installation de SIRET ${siret} est déjà enregistrée.`,
    'SIRET_TAKEN',
    'siret',
  );
}

async function refuseTakenSiret(db: Executor, org: string, siret: string, exceptId = NONE) {
  const [other] = await db
    .select({ id: wasteFacilities.id })
    .from(wasteFacilities)
    .where(
      and(
        eq(wasteFacilities.organisationId, org),
        eq(wasteFacilities.siret, siret),
        ne(wasteFacilities.id, exceptId),
      ),
    );
  if (other) throw siretTaken(siret);
}

export const facilitiesRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const db = c.var.db;
    const org = (await organisationId(db)) ?? NONE;
    const rows = await db
      .select()
      .from(wasteFacilities)
      .where(eq(wasteFacilities.organisationId, org))
      .orderBy(asc(wasteFacilities.name), asc(wasteFacilities.id));
    const words = searchKey(c.req.valid('query').q ?? '')
      .split(' ')
      .filter(Boolean);
    // A network lists a few dozen facilities: searched here, accents ignored.
    const items = rows
      .filter((r) => {
        const key = ` ${searchKey(`${r.name} ${r.city} ${r.postcode} ${r.siret}`)}`;
        return words.every((w) => key.includes(` ${w}`));
      })
      .map(toFacility);
    return c.json({ items }, 200);
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    try {
      const made = await c.var.db.transaction(async (tx) => {
        const org = await requireOrganisation(tx);
        await refuseTakenSiret(tx, org, input.siret);
        const [row] = await tx
          .insert(wasteFacilities)
          .values({ organisationId: org, ...input })
          .returning();
        if (!row) throw new Error('facility not written');
        const view = toFacility(row);
        await recordAudit(tx, c, {
          action: 'circular.facility.create',
          entity: 'waste_facility',
          entityId: row.id,
          after: view,
        });
        return view;
      });
      return c.json(made, 201);
    } catch (error) {
      if (error instanceof CircularRefusal) return refusalResponse(c, error) as never;
      if (isUniqueViolation(error)) return refusalResponse(c, siretTaken(input.siret)) as never;
      throw error;
    }
  })
  .openapi(patchRoute, async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    try {
      const edited = await c.var.db.transaction(async (tx) => {
        const org = await requireOrganisation(tx);
        const [before] = await tx
          .select()
          .from(wasteFacilities)
          .where(and(eq(wasteFacilities.id, id), eq(wasteFacilities.organisationId, org)))
          .for('update');
        if (!before) throw new CircularRefusal(404, 'Cette installation n’existe pas.');
        if (patch.siret) await refuseTakenSiret(tx, org, patch.siret, id);
        const [row] = Object.keys(patch).length
          ? await tx
              .update(wasteFacilities)
              .set(patch)
              .where(eq(wasteFacilities.id, id))
              .returning()
          : [before];
        if (!row) throw new Error('facility vanished');
        const view = toFacility(row);
        await recordAudit(tx, c, {
          action: 'circular.facility.update',
          entity: 'waste_facility',
          entityId: id,
          before: toFacility(before),
          after: view,
        });
        return view;
      });
      return c.json(edited, 200);
    } catch (error) {
      if (error instanceof CircularRefusal) return refusalResponse(c, error) as never;
      if (isUniqueViolation(error)) {
        return problemResponse(c, 409, 'Une autre installation porte ce SIRET.', {
          code: 'SIRET_TAKEN',
          errors: [{ field: 'siret', message: 'SIRET déjà enregistré.' }],
        }) as never;
      }
      throw error;
    }
  });
