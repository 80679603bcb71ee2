import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { requirePermission } from '../../auth/guard.ts';
import { DonorsPage, type DonorsSearch } from '../../components/donations/DonorsPage.tsx';

// zod's "mini" build: search is validated in the entry bundle (see lib/search-params.ts).
const lenient = <T extends z.core.SomeType>(schema: T) => z.catch(z.optional(schema), undefined);
const donorsSearch = z.object({
  q: lenient(z.string().check(z.trim(), z.maxLength(100))),
  kind: lenient(z.enum(['individual', 'company', 'foundation', 'public_body'])),
  page: lenient(z.int().check(z.minimum(1))),
});

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
