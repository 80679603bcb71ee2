import { writeFileSync } from 'node:fs';
import { FREE_TARIFF } from '@lakou/domain/booking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { policyLabel, policyRegistry } from '../../src/http/policy.ts';
import { type Caller, call, engines, json, seededApp, signIn } from '../harness.ts';
import {
  anyId,
  type Dynamic,
  EMAIL,
  EVERYONE,
  type Fixtures,
  type Probe,
  SIGNED_IN,
  WHO,
  type Who,
} from './probe-types.ts';
import { CIRCULAR_PROBES } from './probes/circular.ts';
import { CIRCULAR_REPORT_PROBES } from './probes/circular-reports.ts';
import { CUSTOM_FIELD_PROBES } from './probes/custom-fields.ts';
import { DASHBOARD_PROBES } from './probes/dashboards.ts';
import { DONATION_PROBES } from './probes/donations.ts';
import { FUND_PROBES } from './probes/fund.ts';
import { GARDEN_PROBES } from './probes/gardens.ts';
import { LIST_PROBES } from './probes/lists.ts';
import { RECEIPT_PROBES } from './probes/receipts.ts';
import { REPORT_PROBES } from './probes/reports.ts';

/**
 * Every API route, with who may use it. A route the app serves that is missing here fails the
 * test, as does one without a declared policy. Requests are harmless: unknown ids, bodies that
 * fail validation — a role that may use a route gets past the policy (no 401/403) whatever comes
 * next; one that may not never gets further.
 */
