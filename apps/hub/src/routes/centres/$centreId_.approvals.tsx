import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, notFound } from '@tanstack/react-router';
import { ApiError } from '../../api/api-error.ts';
import { centreQuery } from '../../api/queries.ts';
import { requirePermission } from '../../auth/guard.ts';
import { ApprovalsPage } from '../../components/approvals/ApprovalsPage.tsx';
import { integer, searchSchema } from '../../lib/search-schema.ts';

// Search is validated in the entry bundle: small validators, not zod (see lib/search-schema.ts).
const approvalsSearch = searchSchema({
  page: integer({ min: 1 }),
});

/** The bookings of one centre waiting for a manager's approval. */
export const Route = createFileRoute('/centres/$centreId_/approvals')({
  validateSearch: approvalsSearch,
  beforeLoad: (args) =>
    requirePermission('booking.approve', () => ({
      centreId: args.params.centreId.toLowerCase(),
    }))(args),
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
  component: CentreApprovals,
});

function CentreApprovals() {
  const { centreId } = Route.useParams();
  const { page } = Route.useSearch();
  const navigate = Route.useNavigate();
  const centre = useSuspenseQuery(centreQuery(centreId)).data;
  return (
    <ApprovalsPage
      centre={centre}
      page={page ?? 1}
      onPageChange={(next) => void navigate({ search: { page: next > 1 ? next : undefined } })}
    />
  );
}
