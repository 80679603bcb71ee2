import type { Grant } from '@lakou/domain/fund';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldProblems } from '../../api/events.ts';
import { fundKeys, grantsQuery } from '../../api/fund.ts';
import { useCan } from '../../auth/session.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import {
  formatEuros,
  fundToday,
  grantAlerts,
  grantAmountCents,
  grantColumns,
  nextDeadlineOf,
} from '../../lib/fund.ts';
import { FundPage } from './FundPage.tsx';
import { GrantDialog } from './GrantDialog.tsx';
import { NewGrantDialog } from './NewGrantDialog.tsx';

/** Every grant of the fund fits one page: the pipeline is read whole. */
const GRANTS_PAGE_SIZE = 100;

/**
 * The grants pipeline: one column per status in the order of a grant's life, each grant with
 * its funder, amount and next deadline, what is late marked in words. A grant opens in a dialog
 * (its instalments; for the admin, its moves).
 */
export function GrantsPage({
  openGrantId,
  onOpenGrant,
}: {
  openGrantId: string | undefined;
  onOpenGrant: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const can = useCan();
  const canWrite = can('fund.write');
  const queryClient = useQueryClient();
  const grants = useQuery(grantsQuery({ pageSize: GRANTS_PAGE_SIZE }));
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState('');
  const today = fundToday();

  return (
    <FundPage
      title={t('fund.grants.title')}
      lead={t('fund.grants.lead')}
      action={
        canWrite ? (
          <Button onPress={() => setCreating(true)}>{t('fund.grants.new')}</Button>
        ) : undefined
      }
    >
      <p className="hub-fund__notice" role="status">
        {notice}
      </p>
      {grants.isPending ? (
        <LoadingState label={t('fund.grants.loading')} lines={3} />
      ) : grants.isError ? (
        <ErrorState
          title={t('fund.grants.loadFailed')}
          detail={fieldProblems(grants.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void grants.refetch()}
        />
      ) : grants.data.items.length === 0 ? (
        <EmptyState
          title={t('fund.grants.empty')}
          description={canWrite ? t('fund.grants.emptyWriter') : undefined}
        />
      ) : (
        <div className="hub-fund__board">
          {grantColumns(grants.data.items).map((column) => (
            <section
              key={column.status}
              className="hub-fund__column"
              aria-labelledby={`grants-${column.status}`}
              data-status={column.status}
            >
              <h2 className="hub-fund__column-title" id={`grants-${column.status}`}>
                {t(`fund.grantStatuses.${column.status}`)}{' '}
                <span className="hub-fund__column-count">
                  {t('fund.grants.columnCount', { count: column.grants.length })}
                </span>
              </h2>
              {column.grants.length > 0 ? (
                <p className="hub-fund__column-sum">
                  {t('fund.grants.columnSum', { amount: formatEuros(column.amountCents, locale) })}
                </p>
              ) : null}
              {column.grants.length === 0 ? (
                <p className="hub-muted hub-fund__column-empty">{t('fund.grants.noneInColumn')}</p>
              ) : (
                <ul className="hub-fund__cards">
                  {column.grants.map((grant) => (
                    <GrantCard
                      key={grant.id}
                      grant={grant}
                      today={today}
                      onOpen={() => onOpenGrant(grant.id)}
                    />
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
      <GrantDialog
        grantId={openGrantId ?? null}
        canWrite={canWrite}
        onClose={() => onOpenGrant(undefined)}
        onChanged={() => queryClient.invalidateQueries({ queryKey: fundKeys.all })}
      />
      {canWrite ? (
        <NewGrantDialog
          isOpen={creating}
          onClose={() => setCreating(false)}
          onCreated={async (grant) => {
            setCreating(false);
            setNotice(t('fund.newGrant.created', { project: grant.project }));
            await queryClient.invalidateQueries({ queryKey: fundKeys.all });
            onOpenGrant(grant.id);
          }}
        />
      ) : null}
    </FundPage>
  );
}

function GrantCard({ grant, today, onOpen }: { grant: Grant; today: string; onOpen: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const alerts = grantAlerts(grant, today);
  const deadline = nextDeadlineOf(grant);
  return (
    <li className="hub-fund__card" data-overdue={alerts.length > 0 || undefined}>
      <h3 className="hub-fund__card-title">
        <Button
          variant="ghost"
          onPress={onOpen}
          aria-label={t('fund.grants.open', { project: grant.project, funder: grant.funderName })}
        >
          {grant.project}
        </Button>
      </h3>
      <p className="hub-fund__card-line">{grant.funderName}</p>
      <p className="hub-fund__card-line">
        <strong>{formatEuros(grantAmountCents(grant), locale)}</strong>{' '}
        <span className="hub-muted">
          {grant.amountAwardedCents !== null
            ? t('fund.grants.awardedShort')
            : t('fund.grants.requestedShort')}
        </span>
        {grant.receivedCents > 0 ? (
          <span className="hub-fund__sub">
            {t('fund.grants.received', { amount: formatEuros(grant.receivedCents, locale) })}
          </span>
        ) : null}
      </p>
      {deadline ? (
        <p className="hub-fund__card-line">
          {t('fund.grants.due', {
            kind: t(`fund.deadlineKinds.${deadline.kind}`),
            date: formatDate(deadline.date, locale, { withWeekday: false }),
          })}
        </p>
      ) : null}
      {alerts.length > 0 ? (
        <p className="hub-fund__card-line">
          {alerts.map((a) => (
            <Badge key={a} tone="danger">
              {t(`fund.grants.alerts.${a}`)}
            </Badge>
          ))}
        </p>
      ) : null}
    </li>
  );
}
