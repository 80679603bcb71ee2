import { z } from '@hono/zod-openapi';
import { stream, streamInput, streamPatch, treatments } from '@lakou/domain/circular';
import { idParam, pageOffset, pageQuery, paginated } from '@lakou/domain/shared';
import { and, asc, eq, ne } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { materialStreams } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import { organisationId, requireOrganisation } from './circular.queries.ts';
import { CircularRefusal, refusalResponse } from './circular.refusal.ts';
import { toStream } from './circular.views.ts';
import { searchWasteCodes, TREATMENT_OPERATION_LIST } from './waste-codes.ts';

const TAGS = ['Économie circulaire'];
const NONE = '00000000-0000-0000-0000-000000000000';

const listRoute = guardedRoute({
  policy: requires('circular.read'),
  method: 'get',
  path: '/streams',
  tags: TAGS,
  summary: 'The material streams of the network, by their order then name',
  responses: {
    200: {
      description: 'Every stream, active or not',
      content: { 'application/json': { schema: z.object({ items: z.array(stream) }) } },
    },
    ...DENIED_RESPONSES,
  },
});

const createRoute = guardedRoute({
  // The network's lists are the admin's (config.manage with no centre).
  policy: requires('config.manage'),
  method: 'post',
  path: '/streams',
  tags: TAGS,
  summary: 'Add a material stream (its waste code must be in the European list)',
  request: {
    body: { required: true, content: { 'application/json': { schema: streamInput } } },
  },
  responses: {
    201: { description: 'Added', content: { 'application/json': { schema: stream } } },
    400: problemContent('Invalid input (a waste code not in the list, an unknown REP stream…)'),
    409: problemContent('The code or the name is taken'),
    ...DENIED_RESPONSES,
  },
});

const patchRoute = guardedRoute({
  policy: requires('config.manage'),
  method: 'patch',
  path: '/streams/{id}',
  tags: TAGS,
  summary: 'Edit a stream (its code stays); deactivate it to stop new movements',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: streamPatch } } },
  },
  responses: {
    200: { description: 'Edited', content: { 'application/json': { schema: stream } } },
    400: problemContent('Invalid input'),
    404: problemContent('No such stream'),
    409: problemContent('The name is taken'),
    ...DENIED_RESPONSES,
  },
});

const wasteCodeHit = z
  .object({
    code: z.string().describe('`NN NN NN`'),
    hazardous: z.boolean().describe('Marked * in the list'),
    description: z.string(),
    chapterTitle: z.string(),
    subChapterTitle: z.string(),
  })
  .meta({ id: 'WasteCode' });

const wasteCodesRoute = guardedRoute({
  policy: requires('circular.read'),
  method: 'get',
  path: '/waste-codes',
  tags: TAGS,
  summary:
    'Search the European List of Waste: a code’s beginning (« 20 01 », « 2001 ») or words of its wording, accents ignored',
  request: {
    query: pageQuery.extend({
      q: z.string().max(100, { error: 'La recherche compte au plus 100 caractères.' }).optional(),
    }),
  },
  responses: {
    200: {
      description: 'A page of entries, in the list’s order',
      content: { 'application/json': { schema: paginated(wasteCodeHit) } },
    },
    400: problemContent('Invalid query'),
    ...DENIED_RESPONSES,
  },
});

const operation = z
  .object({
    code: z.string(),
    kind: z.enum(['recovery', 'disposal']),
    description: z.string(),
    treatments: z.array(z.enum(treatments)).describe('The treatments this code may be used with'),
    intermediate: z.boolean().describe('Not final: the mass is pending in the rates'),
  })
  .meta({ id: 'TreatmentOperation' });

const operationsRoute = guardedRoute({
  policy: requires('circular.read'),
  method: 'get',
  path: '/treatment-operations',
  tags: TAGS,
  summary: 'The recovery (R1–R13) and disposal (D1–D15) operations, in French',
  responses: {
    200: {
      description: 'Every operation',
      content: { 'application/json': { schema: z.object({ items: z.array(operation) }) } },
    },
    ...DENIED_RESPONSES,
  },
});

