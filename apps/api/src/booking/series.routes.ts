import { z } from '@hono/zod-openapi';
import {
  type Booking,
  booking,
  bookingSeries,
  expandOccurrences,
  findConflicts,
  initialStatus,
  occurrenceVerdict,
  occurrenceVerdicts,
  priceOf,
  RecurrenceError,
  type Resource,
  type SeriesCreateInput,
  seriesCancel,
  seriesCreateInput,
  validateAgainstResource,
} from '@lakou/domain/booking';
import { can } from '@lakou/domain/identity';
import { idParam } from '@lakou/domain/shared';
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { customValuesProblem } from '../config/custom-values.ts';
import { checkNewRow } from '../config/row-custom.ts';
import type { Db } from '../db/client.ts';
import { bookings, bookingSeries as seriesTable } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { PROBLEM_CONTENT_TYPE, problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import { calendarOf, liveBookingsAround, toBooking } from './bookings.queries.ts';
import { audienceRetired, RETIRED_AUDIENCE } from './bookings.write.ts';
import { centreOfResource, findResource } from './resources.queries.ts';

const TAGS = ['Réservations'];
const denied = DENIED_RESPONSES;

const occurrence = z
  .object({
    date: z.string().describe('Local date in the centre’s zone.'),
    start: z.string(),
    end: z.string(),
    verdict: z.enum(occurrenceVerdicts),
    problems: z.array(z.string()).describe('Why it cannot take place (hours, closure, capacity…).'),
    conflicts: z.array(booking),
  })
  .meta({ id: 'SeriesOccurrence' });
const seriesReport = z
  .object({
    occurrences: z.array(occurrence),
    counts: z.object({
      free: z.number(),
      conflict: z.number(),
      unavailable: z.number(),
      skipped: z.number(),
    }),
  })
  .meta({ id: 'SeriesReport' });
const seriesCreated = z
  .object({ series: bookingSeries, bookings: z.array(booking), report: seriesReport })
  .meta({ id: 'SeriesCreated' });

async function bodyResourceCentre(c: Context<ApiEnv>) {
  try {
    const body = (await c.req.json()) as { resourceId?: unknown };
    const id = typeof body.resourceId === 'string' ? body.resourceId : '';
    return {
      centreId: z.uuid().safeParse(id).success ? await centreOfResource(c.var.db, id) : undefined,
    };
  } catch {
    return { centreId: undefined };
  }
}

async function pathSeriesCentre(c: Context<ApiEnv>) {
  const id = c.req.param('id') ?? '';
  if (!z.uuid().safeParse(id).success) return { centreId: undefined };
  const [row] = await c.var.db
    .select({ centreId: seriesTable.centreId })
    .from(seriesTable)
    .where(eq(seriesTable.id, id));
  return { centreId: row?.centreId };
}

const previewRoute = guardedRoute({
  policy: requires('booking.write', bodyResourceCentre),
  method: 'post',
  path: '/series/preview',
  tags: TAGS,
  summary:
    'Expand a recurring booking and judge each occurrence (free, conflict, unavailable, skipped) without booking anything',
  request: {
    body: { required: true, content: { 'application/json': { schema: seriesCreateInput } } },
  },
  responses: {
    200: {
      description: 'Each occurrence with its verdict',
      content: { 'application/json': { schema: seriesReport } },
    },
    400: problemContent('Invalid input'),
    422: problemContent('The rule cannot be expanded (endless, too many occurrences)'),
    ...denied,
  },
});

const createSeriesRoute = guardedRoute({
  policy: requires('booking.write', bodyResourceCentre),
  method: 'post',
  path: '/series',
  tags: TAGS,
  summary:
    'Book every occurrence of a recurring booking at once. Occurrences in conflict or unavailable must be listed in `skip`; otherwise 409 with the report and nothing is booked.',
  request: {
    body: { required: true, content: { 'application/json': { schema: seriesCreateInput } } },
  },
  responses: {
    201: {
      description: 'The series and its bookings',
      content: { 'application/json': { schema: seriesCreated } },
    },
    400: problemContent('Invalid input'),
    409: {
      description: 'Some occurrences cannot be booked: the report names them',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: seriesReport } },
    },
    422: problemContent('The rule cannot be expanded'),
    ...denied,
  },
});

const cancelRoute = guardedRoute({
  policy: requires('booking.write', pathSeriesCentre),
  method: 'post',
  path: '/series/{id}/cancel',
  tags: TAGS,
  summary:
    'Cancel this occurrence, this one and the following, or all live occurrences of a series',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: seriesCancel } } },
  },
  responses: {
    200: {
      description: 'The bookings cancelled',
      content: { 'application/json': { schema: z.object({ cancelled: z.array(booking) }) } },
    },
    400: problemContent('Invalid input'),
    404: problemContent('No such series, or the occurrence is not one of it'),
    ...denied,
  },
});

