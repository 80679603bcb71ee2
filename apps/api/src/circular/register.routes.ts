import { z } from '@hono/zod-openapi';
import { registerQuery } from '@lakou/domain/circular';
import { centreScope } from '@lakou/domain/identity';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { networkWideDefinitions } from '../config/row-custom.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import { registerCsv, registerXlsx } from './register.files.ts';
import { type RegisterEntry, registerEntries, registerTotals } from './register.queries.ts';

const TAGS = ['Circular economy'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const policy = requires('circular.read', (c) => ({ centreId: c.req.query('centreId') }));
const description =
  'One line per movement, oldest first (date, then when it was recorded): inflows, items passed on by the centre (the centre as facility, re-use), shipments and on-site compost (R3). Columns of the arrêté of 31 May 2021, then one column per network-wide custom field of inflows (its French label); quantities in tonnes with three decimals. Content-Disposition: attachment `registre-dechets-<from>-<to>`.';

const csvRoute = guardedRoute({
  policy,
  method: 'get',
  path: '/waste-register.csv',
  tags: TAGS,
  summary: 'The chronological waste register of a period, as CSV (UTF-8 with BOM, `;`)',
  description,
  request: { query: registerQuery },
  responses: {
    200: { description: 'The register', content: { 'text/csv': { schema: z.string() } } },
    400: problemContent('Missing or invalid dates'),
    ...DENIED_RESPONSES,
  },
});

const xlsxRoute = guardedRoute({
  policy,
  method: 'get',
  path: '/waste-register.xlsx',
  tags: TAGS,
  summary: 'The chronological waste register of a period, as XLSX (sheets Registre and Totaux)',
  description,
  request: { query: registerQuery },
  responses: {
    200: {
      description: 'The register',
      content: { [XLSX]: { schema: z.string().meta({ format: 'binary' }) } },
    },
    400: problemContent('Missing or invalid dates'),
    ...DENIED_RESPONSES,
  },
});

type Query = z.infer<typeof registerQuery>;

async function entriesOf(c: Context<ApiEnv>, query: Query): Promise<RegisterEntry[]> {
  const actor = c.var.actor;
  return registerEntries(c.var.db, {
    from: query.from,
    to: query.to,
    centres: actor ? centreScope(actor, 'circular.read') : [],
    centreId: query.centreId,
  });
}

async function audit(c: Context<ApiEnv>, query: Query, format: string, lines: number) {
  await recordAudit(c.var.db, c, {
    action: 'circular.register.export',
    entity: 'waste_register',
    entityId: query.centreId ?? null,
    after: { from: query.from, to: query.to, centreId: query.centreId ?? null, format, lines },
  });
}

const fileName = (query: Query, ext: string) => `registre-dechets-${query.from}-${query.to}.${ext}`;

export const registerRoutes = contextRouter()
  .openapi(csvRoute, async (c) => {
    const query = c.req.valid('query');
    const entries = await entriesOf(c, query);
    const defs = await networkWideDefinitions(c.var.db, 'inflow');
    await audit(c, query, 'csv', entries.length);
    return c.body(registerCsv(entries, defs), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName(query, 'csv')}"`,
      'Cache-Control': 'private, no-store',
    }) as never;
  })
  .openapi(xlsxRoute, async (c) => {
    const query = c.req.valid('query');
    const entries = await entriesOf(c, query);
    const file = await registerXlsx(
      entries,
      registerTotals(entries),
      `Registre des déchets du ${query.from} au ${query.to}`,
      await networkWideDefinitions(c.var.db, 'inflow'),
    );
    await audit(c, query, 'xlsx', entries.length);
    return c.body(file, 200, {
      'Content-Type': XLSX,
      'Content-Disposition': `attachment; filename="${fileName(query, 'xlsx')}"`,
      'Cache-Control': 'private, no-store',
    }) as never;
  });
