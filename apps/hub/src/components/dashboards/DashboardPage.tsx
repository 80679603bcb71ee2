import { MAX_WIDGETS, moveWidget, type Widget } from '@lakou/reports/model';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { ConfirmDialog } from '@lakou/ui/dialog';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { toast } from '@lakou/ui/toast';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import {
  type Dashboard,
  dashboardKeys,
  dashboardQuery,
  updateDashboard,
} from '../../api/dashboards.ts';
import { fieldProblems } from '../../api/events.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { WidgetDialog } from './WidgetDialog.tsx';
import { WidgetView, widgetLabel } from './WidgetView.tsx';
import './dashboards.css';

type Editing = { kind: 'add' } | { kind: 'configure'; index: number } | null;

/**
 * One dashboard: its widgets in a grid. Those who may change it (theirs; a shared one for the
 * board and the admin) switch to « Modifier »: add a widget, configure, remove (asked first) or
 * move one with « Monter » / « Descendre », then save the whole arrangement with the version
 * read — changed by someone else meanwhile, the save is refused and the page offers to reload.
 */
export function DashboardPage({ dashboardId }: { dashboardId: string }) {
  const { t } = useTranslation();
  const dashboard = useQuery(dashboardQuery(dashboardId));
  useDocumentTitle(dashboard.data?.name ?? t('dashboards.title'));

  return (
    <div className="hub-page hub-dashboard">
      <p className="hub-dashboard__back">
        <RouterLink to="/dashboards">{t('dashboards.page.back')}</RouterLink>
      </p>
      {dashboard.isPending ? (
        <LoadingState label={t('dashboards.page.loading')} />
      ) : dashboard.isError ? (
        <ErrorState
          title={t('dashboards.page.loadFailed')}
          detail={fieldProblems(dashboard.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void dashboard.refetch()}
        />
      ) : (
        <DashboardBody dashboard={dashboard.data} />
      )}
    </div>
  );
}

function DashboardBody({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Widget[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [stale, setStale] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  /** The button to focus once the list re-renders after a move (its widget went elsewhere). */
  const [focusNext, setFocusNext] = useState<string | null>(null);

  const isEditing = draft !== null;
  const widgets = draft ?? dashboard.widgets;

  useEffect(() => {
    if (!focusNext) return;
    document.getElementById(focusNext)?.focus();
    setFocusNext(null);
  }, [focusNext]);

  const move = (index: number, by: -1 | 1) => {
    if (!draft) return;
    const next = moveWidget(draft, index, by);
    const moved = draft[index];
    if (!moved) return;
    setDraft(next);
    const position = index + by;
    setAnnouncement(
      t('dashboards.widget.moved', {
        title: widgetLabel(moved, t),
        position: position + 1,
        count: next.length,
      }),
    );
    // Keep the focus on the moved widget: the same button, or the other one at either end.
    const atEnd = by === -1 ? position === 0 : position === next.length - 1;
    setFocusNext(
      `widget-${moved.id}-${atEnd ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'}`,
    );
  };

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await updateDashboard(dashboard.id, {
        version: dashboard.version,
        widgets: draft,
      });
      queryClient.setQueryData(dashboardKeys.detail(dashboard.id), saved);
      await queryClient.invalidateQueries({ queryKey: dashboardKeys.list() });
      setDraft(null);
      toast.success(t('dashboards.page.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setStale(true);
      else setSaveError(fieldProblems(error).detail);
    } finally {
      setSaving(false);
    }
  };

  const reload = async () => {
    setStale(false);
    setDraft(null);
    setSaveError(null);
    await queryClient.invalidateQueries({ queryKey: dashboardKeys.detail(dashboard.id) });
  };

  const removed = removing === null ? undefined : widgets[removing];

  return (
    <>
      <header className="hub-page__header hub-page__header--with-action">
        <div>
          <h1 className="hub-page__title">{dashboard.name}</h1>
          {dashboard.shared ? (
            <p>
              <Badge tone="info">{t('dashboards.page.sharedBadge')}</Badge>
            </p>
          ) : null}
          {dashboard.editable ? null : (
            <p className="hub-page__lead">
              {t('dashboards.page.readOnly', { name: dashboard.owner.name })}
            </p>
          )}
        </div>
        {dashboard.editable ? (
          isEditing ? (
            <div className="hub-dashboard__toolbar">
              <Button
                variant="secondary"
                isDisabled={widgets.length >= MAX_WIDGETS}
                onPress={() => setEditing({ kind: 'add' })}
              >
                {t('dashboards.widget.add')}
              </Button>
              <Button
                variant="secondary"
                isDisabled={isSaving}
                onPress={() => {
                  setDraft(null);
                  setSaveError(null);
                }}
              >
                {t('dashboards.page.discard')}
              </Button>
              <Button
                onPress={() => void save()}
                isPending={isSaving}
                pendingLabel={t('dashboards.common.saving')}
              >
                {t('dashboards.page.save')}
              </Button>
            </div>
          ) : (
            <Button onPress={() => setDraft([...dashboard.widgets])}>
              {t('dashboards.page.edit')}
            </Button>
          )
        ) : null}
      </header>
      {isEditing ? <p className="hub-note">{t('dashboards.page.editing')}</p> : null}
      {isEditing && widgets.length >= MAX_WIDGETS ? (
        <p className="hub-note">{t('dashboards.widget.limit', { max: MAX_WIDGETS })}</p>
      ) : null}
      {stale ? (
        <div className="hub-dashboard__alert" role="alert">
          <p>{t('dashboards.page.stale')}</p>
          <Button variant="secondary" onPress={() => void reload()}>
            {t('dashboards.page.reload')}
          </Button>
        </div>
      ) : null}
      {saveError ? (
        <p className="hub-error-text" role="alert">
          {saveError}
        </p>
      ) : null}
      <p className="lk-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {widgets.length === 0 ? (
        <EmptyState
          title={t('dashboards.page.empty')}
          description={
            dashboard.editable ? t('dashboards.page.emptyEditor') : t('dashboards.page.emptyReader')
          }
        />
      ) : (
        <ol className="hub-dashboard__grid" aria-label={t('dashboards.page.widgetsLabel')}>
          {widgets.map((widget, index) => {
            const label = widgetLabel(widget, t);
            return (
              <li
                key={widget.id}
                className="hub-widget"
                data-display={widget.display}
                aria-label={label}
              >
                {isEditing ? (
                  <div className="hub-widget__tools">
                    <Button
                      id={`widget-${widget.id}-up`}
                      variant="secondary"
                      size="small"
                      isDisabled={index === 0}
                      aria-label={t('dashboards.widget.upLabel', { title: label })}
                      onPress={() => move(index, -1)}
                    >
                      {t('dashboards.widget.up')}
                    </Button>
                    <Button
                      id={`widget-${widget.id}-down`}
                      variant="secondary"
                      size="small"
                      isDisabled={index === widgets.length - 1}
                      aria-label={t('dashboards.widget.downLabel', { title: label })}
                      onPress={() => move(index, 1)}
                    >
                      {t('dashboards.widget.down')}
                    </Button>
                    <Button
                      variant="secondary"
                      size="small"
                      aria-label={t('dashboards.widget.configureLabel', { title: label })}
                      onPress={() => setEditing({ kind: 'configure', index })}
                    >
                      {t('dashboards.widget.configure')}
                    </Button>
                    <Button
                      variant="danger"
                      size="small"
                      aria-label={t('dashboards.widget.removeLabel', { title: label })}
                      onPress={() => setRemoving(index)}
                    >
                      {t('dashboards.widget.remove')}
                    </Button>
                  </div>
                ) : null}
                <WidgetView widget={widget} />
              </li>
            );
          })}
        </ol>
      )}
      <WidgetDialog
        isOpen={editing !== null}
        widget={editing?.kind === 'configure' ? (widgets[editing.index] ?? null) : null}
        onClose={() => setEditing(null)}
        onDone={(widget) => {
          if (!draft || !editing) return;
          if (editing.kind === 'add') {
            setDraft([...draft, widget]);
            setAnnouncement(t('dashboards.widget.added', { title: widgetLabel(widget, t) }));
          } else {
            setDraft(draft.map((w, i) => (i === editing.index ? widget : w)));
          }
          setEditing(null);
        }}
      />
      <ConfirmDialog
        isOpen={removed !== undefined}
        onOpenChange={(open) => {
          if (!open) setRemoving(null);
        }}
        title={t('dashboards.widget.removeTitle', {
          title: removed ? widgetLabel(removed, t) : '',
        })}
        confirmLabel={t('dashboards.widget.remove')}
        cancelLabel={t('app.cancel')}
        isDestructive
        onConfirm={() => {
          if (!draft || removing === null || !removed) return;
          setDraft(draft.filter((_, i) => i !== removing));
          setAnnouncement(t('dashboards.widget.removed', { title: widgetLabel(removed, t) }));
          setRemoving(null);
        }}
      >
        <p>{t('dashboards.widget.removeBody')}</p>
      </ConfirmDialog>
    </>
  );
}
