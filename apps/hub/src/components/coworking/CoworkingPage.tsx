import type { Centre } from '@lakou/domain/network';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { coworkingKeys } from '../../api/coworking.ts';
import { useCan } from '../../auth/session.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { PassesPanel, type PassesSearchChange, type PassFilter } from './PassesPanel.tsx';
import { TodayPanel } from './TodayPanel.tsx';
import '../../styles/coworking.css';

export interface CoworkingPageProps {
  centre: Centre;
  q: string;
  filter: PassFilter;
  page: number;
  onSearchChange: (change: PassesSearchChange) => void;
}

/**
 * The coworking space of a centre, phone first: today's occupancy and arrivals on top, then the
 * members' passes to check someone in with one tap, sell a pass or cancel one.
 */
export function CoworkingPage({ centre, q, filter, page, onSearchChange }: CoworkingPageProps) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const canWrite = can('booking.write', { centreId: centre.id });
  useDocumentTitle(t('coworking.title', { centre: centre.name }));

  // A check-in changes the day and the pass; a sale or a cancellation changes the passes.
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: coworkingKeys.centre(centre.id) });

  return (
    <div className="hub-page hub-coworking">
      <p className="hub-back">
        <RouterLink to="/centres/$centreId" params={{ centreId: centre.id }}>
          <span aria-hidden="true">← </span>
          {centre.name}
        </RouterLink>
      </p>
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('coworking.title', { centre: centre.name })}</h1>
        <p className="hub-note">{t('coworking.timeZoneNote', { zone: centre.timeZone })}</p>
        <p className="hub-coworking__links">
          <RouterLink to="/centres/$centreId/agenda" params={{ centreId: centre.id }}>
            {t('coworking.agendaLink')}
          </RouterLink>
        </p>
      </header>
      <TodayPanel centre={centre} canWrite={canWrite} onChanged={refresh} />
      <PassesPanel
        centre={centre}
        canWrite={canWrite}
        q={q}
        filter={filter}
        page={page}
        onSearchChange={onSearchChange}
        onChanged={refresh}
      />
    </div>
  );
}
