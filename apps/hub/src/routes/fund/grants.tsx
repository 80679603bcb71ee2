import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { requirePermission } from '../../auth/guard.ts';
import { GrantsPage } from '../../components/fund/GrantsPage.tsx';

// zod's "mini" build: search is validated in the entry bundle (see lib/search-params.ts).
const grantsSearch = z.object({
  grant: z.catch(z.optional(z.uuid()), undefined),
});

/** The grants pipeline by status; `?grant=` opens one grant. */
export const Route = createFileRoute('/fund/grants')({
  validateSearch: grantsSearch,
  beforeLoad: requirePermission('fund.read'),
  component: FundGrantsRoute,
});

function FundGrantsRoute() {
  const { grant } = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <GrantsPage
      openGrantId={grant}
      onOpenGrant={(id) => void navigate({ search: { grant: id } })}
    />
  );
}
