import type { Plot } from '@lakou/domain/gardens';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { EmptyState } from '@lakou/ui/states';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gardenKeys, gardenQuery } from '../../api/gardens.ts';
import { useCan } from '../../auth/session.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatKilograms, formatSquareMetres, freePlots, gardensToday } from '../../lib/gardens.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { Compost } from './Compost.tsx';
import { GardenFormDialog } from './GardenFormDialog.tsx';
import { Harvests, type HarvestsSearch } from './Harvests.tsx';
import { PlotDialog } from './PlotDialog.tsx';
import { PlotFormDialog } from './PlotFormDialog.tsx';
import { PlotMap } from './PlotMap.tsx';
import { WaitingList } from './WaitingList.tsx';
import { WorkSessions } from './WorkSessions.tsx';
import './gardens.css';

export type GardenSearch = HarvestsSearch;

/**
 * One shared garden: its map of plots (open a plot to give it, end an assignment, read its
 * history), the waiting list, harvests, compost and the coming work sessions. Staff of the
 * garden's centre write; its manager (or an admin) also edits the garden and its plots.
 */
export function GardenPage({
  gardenId,
  search,
  onSearchChange,
}: {
  gardenId: string;
  search: GardenSearch;
  onSearchChange: (patch: GardenSearch) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { garden, plots, workSessions } = useSuspenseQuery(gardenQuery(gardenId)).data;
  const can = useCan();
  const canWrite = can('circular.write', { centreId: garden.centreId });
  const canManage = can('centre.manage', { centreId: garden.centreId });
  const canReadAgenda = can('booking.read', { centreId: garden.centreId });
  const queryClient = useQueryClient();
  const today = gardensToday();
  const [openPlotId, setOpenPlotId] = useState<string | null>(null);
  const [plotForm, setPlotForm] = useState<{ plot: Plot | null } | null>(null);
  const [editingGarden, setEditingGarden] = useState(false);
  const [notice, setNotice] = useState('');
  useDocumentTitle(`${garden.name} · ${t('gardens.title')}`);
  const openPlot = plots.find((p) => p.id === openPlotId) ?? null;
  // Said from the plots on the map, so that the figure and the map always agree.
  const freeCount = freePlots(plots).length;
  const refresh = () => queryClient.invalidateQueries({ queryKey: gardenKeys.all });

  return (
    <div className="hub-page hub-gardens">
      <p className="hub-back">
        <RouterLink to="/gardens">
          <span aria-hidden="true">← </span>
          {t('gardens.title')}
        </RouterLink>
      </p>
      <header className="hub-page__header hub-page__header--with-action">
        <div>
          <p className="hub-gardens__eyebrow">{garden.centreName}</p>
          <h1 className="hub-page__title">{garden.name}</h1>
          {garden.description ? <p className="hub-page__lead">{garden.description}</p> : null}
        </div>
        {canManage ? (
          <div className="hub-row-actions">
            <Button variant="secondary" onPress={() => setEditingGarden(true)}>
              {t('gardens.gardenForm.edit')}
            </Button>
            <Button onPress={() => setPlotForm({ plot: null })}>
              {t('gardens.plotForm.open')}
            </Button>
          </div>
        ) : null}
      </header>
      <dl className="hub-gardens__figures hub-gardens__figures--page">
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
            {freeCount > 0 ? (
              <Badge tone="success">{t('gardens.figures.freeCount', { count: freeCount })}</Badge>
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
      <nav className="hub-gardens__jump" aria-label={t('gardens.jump.label')}>
        <ul>
          <li>
            <a href="#garden-map">{t('gardens.map.title')}</a>
          </li>
          <li>
            <a href="#garden-waiting">{t('gardens.waiting.title')}</a>
          </li>
          <li>
            <a href="#garden-harvests">{t('gardens.harvests.title')}</a>
          </li>
          <li>
            <a href="#garden-compost">{t('gardens.compost.title')}</a>
          </li>
          <li>
            <a href="#garden-sessions">{t('gardens.sessions.title')}</a>
          </li>
        </ul>
      </nav>
      <p className="hub-gardens__notice" role="status">
        {notice}
      </p>
      <div id="garden-map" className="hub-gardens__anchor">
        <Card title={t('gardens.map.title')}>
          <p className="hub-card__lead">
            {t('gardens.map.lead', { columns: garden.gridColumns, rows: garden.gridRows })}
          </p>
          {plots.length === 0 ? (
            <EmptyState
              title={t('gardens.map.empty')}
              description={canManage ? t('gardens.map.emptyManager') : undefined}
            />
          ) : (
            <PlotMap garden={garden} plots={plots} onOpen={(plot) => setOpenPlotId(plot.id)} />
          )}
        </Card>
      </div>
      <div id="garden-waiting" className="hub-gardens__anchor">
        <WaitingList
          garden={garden}
          freeCount={freeCount}
          today={today}
          canWrite={canWrite}
          onChanged={refresh}
        />
      </div>
      <div id="garden-harvests" className="hub-gardens__anchor hub-stack">
        <Harvests
          garden={garden}
          plots={plots}
          today={today}
          canWrite={canWrite}
          search={search}
          onSearchChange={onSearchChange}
          onLogged={refresh}
        />
      </div>
      <div id="garden-compost" className="hub-gardens__anchor">
        <Compost garden={garden} today={today} canWrite={canWrite} onChanged={refresh} />
      </div>
      <div id="garden-sessions" className="hub-gardens__anchor">
        <WorkSessions garden={garden} sessions={workSessions} canReadAgenda={canReadAgenda} />
      </div>

      <PlotDialog
        garden={garden}
        plot={openPlot}
        today={today}
        canWrite={canWrite}
        canManage={canManage}
        onClose={() => setOpenPlotId(null)}
        onEdit={(plot) => {
          setOpenPlotId(null);
          setPlotForm({ plot });
        }}
        onChanged={async () => {
          await refresh();
        }}
      />
      {canManage ? (
        <>
          <PlotFormDialog
            garden={garden}
            plots={plots}
            plot={plotForm?.plot ?? null}
            isOpen={plotForm !== null}
            onClose={() => setPlotForm(null)}
            onSaved={async (saved) => {
              setNotice(
                plotForm?.plot
                  ? t('gardens.plotForm.saved', { label: saved.label })
                  : t('gardens.plotForm.created', { label: saved.label }),
              );
              setPlotForm(null);
              await refresh();
            }}
            onDeleted={async (label) => {
              setNotice(t('gardens.plotForm.deleted', { label }));
              setPlotForm(null);
              await refresh();
            }}
          />
          <GardenFormDialog
            isOpen={editingGarden}
            garden={garden}
            centres={[]}
            onClose={() => setEditingGarden(false)}
            onSaved={async (saved) => {
              setEditingGarden(false);
              setNotice(t('gardens.gardenForm.saved', { name: saved.name }));
              await refresh();
            }}
          />
        </>
      ) : null}
    </div>
  );
}
