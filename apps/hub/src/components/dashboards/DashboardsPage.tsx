import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { ConfirmDialog, Dialog } from '@lakou/ui/dialog';
import { Checkbox, TextField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { toast } from '@lakou/ui/toast';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createDashboard,
  type Dashboard,
  dashboardKeys,
  dashboardsQuery,
  deleteDashboard,
  updateDashboard,
} from '../../api/dashboards.ts';
import { fieldProblems } from '../../api/events.ts';
import { useCan } from '../../auth/session.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import './dashboards.css';

/**
 * The composable dashboards: the reader's own, then those shared with the board. Any report
 * reader makes their own; the board and the admin share one with the whole board (and change
 * the shared ones). Renaming, sharing and deleting are done from the list.
 */
export function DashboardsPage() {
  const { t } = useTranslation();
  const dashboards = useQuery(dashboardsQuery());
  const can = useCan();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<Dashboard | null>(null);
  const [deleting, setDeleting] = useState<Dashboard | null>(null);
  useDocumentTitle(t('dashboards.title'));
  const mayShare = can('dashboard.manage', { sharedWithBoard: true });
  const refresh = () => queryClient.invalidateQueries({ queryKey: dashboardKeys.all });

  const mine = dashboards.data?.filter((d) => d.mine && !d.shared) ?? [];
  const board = dashboards.data?.filter((d) => d.shared) ?? [];

  const toggleShare = async (d: Dashboard) => {
    try {
      await updateDashboard(d.id, { version: d.version, shared: !d.shared });
      toast.success(t(d.shared ? 'dashboards.share.unshared' : 'dashboards.share.shared', d));
    } catch (error) {
      toast.error(t('dashboards.common.failed'), fieldProblems(error).detail);
    }
    await refresh();
  };

  const list = (items: Dashboard[], headingId: string) => (
    <ul className="hub-dashboards__list" aria-labelledby={headingId}>
      {items.map((d) => (
        <li key={d.id} className="hub-dashboards__item">
          <div className="hub-dashboards__item-main">
            <RouterLink
              to="/dashboards/$dashboardId"
              params={{ dashboardId: d.id }}
              className="hub-dashboards__name"
            >
              {d.name}
            </RouterLink>
            <span className="hub-muted">
              {t('dashboards.list.widgetCount', { count: d.widgets.length })}
              {d.mine ? null : ` · ${t('dashboards.list.by', { name: d.owner.name })}`}
            </span>
            {d.shared ? <Badge tone="info">{t('dashboards.list.shared')}</Badge> : null}
          </div>
          {d.editable ? (
            <fieldset
              className="hub-dashboards__actions"
              aria-label={t('dashboards.list.actions', { name: d.name })}
            >
              <Button
                variant="secondary"
                size="small"
                aria-label={t('dashboards.rename.label', { name: d.name })}
                onPress={() => setRenaming(d)}
              >
                {t('dashboards.rename.open')}
              </Button>
              {mayShare ? (
                <Button
                  variant="secondary"
                  size="small"
                  aria-label={t(
                    d.shared ? 'dashboards.share.unshareLabel' : 'dashboards.share.shareLabel',
                    { name: d.name },
                  )}
                  onPress={() => void toggleShare(d)}
                >
                  {t(d.shared ? 'dashboards.share.unshare' : 'dashboards.share.share')}
                </Button>
              ) : null}
              <Button
                variant="danger"
                size="small"
                aria-label={t('dashboards.delete.label', { name: d.name })}
                onPress={() => setDeleting(d)}
              >
                {t('dashboards.delete.open')}
              </Button>
            </fieldset>
          ) : null}
        </li>
      ))}
    </ul>
  );

  return (
    <div className="hub-page hub-dashboards">
      <header className="hub-page__header hub-page__header--with-action">
        <div>
          <h1 className="hub-page__title">{t('dashboards.title')}</h1>
          <p className="hub-page__lead">{t('dashboards.lead')}</p>
        </div>
        {can('dashboard.manage') ? (
          <Button onPress={() => setCreating(true)}>{t('dashboards.create.open')}</Button>
        ) : null}
      </header>
      {dashboards.isPending ? (
        <LoadingState label={t('dashboards.list.loading')} />
      ) : dashboards.isError ? (
        <ErrorState
          title={t('dashboards.list.loadFailed')}
          detail={fieldProblems(dashboards.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void dashboards.refetch()}
        />
      ) : (
        <>
          <section className="hub-stack" aria-labelledby="dashboards-mine">
            <h2 className="hub-section-title" id="dashboards-mine">
              {t('dashboards.list.mine')}
            </h2>
            {mine.length === 0 ? (
              <EmptyState
                title={t('dashboards.list.emptyMine')}
                description={t('dashboards.list.emptyMineBody')}
              />
            ) : (
              list(mine, 'dashboards-mine')
            )}
          </section>
          <section className="hub-stack" aria-labelledby="dashboards-board">
            <h2 className="hub-section-title" id="dashboards-board">
              {t('dashboards.list.board')}
            </h2>
            {board.length === 0 ? (
              <p className="hub-muted">{t('dashboards.list.emptyBoard')}</p>
            ) : (
              list(board, 'dashboards-board')
            )}
          </section>
        </>
      )}
      <NameDialog
        isOpen={creating}
        title={t('dashboards.create.title')}
        submitLabel={t('dashboards.create.submit')}
        initialName=""
        offerShare={mayShare}
        onClose={() => setCreating(false)}
        onSubmit={async (name, shared) => {
          const made = await createDashboard({ name, shared });
          setCreating(false);
          toast.success(t('dashboards.create.created', { name: made.name }));
          await refresh();
          await navigate({ to: '/dashboards/$dashboardId', params: { dashboardId: made.id } });
        }}
      />
      <NameDialog
        isOpen={renaming !== null}
        title={t('dashboards.rename.title')}
        submitLabel={t('dashboards.rename.submit')}
        initialName={renaming?.name ?? ''}
        offerShare={false}
        onClose={() => setRenaming(null)}
        onSubmit={async (name) => {
          if (!renaming) return;
          const saved = await updateDashboard(renaming.id, { version: renaming.version, name });
          setRenaming(null);
          toast.success(t('dashboards.rename.renamed', { name: saved.name }));
          await refresh();
        }}
      />
      <ConfirmDialog
        isOpen={deleting !== null}
        onOpenChange={(open) => {
          if (!open) setDeleting(null);
        }}
        title={t('dashboards.delete.title', { name: deleting?.name ?? '' })}
        confirmLabel={t('dashboards.delete.confirm')}
        cancelLabel={t('app.cancel')}
        pendingLabel={t('dashboards.delete.pending')}
        isDestructive
        onConfirm={async () => {
          if (!deleting) return;
          try {
            await deleteDashboard(deleting.id);
            toast.success(t('dashboards.delete.deleted', { name: deleting.name }));
            setDeleting(null);
            await refresh();
          } catch (error) {
            toast.error(t('dashboards.common.failed'), fieldProblems(error).detail);
            throw error;
          }
        }}
      >
        <p>{deleting?.shared ? t('dashboards.delete.bodyShared') : t('dashboards.delete.body')}</p>
      </ConfirmDialog>
    </div>
  );
}

/** The name of a new dashboard (and whether to share it), or a new name for one. */
function NameDialog({
  isOpen,
  title,
  submitLabel,
  initialName,
  offerShare,
  onClose,
  onSubmit,
}: {
  isOpen: boolean;
  title: string;
  submitLabel: string;
  initialName: string;
  offerShare: boolean;
  onClose: () => void;
  onSubmit: (name: string, shared: boolean) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={title}
      closeLabel={t('app.close')}
      isDismissable={false}
    >
      {isOpen ? (
        <NameForm
          initialName={initialName}
          offerShare={offerShare}
          submitLabel={submitLabel}
          onClose={onClose}
          onSubmit={onSubmit}
        />
      ) : null}
    </Dialog>
  );
}

function NameForm({
  initialName,
  offerShare,
  submitLabel,
  onClose,
  onSubmit,
}: {
  initialName: string;
  offerShare: boolean;
  submitLabel: string;
  onClose: () => void;
  onSubmit: (name: string, shared: boolean) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const save = async () => {
    setDetail(null);
    if (name.trim() === '') {
      setError(t('dashboards.form.nameRequired'));
      return;
    }
    setError(null);
    setPending(true);
    try {
      await onSubmit(name.trim(), shared);
    } catch (e) {
      const problems = fieldProblems(e);
      setError(problems.fields.name ?? null);
      setDetail(problems.fields.name ? null : problems.detail);
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="hub-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextField
        label={t('dashboards.create.name')}
        value={name}
        onChange={setName}
        isRequired
        maxLength={80}
        autoFocus
        isInvalid={error !== null}
        errorMessage={error ?? undefined}
      />
      {offerShare ? (
        <Checkbox
          label={t('dashboards.create.shared')}
          description={t('dashboards.create.sharedHelp')}
          isSelected={shared}
          onChange={setShared}
        />
      ) : null}
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
      <div className="lk-dialog__footer hub-dialog-actions">
        <Button variant="secondary" onPress={onClose} isDisabled={isPending}>
          {t('app.cancel')}
        </Button>
        <Button type="submit" isPending={isPending} pendingLabel={t('dashboards.common.saving')}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