interface Judged {
  date: string;
  start: Date;
  end: Date;
  verdict: (typeof occurrenceVerdicts)[number];
  problems: string[];
  conflicts: Booking[];
}

/** Expands the series and judges every occurrence against the resource's rules and live bookings. */
async function judge(
  db: Pick<Db, 'select'>,
  input: SeriesCreateInput,
  resource: Resource,
  timeZone: string,
): Promise<Judged[]> {
  const occurrences = expandOccurrences({
    rule: input.recurrence.rule,
    firstStart: input.recurrence.firstStart,
    durationMinutes: input.recurrence.durationMinutes,
    timeZone,
    exceptions: input.recurrence.exceptions,
  });
  const first = occurrences[0];
  const last = occurrences.at(-1);
  if (!first || !last) return [];
  const from = new Date(first.start.epochMilliseconds);
  const to = new Date(last.end.epochMilliseconds);
  const calendar = await calendarOf(
    db,
    resource,
    new Date(from.getTime() - 86_400_000).toISOString().slice(0, 10),
    new Date(to.getTime() + 86_400_000).toISOString().slice(0, 10),
  );
  const live = await liveBookingsAround(db, resource.id, from, to);
  const skip = new Set(input.skip);
  return occurrences.map((o) => {
    const interval = { start: o.start.toString(), end: o.end.toString() };
    const date = o.start.toZonedDateTimeISO(timeZone).toPlainDate().toString();
    const problems = validateAgainstResource(
      { ...interval, headcount: input.headcount },
      resource,
      calendar,
    ).map((p) => p.message);
    const conflicts = findConflicts(interval, live, resource.bufferMinutes);
    return {
      date,
      start: new Date(o.start.epochMilliseconds),
      end: new Date(o.end.epochMilliseconds),
      verdict: occurrenceVerdict({ skipped: skip.has(date), problems, conflicts }),
      problems,
      conflicts,
    };
  });
}

function report(judged: Judged[]) {
  const counts = { free: 0, conflict: 0, unavailable: 0, skipped: 0 };
  for (const j of judged) counts[j.verdict]++;
  return {
    occurrences: judged.map((j) => ({
      ...j,
      start: j.start.toISOString(),
      end: j.end.toISOString(),
    })),
    counts,
  };
}

async function loadResource(c: Context<ApiEnv>, resourceId: string) {
  const resource = await findResource(c.var.db, resourceId);
  if (!resource) return undefined;
  const calendar = await calendarOf(c.var.db, resource, '1970-01-01', '1970-01-01');
  return { resource, timeZone: calendar.timeZone };
}

const unknownResource = (c: Context<ApiEnv>) =>
  problemResponse(c, 400, 'Cette ressource n’existe pas.', {
    errors: [{ field: 'resourceId', message: 'Cette ressource n’existe pas.' }],
  }) as never;

