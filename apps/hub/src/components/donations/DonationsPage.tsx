import { pageCount } from '@lakou/domain/shared';
import { Button, LinkButton } from '@lakou/ui/button';
import { Pagination } from '@lakou/ui/data-table';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { donationsQuery, refusalOf } from '../../api/donations.ts';
import { useCan } from '../../auth/session.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { usePaginationLabels } from '../usePaginationLabels.ts';
import { DonationsNav } from './DonationsNav.tsx';
import { DonationsTable } from './DonationsTable.tsx';
import { DonorPicker } from './DonorPicker.tsx';
import { useDonorFilter } from './useDonorFilter.ts';
import './donations.css';

export const DONATIONS_PAGE_SIZE = 25;
const ALL = 'all';

export interface DonationsSearch {
  kind?: 'money' | 'in_kind' | undefined;
  donorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
}

/** The gifts, newest first, filtered by kind, dates and donor; entry forms and import from here. */
export function DonationsPage({
  search,
  onSearchChange,
}: {
  search: DonationsSearch;
  onSearchChange: (patch: Partial<DonationsSearch>) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('donation.write');
  const paginationLabels = usePaginationLabels();
  useDocumentTitle(t('donations.title'));
  const inverted = Boolean(search.from && search.to && search.to < search.from);
  const donations = useQuery(
    donationsQuery({
      kind: search.kind,
      donorId: search.donorId,
      from: inverted ? undefined : search.from,
      to: inverted ? undefined : search.to,
      page: search.page,
      pageSize: DONATIONS_PAGE_SIZE,
    }),
  );
  const donorFilter = useDonorFilter(search.donorId, (donorId) => onSearchChange({ donorId }));
  const hasFilters = Boolean(search.kind || search.donorId || search.from || search.to);
  const page = donations.data?.page ?? search.page ?? 1;
  const pages = donations.data ? pageCount(donations.data.total, donations.data.pageSize) : 1;

  return (
    <div className="hub-page hub-donations">
      <header className="hub-page__header hub-page__header--with-action">
        <div>
          <h1 className="hub-page__title">{t('donations.title')}</h1>
          <p className="hub-page__lead">{t('donations.lead')}</p>
        </div>
        {canWrite ? (
          <div className="hub-row-actions">
            <LinkButton href="/donations/money" variant="primary">
              {t('donations.money.open')}
            </LinkButton>
            <LinkButton href="/donations/in-kind">{t('donations.inKind.open')}</LinkButton>
            <LinkButton href="/donations/import">{t('donations.import.open')}</LinkButton>
          </div>
        ) : null}
      </header>
      <DonationsNav current="donations" />

      <search className="hub-filters">
        <SelectField
          label={t('donations.filters.kind')}
          options={[
            { id: ALL, label: t('donations.filters.allKinds') },
            { id: 'money', label: t('donations.kinds.money') },
            { id: 'in_kind', label: t('donations.kinds.in_kind') },
          ]}
          selectedKey={search.kind ?? ALL}
          onSelectionChange={(key) =>
            onSearchChange({ kind: key === ALL || key === null ? undefined : (key as 'money') })
          }
        />
        <DonorPicker
          label={t('donations.filters.donor')}
          choice={donorFilter.choice}
          onChoiceChange={donorFilter.onChoiceChange}
        />
        <TextField
          type="date"
          label={t('donations.filters.from')}
          value={search.from ?? ''}
          onChange={(from) => onSearchChange({ from: from || undefined })}
        />
        <TextField
          type="date"
          label={t('donations.filters.to')}
          value={search.to ?? ''}
          onChange={(to) => onSearchChange({ to: to || undefined })}
          isInvalid={inverted}
          errorMessage={t('donations.filters.invalidRange')}
        />
      </search>

      {donations.isError && !donations.data ? (
        <ErrorState
          title={t('errors.title')}
          detail={refusalOf(donations.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void donations.refetch()}
        />
      ) : (
        <>
          {donations.data ? (
            <p className="hub-results" role="status">
              {t('donations.count', { count: donations.data.total })}
            </p>
          ) : null}
          <DonationsTable
            label={t('donations.tableLabel')}
            rows={donations.data?.items ?? []}
            isLoading={donations.isPending || donations.isPlaceholderData}
            canWrite={canWrite}
            emptyState={
              <EmptyState
                title={t('donations.empty')}
                action={
                  hasFilters ? (
                    <Button
                      variant="secondary"
                      onPress={() => {
                        donorFilter.forget();
                        onSearchChange({
                          kind: undefined,
                          donorId: undefined,
                          from: undefined,
                          to: undefined,
                        });
                      }}
                    >
                      {t('donations.filters.reset')}
                    </Button>
                  ) : undefined
                }
              />
            }
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
