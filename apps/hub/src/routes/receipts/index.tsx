import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '../../auth/guard.ts';
import { ReceiptsPage, type ReceiptsSearch } from '../../components/donations/ReceiptsPage.tsx';
import { patchListSearch, receiptsSearch } from '../../lib/donations-search.ts';

/** The fund's tax receipts. */
export const Route = createFileRoute('/receipts/')({
  validateSearch: receiptsSearch,
  beforeLoad: requirePermission('fund.read'),
  component: Receipts,
});

function Receipts() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <ReceiptsPage
      search={search}
      onSearchChange={(patch: Partial<ReceiptsSearch>) =>
        void navigate({
          replace: true,
          search: (prev) => patchListSearch(prev, patch),
        })
      }
    />
  );
}
