import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '../../auth/guard.ts';
import { DonorsPage, type DonorsSearch } from '../../components/donations/DonorsPage.tsx';
import { donorsSearch, patchListSearch } from '../../lib/donations-search.ts';

/** The fund's donors. */
export const Route = createFileRoute('/donors/')({
  validateSearch: donorsSearch,
  beforeLoad: requirePermission('fund.read'),
  component: Donors,
});

function Donors() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <DonorsPage
      search={search}
      onSearchChange={(patch: Partial<DonorsSearch>) =>
        void navigate({
          replace: true,
          search: (prev) => patchListSearch(prev, patch),
        })
      }
    />
  );
}
