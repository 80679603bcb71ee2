import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { requirePermission } from '../../auth/guard.ts';
import { ReceiptsPage, type ReceiptsSearch } from '../../components/donations/ReceiptsPage.tsx';

// zod's "mini" build: search is validated in the entry bundle (see lib/search-params.ts).
const lenient = <T extends z.core.SomeType>(schema: T) => z.catch(z.optional(schema), undefined);
const receiptsSearch = z.object({
  year: lenient(z.int().check(z.minimum(2000), z.maximum(2100))),
  donorId: lenient(z.uuid()),
  status: lenient(z.enum(['issued', 'cancelled'])),
  page: lenient(z.int().check(z.minimum(1))),
});

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
          search: (prev) => {
            const next = { ...prev, ...patch };
            if (!('page' in patch)) next.page = undefined;
            if (next.page === 1) next.page = undefined;
            return next;
          },
        })
      }
    />
  );
}
