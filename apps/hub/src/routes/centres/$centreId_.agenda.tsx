import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, notFound } from '@tanstack/react-router';
import { ApiError } from '../../api/api-error.ts';
import { centreQuery } from '../../api/queries.ts';
import { requirePermission, requireSignedIn } from '../../auth/guard.ts';
import { AgendaPage } from '../../components/agenda/AgendaPage.tsx';
import { agendaSearch } from '../../lib/search-params.ts';

/*
 * The agenda of one centre for the people who work there. The page loads only when it is
 * opened (the router splits route components into their own chunks); its header paints with
 * the centre alone, while the rest of the page (AgendaWorkspace), then FullCalendar, load. Prefetching the calendar from the loader was measured: it competes with the page's chunk
 * on a slow link and does not paint sooner.
 */
export const Route = createFileRoute('/centres/$centreId_/agenda')({
  // The loader stays with the route's definition (no chunk of its own to fetch first), so the
  // centre is asked for as soon as the guard has passed.
  codeSplitGroupings: [['component'], ['errorComponent'], ['notFoundComponent']],
  validateSearch: agendaSearch,
  beforeLoad: (args) => {
    // Signed in: the centre and its resources are asked for while the rules load (the guard
    // waits for them), with the page's code; a visitor goes to sign in without asking.
    const { queryClient } = args.context;
    void requireSignedIn(args).then(
      async () => {
        void queryClient.prefetchQuery(centreQuery(args.params.centreId));
        // The rest of the page too, beside its header: waiting for the header to paint first
        // put one more wait before the calendar, longer than the header gained.
        void import('../../components/agenda/AgendaWorkspace.tsx').catch(() => undefined);
        // The booking API module comes with the page's code (already on its way).
        const { resourcesQuery } = await import('../../api/booking.ts');
        void queryClient.prefetchQuery(resourcesQuery(args.params.centreId));
      },
      () => undefined,
    );
    return requirePermission('booking.read', () => ({
      centreId: args.params.centreId.toLowerCase(),
    }))(args);
  },
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
