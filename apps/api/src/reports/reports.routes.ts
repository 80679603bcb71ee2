import { z } from '@hono/zod-openapi';
import { DEFAULT_TIME_ZONE } from '@lakou/domain/network';
import { reportToCsv } from '@lakou/reports/csv';
import {
  type ReportFilters,
  type ReportModel,
  type ReportName,
  reportFilters,
  reportModel,
  reportNames,
} from '@lakou/reports/model';
import { boardPackPdf, reportPdf } from '@lakou/reports/pdf';
import { reportsToXlsx } from '@lakou/reports/xlsx';
import type { Context } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import { reportSources } from './registry.ts';
import type { ReportSource } from './report.source.ts';
import {
  boardPackFileName,
  CONTENT_TYPES,
  fileHeaders,
  reportFileName,
  reportFormats,
} from './report-files.ts';
import { mayRead, type ReportScope, reportScope } from './report-scope.ts';

const TAGS = ['Reports'];

const BOARD_PACK_TITLE = 'Dossier du conseil d’administration';

const binary = z.string().meta({ format: 'binary' });

const reportQuery = reportFilters.extend({
  format: z
    .enum(reportFormats, { error: 'Format attendu : json, csv, xlsx ou pdf.' })
    .default('json')
    .meta({ description: 'The model as JSON (default), or a file: CSV, XLSX or PDF' }),
});

const filtersDescription =
  'Filters: `from` and `to` (AAAA-MM-JJ, both included, network time zone), `centreIds` (comma-separated; empty = every centre of the reader’s scope; a centre outside it is refused with 403, an unknown one with 400), `streamIds` (the recycling report only), `granularity` (day, week, month, quarter, year) and `compare` (none, previous, last_year).';

const reportRoute = guardedRoute({
  policy: requires('report.read'),
  method: 'get',
  path: '/reports/{name}',
  tags: TAGS,
  summary: 'One report for the filters: its model as JSON, or as a CSV, XLSX or PDF file',
  description: `${filtersDescription} \`name\` is one of ${reportNames.join(', ')}; a report may ask a permission of its own on top of report.read (the fund: fund.read; recycling: circular.read; circles: circle.aggregates.read). Files come with Content-Disposition: attachment \`rapport-<report>-du-<from>-au-<to>.<ext>\`.`,
  request: {
    params: z.object({ name: z.string().meta({ description: reportNames.join(', ') }) }),
    query: reportQuery,
  },
  responses: {
    200: {
      description: 'The report',
      content: {
        'application/json': { schema: reportModel },
        [CONTENT_TYPES.csv]: { schema: z.string() },
        [CONTENT_TYPES.xlsx]: { schema: binary },
        [CONTENT_TYPES.pdf]: { schema: binary },
      },
    },
    400: problemContent('Invalid filters, or an unknown centre'),
    ...DENIED_RESPONSES,
    404: problemContent('No such report'),
  },
});

const boardPackRoute = guardedRoute({
  policy: requires('report.read'),
  method: 'get',
  path: '/reports/board-pack.pdf',
  tags: TAGS,
  summary: 'The board pack: every report the reader may read, as one PDF',
  description: `${filtersDescription} A cover, a table of contents, then each report in the order ${reportNames.join(', ')} (those the reader may not read are left out). Content-Disposition: attachment \`dossier-du-conseil-du-<from>-au-<to>.pdf\`.`,
  request: { query: reportFilters },
  responses: {
    200: { description: 'The board pack', content: { [CONTENT_TYPES.pdf]: { schema: binary } } },
    400: problemContent('Invalid filters, or an unknown centre'),
    ...DENIED_RESPONSES,
  },
});

const isReportName = (name: string): name is ReportName =>
  (reportNames as readonly string[]).includes(name);

function refusal(c: Context<ApiEnv>, scope: Extract<ReportScope, { ok: false }>) {
  return problemResponse(
    c,
    scope.status,
    scope.detail,
    scope.status === 403 ? { code: 'FORBIDDEN' } : {},
  );
}

async function load(
  c: Context<ApiEnv>,
  source: ReportSource,
  filters: ReportFilters,
): Promise<{ model: ReportModel; scope: ReportScope } | { model: null; scope: ReportScope }> {
  const actor = c.var.actor;
  if (!actor) throw new Error('report route reached without an actor');
  const scope = await reportScope(c.var.db, actor, source, filters);
  if (!scope.ok) return { model: null, scope };
  const model = await source.load({
    db: c.var.db,
    filters,
    centres: scope.centres,
    wholeNetwork: scope.wholeNetwork,
  });
  return { model, scope };
}

export const reportsRoutes = contextRouter()
  // The board pack before /reports/{name}.
  .openapi(boardPackRoute, async (c) => {
    const filters = c.req.valid('query');
    const actor = c.var.actor;
    if (!actor) throw new Error('report route reached without an actor');
    const models: ReportModel[] = [];
    let centresLabel: string | null = null;
    for (const name of reportNames) {
      const source = reportSources[name];
      if (!source || !mayRead(actor, source)) continue;
      const { model, scope } = await load(c, source, filters);
      if (!scope.ok) {
        // A centre asked for is unknown or not the reader's: the whole pack is refused. Without a
        // centre filter, a report with no centre in the reader's scope is left out.
        if (filters.centreIds.length > 0) return refusal(c, scope) as never;
        continue;
      }
      centresLabel ??= scope.wholeNetwork
        ? 'Tout le réseau'
        : scope.centres.map((centre) => centre.name).join(', ');
      if (model) models.push(model);
    }
    const file = await boardPackPdf(models, {
      title: BOARD_PACK_TITLE,
      generatedOn: Temporal.Now.plainDateISO(DEFAULT_TIME_ZONE).toString(),
      centresLabel: centresLabel ?? '—',
    });
    return c.body(file, 200, fileHeaders(boardPackFileName(filters), 'pdf')) as never;
  })
  .openapi(reportRoute, async (c) => {
    const { name } = c.req.valid('param');
    const { format, ...filters } = c.req.valid('query');
    const source = isReportName(name) ? reportSources[name] : undefined;
    if (!source)
      return problemResponse(
        c,
        404,
        `Aucun rapport ne s’appelle « ${name} ». Rapports disponibles : ${reportNames
          .filter((n) => reportSources[n])
          .join(', ')}.`,
      ) as never;
    const actor = c.var.actor;
    if (!actor || !mayRead(actor, source))
      return problemResponse(c, 403, 'Votre rôle ne permet pas de lire ce rapport.', {
        code: 'FORBIDDEN',
      }) as never;
    const { model, scope } = await load(c, source, filters);
    if (!scope.ok) return refusal(c, scope) as never;
    if (!model) throw new Error('report loaded without a model');
    switch (format) {
      case 'json':
        return c.json(model, 200);
      case 'csv':
        return c.body(
          reportToCsv(model),
          200,
          fileHeaders(reportFileName(source.name, filters, 'csv'), 'csv'),
        ) as never;
      case 'xlsx':
        return c.body(
          await reportsToXlsx([model]),
          200,
          fileHeaders(reportFileName(source.name, filters, 'xlsx'), 'xlsx'),
        ) as never;
      case 'pdf':
        return c.body(
          await reportPdf(model),
          200,
          fileHeaders(reportFileName(source.name, filters, 'pdf'), 'pdf'),
        ) as never;
    }
  });
