import type { Garden, Plot } from '@lakou/domain/gardens';
import type { CSSProperties } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { placePlots, plotState } from '../../lib/gardens.ts';

/**
 * The garden's map: a grid of `gridColumns` × `gridRows` cells, each plot a button on its cell.
 * The buttons come in reading order (row by row), so Tab and a screen reader follow the map;
 * each says its label, whether it is free, who gardens it, its kind and its exposure. A free
 * plot says « Libre » in words and has a dashed edge, not only another colour.
 */
export function PlotMap({
  garden,
  plots,
  onOpen,
}: {
  garden: Pick<Garden, 'gridColumns' | 'gridRows' | 'name'>;
  plots: Plot[];
  onOpen: (plot: Plot) => void;
}) {
  const { t } = useTranslation();
  const { placed, apart } = placePlots(garden, plots);
  const grid = {
    '--hub-garden-columns': garden.gridColumns,
    '--hub-garden-rows': garden.gridRows,
  } as CSSProperties;
  return (
    <>
      <div className="hub-gardens__map-scroll">
        <ol className="hub-gardens__map" style={grid} aria-label={t('gardens.map.label')}>
          {placed.map(({ plot, row, column }) => (
            <li
              key={plot.id}
              className="hub-gardens__cell"
              style={{ gridRow: row, gridColumn: column }}
            >
              <PlotButton plot={plot} onOpen={onOpen} />
            </li>
          ))}
        </ol>
      </div>
      {apart.length > 0 ? (
        <div className="hub-stack">
          <p className="hub-warning">{t('gardens.map.apart')}</p>
          <ul className="hub-gardens__apart">
            {apart.map((plot) => (
              <li key={plot.id}>
                <PlotButton plot={plot} onOpen={onOpen} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="hub-gardens__legend" aria-label={t('gardens.map.legend')}>
        <li>
          <span className="hub-gardens__swatch" data-state="free" aria-hidden="true" />
          {t('gardens.map.legendFree')}
        </li>
        <li>
          <span className="hub-gardens__swatch" data-state="taken" aria-hidden="true" />
          {t('gardens.map.legendTaken')}
        </li>
        <li>
          <span className="hub-gardens__swatch" data-state="collective" aria-hidden="true" />
          {t('gardens.map.legendCollective')}
        </li>
      </ul>
    </>
  );
}

function PlotButton({ plot, onOpen }: { plot: Plot; onOpen: (plot: Plot) => void }) {
  const { t } = useTranslation();
  const state = plotState(plot);
  const names = plot.currentGardeners.map((g) => g.name).join(', ');
  const who =
    state === 'free'
      ? t('gardens.map.free')
      : names || (state === 'collective' ? t('gardens.map.nobodyYet') : '');
  const kind = t(`gardens.kinds.${plot.kind}`);
  const exposure = t(`gardens.exposures.${plot.exposure}`);
  // The name is the button's own text (what is seen is what is heard), with the words that
  // only a screen reader needs: « Parcelle », the separators and the cell.
  return (
    <Button className="hub-gardens__plot" data-state={state} onPress={() => onOpen(plot)}>
      <span className="hub-gardens__plot-label">
        <span className="lk-visually-hidden">{t('gardens.map.plotWord')} </span>
        {plot.label}
        <span className="lk-visually-hidden">, </span>
      </span>
      <span className="hub-gardens__plot-who">
        {who}
        <span className="lk-visually-hidden">, </span>
      </span>
      <span className="hub-gardens__plot-meta">
        {kind} · {exposure}
        <span className="lk-visually-hidden">
          , {t('gardens.map.cell', { row: plot.row, column: plot.column })}
        </span>
      </span>
    </Button>
  );
}
