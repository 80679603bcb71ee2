import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '../../auth/guard.ts';
import { LedgerPage, type LedgerSearch } from '../../components/fund/LedgerPage.tsx';
import { integer, oneOf, searchSchema, text, uuid } from '../../lib/search-schema.ts';

const day = text({ pattern: /^\d{4}-\d{2}-\d{2}$/ });

// Search is validated in the entry bundle: small validators, not zod (see lib/search-schema.ts).
const ledgerSearch = searchSchema({
  subFundId: uuid,
  movement: oneOf(['donation', 'grant_instalment', 'disbursement', 'correction']),
  from: day,
  to: day,
  page: integer({ min: 1 }),
});

/** The fund's ledger: the board reads it, the admin corrects an entry with its reason. */
export const Route = createFileRoute('/fund/ledger')({
  validateSearch: ledgerSearch,
  beforeLoad: requirePermission('fund.read'),
  component: FundLedgerRoute,
});

function FundLedgerRoute() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <LedgerPage
      search={search}
      onSearchChange={(change: LedgerSearch) =>
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
