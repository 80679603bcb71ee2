import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '../../auth/guard.ts';
import { DonationsPage, type DonationsSearch } from '../../components/donations/DonationsPage.tsx';
import { donationsSearch, patchListSearch } from '../../lib/donations-search.ts';

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
          search: (prev) => patchListSearch(prev, patch),
        })
      }
    />
  );
}
