import type { Centre } from '@lakou/domain/network';
import { Button } from '@lakou/ui/button';
import { ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestedBookingsQuery, resourcesQuery } from '../../api/booking.ts';
import { useCan } from '../../auth/session.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import type { AgendaRange } from './AgendaWorkspace.tsx';
import { refusalOf } from './booking-refusal.ts';
import type { SeriesSeed } from './SeriesDialog.tsx';

/*
 * The page's header (its title is the largest thing the page paints first) needs just the
 * centre and the texts: it paints as soon as the centre is known, without waiting for the rest
 * of the page, with the time and booking rules, React Aria's overlays and FullCalendar after it.
 */
const loadWorkspace = () => import('./AgendaWorkspace.tsx');
const AgendaWorkspace = lazy(() => loadWorkspace().then((m) => ({ default: m.AgendaWorkspace })));

export function AgendaPage({
  centre,
  initialDate,
}: {
  centre: Centre;
  initialDate?: string | undefined;
}) {
  const { t } = useTranslation();
  const can = useCan();
  useDocumentTitle(t('agenda.title', { centre: centre.name }));

  const subject = { centreId: centre.id };
  const canWrite = can('booking.write', subject);
  const canApprove = can('booking.approve', subject);
  const timeZone = centre.timeZone;

  const [range, setRange] = useState<AgendaRange | null>(null);
  const [seriesSeed, setSeriesSeed] = useState<SeriesSeed | null>(null);

  const resources = useQuery(resourcesQuery(centre.id));
  const requested = useQuery({ ...requestedBookingsQuery(centre.id, 1), enabled: canApprove });

  // The route asks for it already when it opens; this covers a page shown some other way.
  useEffect(() => {
    void loadWorkspace().catch(() => undefined);
  }, []);

  const header = (
    <>
      <p className="hub-back">
        <RouterLink to="/centres/$centreId" params={{ centreId: centre.id }}>
          <span aria-hidden="true">← </span>
          {centre.name}
        </RouterLink>
      </p>
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('agenda.title', { centre: centre.name })}</h1>
        <p className="hub-note">{t('agenda.timeZoneNote', { zone: timeZone })}</p>
        <p>
          <RouterLink to="/centres/$centreId/events" params={{ centreId: centre.id }}>
            {t('events.link')}
          </RouterLink>{' '}
          <span aria-hidden="true">·</span>{' '}
          <RouterLink to="/centres/$centreId/coworking" params={{ centreId: centre.id }}>
            {t('coworking.link')}
          </RouterLink>
        </p>
        {(canWrite && (resources.data?.length ?? 0) > 0) || canApprove ? (
          <div className="hub-page__actions">
            {canWrite && (resources.data?.length ?? 0) > 0 ? (
              <Button
                variant="secondary"
                onPress={() => {
                  const shown = { resources: resources.data ?? [], range, initialDate, timeZone };
                  void loadWorkspace().then((m) => setSeriesSeed(m.newSeriesSeed(shown)));
                }}
              >
                {t('series.newSeries')}
              </Button>
            ) : null}
            {canApprove ? (
              <RouterLink to="/centres/$centreId/approvals" params={{ centreId: centre.id }}>
                {requested.data && requested.data.total > 0
                  ? t('approvals.linkCount', { count: requested.data.total })
                  : t('approvals.link')}
              </RouterLink>
            ) : null}
          </div>
        ) : null}
      </header>
    </>
  );

  if (resources.isPending) {
    return (
      <div className="hub-page">
        {header}
        <LoadingState label={t('agenda.loading')} />
      </div>
    );
  }
  if (resources.isError) {
    return (
      <div className="hub-page">
        {header}
        <ErrorState
          title={t('agenda.loadFailed')}
          detail={refusalOf(resources.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void resources.refetch()}
        />
      </div>
    );
  }

  return (
    <div className="hub-page hub-agenda">
      {header}
      <Suspense fallback={<LoadingState label={t('agenda.loading')} />}>
        <AgendaWorkspace
          centre={centre}
          initialDate={initialDate}
          resources={resources.data}
          range={range}
          onRangeChange={setRange}
          seriesSeed={seriesSeed}
          onSeriesSeedChange={setSeriesSeed}
        />
      </Suspense>
    </div>
  );
}
