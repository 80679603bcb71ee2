import { Card } from '@lakou/ui/card';
import { ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CircleAggregates,
  circleAggregatesQuery,
  type SuppressedCount,
} from '../../api/circleReports.ts';
import { requirePermission } from '../../auth/guard.ts';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatNumber } from '../../lib/format.ts';
import '../../styles/figures.css';

export const Route = createFileRoute('/reports/circles')({
  beforeLoad: requirePermission('circle.aggregates.read'),
  loader: ({ context: { queryClient } }) => void queryClient.prefetchQuery(circleAggregatesQuery()),
  component: CircleReportsPage,
});

function CircleReportsPage() {
  const { t } = useTranslation();
  const figures = useQuery(circleAggregatesQuery());
  useDocumentTitle(t('circleReports.title'));
  return (
    <div className="hub-page">
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('circleReports.title')}</h1>
        <p className="hub-page__lead">{t('circleReports.lead')}</p>
        <p className="hub-note" id="suppression-note">
          {t('circleReports.suppressionNote')}
        </p>
      </header>
      {figures.isPending ? (
        <LoadingState label={t('circleReports.loading')} lines={3} />
      ) : figures.error ? (
        <ErrorState
          title={t('errors.title')}
          detail={t('circleReports.error')}
          retryLabel={t('errors.retry')}
          onRetry={() => void figures.refetch()}
        />
      ) : (
        <Figures figures={figures.data} />
      )}
    </div>
  );
}

/** A suppressed count reads « < 5 » on screen and is explained to screen readers. */
function Count({ value }: { value: SuppressedCount }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (value === '< 5') {
    return <abbr title={t('circleReports.suppressedLabel')}>{t('circleReports.suppressed')}</abbr>;
  }
  return <>{formatNumber(value, locale)}</>;
}

function Table({
  caption,
  headers,
  children,
}: {
  caption: string;
  headers: string[];
  children: ReactNode;
}) {
  return (
    <div className="lk-table-scroll">
      <table className="lk-table hub-figures-table">
        <caption className="hub-section-title">{caption}</caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function Figures({ figures }: { figures: CircleAggregates }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const quarterLabel = (quarter: string) => {
    const [year, q] = quarter.split('-T');
    return year && q ? t('circleReports.quarterLabel', { quarter: q, year }) : quarter;
  };
  return (
    <div className="hub-stack">
      <Card title={t('circleReports.keyFigures')}>
        <dl className="hub-details">
          <div>
            <dt>{t('circleReports.agreementsDoneShare')}</dt>
            <dd>
              {figures.agreementsDoneShare === null
                ? t('circleReports.notDisclosed')
                : percent.format(figures.agreementsDoneShare)}
            </dd>
          </div>
          <div>
            <dt>{t('circleReports.medianDaysToClose')}</dt>
            <dd>
              {figures.medianDaysToClose === null
                ? t('circleReports.notDisclosed')
                : t('circleReports.days', {
                    count: figures.medianDaysToClose,
                    days: formatNumber(figures.medianDaysToClose, locale),
                  })}
            </dd>
          </div>
        </dl>
      </Card>
      <Table
        caption={t('circleReports.byStage')}
        headers={[t('circleReports.stage'), t('circleReports.cases')]}
      >
        {figures.byStage.map((row) => (
          <tr key={row.stage}>
            <th scope="row">{t(`circles.stages.${row.stage}`)}</th>
            <td>
              <Count value={row.cases} />
            </td>
          </tr>
        ))}
      </Table>
      <Table
        caption={t('circleReports.byCentre')}
        headers={[t('circleReports.centre'), t('circleReports.cases')]}
      >
        {figures.byCentre.map((row) => (
          <tr key={row.centreId}>
            <th scope="row">{row.centreName}</th>
            <td>
              <Count value={row.cases} />
            </td>
          </tr>
        ))}
      </Table>
      <Table
        caption={t('circleReports.byQuarter')}
        headers={[t('circleReports.quarter'), t('circleReports.opened'), t('circleReports.closed')]}
      >
        {figures.byQuarter.map((row) => (
          <tr key={row.quarter}>
            <th scope="row">{quarterLabel(row.quarter)}</th>
            <td>
              <Count value={row.opened} />
            </td>
            <td>
              <Count value={row.closed} />
            </td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
