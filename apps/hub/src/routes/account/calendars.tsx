import type { CalendarFeed, Resource } from '@lakou/domain/booking/rules';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { DataTable, type DataTableColumn } from '@lakou/ui/data-table';
import { ConfirmDialog } from '@lakou/ui/dialog';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState } from '@lakou/ui/states';
import { toast } from '@lakou/ui/toast';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  type CreatedFeed,
  createFeed,
  feedKeys,
  feedResourcesQuery,
  feedsQuery,
  revokeFeed,
  webcalUrl,
} from '../../api/feeds.ts';
import { problemMessage } from '../../auth/authErrors.ts';
import { requirePermission } from '../../auth/guard.ts';
import { RouterLink } from '../../components/RouterLink.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatInstant } from '../../lib/format.ts';

export const Route = createFileRoute('/account/calendars')({
  beforeLoad: requirePermission('booking.read'),
  loader: ({ context: { queryClient } }) => {
    void queryClient.prefetchQuery(feedsQuery());
    void queryClient.prefetchQuery(feedResourcesQuery());
  },
  component: CalendarsPage,
});

const PERSONAL = 'personal';

function CalendarsPage() {
  const { t } = useTranslation();
  const feeds = useQuery(feedsQuery());
  const resources = useQuery(feedResourcesQuery());
  const [created, setCreated] = useState<CreatedFeed | null>(null);
  useDocumentTitle(t('calendars.title'));

  return (
    <div className="hub-page">
      <p className="hub-back">
        <RouterLink to="/account">
          <span aria-hidden="true">← </span>
          {t('calendars.back')}
        </RouterLink>
      </p>
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('calendars.title')}</h1>
        <p className="hub-page__lead">{t('calendars.lead')}</p>
      </header>

      {created ? (
        <NewFeedSecret feed={created} onDone={() => setCreated(null)} />
      ) : (
        <CreateFeed
          resources={resources.data ?? []}
          resourcesLoading={resources.isPending}
          onCreated={setCreated}
        />
      )}

      <section className="hub-stack" aria-labelledby="feeds-list-title">
        <h2 id="feeds-list-title" className="hub-section-title">
          {t('calendars.tableLabel')}
        </h2>
        {feeds.isError && !feeds.data ? (
          <ErrorState
            title={t('errors.title')}
            detail={t('calendars.error')}
            retryLabel={t('errors.retry')}
            onRetry={() => void feeds.refetch()}
          />
        ) : (
          <FeedsTable
            feeds={feeds.data ?? []}
            resources={resources.data ?? []}
            isLoading={feeds.isPending}
          />
        )}
      </section>
    </div>
  );
}

