import { createFileRoute } from '@tanstack/react-router';
import { CancelRegistrationPage } from '../../components/events/CancelRegistrationPage.tsx';
import { cancelRegistrationSearch } from '../../lib/events-search.ts';

/** `/inscriptions/annuler?jeton=lkr_…`: a visitor frees their places, no account needed. */
export const Route = createFileRoute('/inscriptions/annuler')({
  validateSearch: cancelRegistrationSearch,
  component: CancelRegistration,
});

function CancelRegistration() {
  const { jeton } = Route.useSearch();
  return <CancelRegistrationPage token={jeton} />;
}
