import type { Disbursement } from '@lakou/domain/fund';
import { pageCount } from '@lakou/domain/shared';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { DataTable, type DataTableColumn, Pagination } from '@lakou/ui/data-table';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { ErrorState } from '@lakou/ui/states';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldProblems } from '../../api/events.ts';
import { disbursementsQuery, fundKeys } from '../../api/fund.ts';
import { useCan } from '../../auth/session.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { formatEuros } from '../../lib/fund.ts';
import { usePaginationLabels } from '../usePaginationLabels.ts';
import { FundPage } from './FundPage.tsx';
import { NewDisbursementDialog } from './NewDisbursementDialog.tsx';
import { useSubFunds } from './parts.tsx';

export const DISBURSEMENTS_PAGE_SIZE = 20;
const ALL = 'all';

export interface DisbursementsSearch {
  subFundId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
}

/**
 * What the fund gave, to whom, from which sub-fund, on which decision of the board; the admin
 * records a money disbursement (refused by the API beyond what the sub-fund has available).
 */
export function DisbursementsPage({
  search,
  onSearchChange,
}: {
  search: DisbursementsSearch;
  onSearchChange: (change: DisbursementsSearch) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const can = useCan();
  const canWrite = can('fund.write');
  const queryClient = useQueryClient();
  const paginationLabels = usePaginationLabels();
  const { funds, nameOf } = useSubFunds();
  const page = search.page ?? 1;
  const list = useQuery(
    disbursementsQuery({
      subFundId: search.subFundId,
      from: search.from,
      to: search.to,
      page,
      pageSize: DISBURSEMENTS_PAGE_SIZE,
    }),
  );
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState('');
  const day = (date: string) => formatDate(date, locale, { withWeekday: false });

  const columns: DataTableColumn<Disbursement>[] = [
    {
      id: 'paidOn',
      header: t('fund.disbursements.columns.paidOn'),
      cell: (d) => <span className="hub-nowrap">{day(d.paidOn)}</span>,
    },
    {
      id: 'beneficiary',
      header: t('fund.disbursements.columns.beneficiary'),
      isRowHeader: true,
      cell: (d) => (
        <span className="hub-cell-wrap">
          {d.beneficiaryName}
          <span className="hub-fund__sub">
            {d.centreId ? t('fund.disbursements.centre') : t('fund.disbursements.partner')}
          </span>
        </span>
      ),
    },
    {
      id: 'purpose',
      header: t('fund.disbursements.columns.purpose'),
      cell: (d) => <span className="hub-cell-wrap hub-cell-wrap--anywhere">{d.purpose}</span>,
    },
    {
      id: 'subFund',
      header: t('fund.disbursements.columns.subFund'),
      cell: (d) =>
        d.kind === 'goods' ? (
          <span className="hub-muted">{t('fund.disbursements.goods')}</span>
        ) : (
          <span className="hub-cell-wrap">{nameOf(d.subFundId)}</span>
        ),
    },
    {
      id: 'amount',
      header: t('fund.disbursements.columns.amount'),
      cell: (d) => (
        <span className="hub-cell-wrap">
          <span className="hub-fund__money">{formatEuros(d.amountCents, locale)}</span>
          {d.kind === 'goods' ? (
            <span className="hub-fund__sub">{t('fund.disbursements.valuation')}</span>
          ) : null}
          {d.reversed ? <Badge tone="danger">{t('fund.disbursements.reversed')}</Badge> : null}
        </span>
      ),
    },
    {
      id: 'decision',
      header: t('fund.disbursements.columns.decision'),
      cell: (d) => (
        <span className="hub-cell-wrap">
          {t('fund.disbursements.decision', { date: day(d.decisionOn), ref: d.decisionRef })}
        </span>
      ),
    },
  ];

  const dateField = (key: 'from' | 'to') => (
    <TextField
      label={t(`fund.disbursements.${key}`)}
      type="date"
      value={search[key] ?? ''}
      onChange={(value) => onSearchChange({ [key]: value || undefined, page: 1 })}
    />
  );

  return (
    <FundPage
      title={t('fund.disbursements.title')}
      lead={t('fund.disbursements.lead')}
      action={
        canWrite ? (
          <Button onPress={() => setCreating(true)}>{t('fund.disbursements.new')}</Button>
        ) : undefined
      }
    >
      <div className="hub-filters">
        <SelectField
          label={t('fund.disbursements.subFund')}
          options={[
            { id: ALL, label: t('fund.ledger.allSubFunds') },
            ...funds.map((f) => ({ id: f.id, label: `${f.name} (${f.code})` })),
          ]}
          selectedKey={search.subFundId ?? ALL}
          onSelectionChange={(key) =>
            onSearchChange({ subFundId: key === ALL ? undefined : String(key), page: 1 })
          }
        />
        {dateField('from')}
        {dateField('to')}
      </div>
      <p className="hub-fund__notice" role="status">
        {notice}
      </p>
      {list.data ? (
        <p className="hub-results" aria-live="polite">
          {t('fund.disbursements.count', { count: list.data.total })}
        </p>
      ) : null}
      {list.isError ? (
        <ErrorState
          title={t('fund.disbursements.loadFailed')}
          detail={fieldProblems(list.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void list.refetch()}
        />
      ) : (
        <DataTable
          label={t('fund.disbursements.tableLabel')}
          columns={columns}
          rows={list.data?.items ?? []}
          getRowId={(d) => d.id}
          isLoading={list.isPending || list.isPlaceholderData}
          loadingLabel={t('fund.disbursements.loading')}
          emptyState={t('fund.disbursements.empty')}
        />
      )}
      {list.data && list.data.total > DISBURSEMENTS_PAGE_SIZE ? (
        <Pagination
          page={page}
          pageCount={pageCount(list.data.total, DISBURSEMENTS_PAGE_SIZE)}
          onPageChange={(next) => onSearchChange({ page: next })}
          labels={paginationLabels}
        />
      ) : null}
      {canWrite ? (
        <NewDisbursementDialog
          isOpen={creating}
          onClose={() => setCreating(false)}
          onCreated={async (made) => {
            setCreating(false);
            setNotice(
              t('fund.newDisbursement.saved', {
                amount: formatEuros(made.amountCents, locale),
                beneficiary: made.beneficiaryName,
              }),
            );
            await queryClient.invalidateQueries({ queryKey: fundKeys.all });
          }}
        />
      ) : null}
    </FundPage>
  );
}
