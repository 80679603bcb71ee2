import { z } from '@hono/zod-openapi';
import type { Event } from '@lakou/domain/events';
import { uuid } from '@lakou/domain/shared';
import { eq } from 'drizzle-orm';
import { centres } from '../db/schema/index.ts';
import { guardedRoute, PUBLIC } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import { publicAgendaCalendar } from './agenda-ics.ts';
import { listEvents } from './events.queries.ts';

const DAYS_BEFORE = 31;
const DAYS_AFTER = 366;
const MAX_EVENTS = 2000;

const icsRoute = guardedRoute({
  policy: PUBLIC,
  method: 'get',
  path: '/centres/{id}/agenda.ics',
  tags: ['Événements'],
  summary:
    'A centre’s public events as an iCalendar feed (RFC 5545), no login: the last month and the next year',
  request: { params: z.object({ id: uuid }) },
  responses: {
    200: {
      description: 'text/calendar',
      content: { 'text/calendar': { schema: z.string() } },
    },
    400: problemContent('The id is not a UUID'),
    404: problemContent('No such centre'),
  },
});

export const agendaIcsRoutes = contextRouter().openapi(icsRoute, async (c) => {
  const { id } = c.req.valid('param');
  const [centre] = await c.var.db.select().from(centres).where(eq(centres.id, id));
  if (!centre) return problemResponse(c, 404, 'Ce centre n’existe pas.') as never;
  const now = new Date();
  const items: Event[] = [];
  for (let page = 1; items.length < MAX_EVENTS; page++) {
    const result = await listEvents(
      c.var.db,
      {
        centreId: id,
        public: 'true',
        from: new Date(now.getTime() - DAYS_BEFORE * 86_400_000).toISOString(),
        to: new Date(now.getTime() + DAYS_AFTER * 86_400_000).toISOString(),
        page,
        pageSize: 100,
      },
      { scope: [] },
      now,
    );
    items.push(...result.items);
    if (result.items.length < 100) break;
  }
  const body = publicAgendaCalendar(
    {
      name: centre.name,
      timeZone: centre.timeZone,
      address: `${centre.street}, ${centre.postalCode} ${centre.city}`,
    },
    items,
    { event: (e) => `${c.var.publicUrl}/public/${id}?evenement=${e.id}` },
    now,
  );
  return c.body(body, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Cache-Control': 'public, max-age=300',
    'Content-Disposition': `inline; filename="agenda-${centre.slug}.ics"`,
  }) as never;
});
