import { pageCount } from '@lakou/domain/shared';
import { Pagination } from '@lakou/ui/data-table';
import { SelectField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { receiptsQuery, refusalOf } from '../../api/donations.ts';
import { useCan } from '../../auth/session.ts';
import { receiptYears } from '../../lib/donations.ts';
import { todayIn } from '../../lib/events.ts';
import { NETWORK_TIME_ZONE } from '../../lib/format.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { usePaginationLabels } from '../usePaginationLabels.ts';
import { DonationsNav } from './DonationsNav.tsx';
import { DonorPicker } from './DonorPicker.tsx';
import { ReceiptsTable } from './ReceiptsTable.tsx';
import { useDonorFilter } from './useDonorFilter.ts';
import './donations.css';

const PAGE_SIZE = 25;
const ALL = 'all';

export interface ReceiptsSearch {
  year?: number | undefined;
  donorId?: string | undefined;
  status?: 'issued' | 'cancelled' | undefined;
  page?: number | undefined;
}

/** Tax receipts, newest first: by year, donor and status; download, cancel and reissue. */
export function ReceiptsPage({
  search,
  onSearchChange,
}: {
  search: ReceiptsSearch;
  onSearchChange: (patch: Partial<ReceiptsSearch>) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('donation.write');
  const paginationLabels = usePaginationLabels();
  const [notice, setNotice] = useState('');
  useDocumentTitle(t('donations.receipts.title'));
  const thisYear = Number(todayIn(NETWORK_TIME_ZONE).slice(0, 4));
  const receipts = useQuery(
    receiptsQuery({
      year: search.year,
      donorId: search.donorId,
      status: search.status,
      page: search.page,
      pageSize: PAGE_SIZE,
    }),
  );
  const donorFilter = useDonorFilter(search.donorId, (donorId) => onSearchChange({ donorId }));
  const page = receipts.data?.page ?? search.page ?? 1;
  const pages = receipts.data ? pageCount(receipts.data.total, receipts.data.pageSize) : 1;

  return (
    <div className="hub-page hub-donations">
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('donations.receipts.title')}</h1>
        <p className="hub-page__lead">{t('donations.receipts.lead')}</p>
      </header>
      <DonationsNav current="receipts" />
      <search className="hub-filters">
        <SelectField
          label={t('donations.receipts.year')}
          options={[
            { id: ALL, label: t('donations.receipts.allYears') },
            ...receiptYears(thisYear).map((y) => ({ id: String(y), label: String(y) })),
          ]}
          selectedKey={search.year ? String(search.year) : ALL}
          onSelectionChange={(key) =>
            onSearchChange({ year: key === ALL || key === null ? undefined : Number(key) })
          }
        />
        <SelectField
          label={t('donations.receipts.status')}
          options={[
            { id: ALL, label: t('donations.receipts.allStatuses') },
            { id: 'issued', label: t('donations.receipts.statuses.issued') },
            { id: 'cancelled', label: t('donations.receipts.statuses.cancelled') },
          ]}
          selectedKey={search.status ?? ALL}
          onSelectionChange={(key) =>
            onSearchChange({
              status: key === ALL || key === null ? undefined : (key as 'issued' | 'cancelled'),
            })
          }
        />
        <DonorPicker
          label={t('donations.filters.donor')}
          choice={donorFilter.choice}
          onChoiceChange={donorFilter.onChoiceChange}
        />
      </search>
      <p className="hub-live hub-success-text" role="status">
        {notice}
      </p>
      {receipts.isError && !receipts.data ? (
        <ErrorState
          title={t('errors.title')}
          detail={refusalOf(receipts.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void receipts.refetch()}
        />
      ) : (
        <>
          {receipts.data ? (
            <p className="hub-results">
              {t('donations.receipts.count', { count: receipts.data.total })}
            </p>
          ) : null}
          <ReceiptsTable
            label={t('donations.receipts.tableLabel')}
            rows={receipts.data?.items ?? []}
            isLoading={receipts.isPending || receipts.isPlaceholderData}
            canWrite={canWrite}
            emptyState={<EmptyState title={t('donations.receipts.empty')} />}
            onChanged={setNotice}
          />
          {pages > 1 ? (
            <Pagination
              page={page}
              pageCount={pages}
              labels={paginationLabels}
              onPageChange={(next) => onSearchChange({ page: next })}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
