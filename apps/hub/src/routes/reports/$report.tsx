import { createFileRoute, notFound } from '@tanstack/react-router';
import { requirePermission } from '../../auth/guard.ts';
import { ReportPage } from '../../components/reports/ReportPage.tsx';
import { type ReportsSearch, reportsSearch } from '../../lib/reports-search.ts';

// The report names of @lakou/reports/model, repeated here so the entry bundle needs no zod schema.
const REPORTS = ['fund', 'recycling', 'activity', 'circles', 'gardens'] as const;
type Report = (typeof REPORTS)[number];
const isReport = (name: string): name is Report => (REPORTS as readonly string[]).includes(name);

/** One report with its charts, tables (drill-down by centre, then stream) and downloads. */
export const Route = createFileRoute('/reports/$report')({
  validateSearch: reportsSearch,
  beforeLoad: async (args) => {
    if (!isReport(args.params.report)) throw notFound();
    return requirePermission('report.read')(args);
  },
  component: ReportRoute,
});

function ReportRoute() {
  const { report } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <ReportPage
      report={report as Report}
      search={search}
      onSearchChange={(next: ReportsSearch) => void navigate({ replace: true, search: next })}
    />
  );
}
