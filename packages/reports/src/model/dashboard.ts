import { z } from 'zod';
import { comparisons, granularities, reportNames } from './filters.ts';
import { periodPresets } from './presets.ts';
import { chartKinds } from './report.ts';

/**
 * Composable dashboards: a board member or an admin arranges widgets, each one view of a
 * report (its KPI cards, or one of its charts drawn as a line, bars, a doughnut or a table) with
 * its own filters, and saves the arrangement under a name, for themselves or for the whole board.
 *
 * A widget's period is a named preset (`presets.ts`), never fixed dates, so a saved dashboard
 * stays current: « cette année » is still this year next year.
 */

/** How a widget shows its report: a chart kind, the chart's data as a table, or the KPI cards. */
export const widgetDisplays = [...chartKinds, 'table', 'kpis'] as const;
export type WidgetDisplay = (typeof widgetDisplays)[number];

/** At most this many widgets on one dashboard (each one asks the API for a report). */
export const MAX_WIDGETS = 24;
/** At most this many centres named by one widget's filter. */
export const MAX_WIDGET_CENTRES = 50;

export const widgetFilters = z.object({
  period: z.enum(periodPresets, { error: 'Période inconnue.' }).default('this_year'),
  /** Empty: every centre the reader may see. */
  centreIds: z
    .array(z.uuid({ error: 'Identifiant de centre invalide.' }))
    .max(MAX_WIDGET_CENTRES, { error: `Au plus ${MAX_WIDGET_CENTRES} centres par widget.` })
    .default([]),
  granularity: z.enum(granularities, { error: 'Granularité inconnue.' }).default('month'),
  compare: z.enum(comparisons, { error: 'Comparaison inconnue.' }).default('none'),
});
export type WidgetFilters = z.output<typeof widgetFilters>;

/** A key of the dashboard's own making (letters, digits, `-` and `_`), for the hub's lists. */
const key = z
  .string({ error: 'Identifiant de widget attendu.' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Identifiant de widget invalide.' });

export const widget = z
  .object({
    id: key,
    /** The widget's own title; the chart's (or the report's) when left out. */
    title: z
      .string()
      .trim()
      .max(120, { error: 'Le titre d’un widget fait au plus 120 caractères.' })
      .optional(),
    report: z.enum(reportNames, { error: 'Rapport inconnu.' }),
    /** Which chart of the report (its `ChartModel.id`); none for the KPI cards. */
    chartId: z
      .string()
      .max(64, { error: 'Identifiant de graphique trop long.' })
      .nullable()
      .default(null),
    display: z.enum(widgetDisplays, { error: 'Affichage inconnu.' }),
    /** For the KPI cards: which ones (their `Kpi.key`), in this order; empty for all of them. */
    kpiKeys: z
      .array(z.string().max(64))
      .max(24, { error: 'Au plus 24 indicateurs par widget.' })
      .default([]),
    filters: widgetFilters.default({
      period: 'this_year',
      centreIds: [],
      granularity: 'month',
      compare: 'none',
    }),
  })
  .refine((w) => w.display === 'kpis' || (w.chartId !== null && w.chartId !== ''), {
    path: ['chartId'],
    error: 'Choisissez le graphique du rapport à afficher.',
  })
  .meta({ id: 'DashboardWidget' });
export type Widget = z.output<typeof widget>;
export type WidgetInput = z.input<typeof widget>;

const name = z
  .string({ error: 'Donnez un nom au tableau de bord.' })
  .trim()
  .min(1, { error: 'Donnez un nom au tableau de bord.' })
  .max(80, { error: 'Le nom fait au plus 80 caractères.' });

const widgets = z
  .array(widget)
  .max(MAX_WIDGETS, { error: `Un tableau de bord compte au plus ${MAX_WIDGETS} widgets.` })
  .refine((ws) => new Set(ws.map((w) => w.id)).size === ws.length, {
    error: 'Deux widgets portent le même identifiant.',
  });

/** A new dashboard: personal unless `shared` (with the whole board). */
export const dashboardInput = z
  .object({
    name,
    shared: z.boolean({ error: 'Partagé : vrai ou faux.' }).default(false),
    widgets: widgets.default([]),
  })
  .meta({ id: 'DashboardInput' });
export type DashboardInput = z.input<typeof dashboardInput>;

/**
 * A change to a dashboard: only the fields sent change. `version` is the one the client read;
 * a dashboard changed since by someone else is refused (409) rather than overwritten.
 */
export const dashboardPatch = z
  .object({
    version: z
      .number({ error: 'La version lue du tableau de bord est attendue.' })
      .int()
      .min(1, { error: 'La version lue du tableau de bord est attendue.' }),
    name: name.optional(),
    shared: z.boolean({ error: 'Partagé : vrai ou faux.' }).optional(),
    widgets: widgets.optional(),
  })
  .meta({ id: 'DashboardPatch' });
export type DashboardPatch = z.input<typeof dashboardPatch>;

/** A dashboard as the API answers it. */
export const dashboard = z
  .object({
    id: z.string(),
    name: z.string(),
    shared: z.boolean(),
    widgets: z.array(widget),
    version: z.number().int(),
    owner: z.object({ id: z.string(), name: z.string() }),
    /** The reader made it. */
    mine: z.boolean(),
    /** The reader may change it (theirs, or shared and the reader is on the board or admin). */
    editable: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.output<typeof dashboard>;

/** Moves the widget at `from` one place up (-1) or down (+1); out of range leaves them as they are. */
export function moveWidget<T>(list: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [moved] = out.splice(from, 1) as [T];
  out.splice(to, 0, moved);
  return out;
}
