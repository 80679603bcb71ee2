import { createFileRoute, notFound } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { dashboardQuery } from '../../api/dashboards.ts';
import { requirePermission } from '../../auth/guard.ts';
import { DashboardPage } from '../../components/dashboards/DashboardPage.tsx';
import { NotFound } from '../../components/NotFound.tsx';

/** One dashboard: its widgets in a grid, and the editor for those who may change it. */
export const Route = createFileRoute('/dashboards/$dashboardId')({
  beforeLoad: requirePermission('report.read'),
  loader: async ({ context: { queryClient }, params }) => {
    try {
      await queryClient.ensureQueryData(dashboardQuery(params.dashboardId));
    } catch (error) {
      // An unknown id, a malformed one and another's personal dashboard: no such dashboard.
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
        throw notFound();
      }
      throw error;
    }
  },
  component: DashboardRoute,
  notFoundComponent: DashboardNotFound,
});

function DashboardNotFound() {
  const { t } = useTranslation();
  return (
    <NotFound title={t('dashboards.page.notFoundTitle')} body={t('dashboards.page.notFoundBody')} />
  );
}

function DashboardRoute() {
  const { dashboardId } = Route.useParams();
  return <DashboardPage dashboardId={dashboardId} />;
}
