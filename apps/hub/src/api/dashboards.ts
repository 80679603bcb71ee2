import {
  type Dashboard,
  type DashboardInput,
  type DashboardPatch,
  type ReportFilters,
  resolvePreset,
  type Widget,
} from '@lakou/reports/model';
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';

/*
 * The composable dashboards (issue 8): a reader's own and those shared with the board. Each
 * widget asks `GET /api/reports/{name}` (api/reports.ts) with its own filters. Through the typed
 * client: a non-2xx answer throws `ApiError` with its problem document (409 when the dashboard
 * changed since it was read).
 */

export type { Dashboard, Widget };

export const dashboardKeys = {
  all: ['dashboards'] as const,
  list: () => ['dashboards', 'list'] as const,
  detail: (id: string) => ['dashboards', 'detail', id] as const,
};

/** The reader's dashboards first, then those shared with the board, by name. */
export const dashboardsQuery = () =>
  queryOptions({
    queryKey: dashboardKeys.list(),
    queryFn: async (): Promise<Dashboard[]> =>
      (await unwrap(api.api.dashboards.$get())).items as Dashboard[],
  });

export const dashboardQuery = (id: string) =>
  queryOptions({
    queryKey: dashboardKeys.detail(id),
    queryFn: async (): Promise<Dashboard> =>
      (await unwrap(api.api.dashboards[':id'].$get({ param: { id } }))) as Dashboard,
  });

export async function createDashboard(input: DashboardInput): Promise<Dashboard> {
  return (await unwrap(api.api.dashboards.$post({ json: input }))) as Dashboard;
}

/** Refused with 409 when `patch.version` is no longer the dashboard's. */
export async function updateDashboard(id: string, patch: DashboardPatch): Promise<Dashboard> {
  return (await unwrap(
    api.api.dashboards[':id'].$patch({ param: { id }, json: patch }),
  )) as Dashboard;
}

export async function deleteDashboard(id: string): Promise<void> {
  const response = await api.api.dashboards[':id'].$delete({ param: { id } });
  if (!response.ok) await unwrap(Promise.resolve(response as never));
}

/** A widget's filters as a report takes them, its period preset read on `today` (the network's day). */
export function widgetReportFilters(widget: Widget, today: string): ReportFilters {
  const { from, to } = resolvePreset(widget.filters.period, today);
  return {
    from,
    to,
    centreIds: widget.filters.centreIds,
    streamIds: [],
    granularity: widget.filters.granularity,
    compare: widget.filters.compare,
  };
}
