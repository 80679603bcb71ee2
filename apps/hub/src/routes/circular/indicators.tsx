import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { requirePermission } from '../../auth/guard.ts';
import {
  IndicatorsPage,
  type IndicatorsSearch,
} from '../../components/circular/IndicatorsPage.tsx';

function lenient<T extends z.core.SomeType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}
const day = lenient(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)));

// zod's "mini" build: search is validated in the entry bundle (see lib/search-params.ts).
const indicatorsSearch = z.object({
  by: lenient(z.enum(['month', 'year', 'centre', 'stream'])),
  from: day,
  to: day,
  centreId: lenient(z.uuid()),
  streamId: lenient(z.uuid()),
});

/** The circular economy's indicators by month, year, centre or stream, for a period. */
export const Route = createFileRoute('/circular/indicators')({
  validateSearch: indicatorsSearch,
  beforeLoad: requirePermission('circular.read'),
  component: CircularIndicatorsRoute,
});

function CircularIndicatorsRoute() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <IndicatorsPage
      search={search}
      onSearchChange={(change: Partial<IndicatorsSearch>) =>
        void navigate({ replace: true, search: (prev) => ({ ...prev, ...change }) })
      }
    />
  );
}
