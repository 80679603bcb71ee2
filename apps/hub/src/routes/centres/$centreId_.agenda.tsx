import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, notFound } from '@tanstack/react-router';
import { ApiError } from '../../api/client.ts';
import { centreQuery } from '../../api/queries.ts';
import { requirePermission } from '../../auth/guard.ts';
import { AgendaPage } from '../../components/agenda/AgendaPage.tsx';
import { agendaSearch } from '../../lib/search-params.ts';

/*
 * The agenda of one centre for the people who work there. The page loads only when it is
 * opened (the router splits route components and loaders into their own chunks), and
 * FullCalendar, the heaviest part, after it (AgendaPage imports it lazily): the title and
 * toolbar paint without waiting for the calendar. Prefetching the calendar from the loader
 * was measured: it competes with the page's chunk on a slow link and does not paint sooner.
 */
export const Route = createFileRoute('/centres/$centreId_/agenda')({
  validateSearch: agendaSearch,
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
  component: CentreAgenda,
});

function CentreAgenda() {
  const { centreId } = Route.useParams();
  const { date } = Route.useSearch();
  const centre = useSuspenseQuery(centreQuery(centreId)).data;
  return <AgendaPage centre={centre} initialDate={date} />;
}
