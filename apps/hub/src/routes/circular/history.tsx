import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { requirePermission } from '../../auth/guard.ts';
import { HistoryPage, type HistorySearch } from '../../components/circular/HistoryPage.tsx';

function lenient<T extends z.core.SomeType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}
const day = lenient(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)));

// zod's "mini" build: search is validated in the entry bundle (see lib/search-params.ts).
const historySearch = z.object({
  kind: lenient(z.enum(['inflows', 'reuse', 'outflows'])),
  centreId: lenient(z.uuid()),
  streamId: lenient(z.uuid()),
  from: day,
  to: day,
  page: lenient(z.int().check(z.minimum(1))),
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
