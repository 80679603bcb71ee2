import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, notFound } from '@tanstack/react-router';
import { ApiError } from '../../api/api-error.ts';
import { centreQuery } from '../../api/queries.ts';
import { requirePermission } from '../../auth/guard.ts';
import { CoworkingPage } from '../../components/coworking/CoworkingPage.tsx';
import { integer, oneOf, searchSchema, text } from '../../lib/search-schema.ts';

// Search is validated in the entry bundle: small validators, not zod (see lib/search-schema.ts).
const coworkingSearch = searchSchema({
  q: text({ trim: true, maxLength: 100 }),
  passes: oneOf(['usable', 'all']),
  page: integer({ min: 1 }),
});

/** The coworking space of one centre: today's occupancy and arrivals, passes sold. */
export const Route = createFileRoute('/centres/$centreId_/coworking')({
  validateSearch: coworkingSearch,
  beforeLoad: (args) =>
    requirePermission('booking.read', () => ({ centreId: args.params.centreId.toLowerCase() }))(
      args,
    ),
  loader: async ({ context: { queryClient }, params }) => {
    try {
      await queryClient.ensureQueryData(centreQuery(params.centreId));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
        throw notFound();
      }
      throw error;
    }
  },
  component: CentreCoworking,
});

function CentreCoworking() {
  const { centreId } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const centre = useSuspenseQuery(centreQuery(centreId)).data;
  return (
    <CoworkingPage
      centre={centre}
      q={search.q ?? ''}
      filter={search.passes ?? 'all'}
      page={search.page ?? 1}
      onSearchChange={(change) =>
        void navigate({
          replace: true,
          search: (prev) => {
            const next = {
              q: prev.q ?? '',
              filter: prev.passes ?? 'all',
              page: prev.page ?? 1,
              ...change,
            };
            return {
              q: next.q || undefined,
              passes: next.filter === 'all' ? undefined : next.filter,
              page: next.page > 1 ? next.page : undefined,
            };
          },
        })
      }
    />
  );
}
