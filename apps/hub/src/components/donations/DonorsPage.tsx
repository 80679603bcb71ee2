import { type Donor, type DonorKind, donorKinds } from '@lakou/domain/fund';
import { pageCount } from '@lakou/domain/shared';
import { Button } from '@lakou/ui/button';
import { DataTable, type DataTableColumn, Pagination } from '@lakou/ui/data-table';
import { SearchField, SelectField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState } from '@lakou/ui/states';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { donationKeys, donorsQuery, refusalOf } from '../../api/donations.ts';
import { useCan } from '../../auth/session.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCents } from '../../lib/agenda.ts';
import { formatDate } from '../../lib/format.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useDebouncedSearchParam } from '../useDebouncedSearchParam.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { usePaginationLabels } from '../usePaginationLabels.ts';
import { DonationsNav } from './DonationsNav.tsx';
import { DonorDialog } from './DonorDialog.tsx';
import './donations.css';

const PAGE_SIZE = 25;
const ALL = 'all';

export interface DonorsSearch {
  q?: string | undefined;
  kind?: DonorKind | undefined;
  page?: number | undefined;
}

/** The donors: search by name, e-mail or city, filter by kind; what each gave and when last. */
export function DonorsPage({
  search,
  onSearchChange,
}: {
  search: DonorsSearch;
  onSearchChange: (patch: Partial<DonorsSearch>) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const can = useCan();
  const canWrite = can('donation.write');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const paginationLabels = usePaginationLabels();
  const [creating, setCreating] = useState(false);
  useDocumentTitle(t('donations.donors.title'));
  const [q, setQ] = useDebouncedSearchParam(search.q ?? '', (value) =>
    onSearchChange({ q: value || undefined }),
  );
  const donors = useQuery(
    donorsQuery({ q: search.q, kind: search.kind, page: search.page, pageSize: PAGE_SIZE }),
  );
  const page = donors.data?.page ?? search.page ?? 1;
  const pages = donors.data ? pageCount(donors.data.total, donors.data.pageSize) : 1;

  const columns: DataTableColumn<Donor>[] = [
    {
      id: 'name',
      header: t('donations.donors.columns.name'),
      isRowHeader: true,
      cell: (d) => (
        <RouterLink to="/donors/$donorId" params={{ donorId: d.id }}>
          {d.name}
        </RouterLink>
      ),
    },
    {
      id: 'kind',
      header: t('donations.donors.columns.kind'),
      cell: (d) => t(`donations.donorKinds.${d.kind}`),
    },
    { id: 'city', header: t('donations.donors.columns.city'), cell: (d) => d.city ?? '' },
    {
      id: 'total',
      header: t('donations.donors.columns.total'),
      cell: (d) => <span className="hub-nowrap">{formatCents(d.totalGivenCents, locale)}</span>,
    },
    {
      id: 'last',
      header: t('donations.donors.columns.lastGift'),
      cell: (d) =>
        d.lastGiftOn ? (
          <span className="hub-nowrap">
            {formatDate(d.lastGiftOn, locale, { withWeekday: false })}
          </span>
        ) : (
          <span className="hub-muted">{t('donations.donors.noGift')}</span>
        ),
    },
  ];

  return (
    <div className="hub-page hub-donations">
      <header className="hub-page__header hub-page__header--with-action">
        <div>
          <h1 className="hub-page__title">{t('donations.donors.title')}</h1>
          <p className="hub-page__lead">{t('donations.donors.lead')}</p>
        </div>
        {canWrite ? (
          <Button onPress={() => setCreating(true)}>{t('donations.donor.newTitle')}</Button>
        ) : null}
      </header>
      <DonationsNav current="donors" />
      <search className="hub-filters">
        <SearchField
          label={t('donations.donors.search')}
          description={t('donations.donors.searchHelp')}
          clearLabel={t('app.clearSearch')}
          value={q}
          onChange={setQ}
          autoComplete="off"
        />
        <SelectField
          label={t('donations.donors.kind')}
          options={[
            { id: ALL, label: t('donations.donors.allKinds') },
            ...donorKinds.map((k) => ({ id: k, label: t(`donations.donorKinds.${k}`) })),
          ]}
          selectedKey={search.kind ?? ALL}
          onSelectionChange={(key) =>
            onSearchChange({ kind: key === ALL || key === null ? undefined : (key as DonorKind) })
          }
        />
      </search>
      {donors.isError && !donors.data ? (
        <ErrorState
          title={t('errors.title')}
          detail={refusalOf(donors.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void donors.refetch()}
        />
      ) : (
        <>
          {donors.data ? (
            <p className="hub-results" role="status">
              {t('donations.donors.count', { count: donors.data.total })}
            </p>
          ) : null}
          <DataTable
            label={t('donations.donors.tableLabel')}
            columns={columns}
            rows={donors.data?.items ?? []}
            getRowId={(d) => d.id}
            isLoading={donors.isPending || donors.isPlaceholderData}
            loadingLabel={t('donations.loading')}
            emptyState={<EmptyState title={t('donations.donors.empty')} />}
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
      {canWrite ? (
        <DonorDialog
          isOpen={creating}
          donor={null}
          onClose={() => setCreating(false)}
          onSaved={async (donor) => {
            setCreating(false);
            await queryClient.invalidateQueries({ queryKey: donationKeys.all });
            await navigate({ to: '/donors/$donorId', params: { donorId: donor.id } });
          }}
        />
      ) : null}
    </div>
  );
}