const MATRIX: Record<string, Probe> = {
  'GET /api/health': { allowed: EVERYONE },
  'GET /api/organisation': { allowed: EVERYONE },
  'GET /api/centres': { allowed: EVERYONE },
  'GET /api/centres/:id': { allowed: EVERYONE, path: `/api/centres/${anyId}` },
  'GET /api/partners': { allowed: EVERYONE },
  'GET /api/me': { allowed: SIGNED_IN },
  'GET /api/users': { allowed: ['admin', 'manager', 'admin read-only token'] },
  'GET /api/users/:id': {
    allowed: ['admin', 'manager', 'admin read-only token'],
    path: `/api/users/${anyId}`,
  },
  'POST /api/users': { allowed: ['admin'], body: { email: 'pas-une-adresse' } },
  'PATCH /api/users/:id': {
    allowed: ['admin'],
    path: `/api/users/${anyId}`,
    body: { name: 'Nom Inconnu' },
  },
  'POST /api/users/:id/invitation': { allowed: ['admin'], path: `/api/users/${anyId}/invitation` },
  'GET /api/tokens': { allowed: ['admin', 'manager', 'staff', 'facilitator', 'board'] },
  'POST /api/tokens': {
    allowed: ['admin', 'manager', 'staff', 'facilitator', 'board'],
    body: { name: '' },
  },
  'DELETE /api/tokens/:id': {
    allowed: ['admin', 'manager', 'staff', 'facilitator', 'board'],
    path: `/api/tokens/${anyId}`,
  },
  'GET /api/audit': { allowed: ['admin', 'admin read-only token'] },
  'GET /api/resources': {
    allowed: ['admin', 'manager', 'staff', 'facilitator', 'admin read-only token'],
  },
  // A Village Chinois room: the Kourou staff may not see it, the board books nothing.
  'GET /api/resources/:id': {
    allowed: ['admin', 'manager', 'facilitator', 'admin read-only token'],
    path: (f: Fixtures) => `/api/resources/${f.room}`,
  },
  'POST /api/resources': {
    allowed: ['admin', 'manager'],
    body: (f: Fixtures) => ({ centreId: f.villageChinois, name: '' }),
  },
  'PUT /api/resources/:id': {
    allowed: ['admin', 'manager'],
    path: (f: Fixtures) => `/api/resources/${f.room}`,
    body: { name: '' },
  },
  'GET /api/bookings': {
    allowed: ['admin', 'manager', 'staff', 'facilitator', 'admin read-only token'],
  },
  'GET /api/bookings/:id': {
    allowed: ['admin', 'manager', 'staff', 'facilitator', 'admin read-only token'],
    path: `/api/bookings/${anyId}`,
  },
  // Booking a Village Chinois room: its manager and the admin; not the Kourou staff, not the facilitator.
  'POST /api/bookings': {
    allowed: ['admin', 'manager'],
    body: (f: Fixtures) => ({ resourceId: f.room }),
  },
  // An unknown booking belongs to no centre: only the admin gets as far as the 404.
  // Slots of a Village Chinois room: its team reads them; the Kourou staff is refused by the handler.
  'GET /api/availability': {
    allowed: ['admin', 'manager', 'facilitator', 'admin read-only token'],
    path: (f: Fixtures) =>
      `/api/availability?resourceIds=${f.room}&from=2026-12-08T08%3A00%3A00-03%3A00&to=2026-12-08T12%3A00%3A00-03%3A00&duration=60`,
  },
  'POST /api/series/preview': {
    allowed: ['admin', 'manager'],
    body: (f: Fixtures) => ({ resourceId: f.room }),
  },
  'POST /api/series': {
    allowed: ['admin', 'manager'],
    body: (f: Fixtures) => ({ resourceId: f.room }),
  },
  'POST /api/series/:id/cancel': {
    allowed: ['admin'],
    path: `/api/series/${anyId}/cancel`,
    body: { scope: 'all' },
  },
  'GET /api/closures': {
    allowed: ['admin', 'manager', 'staff', 'facilitator', 'admin read-only token'],
  },
  'POST /api/closures': {
    allowed: ['admin', 'manager'],
    body: (f: Fixtures) => ({ resourceId: f.room }),
  },
  'DELETE /api/closures/:id': { allowed: ['admin'], path: `/api/closures/${anyId}` },
  'GET /api/feeds': {
    allowed: ['admin', 'manager', 'staff', 'facilitator', 'admin read-only token'],
  },
  // A feed of a Village Chinois room: its team; making one is a change, so not with a read-only token.
  'POST /api/feeds': {
    allowed: ['admin', 'manager', 'facilitator'],
    body: (f: Fixtures) => ({ resourceId: f.room }),
  },
  'DELETE /api/feeds/:id': {
    allowed: ['admin', 'manager', 'staff', 'facilitator'],
    path: `/api/feeds/${anyId}`,
  },
  // The secret in the URL is the credential: anyone may ask, an unknown secret is a 404.
  'GET /api/ics/:file': { allowed: EVERYONE, path: '/api/ics/lkf_inconnu.ics' },
  'PATCH /api/bookings/:id': {
    allowed: ['admin'],
    path: `/api/bookings/${anyId}`,
    body: { start: 'demain' },
  },
  'POST /api/bookings/:id/events': {
    allowed: ['admin'],
    path: `/api/bookings/${anyId}/events`,
    body: { type: 'x' },
  },
  'PATCH /api/resources/:id/active': {
    allowed: ['admin', 'manager'],
    path: (f: Fixtures) => `/api/resources/${f.room}/active`,
    body: { active: 'oui' },
  },
  // Events: the public agenda is open to all (internal events are hidden inside the handler).
  'GET /api/event-kinds': { allowed: EVERYONE },
  'GET /api/events': { allowed: EVERYONE },
  'GET /api/events/:id': { allowed: EVERYONE, path: `/api/events/${anyId}` },
  // Without a valid booking, the asker's own centre stands in: its team gets the 400.
  'POST /api/events': { allowed: ['admin', 'manager', 'staff'] },
  'PATCH /api/events/:id': { allowed: ['admin'], path: `/api/events/${anyId}`, body: {} },
  'POST /api/events/:id/cancel': { allowed: ['admin'], path: `/api/events/${anyId}/cancel` },
  'GET /api/events/:id/registrations': {
    allowed: ['admin', 'manager', 'staff', 'facilitator', 'admin read-only token'],
    path: `/api/events/${anyId}/registrations`,
  },
  // Anyone may ask for a place at a public event; the handler hides internal ones (404).
  'POST /api/events/:id/registrations': {
    allowed: EVERYONE,
    path: `/api/events/${anyId}/registrations`,
    body: { name: 'Anonyme' },
  },
  'POST /api/events/:id/registrations/:registrationId/cancel': {
    allowed: ['admin'],
    path: `/api/events/${anyId}/registrations/${anyId}/cancel`,
  },
  'PATCH /api/events/:id/registrations/:registrationId': {
    allowed: ['admin'],
    path: `/api/events/${anyId}/registrations/${anyId}`,
  },
  // The secret link is the credential.
  'POST /api/registrations/cancel': { allowed: EVERYONE },
  'GET /api/centres/:id/agenda.ics': {
    allowed: EVERYONE,
    path: (f: Fixtures) => `/api/centres/${f.villageChinois}/agenda.ics`,
  },
  // Coworking: the centre's team sells passes and checks members in.
  'GET /api/coworking/passes': {
    allowed: ['admin', 'manager', 'staff', 'facilitator', 'admin read-only token'],
  },
  'POST /api/coworking/passes': {
    allowed: ['admin', 'manager'],
    body: (f: Fixtures) => ({ centreId: f.villageChinois }),
  },
  'POST /api/coworking/passes/:id/cancel': {
    allowed: ['admin'],
    path: `/api/coworking/passes/${anyId}/cancel`,
  },
  'POST /api/coworking/check-ins': { allowed: ['admin'] },
  'GET /api/coworking/check-ins': {
    allowed: ['admin', 'manager', 'staff', 'facilitator', 'admin read-only token'],
  },
  'DELETE /api/coworking/check-ins/:id': {
    allowed: ['admin'],
    path: `/api/coworking/check-ins/${anyId}`,
  },
  // Restorative circles: the case's own facilitators only; to everyone else a case does not exist.
  'GET /api/circles': { allowed: ['facilitator'] },
  'POST /api/circles': {
    allowed: ['facilitator'],
    body: (f: Fixtures) => ({ centreId: f.villageChinois }),
  },
  'GET /api/circles/:id': {
    allowed: ['facilitator'],
    hidden: true,
    path: (f: Fixtures) => `/api/circles/${f.circleCase}`,
  },
  'PATCH /api/circles/:id': {
    allowed: ['facilitator'],
    hidden: true,
    path: (f: Fixtures) => `/api/circles/${f.circleCase}`,
    body: { custom: 'pas un objet' },
  },
  'POST /api/circles/:id/transitions': {
    allowed: ['facilitator'],
    hidden: true,
    path: (f: Fixtures) => `/api/circles/${f.circleCase}/transitions`,
  },
  'GET /api/circles/:id/participants': {
    allowed: ['facilitator'],
    hidden: true,
    path: (f: Fixtures) => `/api/circles/${f.circleCase}/participants`,
  },
  'POST /api/circles/:id/participants': {
    allowed: ['facilitator'],
    hidden: true,
    path: (f: Fixtures) => `/api/circles/${f.circleCase}/participants`,
  },
  'PATCH /api/circles/:id/participants/:participantId': {
    allowed: ['facilitator'],
    hidden: true,
    path: (f: Fixtures) => `/api/circles/${f.circleCase}/participants/${anyId}`,
  },
  'GET /api/circles/:id/availability': {
    allowed: ['facilitator'],
    hidden: true,
    path: (f: Fixtures) => `/api/circles/${f.circleCase}/availability`,
  },
  'GET /api/circles/:id/sessions': {
    allowed: ['facilitator'],
    hidden: true,
    path: (f: Fixtures) => `/api/circles/${f.circleCase}/sessions`,
  },
  'POST /api/circles/:id/sessions': {
    allowed: ['facilitator'],
    hidden: true,
    path: (f: Fixtures) => `/api/circles/${f.circleCase}/sessions`,
  },
  'PATCH /api/circles/:id/sessions/:sessionId': {
    allowed: ['facilitator'],
    hidden: true,
    path: (f: Fixtures) => `/api/circles/${f.circleCase}/sessions/${anyId}`,
  },
  'POST /api/circles/:id/sessions/:sessionId/:action': {
    allowed: ['facilitator'],
    hidden: true,
    path: (f: Fixtures) => `/api/circles/${f.circleCase}/sessions/${anyId}/nothing`,
  },
  'GET /api/circles/:id/agreements': {
    allowed: ['facilitator'],
    hidden: true,
    path: (f: Fixtures) => `/api/circles/${f.circleCase}/agreements`,
  },
  'POST /api/circles/:id/agreements': {
    allowed: ['facilitator'],
    hidden: true,
    path: (f: Fixtures) => `/api/circles/${f.circleCase}/agreements`,
  },
  'PATCH /api/circles/:id/agreements/:agreementId': {
    allowed: ['facilitator'],
    hidden: true,
    path: (f: Fixtures) => `/api/circles/${f.circleCase}/agreements/${anyId}`,
  },
  // The board's numbers: aggregates only, small counts suppressed.
  'GET /api/circles/aggregates': {
    allowed: ['admin', 'manager', 'board', 'admin read-only token'],
  },
  'GET /api/circles/lookup': { allowed: ['facilitator'], hidden: true },
  'GET /api/circles/overdue-agreements': { allowed: ['facilitator'] },
  ...FUND_PROBES,
  ...DONATION_PROBES,
  ...RECEIPT_PROBES,
  ...CIRCULAR_PROBES,
  ...CIRCULAR_REPORT_PROBES,
  ...GARDEN_PROBES,
  ...DASHBOARD_PROBES,
  ...REPORT_PROBES,
  ...CUSTOM_FIELD_PROBES,
  ...LIST_PROBES,
};
/** Served by the auth library or the docs: open to all by design (the library checks sessions itself). */
const OPEN_BY_DESIGN = [
  'GET /api/auth/*',
  'POST /api/auth/*',
  'GET /api/openapi.json',
  'GET /api/docs',
];

