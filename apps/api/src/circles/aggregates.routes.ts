import { z } from '@hono/zod-openapi';
import {
  caseStages,
  suppressedMedian,
  suppressedShare,
  suppressSmall,
} from '@lakou/domain/circles';
import { centreScope } from '@lakou/domain/identity';
import { inArray, type SQL, sql } from 'drizzle-orm';
import { centres, circleAgreements, circleCases } from '../db/schema/index.ts';
import { guardedRoute, requires } from '../http/policy.ts';
import { problemContent } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';

const count = z.union([z.number().int(), z.literal('< 5')]);
const aggregates = z
  .object({
    byStage: z.array(z.object({ stage: z.enum(caseStages), cases: count })),
    byCentre: z.array(z.object({ centreId: z.string(), centreName: z.string(), cases: count })),
    byQuarter: z.array(
      z.object({ quarter: z.string().describe('e.g. 2026-T3'), opened: count, closed: count }),
    ),
    agreementsDoneShare: z
      .number()
      .nullable()
      .describe('Share of evaluated agreements done; null under 5 evaluated.'),
    medianDaysToClose: z
      .number()
      .nullable()
      .describe('Median days from intake to close; null under 5 closed cases.'),
  })
  .meta({ id: 'CircleAggregates' });

const route = guardedRoute({
  policy: requires('circle.aggregates.read'),
  method: 'get',
  path: '/circles/aggregates',
  tags: ['Cercles restauratifs'],
  summary:
    'Restorative circles in numbers, for the board: any count from 1 to 4 is shown as "< 5" so that nobody can be singled out',
  responses: {
    200: { description: 'Aggregates', content: { 'application/json': { schema: aggregates } } },
    401: problemContent('Not signed in'),
    403: problemContent('The role does not allow it'),
  },
});

const quarterOf = (d: Date) => `${d.getUTCFullYear()}-T${Math.floor(d.getUTCMonth() / 3) + 1}`;

export const aggregatesRoutes = contextRouter().openapi(route, async (c) => {
  const actor = c.var.actor;
  const scope = actor ? centreScope(actor, 'circle.aggregates.read') : [];
  const where: SQL | undefined =
    scope === 'all'
      ? undefined
      : inArray(
          circleCases.centreId,
          scope.length ? scope : ['00000000-0000-0000-0000-000000000000'],
        );
  const cases = await c.var.db
    .select({
      id: circleCases.id,
      stage: circleCases.stage,
      centreId: circleCases.centreId,
      centreName: centres.name,
      openedAt: circleCases.openedAt,
      closedAt: circleCases.closedAt,
    })
    .from(circleCases)
    .innerJoin(centres, sql`${centres.id} = ${circleCases.centreId}`)
    .where(where);
  const ids = cases.map((k) => k.id);
  const evaluated = ids.length
    ? await c.var.db
        .select({ outcome: circleAgreements.outcome })
        .from(circleAgreements)
        .where(inArray(circleAgreements.caseId, ids))
    : [];
  const tally = <K extends string>(keys: K[]) => {
    const m = new Map<K, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const byStage = tally(cases.map((k) => k.stage));
  const byCentre = tally(cases.map((k) => k.centreId));
  const opened = tally(cases.map((k) => quarterOf(k.openedAt)));
  const closed = tally(
    cases.flatMap((k) => (k.stage === 'closed' && k.closedAt ? [quarterOf(k.closedAt)] : [])),
  );
  const quarters = [...new Set([...opened.keys(), ...closed.keys()])].sort();
  const judged = evaluated.filter((a) => a.outcome !== null);
  const days = cases.flatMap((k) =>
    k.stage === 'closed' && k.closedAt
      ? [(k.closedAt.getTime() - k.openedAt.getTime()) / 86_400_000]
      : [],
  );
  const median = suppressedMedian(days);
  return c.json(
    {
      byStage: caseStages.map((stage) => ({
        stage,
        cases: suppressSmall(byStage.get(stage) ?? 0),
      })),
      byCentre: [...byCentre.entries()]
        .map(([centreId, n]) => ({
          centreId,
          centreName: cases.find((k) => k.centreId === centreId)?.centreName ?? '',
          cases: suppressSmall(n),
        }))
        .sort((a, b) => a.centreName.localeCompare(b.centreName, 'fr')),
      byQuarter: quarters.map((quarter) => ({
        quarter,
        opened: suppressSmall(opened.get(quarter) ?? 0),
        closed: suppressSmall(closed.get(quarter) ?? 0),
      })),
      agreementsDoneShare: suppressedShare(
        judged.filter((a) => a.outcome === 'done').length,
        judged.length,
      ),
      medianDaysToClose: median === null ? null : Math.round(median * 10) / 10,
    },
    200,
  );
});
