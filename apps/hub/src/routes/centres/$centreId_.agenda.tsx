import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, notFound } from '@tanstack/react-router';
import { ApiError } from '../../api/client.ts';
import { centreQuery } from '../../api/queries.ts';
import { requirePermission } from '../../auth/guard.ts';
import { AgendaPage } from '../../components/agenda/AgendaPage.tsx';
import { loadAgendaCalendar } from '../../components/agenda/load-calendar.ts';
import { agendaSearch } from '../../lib/search-params.ts';

/*
 * The agenda of one centre for the people who work there. The page and FullCalendar load
 * only when it is opened (the router splits route components and loaders into their own
 * chunks); FullCalendar, the heaviest, in a chunk of its own that the loader starts fetching
 * while the page's data and component load.
 */
export const Route = createFileRoute('/centres/$centreId_/agenda')({
  validateSearch: agendaSearch,
  beforeLoad: (args) =>
    requirePermission('booking.read', () => ({ centreId: args.params.centreId.toLowerCase() }))(
      args,
    ),
  loader: async ({ context: { queryClient }, params }) => {
    void loadAgendaCalendar();
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