describe.each(engines)('policy matrix: every route × every role (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let fixtures: Fixtures;
  const callers = new Map<Who, Caller>();
  const resolve = <T>(value: Dynamic<T>): T =>
    typeof value === 'function' ? (value as (f: Fixtures) => T)(fixtures) : value;
  const observed = new Map<string, Map<Who, number>>();

  beforeAll(async () => {
    ctx = await seededApp(kind);
    callers.set('anonymous', {});
    for (const [who, email] of Object.entries(EMAIL)) {
      callers.set(who as Who, { cookie: await signIn(ctx.app, email, DEMO_PASSWORD) });
    }
    const created = await json<{ token: string }>(
      await call(ctx.app, 'POST', '/api/tokens', {
        ...callers.get('admin'),
        body: { name: 'Lecture seule', readOnly: true },
      }),
    );
    callers.set('admin read-only token', { token: created.token });
    const centres = await json<{ items: { id: string; slug: string }[] }>(
      await call(ctx.app, 'GET', '/api/centres'),
    );
    const villageChinois =
      centres.items.find((c) => c.slug === 'cayenne-village-chinois')?.id ?? '';
    const room = await json<{ id: string }>(
      await call(ctx.app, 'POST', '/api/resources', {
        ...callers.get('admin'),
        body: {
          centreId: villageChinois,
          kind: 'room',
          name: 'Salle Matrice',
          capacity: 10,
          tariff: FREE_TARIFF,
        },
      }),
    );
    const circleCase = await json<{ id: string }>(
      await call(ctx.app, 'POST', '/api/circles', {
        ...callers.get('facilitator'),
        body: { centreId: villageChinois, description: 'Dossier de la matrice' },
      }),
    );
    fixtures = { villageChinois, room: room.id, circleCase: circleCase.id };
  });
  afterAll(async () => {
    if (process.env.POLICY_MATRIX_OUT && kind === 'pglite')
      writeFileSync(process.env.POLICY_MATRIX_OUT, table());
    await ctx.database.dispose();
  });

  function table(): string {
    const head = `| Route | ${WHO.join(' | ')} |\n|---|${WHO.map(() => '---').join('|')}|`;
    const rows = [...observed].map(
      ([route, byWho]) =>
        `| \`${route}\` (${policyLabel(policyRegistry.get(route) ?? { kind: 'public' })}) | ${WHO.map(
          (w) => (MATRIX[route]?.allowed.includes(w) ? `✅ ${byWho.get(w)}` : `⛔ ${byWho.get(w)}`),
        ).join(' | ')} |`,
    );
    return [head, ...rows].join('\n');
  }

  it('knows every route the app serves, and every one declares a policy', () => {
    const served = ctx.app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`);
    const unique = [...new Set(served)];
    expect(unique.length).toBeGreaterThanOrEqual(Object.keys(MATRIX).length);
    for (const route of unique) {
      expect(policyRegistry.has(route), `${route} has no policy`).toBe(true);
      expect(
        route in MATRIX || OPEN_BY_DESIGN.includes(route),
        `${route} is missing from the matrix`,
      ).toBe(true);
    }
    for (const route of OPEN_BY_DESIGN)
      expect(
        policyLabel(policyRegistry.get(route) ?? { kind: 'action', action: 'audit.read' }),
      ).toBe('public');
  });

  it.each(Object.entries(MATRIX))(
    '%s answers each role as the policy says',
    async (route, probe) => {
      const [method = 'GET', pattern = ''] = route.split(' ');
      const byWho = new Map<Who, number>();
      for (const who of WHO) {
        const res = await call(
          ctx.app,
          method,
          probe.path !== undefined ? resolve(probe.path) : pattern,
          {
            ...callers.get(who),
            ...(probe.body !== undefined
              ? { body: resolve(probe.body) }
              : method === 'GET'
                ? {}
                : { body: {} }),
          },
        );
        byWho.set(who, res.status);
        if (probe.allowed.includes(who)) {
          expect([401, 403], `${who} may use ${route}`).not.toContain(res.status);
        } else {
          expect(res.status, `${who} may not use ${route}`).toBe(
            who === 'anonymous' ? 401 : probe.hidden ? 404 : 403,
          );
        }
      }
      observed.set(route, byWho);
    },
  );

  it('no list leaks people of another centre: a manager sees only people of their centres, with only those roles', async () => {
    const me = await json<{ roles: { centreId: string }[] }>(
      await call(ctx.app, 'GET', '/api/me', callers.get('manager')),
    );
    const mine = new Set(me.roles.map((r) => r.centreId));
    expect(mine.size).toBe(2);
    const page = await json<{
      items: { email: string; roles: { centreId: string | null }[] }[];
      total: number;
    }>(await call(ctx.app, 'GET', '/api/users?pageSize=100', callers.get('manager')));
    expect(page.total).toBe(page.items.length);
    expect(page.items.map((u) => u.email).sort()).toEqual([
      'facilitation@lakou.test',
      'gestion@lakou.test',
    ]);
    for (const user of page.items) {
      expect(user.roles.length).toBeGreaterThan(0);
      for (const role of user.roles) expect(mine.has(role.centreId ?? 'network')).toBe(true);
    }
    const all = await json<{ total: number }>(
      await call(ctx.app, 'GET', '/api/users', callers.get('admin')),
    );
    expect(all.total).toBeGreaterThan(page.total);
  });
});
