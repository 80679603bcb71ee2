import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, notFound } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { donorQuery } from '../../api/donations.ts';
import { requirePermission } from '../../auth/guard.ts';
import { DonorPage } from '../../components/donations/DonorPage.tsx';
import { NotFound } from '../../components/NotFound.tsx';

/** One donor with their history. */
export const Route = createFileRoute('/donors/$donorId')({
  beforeLoad: requirePermission('fund.read'),
  loader: async ({ context: { queryClient }, params }) => {
    try {
      await queryClient.ensureQueryData(donorQuery(params.donorId));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
        throw notFound();
      }
      throw error;
    }
  },
  component: Donor,
  notFoundComponent: DonorNotFound,
});

function DonorNotFound() {
  const { t } = useTranslation();
  return (
    <NotFound title={t('donations.donor.notFoundTitle')} body={t('donations.donor.notFoundBody')} />
  );
}

function Donor() {
  const { donorId } = Route.useParams();
  const donor = useSuspenseQuery(donorQuery(donorId)).data;
  return <DonorPage donor={donor} />;
}
