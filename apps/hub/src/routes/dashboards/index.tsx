import { createFileRoute } from '@tanstack/react-router';
import { dashboardsQuery } from '../../api/dashboards.ts';
import { requirePermission } from '../../auth/guard.ts';
import { DashboardsPage } from '../../components/dashboards/DashboardsPage.tsx';

/** The composable dashboards (`report.read`): the reader's own, and those shared with the board. */
export const Route = createFileRoute('/dashboards/')({
  beforeLoad: requirePermission('report.read'),
  loader: ({ context: { queryClient } }) => void queryClient.prefetchQuery(dashboardsQuery()),
  component: DashboardsPage,
});