export const seriesRoutes = contextRouter()
  .openapi(previewRoute, async (c) => {
    const input = c.req.valid('json');
    const found = await loadResource(c, input.resourceId);
    if (!found) return unknownResource(c);
    try {
      return c.json(report(await judge(c.var.db, input, found.resource, found.timeZone)), 200);
    } catch (error) {
      if (error instanceof RecurrenceError) return problemResponse(c, 422, error.message) as never;
      throw error;
    }
  })
  .openapi(createSeriesRoute, async (c) => {
    const input = c.req.valid('json');
    const found = await loadResource(c, input.resourceId);
    if (!found) return unknownResource(c);
    const { resource, timeZone } = found;
    // Every occurrence carries the same custom values, checked once against the centre's fields.
    const { defs, check } = await checkNewRow(c.var.db, 'booking', resource.centreId, input.custom);
    if (!check.ok) return customValuesProblem(c, check) as never;
    if (await audienceRetired(c.var.db, resource.centreId, input.audience)) {
      return problemResponse(c, 422, RETIRED_AUDIENCE.message, {
        errors: [RETIRED_AUDIENCE],
      }) as never;
    }
    const actor = c.var.actor;
    const status =
      actor && can(actor, 'booking.approve', { centreId: resource.centreId })
        ? 'confirmed'
        : initialStatus(resource);
    try {
      const result = await c.var.db.transaction(async (tx) => {
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtext(${`lakou:booking:${resource.id}`}))`,
        );
        const judged = await judge(tx, input, resource, timeZone);
        if (judged.some((j) => j.verdict === 'conflict' || j.verdict === 'unavailable')) {
          return { refused: report(judged), made: undefined };
        }
        const [series] = await tx
          .insert(seriesTable)
          .values({
            resourceId: resource.id,
            centreId: resource.centreId,
            rule: input.recurrence.rule,
            firstStart: input.recurrence.firstStart,
            durationMinutes: input.recurrence.durationMinutes,
            timeZone,
            exceptions: [...new Set([...input.recurrence.exceptions, ...input.skip])].sort(),
            organiser: input.organiser,
            purpose: input.purpose,
            headcount: input.headcount,
            basicNeeds: input.basicNeeds,
            audience: input.audience,
            createdBy: c.var.principal?.id ?? null,
          })
          .returning();
        if (!series) throw new Error('series insert returned no row');
        const free = judged.filter((j) => j.verdict === 'free');
        const rows = free.length
          ? await tx
              .insert(bookings)
              .values(
                free.map((j) => ({
                  resourceId: resource.id,
                  centreId: resource.centreId,
                  startsAt: j.start,
                  endsAt: j.end,
                  blockedUntil: new Date(j.end.getTime() + resource.bufferMinutes * 60_000),
                  status,
                  organiser: input.organiser,
                  purpose: input.purpose,
                  headcount: input.headcount,
                  basicNeeds: input.basicNeeds,
                  audience: input.audience,
                  priceCents: priceOf(resource.tariff, input.audience, j.start, j.end).cents,
                  seriesId: series.id,
                  custom: check.values,
                  createdBy: c.var.principal?.id ?? null,
                })),
              )
              .returning()
          : [];
        const made = {
          series: {
            id: series.id,
            resourceId: series.resourceId,
            rule: series.rule,
            firstStart: series.firstStart,
            durationMinutes: series.durationMinutes,
            timeZone: series.timeZone,
            exceptions: series.exceptions,
          },
          bookings: rows.map((row) => toBooking(row, defs)),
          report: report(judged),
        };
        await recordAudit(tx, c, {
          action: 'series.create',
          entity: 'series',
          entityId: series.id,
          after: {
            ...made.series,
            bookings: made.bookings.length,
            skipped: made.report.counts.skipped,
          },
        });
        return { made, refused: undefined };
      });
      if (result.refused) {
        const n = result.refused.counts.conflict + result.refused.counts.unavailable;
        return c.body(
          JSON.stringify({
            type: 'about:blank',
            title: 'Conflit',
            status: 409,
            detail: `${n} occurrence(s) ne peuvent pas être réservées : choisissez de les sauter (skip) ou changez la série.`,
            code: 'SERIES_CONFLICT',
            ...result.refused,
          }),
          409,
          { 'Content-Type': PROBLEM_CONTENT_TYPE },
        ) as never;
      }
      if (!result.made) throw new Error('series neither made nor refused');
      return c.json(result.made, 201);
    } catch (error) {
      if (error instanceof RecurrenceError) return problemResponse(c, 422, error.message) as never;
      throw error;
    }
  })
  .openapi(cancelRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const cancelled = await c.var.db.transaction(async (tx) => {
      const [series] = await tx
        .select({ id: seriesTable.id })
        .from(seriesTable)
        .where(eq(seriesTable.id, id));
      if (!series) return undefined;
      let pivot: Date | undefined;
      if (input.scope !== 'all') {
        const [chosen] = await tx
          .select({ startsAt: bookings.startsAt })
          .from(bookings)
          .where(and(eq(bookings.id, input.bookingId ?? ''), eq(bookings.seriesId, id)));
        if (!chosen) return undefined;
        pivot = chosen.startsAt;
      }
      const scope =
        input.scope === 'one'
          ? eq(bookings.id, input.bookingId ?? '')
          : input.scope === 'following' && pivot
            ? gte(bookings.startsAt, pivot)
            : undefined;
      const rows = await tx
        .update(bookings)
        .set({ status: 'cancelled', cancelReason: input.reason, updatedAt: sql`now()` })
        .where(
          and(
            eq(bookings.seriesId, id),
            inArray(bookings.status, ['requested', 'confirmed']),
            scope,
          ),
        )
        .returning();
      const list = rows.map((row) => toBooking(row)).sort((a, b) => a.start.localeCompare(b.start));
      await recordAudit(tx, c, {
        action: `series.cancel-${input.scope}`,
        entity: 'series',
        entityId: id,
        after: { reason: input.reason, cancelled: list.map((b) => b.id) },
      });
      return list;
    });
    if (!cancelled)
      return problemResponse(c, 404, 'Cette série ou cette occurrence n’existe pas.') as never;
    return c.json({ cancelled }, 200);
  });
