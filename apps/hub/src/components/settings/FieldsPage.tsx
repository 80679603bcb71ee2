import {
  applicableDefinitions,
  CUSTOM_FIELD_ENTITIES,
  type CustomFieldDefinition,
  type CustomFieldEntity,
  customFieldLabel,
} from '@lakou/domain/config';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { ConfirmDialog } from '@lakou/ui/dialog';
import { SelectField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { toast } from '@lakou/ui/toast';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import {
  Button as AriaButton,
  DropIndicator,
  GridList,
  GridListItem,
  useDragAndDrop,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  customFieldKeys,
  customFieldsQuery,
  reorderCustomFields,
  restoreCustomField,
  retireCustomField,
} from '../../api/customFields.ts';
import { fieldProblems } from '../../api/events.ts';
import { useCan, useMe } from '../../auth/session.ts';
import { useLocale } from '../../i18n/index.ts';
import { CustomFieldsSection } from '../custom-fields/CustomFieldsSection.tsx';
import type { CustomRawValue, CustomRawValues } from '../custom-fields/customFieldForm.ts';
import { useCentres } from '../useCentreNames.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { FieldDialog } from './FieldDialog.tsx';

const NETWORK = 'network';

export interface FieldsPageProps {
  entity: CustomFieldEntity;
  /** The centre whose fields are shown; undefined: the default scope of the reader. */
  centreId: string | undefined;
  onChange: (next: { entity?: CustomFieldEntity; centre?: string | undefined }) => void;
}

/**
 * « Champs personnalisés »: for one entity and one scope (the whole network for the admin, a
 * centre for its managers), the active fields in order — dragged by their handle, with the
 * mouse or the keyboard — the retired ones apart, a dialog to add or change one, and the form
 * as people will see it.
 */
export function FieldsPage({ entity, centreId, onChange }: FieldsPageProps) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const me = useMe();
  const can = useCan();
  const centres = useCentres();
  const queryClient = useQueryClient();
  useDocumentTitle(t('settings.fields.title'));

  const isAdmin = me?.roles.some((r) => r.role === 'admin') ?? false;
  const managed = useMemo(
    () =>
      (me?.roles ?? []).flatMap((r) => (r.role === 'manager' && r.centreId ? [r.centreId] : [])),
    [me],
  );
  // The centres the reader may set up: all of them for the admin, their own for a manager.
  const scopeCentres = isAdmin ? centres : centres.filter((c) => managed.includes(c.id));
  const networkOnly = entity === 'donation';
  const scope: string | null = networkOnly
    ? null
    : (centreId ?? (isAdmin ? null : (managed[0] ?? null)));
  const canEdit = scope === null ? isAdmin : can('config.manage', { centreId: scope }) || isAdmin;
  const scopeLabel =
    scope === null
      ? t('settings.fields.network')
      : t('settings.fields.scopeCentre', {
          centre: centres.find((c) => c.id === scope)?.name ?? '…',
        });

  const fields = useQuery(customFieldsQuery({ entity, centreId: scope, includeRetired: true }));
  const own = useMemo(
    () =>
      (fields.data ?? [])
        .filter((d) => d.entity === entity && d.centreId === scope)
        .sort((a, b) => a.position - b.position || a.createdAt.localeCompare(b.createdAt)),
    [fields.data, entity, scope],
  );
  const active = own.filter((d) => d.retiredAt === null);
  const retired = own.filter((d) => d.retiredAt !== null);
  const inherited =
    scope === null
      ? []
      : (fields.data ?? []).filter(
          (d) => d.entity === entity && d.centreId === null && d.retiredAt === null,
        );
  const applicable = useMemo(
    () => applicableDefinitions(fields.data ?? [], { entity, centreId: scope }),
    [fields.data, entity, scope],
  );

  const [editing, setEditing] = useState<CustomFieldDefinition | 'new' | null>(null);
  const [retiring, setRetiring] = useState<CustomFieldDefinition | null>(null);
  const [preview, setPreview] = useState<CustomRawValues>({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: customFieldKeys.all });
  const label = (d: CustomFieldDefinition) => customFieldLabel(d, language);

  const entityName = t(`settings.entities.${entity}`);

  const restore = async (d: CustomFieldDefinition) => {
    try {
      await restoreCustomField(d.id);
      toast.success(t('settings.fields.restored', { label: label(d) }));
    } catch (error) {
      toast.error(t('settings.fields.failed'), fieldProblems(error).detail);
    }
    await refresh();
  };

  const retire = async () => {
    if (!retiring) return;
    try {
      await retireCustomField(retiring.id);
      toast.success(t('settings.fields.retired', { label: label(retiring) }));
      setRetiring(null);
    } catch (error) {
      toast.error(t('settings.fields.failed'), fieldProblems(error).detail);
      throw error;
    } finally {
      await refresh();
    }
  };

  const reorder = async (ids: string[]) => {
    try {
      await reorderCustomFields({ entity, centreId: scope, ids });
      toast.success(t('settings.fields.orderSaved'));
    } catch (error) {
      toast.error(t('settings.fields.orderFailed'), fieldProblems(error).detail);
    }
    await refresh();
  };

  return (
    <section className="hub-fields-page" aria-labelledby="settings-fields-title">
      <h2 id="settings-fields-title" className="hub-section-title">
        {t('settings.fields.title')}
      </h2>
      <p className="hub-page__lead">{t('settings.fields.lead')}</p>

      <div className="hub-fields__scope">
        <SelectField
          label={t('settings.fields.entity')}
          options={CUSTOM_FIELD_ENTITIES.map((e) => ({
            id: e,
            label: t(`settings.entities.${e}`),
          }))}
          selectedKey={entity}
          onSelectionChange={(key) => {
            if (key) onChange({ entity: key as CustomFieldEntity });
          }}
        />
        {networkOnly ? null : (
          <SelectField
            label={t('settings.fields.scope')}
            options={[
              ...(isAdmin ? [{ id: NETWORK, label: t('settings.fields.network') }] : []),
              ...scopeCentres.map((c) => ({ id: c.id, label: c.name })),
            ]}
            selectedKey={scope ?? NETWORK}
            onSelectionChange={(key) => {
              if (key) onChange({ centre: key === NETWORK ? undefined : String(key) });
            }}
          />
        )}
        {canEdit ? (
          <Button onPress={() => setEditing('new')}>{t('settings.fields.add')}</Button>
        ) : null}
      </div>
      {networkOnly ? <p className="hub-note">{t('settings.fields.networkOnly')}</p> : null}
      {!isAdmin && managed.length === 0 ? (
        <p className="hub-note">{t('settings.fields.noScope')}</p>
      ) : null}

      <div className="hub-fields">
        <div className="hub-fields__column">
          {fields.isPending ? (
            <LoadingState label={t('settings.fields.loading')} />
          ) : fields.isError ? (
            <ErrorState
              title={t('settings.fields.loadFailed')}
              detail={fieldProblems(fields.error).detail}
              retryLabel={t('errors.retry')}
              onRetry={() => void fields.refetch()}
            />
          ) : (
            <>
              {inherited.length > 0 ? (
                <details className="hub-fields__retired">
                  <summary>
                    {t('settings.fields.inheritedTitle')} ({inherited.length})
                  </summary>
                  <p className="hub-note">{t('settings.fields.inheritedHelp')}</p>
                  <ul className="hub-fields__list">
                    {inherited.map((d) => (
                      <li key={d.id} className="hub-fields__item">
                        <FieldSummary field={d} />
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              {active.length === 0 ? (
                <EmptyState
                  title={t('settings.fields.empty')}
                  description={t('settings.fields.emptyHelp')}
                  action={
                    canEdit ? (
                      <Button variant="secondary" onPress={() => setEditing('new')}>
                        {t('settings.fields.add')}
                      </Button>
                    ) : undefined
                  }
                />
              ) : (
                <OrderedFields
                  fields={active}
                  listLabel={t('settings.fields.listLabel', {
                    entity: entityName,
                    scope: scopeLabel,
                  })}
                  canEdit={canEdit}
                  onReorder={(ids) => void reorder(ids)}
                  onEdit={setEditing}
                  onRetire={setRetiring}
                />
              )}
              {retired.length > 0 ? (
                <details className="hub-fields__retired">
                  <summary>{t('settings.fields.retiredList', { count: retired.length })}</summary>
                  <ul className="hub-fields__list">
                    {retired.map((d) => (
                      <li key={d.id} className="hub-fields__item">
                        <FieldSummary field={d} />
                        {canEdit ? (
                          <div className="hub-fields__actions">
                            <Button
                              variant="secondary"
                              size="small"
                              aria-label={t('settings.fields.restoreLabel', { label: label(d) })}
                              onPress={() => void restore(d)}
                            >
                              {t('settings.fields.restore')}
                            </Button>
                          </div>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </>
          )}
        </div>

        <section className="hub-fields__preview" aria-labelledby="settings-fields-preview">
          <h3 id="settings-fields-preview" className="hub-section-title">
            {t('settings.fields.previewTitle')}
          </h3>
          <p className="hub-note">{t('settings.fields.previewHelp')}</p>
          {applicable.length === 0 ? (
            <p>{t('settings.fields.previewEmpty')}</p>
          ) : (
            <form className="hub-form" noValidate onSubmit={(e) => e.preventDefault()}>
              <CustomFieldsSection
                definitions={applicable}
                values={preview}
                onChange={(key: string, value: CustomRawValue) =>
                  setPreview((current) => ({ ...current, [key]: value }))
                }
                title={entityName}
              />
            </form>
          )}
        </section>
      </div>

      <FieldDialog
        isOpen={editing !== null}
        field={editing === 'new' ? null : editing}
        entity={entity}
        centreId={scope}
        scopeLabel={scopeLabel}
        onClose={() => setEditing(null)}
        onDone={async () => {
          setEditing(null);
          await refresh();
        }}
      />
      <ConfirmDialog
        isOpen={retiring !== null}
        onOpenChange={(open) => {
          if (!open) setRetiring(null);
        }}
        title={t('settings.fields.retireTitle', { label: retiring ? label(retiring) : '' })}
        confirmLabel={t('settings.fields.retireConfirm')}
        cancelLabel={t('app.cancel')}
        pendingLabel={t('settings.fields.retiring')}
        isDestructive
        onConfirm={retire}
      >
        <p>{t('settings.fields.retireBody')}</p>
      </ConfirmDialog>
    </section>
  );
}

/** Name, type and flags of a field. */
function FieldSummary({ field }: { field: CustomFieldDefinition }) {
  const { t } = useTranslation();
  const { language, locale } = useLocale();
  return (
    <div className="hub-fields__main">
      <span className="hub-fields__name">{customFieldLabel(field, language)}</span>
      <span className="hub-fields__facts">
        <span>{t(`settings.types.${field.type}`)}</span>
        <span>
          {field.required ? t('settings.fields.required') : t('settings.fields.optional')}
        </span>
        {field.inTables ? <Badge tone="info">{t('settings.fields.inTables')}</Badge> : null}
        {field.confidential ? (
          <Badge tone="warning">{t('settings.fields.confidential')}</Badge>
        ) : null}
        <span>{t('settings.fields.key', { key: field.key })}</span>
        {field.retiredAt ? (
          <span>
            {t('settings.fields.retiredOn', {
              date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(
                new Date(field.retiredAt),
              ),
            })}
          </span>
        ) : null}
      </span>
    </div>
  );
}

/**
 * The active fields in their order. Each row has a handle: dragged with the mouse or a finger,
 * or — with the keyboard — focused, Enter, arrows to the new place, Enter (React Aria's drag
 * and drop, announced to screen readers). The new order is saved at once.
 */
function OrderedFields({
  fields,
  listLabel,
  canEdit,
  onReorder,
  onEdit,
  onRetire,
}: {
  fields: CustomFieldDefinition[];
  listLabel: string;
  canEdit: boolean;
  onReorder: (ids: string[]) => void;
  onEdit: (field: CustomFieldDefinition) => void;
  onRetire: (field: CustomFieldDefinition) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLocale();
  // Shown at once in the new order while the server saves it.
  const [order, setOrder] = useState(() => fields.map((f) => f.id));
  const serverOrder = fields.map((f) => f.id).join(',');
  // Follow the server's order whenever it changes.
  useEffect(() => setOrder(serverOrder.split(',')), [serverOrder]);
  const byId = new Map(fields.map((f) => [f.id, f]));
  const items = order.flatMap((id) => {
    const field = byId.get(id);
    return field ? [field] : [];
  });
  // Fields the server knows but the local order has not caught up with yet.
  for (const f of fields) if (!order.includes(f.id)) items.push(f);
  const labelOf = (id: string) => {
    const field = byId.get(id);
    return field ? customFieldLabel(field, language) : id;
  };

  const { dragAndDropHooks } = useDragAndDrop({
    getItems: (keys) => [...keys].map((key) => ({ 'text/plain': labelOf(String(key)) })),
    onReorder: (event) => {
      const moving = [...event.keys].map(String);
      const rest = items.map((f) => f.id).filter((id) => !moving.includes(id));
      let at = rest.indexOf(String(event.target.key));
      if (at < 0) return;
      if (event.target.dropPosition === 'after') at += 1;
      rest.splice(at, 0, ...moving);
      setOrder(rest);
      onReorder(rest);
    },
    renderDropIndicator: (target) => (
      <DropIndicator target={target} className="hub-fields__drop-indicator" />
    ),
  });

  return (
    <>
      {canEdit ? <p className="hub-note">{t('settings.fields.orderHelp')}</p> : null}
      <GridList
        aria-label={listLabel}
        items={items}
        dragAndDropHooks={canEdit ? dragAndDropHooks : undefined}
        className="hub-fields__list"
      >
        {(field) => {
          const label = customFieldLabel(field, language);
          return (
            <GridListItem id={field.id} textValue={label} className="hub-fields__item">
              {canEdit ? (
                <AriaButton
                  slot="drag"
                  className="hub-fields__handle"
                  aria-label={t('settings.fields.dragHandle', { label })}
                >
                  <svg aria-hidden="true" width="14" height="20" viewBox="0 0 14 20">
                    {[4, 10, 16].flatMap((y) => [
                      <circle key={`l${y}`} cx="4" cy={y} r="1.6" fill="currentColor" />,
                      <circle key={`r${y}`} cx="10" cy={y} r="1.6" fill="currentColor" />,
                    ])}
                  </svg>
                </AriaButton>
              ) : null}
              <FieldSummary field={field} />
              {canEdit ? (
                <div className="hub-fields__actions">
                  <Button
                    variant="secondary"
                    size="small"
                    aria-label={t('settings.fields.editLabel', { label })}
                    onPress={() => onEdit(field)}
                  >
                    {t('settings.fields.edit')}
                  </Button>
                  <Button
                    variant="secondary"
                    size="small"
                    aria-label={t('settings.fields.retireLabel', { label })}
                    onPress={() => onRetire(field)}
                  >
                    {t('settings.fields.retire')}
                  </Button>
                </div>
              ) : null}
            </GridListItem>
          );
        }}
      </GridList>
    </>
  );
}
