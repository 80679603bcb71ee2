import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, notFound } from '@tanstack/react-router';
import { ApiError } from '../../api/client.ts';
import { centreQuery } from '../../api/queries.ts';
import { requirePermission } from '../../auth/guard.ts';
import { EventsPage } from '../../components/events/EventsPage.tsx';
import { eventsSearch } from '../../lib/events-search.ts';

/** The upcoming events of one centre, for the people who work there. */
export const Route = createFileRoute('/centres/$centreId_/events')({
  validateSearch: eventsSearch,
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
  component: CentreEvents,
});

function CentreEvents() {
  const { centreId } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const centre = useSuspenseQuery(centreQuery(centreId)).data;
  return (
    <EventsPage
      centre={centre}
      kindId={search.type}
      period={search.period ?? 'month'}
      page={search.page ?? 1}
      onSearchChange={(change) =>
        void navigate({
          search: (prev) => {
            const next = { kind: prev.type, period: prev.period, page: prev.page, ...change };
            return {
              type: next.kind,
              period: next.period === 'month' ? undefined : next.period,
              page: next.page && next.page > 1 ? next.page : undefined,
            };
          },
        })
      }
    />
  );
}
