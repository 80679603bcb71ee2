import type { Garden } from '@lakou/domain/gardens';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldProblems } from '../../api/events.ts';
import { gardenKeys, gardensQuery } from '../../api/gardens.ts';
import { useCan } from '../../auth/session.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatKilograms, formatSquareMetres, gardensByCentre } from '../../lib/gardens.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useCentres } from '../useCentreNames.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { GardenFormDialog } from './GardenFormDialog.tsx';
import './gardens.css';

/**
 * The shared gardens of every centre in reach: each garden's area, plots, free individual plots,
 * people waiting and what it gave this year. A centre's manager (or an admin) creates a garden.
 */
export function GardensPage() {
  const { t } = useTranslation();
  const gardens = useQuery(gardensQuery());
  const can = useCan();
  const managed = useCentres().filter((c) => can('centre.manage', { centreId: c.id }));
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState('');
  useDocumentTitle(t('gardens.title'));

  return (
    <div className="hub-page hub-gardens">
      <header className="hub-page__header hub-page__header--with-action">
        <div>
          <h1 className="hub-page__title">{t('gardens.title')}</h1>
          <p className="hub-page__lead">{t('gardens.lead')}</p>
        </div>
        {managed.length > 0 ? (
          <Button onPress={() => setCreating(true)}>{t('gardens.gardenForm.open')}</Button>
        ) : null}
      </header>
      <p className="hub-gardens__notice" role="status">
        {notice}
      </p>
      {gardens.isPending ? (
        <LoadingState label={t('gardens.list.loading')} />
      ) : gardens.isError ? (
        <ErrorState
          title={t('gardens.list.loadFailed')}
          detail={fieldProblems(gardens.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void gardens.refetch()}
        />
      ) : gardens.data.length === 0 ? (
        <EmptyState
          title={t('gardens.list.empty')}
          description={
            managed.length > 0 ? t('gardens.list.emptyManager') : t('gardens.list.emptyBody')
          }
        />
      ) : (
        gardensByCentre(gardens.data).map((group) => (
          <section
            key={group.centreId}
            className="hub-stack"
            aria-labelledby={`gardens-centre-${group.centreId}`}
          >
            <h2 className="hub-section-title" id={`gardens-centre-${group.centreId}`}>
              {group.centreName}
            </h2>
            <ul className="hub-gardens__cards">
              {group.gardens.map((garden) => (
                <li key={garden.id}>
                  <GardenCard garden={garden} />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      {managed.length > 0 ? (
        <GardenFormDialog
          isOpen={creating}
          garden={null}
          centres={managed}
          onClose={() => setCreating(false)}
          onSaved={async (garden) => {
            setCreating(false);
            setNotice(t('gardens.gardenForm.created', { name: garden.name }));
            await queryClient.invalidateQueries({ queryKey: gardenKeys.all });
          }}
        />
      ) : null}
    </div>
  );
}

function GardenCard({ garden }: { garden: Garden }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const titleId = `garden-${garden.id}`;
  return (
    <article className="hub-gardens__card" aria-labelledby={titleId}>
      <h3 className="hub-gardens__card-title" id={titleId}>
        <RouterLink to="/gardens/$gardenId" params={{ gardenId: garden.id }}>
          {garden.name}
        </RouterLink>
      </h3>
      {garden.description ? <p className="hub-muted">{garden.description}</p> : null}
      <dl className="hub-gardens__figures">
        <div>
          <dt>{t('gardens.figures.area')}</dt>
          <dd>{formatSquareMetres(garden.areaM2, locale)}</dd>
        </div>
        <div>
          <dt>{t('gardens.figures.plots')}</dt>
          <dd>{garden.plotCount}</dd>
        </div>
        <div>
          <dt>{t('gardens.figures.free')}</dt>
          <dd>
            {garden.freePlotCount > 0 ? (
              <Badge tone="success">
                {t('gardens.figures.freeCount', { count: garden.freePlotCount })}
              </Badge>
            ) : (
              t('gardens.figures.noneFree')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('gardens.figures.waiting')}</dt>
          <dd>{t('gardens.figures.waitingCount', { count: garden.waitingCount })}</dd>
        </div>
        <div>
          <dt>{t('gardens.figures.harvestYear')}</dt>
          <dd>{formatKilograms(garden.harvestGramsThisYear, locale)}</dd>
        </div>
      </dl>
    </article>
  );
}
