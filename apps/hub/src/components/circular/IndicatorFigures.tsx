import type { IndicatorsReport } from '@lakou/domain/circular';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.ts';
import { formatRate, formatT } from '../../lib/circular.ts';

type Values = IndicatorsReport['total'];

export const MASS_FIGURES = [
  'collectedGrams',
  'reusedGrams',
  'recycledGrams',
  'energyRecoveredGrams',
  'disposedGrams',
  'pendingGrams',
] as const;

export const RATE_FIGURES = [
  'reuseRate',
  'recyclingRate',
  'valorisationRate',
  'weighedShare',
] as const;

/**
 * The indicators of a period as figures, each with its definition (the doc comment of the
 * domain's `indicatorsOf`, in words): tonnages in tonnes, then the rates in percent.
 */
export function IndicatorFigures({ values, idPrefix }: { values: Values; idPrefix: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const figure = (key: (typeof MASS_FIGURES)[number] | (typeof RATE_FIGURES)[number]) => {
    const value =
      key === 'reuseRate' ||
      key === 'recyclingRate' ||
      key === 'valorisationRate' ||
      key === 'weighedShare'
        ? formatRate(values[key], locale)
        : formatT(values[key], locale);
    const definitionId = `${idPrefix}-${key}`;
    return (
      <div key={key} className="hub-circular__figure" data-figure={key}>
        <dt>{t(`circular.figures.${key}`)}</dt>
        <dd className="hub-circular__figure-value" aria-describedby={definitionId}>
          {value}
        </dd>
        <dd id={definitionId} className="hub-muted">
          {t(`circular.definitions.${key}`)}
        </dd>
      </div>
    );
  };
  return (
    <div className="hub-stack">
      <h3 className="hub-section-title">{t('circular.board.masses')}</h3>
      <dl className="hub-circular__figures">{MASS_FIGURES.map(figure)}</dl>
      <h3 className="hub-section-title">{t('circular.board.rates')}</h3>
      <dl className="hub-circular__figures">{RATE_FIGURES.map(figure)}</dl>
      <p className="hub-note">
        {t('circular.definitions.treated')} {t('circular.definitions.noRate')}
      </p>
    </div>
  );
}
