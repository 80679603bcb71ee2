import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { balancesQuery } from '../../api/fund.ts';
import { requirePermission } from '../../auth/guard.ts';
import { FundOverview } from '../../components/fund/FundOverview.tsx';

// zod's "mini" build: search is validated in the entry bundle (see lib/search-params.ts).
const overviewSearch = z.object({
  at: z.catch(z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))), undefined),
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
