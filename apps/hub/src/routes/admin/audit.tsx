import type { AuditEntry } from '@lakou/domain/identity';
import { pageCount } from '@lakou/domain/shared';
import { Button } from '@lakou/ui/button';
import { DataTable, type DataTableColumn, Pagination } from '@lakou/ui/data-table';
import { Dialog } from '@lakou/ui/dialog';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditFilters, auditQuery, usersQuery } from '../../api/identity.ts';
import { requirePermission } from '../../auth/guard.ts';
import { useDebouncedSearchParam } from '../../components/useDebouncedSearchParam.ts';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { usePaginationLabels } from '../../components/usePaginationLabels.ts';
import { useLocale } from '../../i18n/index.ts';
import { dayBounds, formatInstant } from '../../lib/format.ts';
import { type AuditSearch, auditSearch } from '../../lib/search-params.ts';

const PAGE_SIZE = 25;
const ALL = 'all';
/** Every user, to choose an author from (the network has a few dozen). */
const actorChoices = { pageSize: 100 } as const;

function filtersOf(search: AuditSearch): AuditFilters {
  const inverted = search.from && search.to && search.to < search.from;
  return {
    entity: search.entity || undefined,
    action: search.action || undefined,
    actorId: search.actorId,
    ...(inverted ? {} : dayBounds(search.from, search.to)),
    page: search.page,
    pageSize: PAGE_SIZE,
  };
}

export const Route = createFileRoute('/admin/audit')({
  validateSearch: auditSearch,
  beforeLoad: requirePermission('audit.read'),
  // The entries are fetched by the page itself: turning days into instants needs Temporal,
  // which the route loader (part of the first download) should not pull in.
  loader: ({ context: { queryClient } }) =>
    void queryClient.prefetchQuery(usersQuery(actorChoices)),
  component: AuditPage,
});

function AuditPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const entries = useQuery(auditQuery(filtersOf(search)));
  const users = useQuery(usersQuery(actorChoices));
  const paginationLabels = usePaginationLabels();
  const [shown, setShown] = useState<AuditEntry | null>(null);
  const [open, setOpen] = useState(false);
  useDocumentTitle(t('audit.title'));

  const setParam = (patch: Partial<AuditSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });

  const [entityDraft, setEntityDraft] = useDebouncedSearchParam(search.entity ?? '', (entity) =>
    setParam({ entity: entity || undefined }),
  );
  const [actionDraft, setActionDraft] = useDebouncedSearchParam(search.action ?? '', (action) =>
    setParam({ action: action || undefined }),
  );

  const actorOptions = [
    { id: ALL, label: t('audit.allActors') },
    ...(users.data?.items ?? []).map((u) => ({ id: u.id, label: `${u.name} (${u.email})` })),
  ];
  const inverted = Boolean(search.from && search.to && search.to < search.from);
  const hasFilters = Boolean(
    search.entity || search.action || search.actorId || search.from || search.to,
  );
  const resetFilters = () => {
    setEntityDraft('');
    setActionDraft('');
    void navigate({ search: {} });
  };
  const when = (entry: AuditEntry) => formatInstant(entry.at, locale, 'dateTimeSeconds');

  const columns: DataTableColumn<AuditEntry>[] = [
    {
      id: 'at',
      header: t('audit.columns.at'),
      isRowHeader: true,
      cell: (entry) => <span className="hub-nowrap">{when(entry)}</span>,
    },
    {
      id: 'actor',
      header: t('audit.columns.actor'),
      cell: (entry) => entry.actorEmail ?? <span className="hub-muted">{t('audit.system')}</span>,
    },
    {
      id: 'action',
      header: t('audit.columns.action'),
      cell: (entry) => <code className="hub-code">{entry.action}</code>,
    },
    {
      id: 'route',
      header: t('audit.columns.route'),
      cell: (entry) => (
        <code className="hub-code">
          {entry.method} {entry.route}
        </code>
      ),
    },
    {
      id: 'entity',
      header: t('audit.columns.entity'),
      cell: (entry) => (
        <span className="hub-audit__entity">
          <span>{entry.entity}</span>
          {entry.entityId ? <code className="hub-code hub-muted">{entry.entityId}</code> : null}
        </span>
      ),
    },
    {
      id: 'details',
      header: t('audit.columns.details'),
      cell: (entry) => (
        <Button
          variant="secondary"
          size="small"
          aria-label={t('audit.detailsLabel', { action: entry.action, date: when(entry) })}
          onPress={() => {
            setShown(entry);
            setOpen(true);
          }}
        >
          {t('audit.details')}
        </Button>
      ),
    },
  ];

  const page = entries.data?.page ?? search.page ?? 1;
  const pages = entries.data ? pageCount(entries.data.total, entries.data.pageSize) : 1;

  return (
    <div className="hub-page">
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('audit.title')}</h1>
        <p className="hub-page__lead">{t('audit.lead')}</p>
      </header>

      <search className="hub-filters">
        <TextField
          label={t('audit.entity')}
          description={t('audit.entityHint')}
          value={entityDraft}
          onChange={setEntityDraft}
          maxLength={60}
          spellCheck="false"
        />
        <TextField
          label={t('audit.action')}
          description={t('audit.actionHint')}
          value={actionDraft}
          onChange={setActionDraft}
          maxLength={60}
          spellCheck="false"
        />
        <SelectField
          label={t('audit.actor')}
          options={actorOptions}
          value={search.actorId ?? ALL}
          onChange={(key) =>
            void setParam({ actorId: key === ALL || key === null ? undefined : String(key) })
          }
        />
        <TextField
          type="date"
          label={t('audit.from')}
          description={t('audit.datesHint')}
          value={search.from ?? ''}
          onChange={(from) => void setParam({ from: from || undefined })}
        />
        <TextField
          type="date"
          label={t('audit.to')}
          description={t('audit.datesHint')}
          value={search.to ?? ''}
          onChange={(to) => void setParam({ to: to || undefined })}
          isInvalid={inverted}
          errorMessage={t('audit.invalidRange')}
        />
      </search>

      {entries.isError && !entries.data ? (
        <ErrorState
          title={t('errors.title')}
          detail={t('audit.error')}
          retryLabel={t('errors.retry')}
          onRetry={() => void entries.refetch()}
        />
      ) : (
        <>
          {entries.data ? (
            <p className="hub-results" role="status">
              {t('audit.count', { count: entries.data.total })}
            </p>
          ) : null}
          <DataTable
            label={t('audit.tableLabel')}
            columns={columns}
            rows={entries.data?.items ?? []}
            getRowId={(entry) => entry.id}
            isLoading={entries.isPending || entries.isPlaceholderData}
            loadingLabel={t('audit.loading')}
            emptyState={
              <EmptyState
                title={t('audit.empty')}
                description={t('audit.emptyHint')}
                action={
                  hasFilters ? (
                    <Button variant="secondary" onPress={resetFilters}>
                      {t('audit.resetFilters')}
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

      <Dialog
        isOpen={open}
        onOpenChange={setOpen}
        title={shown ? t('audit.detailsTitle', { action: shown.action, date: when(shown) }) : ''}
        closeLabel={t('app.close')}
        size="large"
      >
        {shown ? <AuditDetails entry={shown} /> : null}
      </Dialog>
    </div>
  );
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function AuditDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <div className="hub-stack">
      <dl className="hub-details hub-details--inline">
        <div>
          <dt>{t('audit.columns.actor')}</dt>
          <dd>{entry.actorEmail ?? t('audit.system')}</dd>
        </div>
        <div>
          <dt>{t('audit.columns.route')}</dt>
          <dd>
            <code className="hub-code">
              {entry.method} {entry.route}
            </code>
          </dd>
        </div>
        <div>
          <dt>{t('audit.columns.entity')}</dt>
          <dd>
            {entry.entity}
            {entry.entityId ? <code className="hub-code"> {entry.entityId}</code> : null}
          </dd>
        </div>
        {entry.ip ? (
          <div>
            <dt>{t('audit.ip')}</dt>
            <dd>{entry.ip}</dd>
          </div>
        ) : null}
      </dl>
      <div className="hub-diff">
        <section aria-labelledby={`before-${entry.id}`}>
          <h3 id={`before-${entry.id}`} className="hub-diff__title">
            {t('audit.before')}
          </h3>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
          <pre className="hub-json" tabIndex={0}>
            {entry.before == null ? t('audit.nothing') : json(entry.before)}
          </pre>
        </section>
        <section aria-labelledby={`after-${entry.id}`}>
          <h3 id={`after-${entry.id}`} className="hub-diff__title">
            {t('audit.after')}
          </h3>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
          <pre className="hub-json" tabIndex={0}>
            {entry.after == null ? t('audit.nothing') : json(entry.after)}
          </pre>
        </section>
      </div>
    </div>
  );
}
