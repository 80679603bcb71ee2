import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '../../auth/guard.ts';
import {
  IndicatorsPage,
  type IndicatorsSearch,
} from '../../components/circular/IndicatorsPage.tsx';
import { oneOf, searchSchema, text, uuid } from '../../lib/search-schema.ts';

const day = text({ pattern: /^\d{4}-\d{2}-\d{2}$/ });

// Search is validated in the entry bundle: small validators, not zod (see lib/search-schema.ts).
const indicatorsSearch = searchSchema({
  by: oneOf(['month', 'year', 'centre', 'stream']),
  from: day,
  to: day,
  centreId: uuid,
  streamId: uuid,
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
