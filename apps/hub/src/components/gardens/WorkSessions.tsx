import type { Garden } from '@lakou/domain/gardens';
import { Card } from '@lakou/ui/card';
import { EmptyState } from '@lakou/ui/states';
import { useTranslation } from 'react-i18next';
import type { WorkSession } from '../../api/gardens.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatHours } from '../../lib/events.ts';
import { formatDate } from '../../lib/format.ts';
import { dayOf, GARDENS_TIME_ZONE } from '../../lib/gardens.ts';
import { RouterLink } from '../RouterLink.tsx';

/** The garden's work sessions of the next 60 days (events booked on the garden), with the agenda. */
export function WorkSessions({
  garden,
  sessions,
  canReadAgenda,
}: {
  garden: Garden;
  sessions: WorkSession[];
  canReadAgenda: boolean;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const sorted = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <Card
      title={t('gardens.sessions.title')}
      headerEnd={
        canReadAgenda ? (
          <RouterLink
            to="/centres/$centreId/agenda"
            params={{ centreId: garden.centreId }}
            search={sorted[0] ? { date: dayOf(sorted[0].startsAt) } : {}}
          >
            {t('gardens.sessions.agenda')}
          </RouterLink>
        ) : null
      }
    >
      {sorted.length === 0 ? (
        <EmptyState
          title={t('gardens.sessions.empty')}
          description={
            garden.resourceId ? t('gardens.sessions.emptyBody') : t('gardens.sessions.noResource')
          }
        />
      ) : (
        <ul className="hub-gardens__sessions">
          {sorted.map((s) => (
            <li key={s.eventId}>
              <span className="hub-gardens__session-day">
                {formatDate(dayOf(s.startsAt), locale)} ·{' '}
                {formatHours(s.startsAt, s.endsAt, GARDENS_TIME_ZONE, locale)}
              </span>
              {canReadAgenda ? (
                <RouterLink
                  to="/centres/$centreId/events/$eventId"
                  params={{ centreId: garden.centreId, eventId: s.eventId }}
                >
                  {s.title}
                </RouterLink>
              ) : (
                <span>{s.title}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
