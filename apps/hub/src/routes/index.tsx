import type { CentreSummary } from '@lakou/domain/network';
import { pageCount } from '@lakou/domain/shared';
import { Button } from '@lakou/ui/button';
import { DataTable, type DataTableColumn, Pagination } from '@lakou/ui/data-table';
import { Checkbox, SearchField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState } from '@lakou/ui/states';
import { VisuallyHidden } from '@lakou/ui/visually-hidden';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type CentreFilters, centresQuery, organisationQuery } from '../api/queries.ts';
import { RouterLink } from '../components/RouterLink.tsx';
import { useDebouncedSearchParam } from '../components/useDebouncedSearchParam.ts';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { usePaginationLabels } from '../components/usePaginationLabels.ts';
import { type NetworkSearch, networkSearch } from '../lib/search-params.ts';

const PAGE_SIZE = 20;

function filtersOf(search: NetworkSearch): CentreFilters {
  return {
    q: search.q || undefined,
    inQpv: search.qpv ? true : undefined,
    page: search.page,
    pageSize: PAGE_SIZE,
    sort: search.sort,
    order: search.order,
  };
}

/** Only the whole network's size: one row is enough to get the total. */
const networkSizeFilters: CentreFilters = { pageSize: 1 };

// Filters, sort and page live in the URL so a view can be shared and survives a reload.
export const Route = createFileRoute('/')({
  validateSearch: networkSearch,
  loaderDeps: ({ search }) => search,
  loader: async ({ context: { queryClient }, deps }) => {
    // The table shows its own loading and error states; only the heading waits.
    void queryClient.prefetchQuery(centresQuery(filtersOf(deps)));
    void queryClient.prefetchQuery(centresQuery(networkSizeFilters));
    await queryClient.ensureQueryData(organisationQuery());
  },
  component: NetworkOverview,
});

function NetworkOverview() {
  const { t } = useTranslation();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const organisation = useSuspenseQuery(organisationQuery()).data;
  const networkSize = useQuery(centresQuery(networkSizeFilters));
  const centres = useQuery(centresQuery(filtersOf(search)));
  const paginationLabels = usePaginationLabels();

  const title = t('network.title', { name: organisation.name });
  useDocumentTitle(title);

  const [draft, setDraft] = useDebouncedSearchParam(search.q ?? '', (q) =>
    navigate({
      search: (prev) => ({ ...prev, q: q || undefined, page: undefined }),
      replace: true,
    }),
  );

  const hasFilters = Boolean(search.q || search.qpv);
  const resetFilters = () => {
    setDraft('');
    void navigate({
      search: (prev) => ({ ...prev, q: undefined, qpv: undefined, page: undefined }),
    });
  };

  const columns: DataTableColumn<CentreSummary>[] = [
    {
      id: 'name',
      header: t('network.columns.name'),
      isRowHeader: true,
      allowsSorting: true,
      cell: (centre) => (
        <RouterLink to="/centres/$centreId" params={{ centreId: centre.id }}>
          {centre.name}
        </RouterLink>
      ),
    },
    {
      id: 'commune',
      header: t('network.columns.commune'),
      allowsSorting: true,
      cell: (centre) => centre.commune,
    },
    {
      id: 'qpv',
      header: t('network.columns.qpv'),
      cell: (centre) =>
        centre.qpv ?? (
          <>
            <span aria-hidden="true">—</span>
            <VisuallyHidden>{t('network.noQpv')}</VisuallyHidden>
          </>
        ),
    },
  ];

  const page = centres.data?.page ?? search.page ?? 1;
  const pages = centres.data ? pageCount(centres.data.total, centres.data.pageSize) : 1;

  return (
    <div className="hub-page">
      <header className="hub-page__header">
        <h1 className="hub-page__title">{title}</h1>
        {networkSize.data ? (
          <p className="hub-page__lead">
            {t('network.centreCount', { count: networkSize.data.total })}
          </p>
        ) : null}
      </header>

      <search className="hub-filters">
        <SearchField
          label={t('network.search')}
          description={t('network.searchHint')}
          clearLabel={t('app.clearSearch')}
          value={draft}
          onChange={setDraft}
        />
        <Checkbox
          label={t('network.qpvOnly')}
          isSelected={search.qpv === true}
          onChange={(isSelected) =>
            void navigate({
              search: (prev) => ({ ...prev, qpv: isSelected || undefined, page: undefined }),
              replace: true,
            })
          }
        />
      </search>

      {centres.isError && !centres.data ? (
        <ErrorState
          title={t('errors.title')}
          detail={t('network.error')}
          retryLabel={t('errors.retry')}
          onRetry={() => void centres.refetch()}
        />
      ) : (
        <>
          {hasFilters && centres.data ? (
            <p className="hub-results" role="status">
              {t('network.results', { count: centres.data.total })}
            </p>
          ) : null}
          <DataTable
            label={t('network.tableLabel')}
            columns={columns}
            rows={centres.data?.items ?? []}
            getRowId={(centre) => centre.id}
            isLoading={centres.isPending || centres.isPlaceholderData}
            loadingLabel={t('network.loading')}
            sortDescriptor={{
              column: search.sort ?? 'name',
              direction: search.order === 'desc' ? 'descending' : 'ascending',
            }}
            onSortChange={(descriptor) =>
              void navigate({
                search: (prev) => ({
                  ...prev,
                  sort: descriptor.column === 'commune' ? 'commune' : 'name',
                  order: descriptor.direction === 'descending' ? 'desc' : 'asc',
                  page: undefined,
                }),
                replace: true,
              })
            }
            emptyState={
              <EmptyState
                title={t('network.empty')}
                description={t('network.emptyHint')}
                action={
                  hasFilters ? (
                    <Button variant="secondary" onPress={resetFilters}>
                      {t('network.resetFilters')}
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
              onPageChange={(next) =>
                void navigate({
                  search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }),
                })
              }
            />
          ) : null}
        </>
      )}
    </div>
  );
}
