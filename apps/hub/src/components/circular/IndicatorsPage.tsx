import type { IndicatorGrouping, IndicatorsReport } from '@lakou/domain/circular';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { indicatorsQuery, streamsQuery } from '../../api/circular.ts';
import { refusalOf } from '../../api/donations.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatRate, formatT, isInverted } from '../../lib/circular.ts';
import { CircularPage } from './CircularPage.tsx';
import { MASS_FIGURES, RATE_FIGURES } from './IndicatorFigures.tsx';
import { useReadableCentres } from './useWritableCentres.ts';

const ALL = 'all';
const GROUPINGS: readonly IndicatorGrouping[] = ['month', 'year', 'centre', 'stream'];

export interface IndicatorsSearch {
  by?: IndicatorGrouping | undefined;
  from?: string | undefined;
  to?: string | undefined;
  centreId?: string | undefined;
  streamId?: string | undefined;
}

type Values = IndicatorsReport['total'];

/** Periods in time order (as the API keys them); centres and streams by name. */
function groupsInOrder(report: IndicatorsReport, by: IndicatorGrouping) {
  if (by === 'month' || by === 'year') return report.groups;
  return [...report.groups].sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

/**
 * The indicators as a table, one row per month, year, centre or stream of the period, then the
 * total; tonnages in tonnes, rates in percent; the definitions under the table.
 */
export function IndicatorsPage({
  search,
  onSearchChange,
}: {
  search: IndicatorsSearch;
  onSearchChange: (patch: Partial<IndicatorsSearch>) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const centres = useReadableCentres();
  const streams = useQuery(streamsQuery());
  const by = search.by ?? 'month';
  const inverted = isInverted(search.from, search.to);
  const report = useQuery(
    indicatorsQuery({
      by,
      from: inverted ? undefined : search.from,
      to: inverted ? undefined : search.to,
      centreId: search.centreId,
      streamId: search.streamId,
    }),
  );
  const cells = (values: Values) => [
    ...MASS_FIGURES.map((key) => (
      <td key={key} className="hub-circular__mass">
        {formatT(values[key], locale).replace(/\s?t$/, '')}
      </td>
    )),
    ...RATE_FIGURES.map((key) => (
      <td key={key} className="hub-circular__mass">
        {formatRate(values[key], locale)}
      </td>
    )),
  ];
  const byLabel = t(`circular.indicators.byOptions.${by}`).toLowerCase();

  return (
    <CircularPage title={t('circular.indicators.title')} lead={t('circular.indicators.lead')}>
      <search className="hub-filters">
        <SelectField
          label={t('circular.indicators.by')}
          options={GROUPINGS.map((g) => ({
            id: g,
            label: t(`circular.indicators.byOptions.${g}`),
          }))}
          selectedKey={by}
          onSelectionChange={(key) => onSearchChange({ by: (key ?? 'month') as IndicatorGrouping })}
        />
        {centres.length > 1 ? (
          <SelectField
            label={t('circular.common.centre')}
            options={[
              { id: ALL, label: t('circular.common.allCentres') },
              ...centres.map((c) => ({ id: c.id, label: c.name })),
            ]}
            selectedKey={search.centreId ?? ALL}
            onSelectionChange={(key) =>
              onSearchChange({ centreId: key === ALL || key === null ? undefined : String(key) })
            }
          />
        ) : null}
        <SelectField
          label={t('circular.common.stream')}
          options={[
            { id: ALL, label: t('circular.common.allStreams') },
            ...(streams.data ?? []).map((s) => ({ id: s.id, label: s.name })),
          ]}
          selectedKey={search.streamId ?? ALL}
          onSelectionChange={(key) =>
            onSearchChange({ streamId: key === ALL || key === null ? undefined : String(key) })
          }
        />
        <TextField
          type="date"
          label={t('circular.common.from')}
          value={search.from ?? ''}
          onChange={(from) => onSearchChange({ from: from || undefined })}
        />
        <TextField
          type="date"
          label={t('circular.common.to')}
          value={search.to ?? ''}
          onChange={(to) => onSearchChange({ to: to || undefined })}
          isInvalid={inverted}
          errorMessage={t('circular.common.invalidRange')}
        />
      </search>

      {report.isError && !report.data ? (
        <ErrorState
          title={t('errors.title')}
          detail={refusalOf(report.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void report.refetch()}
        />
      ) : !report.data ? (
        <LoadingState label={t('circular.indicators.loading')} />
      ) : report.data.groups.length === 0 ? (
        <EmptyState title={t('circular.indicators.empty')} />
      ) : (
        <section className="hub-stack" aria-labelledby="circular-indicators-table">
          <h2 id="circular-indicators-table" className="hub-section-title">
            {t('circular.indicators.tableLabel', { by: byLabel })}
          </h2>
          <div className="lk-table-scroll" aria-busy={report.isPlaceholderData || undefined}>
            <table
              className="lk-table hub-circular__indicators"
              aria-labelledby="circular-indicators-table"
            >
              <thead>
                <tr>
                  <th scope="col">{t('circular.indicators.group')}</th>
                  {[...MASS_FIGURES, ...RATE_FIGURES].map((key) => (
                    <th key={key} scope="col" className="hub-circular__mass">
                      {t(`circular.figures.${key}`)}
                      {MASS_FIGURES.includes(key as (typeof MASS_FIGURES)[number]) ? ' (t)' : ''}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {groupsInOrder(report.data, by).map((group) => (
                  <tr key={group.key}>
                    <th scope="row">{group.label}</th>
                    {cells(group.indicators)}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('circular.indicators.total')}</th>
                  {cells(report.data.total)}
                </tr>
              </tfoot>
            </table>
          </div>
        </section>
      )}

      <section className="hub-stack" aria-labelledby="circular-definitions">
        <h2 id="circular-definitions" className="hub-section-title">
          {t('circular.board.definitionsTitle')}
        </h2>
        <dl className="hub-circular__definitions">
          {[...MASS_FIGURES, ...RATE_FIGURES].map((key) => (
            <div key={key}>
              <dt>{t(`circular.figures.${key}`)}</dt>
              <dd>{t(`circular.definitions.${key}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="hub-note">
          {t('circular.definitions.treated')} {t('circular.definitions.noRate')}
        </p>
      </section>
    </CircularPage>
  );
}
