import { createFileRoute } from '@tanstack/react-router';
import { balancesQuery } from '../../api/fund.ts';
import { requirePermission } from '../../auth/guard.ts';
import { FundOverview } from '../../components/fund/FundOverview.tsx';
import { searchSchema, text } from '../../lib/search-schema.ts';

// Search is validated in the entry bundle: small validators, not zod (see lib/search-schema.ts).
const overviewSearch = searchSchema({
  at: text({ pattern: /^\d{4}-\d{2}-\d{2}$/ }),
});

/** The fund at a glance, for the board, the admins and the managers (`fund.read`). */
export const Route = createFileRoute('/fund/')({
  validateSearch: overviewSearch,
  beforeLoad: requirePermission('fund.read'),
  loaderDeps: ({ search }) => ({ at: search.at }),
  loader: ({ context: { queryClient }, deps }) =>
    void queryClient.prefetchQuery(balancesQuery(deps.at)),
  component: FundOverviewRoute,
});

function FundOverviewRoute() {
  const { at } = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <FundOverview
      at={at}
      onAtChange={(next) => void navigate({ replace: true, search: { at: next } })}
    />
  );
}
