import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '../../auth/guard.ts';
import { GrantsPage } from '../../components/fund/GrantsPage.tsx';
import { searchSchema, uuid } from '../../lib/search-schema.ts';

// Search is validated in the entry bundle: small validators, not zod (see lib/search-schema.ts).
const grantsSearch = searchSchema({
  grant: uuid,
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
