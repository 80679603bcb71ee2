import { centreScope, type UserSummary } from '@lakou/domain/identity';
import { pageCount } from '@lakou/domain/shared';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { DataTable, type DataTableColumn, Pagination } from '@lakou/ui/data-table';
import { SearchField, SelectField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type UserFilters, usersQuery } from '../../api/identity.ts';
import { centresQuery } from '../../api/queries.ts';
import { sortAssignments } from '../../auth/actor.ts';
import { requirePermission } from '../../auth/guard.ts';
import { useActor, useCan } from '../../auth/session.ts';
import { UserFormDialog, UserStatusDialog } from '../../components/UserDialogs.tsx';
import {
  allCentresFilters,
  useAssignmentLabel,
  useCentreName,
  useCentres,
} from '../../components/useCentreNames.ts';
import { useDebouncedSearchParam } from '../../components/useDebouncedSearchParam.ts';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { usePaginationLabels } from '../../components/usePaginationLabels.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatInstant } from '../../lib/format.ts';
import { type UsersSearch, usersSearch } from '../../lib/search-params.ts';

const PAGE_SIZE = 20;
const ALL = 'all';

function filtersOf(search: UsersSearch): UserFilters {
  return {
    q: search.q || undefined,
    centreId: search.centreId,
    active: search.active,
    page: search.page,
    pageSize: PAGE_SIZE,
  };
}

export const Route = createFileRoute('/admin/users')({
  validateSearch: usersSearch,
  beforeLoad: requirePermission('user.read'),
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient }, deps }) => {
    void queryClient.prefetchQuery(usersQuery(filtersOf(deps)));
    void queryClient.prefetchQuery(centresQuery({ ...allCentresFilters }));
  },
  component: UsersPage,
});

function UsersPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const actor = useActor();
  const can = useCan();
  const users = useQuery(usersQuery(filtersOf(search)));
  const centres = useCentres();
  const centreName = useCentreName();
  const assignmentLabel = useAssignmentLabel();
  const paginationLabels = usePaginationLabels();
  const isAdmin = can('user.manage');
  const [editing, setEditing] = useState<UserSummary | null>(null);
  const [inviting, setInviting] = useState(false);
  const [changingStatus, setChangingStatus] = useState<UserSummary | null>(null);
  // What the last dialog did, said on the page (toasts would cover the next dialog's buttons).
  const [notice, setNotice] = useState<string | null>(null);
  useDocumentTitle(t('users.title'));

  const [draft, setDraft] = useDebouncedSearchParam(search.q ?? '', (q) =>
    navigate({
      search: (prev) => ({ ...prev, q: q || undefined, page: undefined }),
      replace: true,
    }),
  );

  // The centre filter offers only the centres whose users this actor may see.
  const scope = useMemo(() => (actor ? centreScope(actor, 'user.read') : []), [actor]);
  const centreOptions = useMemo(() => {
    const visible = scope === 'all' ? centres : centres.filter((c) => scope.includes(c.id));
    return [
      { id: ALL, label: scope === 'all' ? t('users.allCentres') : t('users.allMyCentres') },
      ...visible.map((c) => ({ id: c.id, label: c.name })),
    ];
  }, [centres, scope, t]);

  const statusOptions = [
    { id: ALL, label: t('users.allStatuses') },
    { id: 'true', label: t('users.activeOnly') },
    { id: 'false', label: t('users.inactiveOnly') },
  ];

  const hasFilters = Boolean(search.q || search.centreId || search.active !== undefined);
  const resetFilters = () => {
    setDraft('');
    void navigate({ search: {} });
  };

  const columns: DataTableColumn<UserSummary>[] = [
    {
      id: 'name',
      header: t('users.columns.name'),
      isRowHeader: true,
      cell: (user) => (
        <span className="hub-cell-wrap">
          {user.name}
          {user.id === actor?.userId ? <span className="hub-muted"> {t('users.you')}</span> : null}
        </span>
      ),
    },
    {
      id: 'email',
      header: t('users.columns.email'),
      cell: (user) => <span className="hub-cell-wrap hub-cell-wrap--anywhere">{user.email}</span>,
    },
    {
      id: 'roles',
      header: t('users.columns.roles'),
      cell: (user) =>
        user.roles.length === 0 ? (
          <span className="hub-muted">{t('users.noRoles')}</span>
        ) : (
          <ul className="hub-inline-list">
            {sortAssignments(user.roles, centreName).map((assignment) => (
              <li key={`${assignment.role}@${assignment.centreId ?? '*'}`}>
                {assignmentLabel(assignment)}
              </li>
            ))}
          </ul>
        ),
    },
    {
      id: 'status',
      header: t('users.columns.status'),
      cell: (user) =>
        user.active ? (
          <Badge tone="success">{t('users.active')}</Badge>
        ) : (
          <Badge tone="neutral">{t('users.inactive')}</Badge>
        ),
    },
    {
      id: 'lastSignIn',
      header: t('users.columns.lastSignIn'),
      cell: (user) =>
        user.lastSignInAt ? (
          <span className="hub-cell-wrap hub-cell-wrap--date">
            {formatInstant(user.lastSignInAt, locale)}
          </span>
        ) : (
          <span className="hub-muted">{t('users.neverSignedIn')}</span>
        ),
    },
    ...(isAdmin
      ? [
          {
            id: 'actions',
            header: t('users.columns.actions'),
            cell: (user: UserSummary) => (
              <span className="hub-row-actions">
                <Button
                  variant="secondary"
                  size="small"
                  aria-label={t('users.editLabel', { name: user.name })}
                  onPress={() => setEditing(user)}
                >
                  {t('users.edit')}
                </Button>
                {/* The API refuses an admin's own deactivation: no button for it. */}
                {user.id === actor?.userId ? null : (
                  <Button
                    variant={user.active ? 'danger' : 'secondary'}
                    size="small"
                    aria-label={
                      user.active
                        ? t('users.deactivateLabel', { name: user.name })
                        : t('users.reactivateLabel', { name: user.name })
                    }
                    onPress={() => setChangingStatus(user)}
                  >
                    {user.active ? t('users.deactivate') : t('users.reactivate')}
                  </Button>
                )}
              </span>
            ),
          } satisfies DataTableColumn<UserSummary>,
        ]
      : []),
  ];

  const page = users.data?.page ?? search.page ?? 1;
  const pages = users.data ? pageCount(users.data.total, users.data.pageSize) : 1;

  return (
    <div className="hub-page">
      <header className="hub-page__header hub-page__header--with-action">
        <div className="hub-page__heading">
          <h1 className="hub-page__title">{t('users.title')}</h1>
          <p className="hub-page__lead">
            {isAdmin ? t('users.leadAdmin') : t('users.leadManager')}
          </p>
        </div>
        {isAdmin ? <Button onPress={() => setInviting(true)}>{t('users.invite')}</Button> : null}
      </header>

      <search className="hub-filters">
        <SearchField
          label={t('users.search')}
          description={t('users.searchHint')}
          clearLabel={t('app.clearSearch')}
          value={draft}
          onChange={setDraft}
        />
        <SelectField
          label={t('users.centre')}
          options={centreOptions}
          value={search.centreId ?? ALL}
          onChange={(key) => {
            const centreId = centreOptions.find((o) => o.id === key && o.id !== ALL)?.id;
            void navigate({
              search: (prev) => ({ ...prev, centreId, page: undefined }),
              replace: true,
            });
          }}
        />
        <SelectField
          label={t('users.status')}
          options={statusOptions}
          value={search.active === undefined ? ALL : String(search.active)}
          onChange={(key) =>
            void navigate({
              search: (prev) => ({
                ...prev,
                active: key === 'true' ? true : key === 'false' ? false : undefined,
                page: undefined,
              }),
              replace: true,
            })
          }
        />
      </search>

      <div role="status" className="hub-live">
        {notice ? <p className="hub-notice hub-notice--inline">{notice}</p> : null}
      </div>

      {users.isError && !users.data ? (
        <ErrorState
          title={t('errors.title')}
          detail={t('users.error')}
          retryLabel={t('errors.retry')}
          onRetry={() => void users.refetch()}
        />
      ) : (
        <>
          {users.data ? (
            <p className="hub-results" role="status">
              {t('users.count', { count: users.data.total })}
            </p>
          ) : null}
          <DataTable
            label={t('users.tableLabel')}
            columns={columns}
            rows={users.data?.items ?? []}
            getRowId={(user) => user.id}
            isLoading={users.isPending || users.isPlaceholderData}
            loadingLabel={t('users.loading')}
            emptyState={
              <EmptyState
                title={t('users.empty')}
                description={t('users.emptyHint')}
                action={
                  hasFilters ? (
                    <Button variant="secondary" onPress={resetFilters}>
                      {t('users.resetFilters')}
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

      {isAdmin ? (
        <>
          <UserFormDialog
            user={editing}
            isOpen={inviting || editing !== null}
            onClose={() => {
              setInviting(false);
              setEditing(null);
            }}
            onSaved={setNotice}
          />
          <UserStatusDialog
            user={changingStatus}
            onClose={() => setChangingStatus(null)}
            onSaved={setNotice}
          />
        </>
      ) : null}
    </div>
  );
}
