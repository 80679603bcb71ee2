import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, notFound } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { caseQuery } from '../../api/circles.ts';
import { centreQuery } from '../../api/queries.ts';
import { requireSignedIn } from '../../auth/guard.ts';
import { CasePage } from '../../components/circles/CasePage.tsx';
import { NotFound } from '../../components/NotFound.tsx';

/**
 * One restorative circle case. The API answers 404 to anyone but the case's facilitators, and
 * the page says no more than « Dossier introuvable » (not whether the case exists).
 */
export const Route = createFileRoute('/circles/$caseId')({
  beforeLoad: requireSignedIn,
  loader: async ({ context: { queryClient }, params }) => {
    try {
      const found = await queryClient.ensureQueryData(caseQuery(params.caseId));
      await queryClient.ensureQueryData(centreQuery(found.centreId));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
        throw notFound();
      }
      throw error;
    }
  },
  component: CircleCasePage,
  notFoundComponent: CaseNotFound,
});

function CaseNotFound() {
  const { t } = useTranslation();
  return <NotFound title={t('circles.notFoundTitle')} body={t('circles.notFoundBody')} />;
}

function CircleCasePage() {
  const { caseId } = Route.useParams();
  const found = useSuspenseQuery(caseQuery(caseId)).data;
  const centre = useSuspenseQuery(centreQuery(found.centreId)).data;
  return <CasePage found={found} centre={centre} />;
}
