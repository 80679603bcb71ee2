import { type LedgerEntry, type LedgerKind, ledgerKinds } from '@lakou/domain/fund';
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
import { fundKeys, ledgerQuery } from '../../api/fund.ts';
import { useCan } from '../../auth/session.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { correctionState } from '../../lib/fund.ts';
import { usePaginationLabels } from '../usePaginationLabels.ts';
import { CorrectionDialog } from './CorrectionDialog.tsx';
import { FundPage } from './FundPage.tsx';
import { SignedAmount, useSubFunds } from './parts.tsx';

export const LEDGER_PAGE_SIZE = 25;
const ALL = 'all';

export interface LedgerSearch {
  subFundId?: string | undefined;
  movement?: LedgerKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
}

/**
 * The fund's ledger, newest first, filtered by sub-fund, kind and dates. Nothing is ever
 * changed in place: an admin corrects an entry by a reversing entry with its reason, and each
 * entry says whether it was corrected or what it corrects.
 */
export function LedgerPage({
  search,
  onSearchChange,
}: {
  search: LedgerSearch;
  onSearchChange: (change: LedgerSearch) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const can = useCan();
  const canCorrect = can('fund.write');
  const queryClient = useQueryClient();
  const paginationLabels = usePaginationLabels();
  const { funds, nameOf } = useSubFunds();
  const page = search.page ?? 1;
  const entries = useQuery(
    ledgerQuery({
      subFundId: search.subFundId,
      kind: search.movement,
      from: search.from,
      to: search.to,
      page,
      pageSize: LEDGER_PAGE_SIZE,
    }),
  );
  const [correcting, setCorrecting] = useState<LedgerEntry | null>(null);
  const [notice, setNotice] = useState('');
  const onPage = new Map((entries.data?.items ?? []).map((e) => [e.id, e]));
  const day = (date: string) => formatDate(date, locale, { withWeekday: false });

  const correctionCell = (entry: LedgerEntry) => {
    const state = correctionState(entry);
    if (state === 'correction') {
      const target = entry.reversesId ? onPage.get(entry.reversesId) : undefined;
      return (
        <span className="hub-cell-wrap hub-cell-wrap--anywhere">
          <Badge tone="warning">{t('fund.ledger.states.correction')}</Badge>{' '}
          {target
            ? t('fund.ledger.reverses', { label: target.label, date: day(target.occurredOn) })
            : t('fund.ledger.reversesEarlier')}
          {entry.reason ? (
            <span className="hub-fund__sub">
              {t('fund.ledger.reason', { reason: entry.reason })}
            </span>
          ) : null}
        </span>
      );
    }
    if (state === 'reversed') {
      const by = entry.reversedById ? onPage.get(entry.reversedById) : undefined;
      return (
        <span className="hub-cell-wrap hub-cell-wrap--anywhere">
          <Badge tone="danger">{t('fund.ledger.states.reversed')}</Badge>{' '}
          {by ? t('fund.ledger.reversedOn', { date: day(by.occurredOn) }) : null}
          {by?.reason ? (
            <span className="hub-fund__sub">{t('fund.ledger.reason', { reason: by.reason })}</span>
          ) : null}
        </span>
      );
    }
    return canCorrect ? (
      <Button
        variant="secondary"
        size="small"
        aria-label={t('fund.ledger.correctLabel', {
          label: entry.label,
          date: day(entry.occurredOn),
        })}
        onPress={() => setCorrecting(entry)}
      >
        {t('fund.ledger.correct')}
      </Button>
    ) : (
      <span className="hub-muted">{t('fund.ledger.states.open')}</span>
    );
  };

  const columns: DataTableColumn<LedgerEntry>[] = [
    {
      id: 'date',
      header: t('fund.ledger.columns.date'),
      cell: (e) => <span className="hub-nowrap">{day(e.occurredOn)}</span>,
    },
    {
      id: 'label',
      header: t('fund.ledger.columns.label'),
      isRowHeader: true,
      cell: (e) => <span className="hub-cell-wrap hub-cell-wrap--anywhere">{e.label}</span>,
    },
    {
      id: 'subFund',
      header: t('fund.ledger.columns.subFund'),
      cell: (e) => <span className="hub-cell-wrap">{nameOf(e.subFundId)}</span>,
    },
    {
      id: 'kind',
      header: t('fund.ledger.columns.kind'),
      cell: (e) => t(`fund.ledgerKinds.${e.kind}`),
    },
    {
      id: 'amount',
      header: t('fund.ledger.columns.amount'),
      cell: (e) => <SignedAmount cents={e.amountCents} />,
    },
    { id: 'correction', header: t('fund.ledger.columns.correction'), cell: correctionCell },
  ];

  const dateField = (key: 'from' | 'to') => (
    <TextField
      label={t(`fund.ledger.${key}`)}
      type="date"
      value={search[key] ?? ''}
      onChange={(value) => onSearchChange({ [key]: value || undefined, page: 1 })}
    />
  );

  return (
    <FundPage title={t('fund.ledger.title')} lead={t('fund.ledger.lead')}>
      <div className="hub-filters">
        <SelectField
          label={t('fund.ledger.subFund')}
          options={[
            { id: ALL, label: t('fund.ledger.allSubFunds') },
            ...funds.map((f) => ({ id: f.id, label: `${f.name} (${f.code})` })),
          ]}
          selectedKey={search.subFundId ?? ALL}
          onSelectionChange={(key) =>
            onSearchChange({ subFundId: key === ALL ? undefined : String(key), page: 1 })
          }
        />
        <SelectField
          label={t('fund.ledger.kind')}
          options={[
            { id: ALL, label: t('fund.ledger.allKinds') },
            ...ledgerKinds.map((k) => ({ id: k, label: t(`fund.ledgerKinds.${k}`) })),
          ]}
          selectedKey={search.movement ?? ALL}
          onSelectionChange={(key) =>
            onSearchChange({ movement: key === ALL ? undefined : (key as LedgerKind), page: 1 })
          }
        />
        {dateField('from')}
        {dateField('to')}
      </div>
      <p className="hub-fund__notice" role="status">
        {notice}
      </p>
      {entries.data ? (
        <p className="hub-results" aria-live="polite">
          {t('fund.ledger.count', { count: entries.data.total })}
        </p>
      ) : null}
      {entries.isError ? (
        <ErrorState
          title={t('fund.ledger.loadFailed')}
          detail={fieldProblems(entries.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void entries.refetch()}
        />
      ) : (
        <DataTable
          label={t('fund.ledger.tableLabel')}
          columns={columns}
          rows={entries.data?.items ?? []}
          getRowId={(e) => e.id}
          isLoading={entries.isPending || entries.isPlaceholderData}
          loadingLabel={t('fund.ledger.loading')}
          emptyState={t('fund.ledger.empty')}
        />
      )}
      {entries.data && entries.data.total > LEDGER_PAGE_SIZE ? (
        <Pagination
          page={page}
          pageCount={pageCount(entries.data.total, LEDGER_PAGE_SIZE)}
          onPageChange={(next) => onSearchChange({ page: next })}
          labels={paginationLabels}
        />
      ) : null}
      {canCorrect ? (
        <CorrectionDialog
          entry={correcting}
          subFundName={correcting ? nameOf(correcting.subFundId) : ''}
          onClose={() => setCorrecting(null)}
          onCorrected={async (correction) => {
            setCorrecting(null);
            setNotice(
              t('fund.correction.done', {
                label: correction.label,
                date: day(correction.occurredOn),
              }),
            );
            await queryClient.invalidateQueries({ queryKey: fundKeys.all });
          }}
        />
      ) : null}
    </FundPage>
  );
}
