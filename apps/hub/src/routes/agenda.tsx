import { useQuery } from '@tanstack/react-query';
import { createFileRoute, redirect } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { centresQuery } from '../api/queries.ts';
import { requirePermission } from '../auth/guard.ts';
import { useCan } from '../auth/session.ts';
import { RouterLink } from '../components/RouterLink.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

/**
 * « Agenda » in the navigation: straight to the agenda of the one centre someone works in,
 * or a choice of the centres whose agenda they may read.
 */
export const Route = createFileRoute('/agenda')({
  beforeLoad: async (args) => {
    const { me } = await requirePermission('booking.read')(args);
    const centreIds = [
      ...new Set(me.roles.flatMap((r) => (r.centreId && r.role !== 'board' ? [r.centreId] : []))),
    ];
    if (centreIds.length === 1 && centreIds[0]) {
      throw redirect({ to: '/centres/$centreId/agenda', params: { centreId: centreIds[0] } });
    }
  },
  component: AgendaChoice,
});

function AgendaChoice() {
  const { t } = useTranslation();
  const can = useCan();
  useDocumentTitle(t('agenda.pickTitle'));
  const centres = useQuery(centresQuery({ pageSize: 100 }));
  const readable = (centres.data?.items ?? []).filter((c) =>
    can('booking.read', { centreId: c.id }),
  );
  return (
    <div className="hub-page">
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('agenda.pickTitle')}</h1>
        <p className="hub-page__lead">{t('agenda.pickLead')}</p>
      </header>
      <ul className="hub-list">
        {readable.map((centre) => (
          <li key={centre.id}>
            <RouterLink to="/centres/$centreId/agenda" params={{ centreId: centre.id }}>
              {centre.name}
            </RouterLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