/** 409 when another stream of the organisation has this code or this name. */
async function refuseTaken(
  db: Parameters<typeof organisationId>[0],
  org: string,
  fields: { code?: string; name?: string },
  exceptId = NONE,
) {
  const others = await db
    .select({ code: materialStreams.code, name: materialStreams.name })
    .from(materialStreams)
    .where(and(eq(materialStreams.organisationId, org), ne(materialStreams.id, exceptId)));
  if (fields.code && others.some((s) => s.code === fields.code)) {
    throw new CircularRefusal(
      409,
      `Un flux porte déjà le code « ${fields.code} ».`,
      'CODE_TAKEN',
      'code',
    );
  }
  const name = fields.name?.toLocaleLowerCase('fr');
  if (name && others.some((s) => s.name.toLocaleLowerCase('fr') === name)) {
    throw new CircularRefusal(
      409,
      `Un flux s’appelle déjà « ${fields.name} ».`,
      'NAME_TAKEN',
      'name',
    );
  }
}

const takenResponse = (c: Parameters<typeof problemResponse>[0]) =>
  problemResponse(c, 409, 'Ce code ou ce nom de flux est déjà pris.', { code: 'TAKEN' });

export const streamsRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const db = c.var.db;
    const org = (await organisationId(db)) ?? NONE;
    const rows = await db
      .select()
      .from(materialStreams)
      .where(eq(materialStreams.organisationId, org))
      .orderBy(asc(materialStreams.sortOrder), asc(materialStreams.name));
    return c.json({ items: rows.map(toStream) }, 200);
  })
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    try {
      const made = await c.var.db.transaction(async (tx) => {
        const org = await requireOrganisation(tx);
        await refuseTaken(tx, org, input);
        const [row] = await tx
          .insert(materialStreams)
          .values({ organisationId: org, ...input })
          .returning();
        if (!row) throw new Error('stream not written');
        const view = toStream(row);
        await recordAudit(tx, c, {
          action: 'circular.stream.create',
          entity: 'material_stream',
          entityId: row.id,
          after: view,
        });
        return view;
      });
      return c.json(made, 201);
    } catch (error) {
      if (error instanceof CircularRefusal) return refusalResponse(c, error) as never;
      if (isUniqueViolation(error)) return takenResponse(c) as never;
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
          .from(materialStreams)
          .where(and(eq(materialStreams.id, id), eq(materialStreams.organisationId, org)))
          .for('update');
        if (!before) throw new CircularRefusal(404, 'Ce flux n’existe pas.');
        // A merged stream's movements and stock now belong to another: it stays inactive.
        if (patch.active === true && before.mergedInto !== null) {
          throw new CircularRefusal(
            422,
            `Ce flux a été fusionné dans « ${before.mergedInto} » : ses mouvements et son stock y sont passés, il ne peut pas être réactivé.`,
            'MERGED',
          );
        }
        await refuseTaken(tx, org, { name: patch.name }, id);
        const [row] = Object.keys(patch).length
          ? await tx
              .update(materialStreams)
              .set(patch)
              .where(eq(materialStreams.id, id))
              .returning()
          : [before];
        if (!row) throw new Error('stream vanished');
        const view = toStream(row);
        await recordAudit(tx, c, {
          action: 'circular.stream.update',
          entity: 'material_stream',
          entityId: id,
          before: toStream(before),
          after: view,
        });
        return view;
      });
      return c.json(edited, 200);
    } catch (error) {
      if (error instanceof CircularRefusal) return refusalResponse(c, error) as never;
      if (isUniqueViolation(error)) return takenResponse(c) as never;
      throw error;
    }
  })
  .openapi(wasteCodesRoute, (c) => {
    const query = c.req.valid('query');
    const hits = searchWasteCodes(query.q);
    const start = pageOffset(query);
    return c.json(
      {
        items: hits.slice(start, start + query.pageSize),
        page: query.page,
        pageSize: query.pageSize,
        total: hits.length,
      },
      200,
    );
  })
  .openapi(operationsRoute, (c) => c.json({ items: TREATMENT_OPERATION_LIST }, 200));
