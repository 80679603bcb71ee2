import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { requirePermission } from '../../auth/guard.ts';
import { DonationsPage, type DonationsSearch } from '../../components/donations/DonationsPage.tsx';

// zod's "mini" build: search is validated in the entry bundle (see lib/search-params.ts).
const lenient = <T extends z.core.SomeType>(schema: T) => z.catch(z.optional(schema), undefined);
const donationsSearch = z.object({
  kind: lenient(z.enum(['money', 'in_kind'])),
  donorId: lenient(z.uuid()),
  from: lenient(z.iso.date()),
  to: lenient(z.iso.date()),
  page: lenient(z.int().check(z.minimum(1))),
});

/** The gifts received by the fund, for the board, the treasurer and the centres' managers. */
export const Route = createFileRoute('/donations/')({
  validateSearch: donationsSearch,
  beforeLoad: requirePermission('fund.read'),
  component: Donations,
});

function Donations() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <DonationsPage
      search={search}
      onSearchChange={(patch: Partial<DonationsSearch>) =>
        void navigate({
          replace: true,
          search: (prev) => {
            const next = { ...prev, ...patch };
            // A new filter starts again from the first page.
            if (!('page' in patch)) next.page = undefined;
            if (next.page === 1) next.page = undefined;
            return next;
          },
        })
      }
    />
  );
}
