import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '../../auth/guard.ts';
import { Dashboard } from '../../components/reports/Dashboard.tsx';
import { type ReportsSearch, reportsSearch } from '../../lib/reports-search.ts';

/**
 * The board's dashboard (`report.read`): a board member or an admin reads the network, a manager
 * their centres. The filters live in the URL, so a link shares exactly what is on screen.
 */
export const Route = createFileRoute('/reports/')({
  validateSearch: reportsSearch,
  beforeLoad: requirePermission('report.read'),
  component: DashboardRoute,
});

function DashboardRoute() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <Dashboard
      search={search}
      onSearchChange={(next: ReportsSearch) => void navigate({ replace: true, search: next })}
    />
  );
}
