import type { Kpi } from '@lakou/reports/model';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.ts';
import { formatFigure, trendOf } from '../../lib/reports.ts';

const ARROWS = { up: '↑', down: '↓', flat: '→' } as const;

export interface KpiCardProps {
  kpi: Kpi;
  /** The comparison period as the reader sees it (« du 01/01/2025 au 31/12/2025 »), when compared. */
  comparisonLabel?: string | undefined;
  /** The heading level of the figure's name, to fit the page's outline. Default 3. */
  headingLevel?: 2 | 3 | 4;
  /** Say how the figure is defined under it (default); the dashboard leaves it to the report page. */
  showDefinition?: boolean;
}

/**
 * One key figure: its name, its value, and against the comparison period an arrow with the
 * change in words (« En hausse de +12 % par rapport à … ») — the arrow is decoration, the words
 * carry the meaning. Up is not called good or bad: for some figures (waste disposed) less is better.
 */
export function KpiCard({
  kpi,
  comparisonLabel,
  headingLevel = 3,
  showDefinition = true,
}: KpiCardProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const Heading = `h${headingLevel}` as const;
  const trend = trendOf(kpi, locale);
  const previous =
    kpi.previous === undefined || kpi.previous === null
      ? null
      : `${formatFigure(kpi.previous, kpi.unit, locale)}${comparisonLabel ? ` (${comparisonLabel})` : ''}`;
  return (
    <article className="hub-kpi" data-trend={trend?.direction}>
      <Heading className="hub-kpi__label">{kpi.label}</Heading>
      <p className="hub-kpi__value">
        {kpi.value === null ? (
          <abbr title={t('reports.kpi.missing')}>—</abbr>
        ) : (
          formatFigure(kpi.value, kpi.unit, locale)
        )}
      </p>
      {trend && previous ? (
        <p className="hub-kpi__trend">
          <span aria-hidden="true" className="hub-kpi__arrow">
            {ARROWS[trend.direction]}
          </span>{' '}
          {trend.direction === 'flat'
            ? t('reports.kpi.trendFlat', { previous })
            : t('reports.kpi.trend', {
                direction: t(`reports.kpi.${trend.direction}`),
                change: trend.change,
                previous,
              })}
        </p>
      ) : null}
      {showDefinition && kpi.definition ? (
        <p className="hub-kpi__definition">{kpi.definition}</p>
      ) : null}
    </article>
  );
}
