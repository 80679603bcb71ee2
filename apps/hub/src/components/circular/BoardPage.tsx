import { Badge } from '@lakou/ui/badge';
import { Button, LinkButton } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { indicatorsQuery, stockQuery, streamsQuery } from '../../api/circular.ts';
import { refusalOf } from '../../api/donations.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatDay, formatMass, stockByCentre, yearStart } from '../../lib/circular.ts';
import { todayIn } from '../../lib/events.ts';
import { NETWORK_TIME_ZONE } from '../../lib/format.ts';
import { CircularPage } from './CircularPage.tsx';
import { IndicatorFigures } from './IndicatorFigures.tsx';
import { RegisterDialog } from './RegisterDialog.tsx';
import { useWritableCentres } from './useWritableCentres.ts';
import '../../styles/figures.css';

/**
 * The board of the circular economy: what each centre holds of each stream (hazardous streams
 * marked), this year's tonnages and rates with their definitions, and the register export.
 */
export function BoardPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const writable = useWritableCentres();
  const [registerOpen, setRegisterOpen] = useState(false);
  const today = todayIn(NETWORK_TIME_ZONE);
  const stock = useQuery(stockQuery());
  const streams = useQuery(streamsQuery());
  const indicators = useQuery(indicatorsQuery({ from: yearStart(today), to: today, by: 'year' }));
  const board = stockByCentre(stock.data ?? [], streams.data ?? []);

  return (
    <CircularPage
      title={t('circular.title')}
      lead={t('circular.board.lead')}
      action={
        <div className="hub-row-actions">
          {writable.length > 0 ? (
            <LinkButton href="/circular/entry" variant="primary">
              {t('circular.board.enter')}
            </LinkButton>
          ) : null}
          <Button variant="secondary" onPress={() => setRegisterOpen(true)}>
            {t('circular.register.open')}
          </Button>
        </div>
      }
    >
      <RegisterDialog isOpen={registerOpen} onClose={() => setRegisterOpen(false)} />

      <section className="hub-stack" aria-labelledby="circular-stock-title">
        <h2 id="circular-stock-title" className="hub-section-title">
          {t('circular.board.stockTitle')}
        </h2>
        {stock.isError && !stock.data ? (
          <ErrorState
            title={t('errors.title')}
            detail={refusalOf(stock.error).detail}
            retryLabel={t('errors.retry')}
            onRetry={() => void stock.refetch()}
          />
        ) : stock.isPending ? (
          <LoadingState label={t('circular.board.loading')} />
        ) : board.length === 0 ? (
          <EmptyState title={t('circular.board.empty')} />
        ) : (
          <div className="hub-circular__centres">
            {board.map((centre) => (
              <Card
                key={centre.centreId}
                title={centre.centreName}
                headingLevel={3}
                headerEnd={
                  <span className="hub-muted">
                    {t('circular.board.centreTotal', {
                      mass: formatMass(centre.totalGrams, locale),
                    })}
                  </span>
                }
              >
                <div className="lk-table-scroll">
                  <table
                    className="lk-table hub-figures-table"
                    aria-label={t('circular.board.stockLabel', { centre: centre.centreName })}
                  >
                    <thead>
                      <tr>
                        <th scope="col">{t('circular.common.stream')}</th>
                        <th scope="col" className="hub-circular__mass">
                          {t('circular.board.stockColumn')}
                        </th>
                        <th scope="col">{t('circular.board.lastMovement')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {centre.items.map((item) => (
                        <tr key={item.streamId} data-stream={item.streamCode}>
                          <th scope="row">
                            <span className="hub-circular__stream-name">
                              {item.streamName}
                              {item.hazardous ? (
                                <Badge tone="danger">{t('circular.common.hazardous')}</Badge>
                              ) : null}
                            </span>
                          </th>
                          <td className="hub-circular__mass">
                            {formatMass(item.stockGrams, locale)}
                          </td>
                          <td>
                            {item.lastMovementOn
                              ? formatDay(item.lastMovementOn, locale)
                              : t('circular.common.none')}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </Card>
            ))}
          </div>
        )}
      </section>

      <Card title={t('circular.board.indicatorsTitle', { year: today.slice(0, 4) })}>
        <p className="hub-card__lead">{t('circular.board.indicatorsLead')}</p>
        {indicators.isError && !indicators.data ? (
          <ErrorState
            title={t('errors.title')}
            detail={refusalOf(indicators.error).detail}
            retryLabel={t('errors.retry')}
            onRetry={() => void indicators.refetch()}
          />
        ) : indicators.data ? (
          <IndicatorFigures values={indicators.data.total} idPrefix="circular-year" />
        ) : (
          <LoadingState label={t('circular.board.loadingIndicators')} />
        )}
      </Card>
    </CircularPage>
  );
}
