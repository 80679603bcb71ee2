import { z } from '@hono/zod-openapi';
import {
  checkIn,
  checkInInput,
  checkInListQuery,
  checkInVerdict,
  occupancy,
  occupancyOf,
} from '@lakou/domain/coworking';
import { idParam } from '@lakou/domain/shared';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { sqlState } from '../db/errors.ts';
import { coworkingCheckIns, coworkingPasses, resources } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import { centreOfCheckIn, centreOfPass, centreToday, toCheckIn } from './coworking.queries.ts';

const TAGS = ['Coworking'];
const denied = DENIED_RESPONSES;

async function bodyPassCentre(c: Context<ApiEnv>) {
  try {
    const body = (await c.req.json()) as { passId?: unknown };
    const id = typeof body.passId === 'string' ? body.passId : '';
    return {
      centreId: z.uuid().safeParse(id).success ? await centreOfPass(c.var.db, id) : undefined,
    };
  } catch {
    return { centreId: undefined };
  }
}

async function pathCheckInCentre(c: Context<ApiEnv>) {
  const id = c.req.param('id') ?? '';
  return {
    centreId: z.uuid().safeParse(id).success ? await centreOfCheckIn(c.var.db, id) : undefined,
  };
}

const refusal = problemContent(
  'Refused: pass cancelled, not yet valid, expired, empty, of another centre (code says which)',
);

const createRoute = guardedRoute({
  policy: requires('booking.write', bodyPassCentre),
  method: 'post',
  path: '/coworking/check-ins',
  tags: TAGS,
  summary:
    'Check a member in at a desk today (the centre’s day): consumes one day of a day pass or a carnet',
  request: { body: { required: true, content: { 'application/json': { schema: checkInInput } } } },
  responses: {
    201: { description: 'Checked in', content: { 'application/json': { schema: checkIn } } },
    400: problemContent('Invalid input'),
    409: problemContent('Already checked in today with this pass'),
    422: refusal,
    ...denied,
  },
});

const listRoute = guardedRoute({
  policy: requires('booking.read', (c) => ({ centreId: c.req.query('centreId') })),
  method: 'get',
  path: '/coworking/check-ins',
  tags: TAGS,
  summary: 'Check-ins of a centre on a day (default: today in the centre’s zone), in order',
  request: { query: checkInListQuery },
  responses: {
    200: {
      description: 'Check-ins and the occupancy of the day',
      content: {
        'application/json': { schema: z.object({ items: z.array(checkIn), occupancy }) },
      },
    },
    400: problemContent('Invalid filter'),
    404: problemContent('No such centre'),
    ...denied,
  },
});

const undoRoute = guardedRoute({
  policy: requires('booking.write', pathCheckInCentre),
  method: 'delete',
  path: '/coworking/check-ins/{id}',
  tags: TAGS,
  summary: 'Undo a check-in made by mistake today: the day goes back on the pass',
  request: { params: idParam },
  responses: {
    204: { description: 'Undone' },
    400: problemContent('Invalid input'),
    404: problemContent('No such check-in'),
    422: problemContent('Only today’s check-ins can be undone'),
    ...denied,
  },
});

