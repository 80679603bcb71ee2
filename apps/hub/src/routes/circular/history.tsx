import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '../../auth/guard.ts';
import { HistoryPage, type HistorySearch } from '../../components/circular/HistoryPage.tsx';
import { integer, oneOf, searchSchema, text, uuid } from '../../lib/search-schema.ts';

const day = text({ pattern: /^\d{4}-\d{2}-\d{2}$/ });

// Search is validated in the entry bundle: small validators, not zod (see lib/search-schema.ts).
const historySearch = searchSchema({
  kind: oneOf(['inflows', 'reuse', 'outflows']),
  centreId: uuid,
  streamId: uuid,
  from: day,
  to: day,
  page: integer({ min: 1 }),
});

/** Inflows, re-use and shipments, with filters; a team member deletes a wrong entry. */
export const Route = createFileRoute('/circular/history')({
  validateSearch: historySearch,
  beforeLoad: requirePermission('circular.read'),
  component: CircularHistoryRoute,
});

function CircularHistoryRoute() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <HistoryPage
      search={search}
      onSearchChange={(change: Partial<HistorySearch>) =>
        void navigate({
          replace: true,
          search: (prev) => {
            // A new filter starts again at the first page; a page change keeps the filters.
            const next = { ...prev, ...change, ...('page' in change ? {} : { page: undefined }) };
            return { ...next, page: next.page && next.page > 1 ? next.page : undefined };
          },
        })
      }
    />
  );
}
