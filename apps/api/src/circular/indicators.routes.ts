import {
  indicatorsBy,
  indicatorsOf,
  indicatorsQuery,
  indicatorsReport,
} from '@lakou/domain/circular';
import { centreScope } from '@lakou/domain/identity';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import { aggregatedMovements, groupLabels } from './indicators.queries.ts';

const TAGS = ['Circular economy'];

const indicatorsRoute = guardedRoute({
  policy: requires('circular.read', (c) => ({ centreId: c.req.query('centreId') })),
  method: 'get',
  path: '/circular/indicators',
  tags: TAGS,
  summary:
    'Tonnage collected, reused, recycled, energy-recovered and disposed, and the rates, per centre, stream, month or year',
  description:
    'Sums are taken in the database; the rates follow the definitions of the domain’s `indicatorsOf` (re-use counts in the recycling rate; intermediate operations R12, R13, D9, D13–D15 are pending and left out). A reader sees the centres of their scope only.',
  request: { query: indicatorsQuery },
  responses: {
    200: {
      description: 'The indicators over the period, and per group',
      content: { 'application/json': { schema: indicatorsReport } },
    },
    400: problemContent('Invalid filter'),
    ...DENIED_RESPONSES,
  },
});

export const indicatorsRoutes = contextRouter().openapi(indicatorsRoute, async (c) => {
  const query = c.req.valid('query');
  const actor = c.var.actor;
  const scope = actor ? centreScope(actor, 'circular.read') : [];
  const movements = await aggregatedMovements(
    c.var.db,
    {
      from: query.from,
      to: query.to,
      centres: scope,
      centreId: query.centreId,
      streamId: query.streamId,
    },
    query.by,
  );
  const groups = indicatorsBy(movements, query.by);
  const labels = await groupLabels(
    c.var.db,
    query.by,
    groups.map((g) => g.key),
  );
  return c.json(
    {
      from: query.from ?? null,
      to: query.to ?? null,
      by: query.by,
      total: indicatorsOf(movements),
      groups: groups.map((g) => ({
        key: g.key,
        label: labels.get(g.key) ?? g.key,
        indicators: g.indicators,
      })),
    },
    200,
  );
});