class Refusal extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export const checkInsRoutes = contextRouter()
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    try {
      const made = await c.var.db.transaction(async (tx) => {
        // The pass row is locked: two check-ins of one pass never both take its last day.
        const [pass] = await tx
          .select()
          .from(coworkingPasses)
          .where(eq(coworkingPasses.id, input.passId))
          .for('update');
        if (!pass) throw new Refusal(404, 'Ce pass n’existe pas.');
        const today = await centreToday(tx, pass.centreId);
        if (!today) throw new Refusal(404, 'Ce centre n’existe pas.');
        let resourceName: string | null = null;
        if (input.resourceId) {
          const [desk] = await tx
            .select({ name: resources.name, centreId: resources.centreId, kind: resources.kind })
            .from(resources)
            .where(eq(resources.id, input.resourceId));
          if (!desk || desk.centreId !== pass.centreId || desk.kind !== 'desk') {
            throw new Refusal(422, 'Ce poste de coworking n’existe pas dans ce centre.');
          }
          resourceName = desk.name;
        }
        const [already] = await tx
          .select({ id: coworkingCheckIns.id })
          .from(coworkingCheckIns)
          .where(and(eq(coworkingCheckIns.passId, pass.id), eq(coworkingCheckIns.day, today)));
        const verdict = checkInVerdict(
          { ...pass, cancelledAt: pass.cancelledAt?.toISOString() ?? null },
          pass.centreId,
          today,
          already !== undefined,
        );
        if (!verdict.ok) {
          throw new Refusal(
            verdict.code === 'ALREADY_CHECKED_IN' ? 409 : 422,
            verdict.reason,
            verdict.code,
          );
        }
        const [row] = await tx
          .insert(coworkingCheckIns)
          .values({
            passId: pass.id,
            centreId: pass.centreId,
            resourceId: input.resourceId,
            day: today,
            createdBy: c.var.principal?.id ?? null,
          })
          .returning();
        const [after] = await tx
          .update(coworkingPasses)
          .set({ daysUsed: sql`${coworkingPasses.daysUsed} + 1` })
          .where(eq(coworkingPasses.id, pass.id))
          .returning();
        if (!row || !after) throw new Error('check-in not written');
        const made = toCheckIn(row, after, resourceName);
        await recordAudit(tx, c, {
          action: 'coworking.check-in',
          entity: 'coworking_check_in',
          entityId: row.id,
          after: made,
        });
        return made;
      });
      return c.json(made, 201);
    } catch (error) {
      if (error instanceof Refusal) {
        return problemResponse(c, error.status, error.message, {
          ...(error.code ? { code: error.code } : {}),
        }) as never;
      }
      if (sqlState(error) === '23505') {
        return problemResponse(
          c,
          409,
          'Ce membre est déjà enregistré aujourd’hui : aucune journée n’est décomptée.',
          { code: 'ALREADY_CHECKED_IN' },
        ) as never;
      }
      throw error;
    }
  })
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const day = query.day ?? (await centreToday(c.var.db, query.centreId));
    if (!day) return problemResponse(c, 404, 'Ce centre n’existe pas.') as never;
    const rows = await c.var.db
      .select({ checkIn: coworkingCheckIns, pass: coworkingPasses, resourceName: resources.name })
      .from(coworkingCheckIns)
      .innerJoin(coworkingPasses, eq(coworkingPasses.id, coworkingCheckIns.passId))
      .leftJoin(resources, eq(resources.id, coworkingCheckIns.resourceId))
      .where(and(eq(coworkingCheckIns.centreId, query.centreId), eq(coworkingCheckIns.day, day)))
      .orderBy(asc(coworkingCheckIns.at));
    const [desks] = await c.var.db
      .select({ seats: sql<number>`coalesce(sum(${resources.capacity}), 0)`.mapWith(Number) })
      .from(resources)
      .where(
        and(
          eq(resources.centreId, query.centreId),
          eq(resources.kind, 'desk'),
          eq(resources.active, true),
        ),
      );
    return c.json(
      {
        items: rows.map((r) => toCheckIn(r.checkIn, r.pass, r.resourceName)),
        occupancy: occupancyOf(day, desks?.seats ?? 0, rows.length),
      },
      200,
    );
  })
  .openapi(undoRoute, async (c) => {
    const { id } = c.req.valid('param');
    try {
      await c.var.db.transaction(async (tx) => {
        const [row] = await tx.select().from(coworkingCheckIns).where(eq(coworkingCheckIns.id, id));
        if (!row) throw new Refusal(404, 'Cet enregistrement n’existe pas.');
        const [pass] = await tx
          .select()
          .from(coworkingPasses)
          .where(eq(coworkingPasses.id, row.passId))
          .for('update');
        if (!pass) throw new Refusal(404, 'Ce pass n’existe pas.');
        const today = await centreToday(tx, row.centreId);
        if (row.day !== today) {
          throw new Refusal(422, 'Seuls les enregistrements du jour peuvent être annulés.');
        }
        await tx.delete(coworkingCheckIns).where(eq(coworkingCheckIns.id, id));
        await tx
          .update(coworkingPasses)
          .set({ daysUsed: sql`${coworkingPasses.daysUsed} - 1` })
          .where(eq(coworkingPasses.id, pass.id));
        await recordAudit(tx, c, {
          action: 'coworking.check-in.undo',
          entity: 'coworking_check_in',
          entityId: id,
          before: toCheckIn(row, pass, null),
        });
      });
      return c.body(null, 204) as never;
    } catch (error) {
      if (error instanceof Refusal) return problemResponse(c, error.status, error.message) as never;
      throw error;
    }
  });
