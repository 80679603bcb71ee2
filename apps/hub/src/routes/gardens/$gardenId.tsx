import { createFileRoute, notFound } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { gardenQuery } from '../../api/gardens.ts';
import { requirePermission } from '../../auth/guard.ts';
import { GardenPage, type GardenSearch } from '../../components/gardens/GardenPage.tsx';
import { NotFound } from '../../components/NotFound.tsx';
import { either, integer, oneOf, searchSchema } from '../../lib/search-schema.ts';

// Search is validated in the entry bundle: small validators, not zod (see lib/search-schema.ts).
const gardenSearch = searchSchema({
  year: either(oneOf(['all']), integer({ min: 2000, max: 2100 })),
  page: integer({ min: 1 }),
});

/** One shared garden: its plot map, waiting list, harvests, compost and work sessions. */
export const Route = createFileRoute('/gardens/$gardenId')({
  validateSearch: gardenSearch,
  beforeLoad: requirePermission('circular.read'),
  loader: async ({ context: { queryClient }, params }) => {
    try {
      await queryClient.ensureQueryData(gardenQuery(params.gardenId));
    } catch (error) {
      // An unknown id and a malformed one are the same thing: no such garden.
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
        throw notFound();
      }
      throw error;
    }
  },
  component: GardenRoute,
  notFoundComponent: GardenNotFound,
});

function GardenNotFound() {
  const { t } = useTranslation();
  return <NotFound title={t('gardens.notFoundTitle')} body={t('gardens.notFoundBody')} />;
}

function GardenRoute() {
  const { gardenId } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <GardenPage
      gardenId={gardenId}
      search={search}
      onSearchChange={(patch: GardenSearch) =>
        void navigate({
          replace: true,
          resetScroll: false,
          search: (prev) => {
            const next = { ...prev, ...patch };
            return { ...next, page: next.page && next.page > 1 ? next.page : undefined };
          },
        })
      }
    />
  );
}
