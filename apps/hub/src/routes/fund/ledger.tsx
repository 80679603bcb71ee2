import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { requirePermission } from '../../auth/guard.ts';
import { LedgerPage, type LedgerSearch } from '../../components/fund/LedgerPage.tsx';

function lenient<T extends z.core.SomeType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}
const day = lenient(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)));

// zod's "mini" build: search is validated in the entry bundle (see lib/search-params.ts).
const ledgerSearch = z.object({
  subFundId: lenient(z.uuid()),
  movement: lenient(z.enum(['donation', 'grant_instalment', 'disbursement', 'correction'])),
  from: day,
  to: day,
  page: lenient(z.int().check(z.minimum(1))),
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
