import { createHash, randomBytes } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { calendarFeed, FEED_DAYS_AFTER, FEED_DAYS_BEFORE, feedInput } from '@lakou/domain/booking';
import { can } from '@lakou/domain/identity';
import { idParam } from '@lakou/domain/shared';
import { and, asc, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { bookings, calendarFeeds, resources, users } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, PUBLIC, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import { rolesOf } from '../identity/roles.queries.ts';
import { toBooking } from './bookings.queries.ts';
import { circleSessionsOf } from './feeds.circles.ts';
import { bookingsCalendar } from './ics.ts';
import { centreOfResource } from './resources.queries.ts';

const TAGS = ['Réservations'];
const FEED_PREFIX = 'lkf_';
const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');
type FeedRow = typeof calendarFeeds.$inferSelect;
const toFeed = (row: FeedRow) => ({
  id: row.id,
  name: row.name,
  resourceId: row.resourceId,
  prefix: row.prefix,
  createdAt: row.createdAt.toISOString(),
  lastFetchedAt: row.lastFetchedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

async function bodyResourceCentre(c: Context<ApiEnv>) {
  try {
    const body = (await c.req.json()) as { resourceId?: unknown };
    const id = body.resourceId;
    if (typeof id !== 'string') return {};
    return {
      centreId: z.uuid().safeParse(id).success ? await centreOfResource(c.var.db, id) : undefined,
    };
  } catch {
    return {};
  }
}

const denied = DENIED_RESPONSES;

const listRoute = guardedRoute({
  policy: requires('booking.read'),
  method: 'get',
  path: '/feeds',
  tags: TAGS,
  summary: 'Your private calendar feeds',
  responses: {
    200: {
      description: 'Feeds, newest first',
      content: { 'application/json': { schema: z.object({ items: z.array(calendarFeed) }) } },
    },
    ...denied,
  },
});

const createFeedRoute = guardedRoute({
  policy: requires('booking.read', bodyResourceCentre, { writes: true }),
  method: 'post',
  path: '/feeds',
  tags: TAGS,
  summary:
    'A secret iCalendar URL for a resource’s bookings (or the bookings you made), to subscribe from a phone or a calendar app. Shown once.',
  request: { body: { required: true, content: { 'application/json': { schema: feedInput } } } },
  responses: {
    201: {
      description: 'Created; copy `url` now',
      content: { 'application/json': { schema: calendarFeed.extend({ url: z.string() }) } },
    },
    400: problemContent('Invalid input'),
    ...denied,
  },
});

const revokeRoute = guardedRoute({
  policy: requires('booking.read', undefined, { writes: true }),
  method: 'delete',
  path: '/feeds/{id}',
  tags: TAGS,
  summary: 'Revoke one of your feeds: its URL stops working at once',
  request: { params: idParam },
  responses: {
    204: { description: 'Revoked' },
    400: problemContent('Bad id'),
    404: problemContent('No such feed of yours'),
    ...denied,
  },
});

const icsRoute = guardedRoute({
  policy: PUBLIC,
  method: 'get',
  path: '/ics/{file}',
  tags: TAGS,
  summary:
    'A private feed (text/calendar). The secret in the URL is the credential; it follows its owner’s rights.',
  request: { params: z.object({ file: z.string().max(120) }) },
  responses: {
    200: {
      description: 'iCalendar (RFC 5545)',
      content: { 'text/calendar': { schema: z.string() } },
    },
    400: problemContent('Not a feed file name'),
    404: problemContent('Unknown or revoked feed'),
  },
});

export const feedsRoutes = contextRouter()
  .openapi(listRoute, async (c) => {
    const rows = await c.var.db
      .select()
      .from(calendarFeeds)
      .where(eq(calendarFeeds.userId, c.var.principal?.id ?? ''))
      .orderBy(desc(calendarFeeds.createdAt));
    return c.json({ items: rows.map(toFeed) }, 200);
  })
  .openapi(createFeedRoute, async (c) => {
    const input = c.req.valid('json');
    if (input.resourceId && !(await centreOfResource(c.var.db, input.resourceId))) {
      return problemResponse(c, 400, 'Cette ressource n’existe pas.', {
        errors: [{ field: 'resourceId', message: 'Cette ressource n’existe pas.' }],
      }) as never;
    }
    const secret = `${FEED_PREFIX}${randomBytes(24).toString('base64url')}`;
    const feed = await c.var.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(calendarFeeds)
        .values({
          userId: c.var.principal?.id ?? '',
          resourceId: input.resourceId ?? null,
          name: input.name,
          prefix: secret.slice(0, FEED_PREFIX.length + 6),
          tokenHash: hash(secret),
        })
        .returning();
      if (!row) throw new Error('feed insert returned no row');
      await recordAudit(tx, c, {
        action: 'feed.create',
        entity: 'feed',
        entityId: row.id,
        after: toFeed(row),
      });
      return toFeed(row);
    });
    const origin = new URL(c.req.url).origin;
    return c.json({ ...feed, url: `${origin}/api/ics/${secret}.ics` }, 201);
  })
  .openapi(revokeRoute, async (c) => {
    const { id } = c.req.valid('param');
    const done = await c.var.db.transaction(async (tx) => {
      const [row] = await tx
        .update(calendarFeeds)
        .set({ revokedAt: sql`coalesce(${calendarFeeds.revokedAt}, now())` })
        .where(and(eq(calendarFeeds.id, id), eq(calendarFeeds.userId, c.var.principal?.id ?? '')))
        .returning();
      if (row)
        await recordAudit(tx, c, {
          action: 'feed.revoke',
          entity: 'feed',
          entityId: id,
          after: toFeed(row),
        });
      return row;
    });
    return done
      ? c.body(null, 204)
      : (problemResponse(c, 404, 'Ce flux n’existe pas ou ne vous appartient pas.') as never);
  })
  .openapi(icsRoute, async (c) => {
    const file = c.req.valid('param').file;
    const secret = file.endsWith('.ics') ? file.slice(0, -4) : file;
    const gone = () => problemResponse(c, 404, 'Ce flux n’existe pas ou a été révoqué.') as never;
    if (!secret.startsWith(FEED_PREFIX)) return gone();
    const [feed] = await c.var.db
      .select({ feed: calendarFeeds, active: users.active })
      .from(calendarFeeds)
      .innerJoin(users, eq(users.id, calendarFeeds.userId))
      .where(and(eq(calendarFeeds.tokenHash, hash(secret)), isNull(calendarFeeds.revokedAt)));
    if (!feed?.active) return gone();
    // The feed follows its owner's rights of today: someone who left the centre sees nothing more.
    const actor = {
      userId: feed.feed.userId,
      assignments: await rolesOf(c.var.db, feed.feed.userId),
    };
    const now = new Date();
    const from = new Date(now.getTime() - FEED_DAYS_BEFORE * 86_400_000);
    const to = new Date(now.getTime() + FEED_DAYS_AFTER * 86_400_000);
    const rows = await c.var.db
      .select({ booking: bookings, resourceName: resources.name })
      .from(bookings)
      .innerJoin(resources, eq(resources.id, bookings.resourceId))
      .where(
        and(
          feed.feed.resourceId
            ? eq(bookings.resourceId, feed.feed.resourceId)
            : eq(bookings.createdBy, feed.feed.userId),
          inArray(bookings.status, ['requested', 'confirmed', 'checked_in']),
          gt(bookings.endsAt, from),
          lt(bookings.startsAt, to),
        ),
      )
      .orderBy(asc(bookings.startsAt));
    const visible = rows.filter((r) =>
      can(actor, 'booking.read', { centreId: r.booking.centreId }),
    );
    // A facilitator's own feed also holds the sessions of the circle cases they follow, named by
    // the case's neutral reference only.
    const circles = feed.feed.resourceId ? [] : await circleSessionsOf(c.var.db, actor, from, to);
    const named = new Map(circles.map((s) => [s.bookingId, s.label]));
    const seen = new Set(visible.map((r) => r.booking.id));
    const items = [
      ...visible.map((r) => ({ ...toBooking(r.booking), resourceName: r.resourceName })),
      ...circles
        .filter((s) => !seen.has(s.bookingId))
        .map((s) => ({ ...toBooking(s.booking), resourceName: s.resourceName })),
    ]
      .map((b) => {
        const label = named.get(b.id);
        return label
          ? { ...b, purpose: label, organiser: { kind: 'user' as const, name: 'Cercle' } }
          : b;
      })
      .sort((a, b) => a.start.localeCompare(b.start));
    await c.var.db
      .update(calendarFeeds)
      .set({ lastFetchedAt: sql`now()` })
      .where(eq(calendarFeeds.id, feed.feed.id));
    const body = bookingsCalendar(feed.feed.name, items, now);
    return c.body(body, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'private, max-age=300',
    }) as never;
  });
