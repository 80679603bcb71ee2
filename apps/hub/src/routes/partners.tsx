import type { Partner } from '@lakou/domain/network';
import { pageCount } from '@lakou/domain/shared';
import { Button } from '@lakou/ui/button';
import { DataTable, type DataTableColumn, Pagination } from '@lakou/ui/data-table';
import { SearchField, SelectField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState } from '@lakou/ui/states';
import { VisuallyHidden } from '@lakou/ui/visually-hidden';
import { useQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { centreQuery, type PartnerFilters, partnersQuery } from '../api/queries.ts';
import { RouterLink } from '../components/RouterLink.tsx';
import { useDebouncedSearchParam } from '../components/useDebouncedSearchParam.ts';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { usePaginationLabels } from '../components/usePaginationLabels.ts';
import { type PartnersSearch, partnersSearch, urlPartnerKinds } from '../lib/search-params.ts';

const PAGE_SIZE = 20;
const ALL_KINDS = 'all';

function filtersOf(search: PartnersSearch): PartnerFilters {
  return {
    q: search.q || undefined,
    kind: search.kind,
    centreId: search.centreId,
    page: search.page,
    pageSize: PAGE_SIZE,
  };
}

export const Route = createFileRoute('/partners')({
  validateSearch: partnersSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient }, deps }) => {
    void queryClient.prefetchQuery(partnersQuery(filtersOf(deps)));
    if (deps.centreId) void queryClient.prefetchQuery(centreQuery(deps.centreId));
  },
  component: PartnersPage,
});

function PartnersPage() {
  const { t } = useTranslation();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const partners = useQuery(partnersQuery(filtersOf(search)));
  const centre = useQuery({ ...centreQuery(search.centreId ?? ''), enabled: !!search.centreId });
  const paginationLabels = usePaginationLabels();
  useDocumentTitle(t('partners.title'));

  const [draft, setDraft] = useDebouncedSearchParam(search.q ?? '', (q) =>
    navigate({
      search: (prev) => ({ ...prev, q: q || undefined, page: undefined }),
      replace: true,
    }),
  );

  const hasFilters = Boolean(search.q || search.kind || search.centreId);
  const resetFilters = () => {
    setDraft('');
    void navigate({ search: {} });
  };

  const kindOptions = [
    { id: ALL_KINDS, label: t('partners.allKinds') },
    ...urlPartnerKinds.map((kind) => ({ id: kind, label: t(`partners.kinds.${kind}`) })),
  ];

  const columns: DataTableColumn<Partner>[] = [
    {
      id: 'name',
      header: t('partners.columns.name'),
      isRowHeader: true,
      cell: (partner) => (
        <span className="hub-partner__name">
          {partner.name}
          {partner.centreIds.length === 0 ? (
            <span className="hub-muted hub-partner__scope">{t('partners.wholeNetwork')}</span>
          ) : null}
        </span>
      ),
    },
    {
      id: 'kind',
      header: t('partners.columns.kind'),
      cell: (partner) => t(`partners.kinds.${partner.kind}`),
    },
    {
      id: 'description',
      header: t('partners.columns.description'),
      cell: (partner) => <span className="hub-partner__description">{partner.description}</span>,
    },
    {
      id: 'website',
      header: t('partners.columns.website'),
      cell: (partner) =>
        partner.website ? (
          <a className="lk-link" href={partner.website} target="_blank" rel="noopener noreferrer">
            {t('partners.websiteLink', { name: partner.name })}
            <VisuallyHidden> {t('partners.newTab')}</VisuallyHidden>
          </a>
        ) : (
          <span className="hub-muted">{t('partners.noWebsite')}</span>
        ),
    },
  ];

  const page = partners.data?.page ?? search.page ?? 1;
  const pages = partners.data ? pageCount(partners.data.total, partners.data.pageSize) : 1;

  return (
    <div className="hub-page">
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('partners.title')}</h1>
        <p className="hub-page__lead">{t('partners.intro')}</p>
      </header>

      {search.centreId && centre.data ? (
        <p className="hub-centre-filter">
          <span>{t('partners.centreFilter', { name: centre.data.name })}</span>{' '}
          <RouterLink
            from="/partners"
            to="/partners"
            search={(prev) => ({ ...prev, centreId: undefined, page: undefined })}
          >
            {t('partners.clearCentre')}
          </RouterLink>
        </p>
      ) : null}

      <search className="hub-filters">
        <SearchField
          label={t('partners.search')}
          description={t('partners.searchHint')}
          clearLabel={t('app.clearSearch')}
          value={draft}
          onChange={setDraft}
        />
        <SelectField
          label={t('partners.kind')}
          options={kindOptions}
          value={search.kind ?? ALL_KINDS}
          onChange={(key) => {
            const kind = urlPartnerKinds.find((k) => k === key);
            void navigate({
              search: (prev) => ({ ...prev, kind, page: undefined }),
              replace: true,
            });
          }}
        />
      </search>

      {partners.isError && !partners.data ? (
        <ErrorState
          title={t('errors.title')}
          detail={t('partners.error')}
          retryLabel={t('errors.retry')}
          onRetry={() => void partners.refetch()}
        />
      ) : (
        <>
          {partners.data ? (
            <p className="hub-results" role="status">
              {t('partners.count', { count: partners.data.total })}
            </p>
          ) : null}
          <DataTable
            label={t('partners.tableLabel')}
            columns={columns}
            rows={partners.data?.items ?? []}
            getRowId={(partner) => partner.id}
            isLoading={partners.isPending || partners.isPlaceholderData}
            loadingLabel={t('partners.loading')}
            emptyState={
              <EmptyState
                title={t('partners.empty')}
                description={t('partners.emptyHint')}
                action={
                  hasFilters ? (
                    <Button variant="secondary" onPress={resetFilters}>
                      {t('partners.resetFilters')}
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
