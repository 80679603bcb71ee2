import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, notFound } from '@tanstack/react-router';
import { ApiError } from '../../api/api-error.ts';
import { centreQuery } from '../../api/queries.ts';
import { PublicAgendaPage } from '../../components/events/PublicAgendaPage.tsx';
import { publicAgendaSearch } from '../../lib/events-search.ts';

/*
 * A centre's public agenda, open to everyone: no guard here on purpose (the API answers
 * visitors with the public events only). The iCalendar feed links to `?evenement=<id>`.
 */
export const Route = createFileRoute('/public/$centreId')({
  validateSearch: publicAgendaSearch,
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
  component: PublicAgenda,
});

function PublicAgenda() {
  const { centreId } = Route.useParams();
  const { evenement, page } = Route.useSearch();
  const navigate = Route.useNavigate();
  const centre = useSuspenseQuery(centreQuery(centreId)).data;
  return (
    <PublicAgendaPage
      centre={centre}
      highlighted={evenement}
      page={page ?? 1}
      onPageChange={(next) =>
        void navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) })
      }
    />
  );
}