function CreateFeed({
  resources,
  resourcesLoading,
  onCreated,
}: {
  resources: Resource[];
  resourcesLoading: boolean;
  onCreated: (feed: CreatedFeed) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<string>(PERSONAL);
  const create = useMutation({
    mutationFn: createFeed,
    onSuccess: (feed) => {
      void queryClient.invalidateQueries({ queryKey: feedKeys.mine });
      onCreated(feed);
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    create.mutate(kind === PERSONAL ? { name } : { name, resourceId: kind });
  };

  const options = [
    { id: PERSONAL, label: t('calendars.personal') },
    ...resources.map((r) => ({ id: r.id, label: t('calendars.resourceOption', { name: r.name }) })),
  ];

  return (
    <Card title={t('calendars.create')}>
      {create.isError ? (
        <ErrorState
          title={t('calendars.failed')}
          detail={problemMessage(create.error, t('calendars.failed'), language)}
        />
      ) : null}
      <Form className="hub-form" onSubmit={onSubmit}>
        <TextField
          name="name"
          label={t('calendars.name')}
          description={t('calendars.nameHint')}
          isRequired
          maxLength={80}
          validate={(value) => (value.trim().length < 2 ? t('calendars.nameTooShort') : null)}
        />
        <SelectField
          label={t('calendars.kind')}
          description={resourcesLoading ? t('calendars.resourcesLoading') : t('calendars.kindHint')}
          options={options}
          value={kind}
          onChange={(key) => {
            if (key !== null) setKind(String(key));
          }}
        />
        <div className="hub-form__actions">
          <Button type="submit" isPending={create.isPending} pendingLabel={t('calendars.pending')}>
            {t('calendars.submit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

/** The secret URL, shown once, with « Copier » and a webcal:// link; focus goes to its heading. */
function NewFeedSecret({ feed, onDone }: { feed: CreatedFeed; onDone: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(feed.url);
      toast.success(t('calendars.copied'));
    } catch {
      inputRef.current?.select();
      toast.error(t('calendars.copyFailed'));
    }
  };

  return (
    <section className="lk-card hub-secret" aria-labelledby="new-feed-title">
      <h2 id="new-feed-title" ref={headingRef} tabIndex={-1} className="lk-card__title">
        {t('calendars.secretTitle', { name: feed.name })}
      </h2>
      <p className="hub-warning">{t('calendars.secretWarning')}</p>
      <p>{t('calendars.secretHelp')}</p>
      <div className="hub-secret__row">
        <label className="lk-field hub-secret__field">
          <span className="lk-field__label">{t('calendars.secretLabel')}</span>
          <input
            ref={inputRef}
            className="lk-field__input hub-secret__value"
            readOnly
            value={feed.url}
            onFocus={(event) => event.currentTarget.select()}
            spellCheck={false}
            autoComplete="off"
          />
        </label>
        <Button aria-label={t('calendars.copyLabel')} onPress={() => void copy()}>
          {t('calendars.copy')}
        </Button>
      </div>
      <p>
        <a href={webcalUrl(feed.url)}>{t('calendars.subscribe')}</a>
      </p>
      <div>
        <Button variant="secondary" onPress={onDone}>
          {t('calendars.secretDone')}
        </Button>
      </div>
    </section>
  );
}

function FeedsTable({
  feeds,
  resources,
  isLoading,
}: {
  feeds: CalendarFeed[];
  resources: Resource[];
  isLoading: boolean;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [revoking, setRevoking] = useState<CalendarFeed | null>(null);
  const date = (iso: string) => formatInstant(iso, locale, 'date');
  const names = new Map(resources.map((r) => [r.id, r.name]));

  const columns: DataTableColumn<CalendarFeed>[] = [
    {
      id: 'name',
      header: t('calendars.columns.name'),
      isRowHeader: true,
      cell: (f) => <span className="hub-cell-wrap">{f.name}</span>,
    },
    {
      id: 'kind',
      header: t('calendars.columns.kind'),
      cell: (f) =>
        f.resourceId
          ? (names.get(f.resourceId) ?? t('calendars.unknownResource'))
          : t('calendars.personal'),
    },
    { id: 'created', header: t('calendars.columns.created'), cell: (f) => date(f.createdAt) },
    {
      id: 'lastFetched',
      header: t('calendars.columns.lastFetched'),
      cell: (f) =>
        f.lastFetchedAt ? formatInstant(f.lastFetchedAt, locale) : t('calendars.neverFetched'),
    },
    {
      id: 'status',
      header: t('calendars.columns.status'),
      cell: (f) =>
        f.revokedAt ? (
          <Badge tone="neutral">{t('calendars.revokedOn', { date: date(f.revokedAt) })}</Badge>
        ) : (
          <Badge tone="success">{t('calendars.active')}</Badge>
        ),
    },
    {
      id: 'actions',
      header: t('calendars.columns.actions'),
      cell: (f) =>
        f.revokedAt ? null : (
          <Button
            variant="secondary"
            size="small"
            aria-label={t('calendars.revokeLabel', { name: f.name })}
            onPress={() => setRevoking(f)}
          >
            {t('calendars.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <>
      {feeds.length > 0 ? (
        <p className="hub-results">{t('calendars.count', { count: feeds.length })}</p>
      ) : null}
      <DataTable
        label={t('calendars.tableLabel')}
        columns={columns}
        rows={feeds}
        getRowId={(f) => f.id}
        isLoading={isLoading}
        loadingLabel={t('calendars.loading')}
        emptyState={
          <EmptyState title={t('calendars.empty')} description={t('calendars.emptyHint')} />
        }
      />
      <RevokeFeed feed={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

function RevokeFeed({ feed, onClose }: { feed: CalendarFeed | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const queryClient = useQueryClient();
  // Keep the last feed while the dialog animates out.
  const [shown, setShown] = useState<CalendarFeed | null>(feed);
  if (feed && feed !== shown) setShown(feed);

  const revoke = async () => {
    if (!feed) return;
    try {
      await revokeFeed(feed.id);
    } catch (failure) {
      toast.error(problemMessage(failure, t('calendars.revokeFailed'), language));
      throw failure;
    }
    await queryClient.invalidateQueries({ queryKey: feedKeys.mine });
    toast.success(t('calendars.revoked', { name: feed.name }));
  };

  return (
    <ConfirmDialog
      isOpen={feed !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('calendars.confirmTitle', { name: shown?.name ?? '' })}
      confirmLabel={t('calendars.revoke')}
      cancelLabel={t('app.cancel')}
      pendingLabel={t('calendars.revoking')}
      isDestructive
      onConfirm={revoke}
    >
      <p>{t('calendars.confirmBody')}</p>
    </ConfirmDialog>
  );
}
