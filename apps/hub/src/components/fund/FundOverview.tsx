import type { LedgerEntry, SubFund } from '@lakou/domain/fund';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { DataTable, type DataTableColumn } from '@lakou/ui/data-table';
import { TextField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { donationKeys } from '../../api/donations.ts';
import { fieldProblems } from '../../api/events.ts';
import {
  type Balances,
  balancesQuery,
  deadlinesQuery,
  fundKeys,
  ledgerQuery,
} from '../../api/fund.ts';
import { useCan } from '../../auth/session.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import {
  formatEuros,
  fundToday,
  isCalendarDate,
  sharePercent,
  sortSubFunds,
} from '../../lib/fund.ts';
import { RouterLink } from '../RouterLink.tsx';
import { FundPage } from './FundPage.tsx';
import { NewSubFundDialog } from './NewSubFundDialog.tsx';
import { SignedAmount, SubFundKindBadge } from './parts.tsx';

const LAST_MOVEMENTS = 8;

/**
 * What the fund holds at a date: totals (free, restricted, endowment), the balance of every
 * sub-fund, the last movements up to that date and the grants' deadlines of the next 60 days.
 * The admin creates a sub-fund from here.
 */
export function FundOverview({
  at,
  onAtChange,
}: {
  /** The day balances close; undefined for today. */
  at: string | undefined;
  onAtChange: (at: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const today = fundToday();
  const balances = useQuery(balancesQuery(at));
  const can = useCan();
  const canWrite = can('fund.write');
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState('');

  return (
    <FundPage
      title={t('fund.title')}
      lead={t('fund.overview.lead')}
      action={
        canWrite ? (
          <Button onPress={() => setCreating(true)}>{t('fund.newSubFund.open')}</Button>
        ) : null
      }
    >
      {canWrite ? (
        <p className="hub-fund__notice" role="status">
          {notice}
        </p>
      ) : null}
      <div className="hub-filters hub-fund__at">
        <TextField
          label={t('fund.overview.at')}
          description={t('fund.overview.atHelp')}
          type="date"
          value={at ?? today}
          onChange={(value) => {
            if (isCalendarDate(value) && value >= '2000-01-01')
              onAtChange(value >= today ? undefined : value);
          }}
        />
        {at ? (
          <Button variant="secondary" onPress={() => onAtChange(undefined)}>
            {t('fund.overview.today')}
          </Button>
        ) : null}
      </div>
      {balances.isPending ? (
        <LoadingState label={t('fund.overview.loading')} lines={3} />
      ) : balances.isError ? (
        <ErrorState
          title={t('fund.overview.loadFailed')}
          detail={fieldProblems(balances.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void balances.refetch()}
        />
      ) : balances.data.items.length === 0 ? (
        <EmptyState
          title={t('fund.overview.noSubFunds')}
          description={t('fund.overview.noSubFundsBody')}
        />
      ) : (
        <>
          <p className="hub-results" aria-live="polite">
            {t('fund.overview.atShown', {
              date: formatDate(balances.data.at, locale, { withWeekday: false }),
            })}
          </p>
          <Totals balances={balances.data} />
          <SubFundsTable funds={balances.data.items} />
        </>
      )}
      <div className="hub-fund__columns">
        <LastMovements at={at} />
        <Deadlines today={today} />
      </div>
      {canWrite ? (
        <NewSubFundDialog
          isOpen={creating}
          onClose={() => setCreating(false)}
          onCreated={async (made) => {
            setCreating(false);
            setNotice(t('fund.newSubFund.created', { name: made.name, code: made.code }));
            await Promise.all([
              queryClient.invalidateQueries({ queryKey: fundKeys.all }),
              queryClient.invalidateQueries({ queryKey: donationKeys.subFunds }),
            ]);
          }}
        />
      ) : null}
    </FundPage>
  );
}

function Totals({ balances }: { balances: Balances }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { totals } = balances;
  const share = (cents: number) =>
    t('fund.overview.share', { percent: sharePercent(cents, totals.balanceCents) });
  const figures = [
    { key: 'balance', cents: totals.balanceCents, note: null },
    { key: 'available', cents: totals.availableCents, note: t('fund.overview.availableHelp') },
    { key: 'unrestricted', cents: totals.unrestrictedCents, note: share(totals.unrestrictedCents) },
    { key: 'restricted', cents: totals.restrictedCents, note: share(totals.restrictedCents) },
    { key: 'endowment', cents: totals.endowmentCents, note: share(totals.endowmentCents) },
    { key: 'inKindYear', cents: totals.inKindYearCents, note: t('fund.overview.inKindYearHelp') },
  ] as const;
  return (
    <Card title={t('fund.overview.totals')}>
      <dl className="hub-fund__figures">
        {figures.map((f) => (
          <div key={f.key} className="hub-fund__figure" data-figure={f.key}>
            <dt>{t(`fund.overview.${f.key}`)}</dt>
            <dd>
              <span className="hub-fund__figure-value">{formatEuros(f.cents, locale)}</span>
              {f.note ? <span className="hub-fund__figure-note">{f.note}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function SubFundsTable({ funds }: { funds: SubFund[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const columns: DataTableColumn<SubFund>[] = [
    {
      id: 'name',
      header: t('fund.overview.subFund'),
      isRowHeader: true,
      cell: (f) => (
        <span className="hub-cell-wrap">
          {f.name} <span className="hub-muted">({f.code})</span>
        </span>
      ),
    },
    { id: 'kind', header: t('fund.overview.kind'), cell: (f) => <SubFundKindBadge fund={f} /> },
    {
      id: 'purpose',
      header: t('fund.overview.purpose'),
      cell: (f) => <span className="hub-cell-wrap">{f.purpose ?? '—'}</span>,
    },
    {
      id: 'balance',
      header: t('fund.overview.balanceColumn'),
      cell: (f) => <span className="hub-fund__money">{formatEuros(f.balanceCents, locale)}</span>,
    },
    {
      id: 'available',
      header: t('fund.overview.availableColumn'),
      cell: (f) => <span className="hub-fund__money">{formatEuros(f.availableCents, locale)}</span>,
    },
  ];
  return (
    <section className="hub-stack" aria-labelledby="fund-sub-funds">
      <h2 className="hub-section-title" id="fund-sub-funds">
        {t('fund.overview.subFunds')}
      </h2>
      <DataTable
        label={t('fund.overview.subFunds')}
        columns={columns}
        rows={sortSubFunds(funds)}
        getRowId={(f) => f.id}
      />
    </section>
  );
}

function LastMovements({ at }: { at: string | undefined }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const movements = useQuery(ledgerQuery({ to: at, pageSize: LAST_MOVEMENTS }));
  const balances = useQuery(balancesQuery());
  const names = new Map((balances.data?.items ?? []).map((f) => [f.id, f.name]));
  const columns: DataTableColumn<LedgerEntry>[] = [
    {
      id: 'date',
      header: t('fund.ledger.columns.date'),
      cell: (e) => (
        <span className="hub-nowrap">
          {formatDate(e.occurredOn, locale, { withWeekday: false })}
        </span>
      ),
    },
    {
      id: 'label',
      header: t('fund.ledger.columns.label'),
      isRowHeader: true,
      cell: (e) => (
        <span className="hub-cell-wrap">
          {e.label}
          <span className="hub-fund__sub">
            {t(`fund.ledgerKinds.${e.kind}`)} · {names.get(e.subFundId) ?? '—'}
          </span>
        </span>
      ),
    },
    {
      id: 'amount',
      header: t('fund.ledger.columns.amount'),
      cell: (e) => <SignedAmount cents={e.amountCents} />,
    },
  ];
  return (
    <Card
      title={t('fund.overview.movements')}
      headerEnd={<RouterLink to="/fund/ledger">{t('fund.overview.allMovements')}</RouterLink>}
    >
      {movements.isPending ? (
        <LoadingState label={t('fund.overview.loadingMovements')} lines={2} />
      ) : movements.isError ? (
        <ErrorState
          title={t('fund.overview.movementsFailed')}
          detail={fieldProblems(movements.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void movements.refetch()}
        />
      ) : (
        <DataTable
          label={t('fund.overview.movements')}
          columns={columns}
          rows={movements.data.items}
          getRowId={(e) => e.id}
          emptyState={t('fund.overview.noMovements')}
        />
      )}
    </Card>
  );
}

function Deadlines({ today }: { today: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const deadlines = useQuery(deadlinesQuery(60));
  return (
    <Card title={t('fund.overview.deadlines')}>
      {deadlines.isPending ? (
        <LoadingState label={t('fund.overview.loadingDeadlines')} lines={2} />
      ) : deadlines.isError ? (
        <ErrorState
          title={t('fund.overview.deadlinesFailed')}
          detail={fieldProblems(deadlines.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void deadlines.refetch()}
        />
      ) : deadlines.data.items.length === 0 ? (
        <EmptyState title={t('fund.overview.noDeadlines')} />
      ) : (
        <ul className="hub-fund__deadlines">
          {deadlines.data.items.map((d) => (
            <li
              key={`${d.grantId}-${d.kind}-${d.date}`}
              className="hub-fund__deadline"
              data-overdue={d.overdue || undefined}
            >
              <span className="hub-fund__deadline-date">
                {formatDate(d.date, locale, { withWeekday: false })}
                {d.overdue ? <Badge tone="danger">{t('fund.grants.overdue')}</Badge> : null}
                {!d.overdue && d.date === today ? (
                  <Badge tone="warning">{t('fund.overview.dueToday')}</Badge>
                ) : null}
              </span>
              <span>
                <strong>{t(`fund.deadlineKinds.${d.kind}`)}</strong>
                {d.amountCents !== null ? ` — ${formatEuros(d.amountCents, locale)}` : ''}
              </span>
              <RouterLink to="/fund/grants" search={{ grant: d.grantId }}>
                {d.project}
              </RouterLink>
              <span className="hub-muted">{d.funderName}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
