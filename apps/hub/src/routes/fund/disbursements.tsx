import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '../../auth/guard.ts';
import {
  DisbursementsPage,
  type DisbursementsSearch,
} from '../../components/fund/DisbursementsPage.tsx';
import { integer, searchSchema, text, uuid } from '../../lib/search-schema.ts';

const day = text({ pattern: /^\d{4}-\d{2}-\d{2}$/ });

// Search is validated in the entry bundle: small validators, not zod (see lib/search-schema.ts).
const disbursementsSearch = searchSchema({
  subFundId: uuid,
  from: day,
  to: day,
  page: integer({ min: 1 }),
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
