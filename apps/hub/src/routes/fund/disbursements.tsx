import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { requirePermission } from '../../auth/guard.ts';
import {
  DisbursementsPage,
  type DisbursementsSearch,
} from '../../components/fund/DisbursementsPage.tsx';

function lenient<T extends z.core.SomeType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}
const day = lenient(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)));

// zod's "mini" build: search is validated in the entry bundle (see lib/search-params.ts).
const disbursementsSearch = z.object({
  subFundId: lenient(z.uuid()),
  from: day,
  to: day,
  page: lenient(z.int().check(z.minimum(1))),
});

/** Disbursements with the board's decisions; the admin records one. */
export const Route = createFileRoute('/fund/disbursements')({
  validateSearch: disbursementsSearch,
  beforeLoad: requirePermission('fund.read'),
  component: FundDisbursementsRoute,
});

function FundDisbursementsRoute() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <DisbursementsPage
      search={search}
      onSearchChange={(change: DisbursementsSearch) =>
        void navigate({
          replace: true,
          search: (prev) => {
            const next = { ...prev, ...change };
            return { ...next, page: next.page && next.page > 1 ? next.page : undefined };
          },
        })
      }
    />
  );
}
