import { payingAudiences, type Tariff } from '@lakou/domain/booking/rules';
import {
  EDITABLE_LISTS,
  type EditableList,
  type EditableListView,
  type ListItem,
  listItemLabel,
} from '@lakou/domain/config/lists';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { ConfirmDialog } from '@lakou/ui/dialog';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState } from '@lakou/ui/states';
import { toast } from '@lakou/ui/toast';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { refusalOf } from '../../api/donations.ts';
import {
  createListItem,
  deleteListItem,
  listKeys,
  listsQuery,
  mergeListItem,
  restoreListItem,
  retireListItem,
  updateListItem,
} from '../../api/lists.ts';
import { useMe } from '../../auth/session.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCents } from '../../lib/agenda.ts';
import { type RatesDraft, ratesData, ratesDraftOf } from '../../lib/lists.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import './lists.css';

/**
 * « Paramètres › Listes »: one editor per editable list. Add, rename in place, reorder, retire or
 * restore (asked first), merge into another item (says how many rows move), delete only what
 * nothing uses. The API judges every change; its refusals are shown as they come (French).
 */
export function ListsPage({ list }: { list: EditableList }) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const me = useMe();
  const isAdmin = me?.roles.some((r) => r.role === 'admin') ?? false;
  const lists = useQuery(listsQuery());
  const view = lists.data?.find((l) => l.list === list);
  const title = view ? (language === 'en' ? view.labelEn : view.labelFr) : t('lists.title');
  useDocumentTitle(`${t('lists.title')} – ${title}`);

  return (
    <section className="hub-lists" aria-labelledby="settings-lists-title">
      <h2 id="settings-lists-title" className="hub-section-title">
        {t('lists.title')}
      </h2>
      <p className="hub-page__lead">{t('lists.lead')}</p>
      {isAdmin ? null : <p className="hub-note">{t('lists.readOnly')}</p>}
      <nav aria-label={t('lists.choose')} className="hub-lists__nav">
        <ul>
          {EDITABLE_LISTS.map((l) => {
            const v = lists.data?.find((x) => x.list === l);
            const name = v ? (language === 'en' ? v.labelEn : v.labelFr) : l;
            return (
              <li key={l}>
                <Link
                  href={`/settings/lists?list=${l}`}
                  className="lk-link hub-lists__choice"
                  aria-current={l === list ? 'page' : undefined}
                >
                  {name}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {lists.isError && !lists.data ? (
        <ErrorState
          title={t('errors.title')}
          detail={refusalOf(lists.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void lists.refetch()}
        />
      ) : !view ? (
        <p role="status">{t('lists.loading')}</p>
      ) : (
        <ListEditor key={list} view={view} canEdit={isAdmin} title={title} />
      )}
    </section>
  );
}

function ListEditor({
  view,
  canEdit,
  title,
}: {
  view: EditableListView;
  canEdit: boolean;
  title: string;
}) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: listKeys.all });
  const label = (i: Pick<ListItem, 'labelFr' | 'labelEn'>) => listItemLabel(i, language);
  const items = view.items;
  const [renaming, setRenaming] = useState<string | null>(null);
  const [retiring, setRetiring] = useState<ListItem | null>(null);
  const [merging, setMerging] = useState<ListItem | null>(null);
  const [deleting, setDeleting] = useState<ListItem | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (error: unknown) => {
    toast.error(refusalOf(error).detail);
  };

  /** Moves an item one place; every item whose place changes gets its new position. */
  const move = async (index: number, by: -1 | 1) => {
    const order = [...items];
    const [moved] = order.splice(index, 1);
    if (!moved) return;
    order.splice(index + by, 0, moved);
    setBusy(true);
    try {
      for (const [position, item] of order.entries()) {
        if (item.position !== position) {
          await updateListItem(view.list, item.key, { position });
        }
      }
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  const restore = async (item: ListItem) => {
    try {
      await restoreListItem(view.list, item.key);
      toast.success(t('lists.restore.done', { label: label(item) }));
    } catch (error) {
      fail(error);
    }
    await refresh();
  };

  return (
    <div className="hub-lists__editor">
      {canEdit && view.canAdd ? <AddForm list={view.list} onAdded={refresh} /> : null}
      {!view.canAdd ? <p className="hub-note">{t('lists.fixed')}</p> : null}
      {items.length === 0 ? (
        <EmptyState title={t('lists.empty')} />
      ) : (
        <div className="hub-lists__scroll">
          <table className="hub-lists__table" aria-label={t('lists.tableLabel', { list: title })}>
            <thead>
              <tr>
                {canEdit ? <th scope="col">{t('lists.columns.order')}</th> : null}
                <th scope="col">{t('lists.columns.labelFr')}</th>
                <th scope="col">{t('lists.columns.labelEn')}</th>
                <th scope="col">{t('lists.columns.key')}</th>
                {canEdit ? <th scope="col">{t('lists.columns.usage')}</th> : null}
                <th scope="col">{t('lists.columns.status')}</th>
                {canEdit ? <th scope="col">{t('lists.columns.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((item, index) => (
                <tr key={item.key} data-retired={item.retired || undefined}>
                  {canEdit ? (
                    <td className="hub-lists__order">
                      <Button
                        variant="secondary"
                        size="small"
                        aria-label={t('lists.move.up', { label: label(item) })}
                        isDisabled={busy || index === 0}
                        onPress={() => void move(index, -1)}
                      >
                        ↑
                      </Button>
                      <Button
                        variant="secondary"
                        size="small"
                        aria-label={t('lists.move.down', { label: label(item) })}
                        isDisabled={busy || index === items.length - 1}
                        onPress={() => void move(index, 1)}
                      >
                        ↓
                      </Button>
                    </td>
                  ) : null}
                  {renaming === item.key ? (
                    <td colSpan={2}>
                      <RenameForm
                        list={view.list}
                        item={item}
                        onDone={async () => {
                          setRenaming(null);
                          await refresh();
                        }}
                        onCancel={() => setRenaming(null)}
                      />
                    </td>
                  ) : (
                    <>
                      <th scope="row">
                        {item.labelFr}
                        {view.list === 'tariff' ? <RatesSummary data={item.data} /> : null}
                      </th>
                      <td>{item.labelEn}</td>
                    </>
                  )}
                  <td>
                    <code>{item.key}</code>
                  </td>
                  {canEdit ? (
                    <td className="hub-nowrap">{t('lists.usage', { count: item.usage ?? 0 })}</td>
                  ) : null}
                  <td>
                    <span className="hub-lists__badges">
                      {item.mergedInto ? (
                        <Badge>
                          {t('lists.status.merged', {
                            into: label(
                              items.find((i) => i.key === item.mergedInto) ?? {
                                labelFr: item.mergedInto,
                                labelEn: '',
                              },
                            ),
                          })}
                        </Badge>
                      ) : item.retired ? (
                        <Badge>{t('lists.status.retired')}</Badge>
                      ) : (
                        <Badge tone="success">{t('lists.status.active')}</Badge>
                      )}
                      {item.system ? <Badge tone="info">{t('lists.status.system')}</Badge> : null}
                    </span>
                  </td>
                  {canEdit ? (
                    <td>
                      <span className="hub-lists__actions">
                        <Button
                          variant="secondary"
                          size="small"
                          aria-label={t('lists.rename.actionLabel', { label: label(item) })}
                          onPress={() => setRenaming(item.key)}
                        >
                          {t('lists.rename.action')}
                        </Button>
                        {item.mergedInto ? null : item.retired ? (
                          <Button
                            variant="secondary"
                            size="small"
                            aria-label={t('lists.restore.actionLabel', { label: label(item) })}
                            onPress={() => void restore(item)}
                          >
                            {t('lists.restore.action')}
                          </Button>
                        ) : item.retirable ? (
                          <Button
                            variant="secondary"
                            size="small"
                            aria-label={t('lists.retire.actionLabel', { label: label(item) })}
                            onPress={() => setRetiring(item)}
                          >
                            {t('lists.retire.action')}
                          </Button>
                        ) : null}
                        {view.canMerge && !item.retired && !item.system ? (
                          <Button
                            variant="secondary"
                            size="small"
                            aria-label={t('lists.merge.actionLabel', { label: label(item) })}
                            onPress={() => setMerging(item)}
                          >
                            {t('lists.merge.action')}
                          </Button>
                        ) : null}
                        {item.usage === 0 && !item.system ? (
                          <Button
                            variant="danger"
                            size="small"
                            aria-label={t('lists.delete.actionLabel', { label: label(item) })}
                            onPress={() => setDeleting(item)}
                          >
                            {t('lists.delete.action')}
                          </Button>
                        ) : null}
                      </span>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        isOpen={retiring !== null}
        onOpenChange={(open) => {
          if (!open) setRetiring(null);
        }}
        title={retiring ? t('lists.retire.title', { label: label(retiring) }) : ''}
        confirmLabel={t('lists.retire.confirm')}
        cancelLabel={t('lists.cancel')}
        onConfirm={async () => {
          if (!retiring) return;
          try {
            await retireListItem(view.list, retiring.key);
            toast.success(t('lists.retire.done', { label: label(retiring) }));
            setRetiring(null);
          } catch (error) {
            fail(error);
            setRetiring(null);
          }
          await refresh();
        }}
      >
        <p>{retiring ? t('lists.retire.body', { count: retiring.usage ?? 0 }) : null}</p>
      </ConfirmDialog>
      {merging ? (
        <MergeDialog
          list={view.list}
          item={merging}
          items={items}
          onClose={() => setMerging(null)}
          onMerged={refresh}
        />
      ) : null}
      <ConfirmDialog
        isOpen={deleting !== null}
        onOpenChange={(open) => {
          if (!open) setDeleting(null);
        }}
        title={deleting ? t('lists.delete.title', { label: label(deleting) }) : ''}
        confirmLabel={t('lists.delete.confirm')}
        cancelLabel={t('lists.cancel')}
        isDestructive
        onConfirm={async () => {
          if (!deleting) return;
          try {
            await deleteListItem(view.list, deleting.key);
            toast.success(t('lists.delete.done', { label: label(deleting) }));
          } catch (error) {
            fail(error);
          }
          setDeleting(null);
          await refresh();
        }}
      >
        <p>{t('lists.delete.body')}</p>
      </ConfirmDialog>
    </div>
  );
}

function AddForm({ list, onAdded }: { list: EditableList; onAdded: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [rates, setRates] = useState<RatesDraft>(() => ratesDraftOf(undefined, locale));
  const [invalidRates, setInvalidRates] = useState<string[]>([]);
  const [key, setKey] = useState('');
  const [labelFr, setLabelFr] = useState('');
  const [labelEn, setLabelEn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setErrors({});
    setDetail(null);
    let data: Record<string, unknown> = {};
    if (list === 'tariff') {
      const checked = ratesData(rates);
      setInvalidRates('invalid' in checked ? checked.invalid : []);
      if ('invalid' in checked) {
        setPending(false);
        return;
      }
      data = checked.data;
    }
    try {
      const made = await createListItem(list, { key, labelFr, labelEn, data });
      toast.success(t('lists.add.done', { label: made.labelFr }));
      setKey('');
      setLabelFr('');
      setLabelEn('');
      await onAdded();
    } catch (error) {
      const refusal = refusalOf(error);
      setErrors(refusal.fields);
      setDetail(Object.keys(refusal.fields).length > 0 ? null : refusal.detail);
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="hub-lists__add" noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="hub-section-title">{t('lists.add.title')}</h3>
      <div className="hub-lists__add-fields">
        <TextField
          label={t('lists.add.labelFr')}
          value={labelFr}
          onChange={setLabelFr}
          isRequired
          errorMessage={errors.labelFr}
          isInvalid={Boolean(errors.labelFr)}
        />
        <TextField
          label={t('lists.add.labelEn')}
          value={labelEn}
          onChange={setLabelEn}
          errorMessage={errors.labelEn}
          isInvalid={Boolean(errors.labelEn)}
        />
        <TextField
          label={t('lists.add.key')}
          description={t('lists.add.keyHelp')}
          value={key}
          onChange={setKey}
          isRequired
          errorMessage={errors.key}
          isInvalid={Boolean(errors.key)}
        />
        {list === 'tariff' ? null : (
          <Button type="submit" variant="primary" isDisabled={pending}>
            {t('lists.add.submit')}
          </Button>
        )}
      </div>
      {list === 'tariff' ? (
        <>
          <RatesFields draft={rates} onChange={setRates} invalid={invalidRates} />
          <Button type="submit" variant="primary" isDisabled={pending}>
            {t('lists.add.submit')}
          </Button>
        </>
      ) : null}
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
    </form>
  );
}

function RenameForm({
  list,
  item,
  onDone,
  onCancel,
}: {
  list: EditableList;
  item: ListItem;
  onDone: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [rates, setRates] = useState<RatesDraft>(() => ratesDraftOf(item.data, locale));
  const [invalidRates, setInvalidRates] = useState<string[]>([]);
  const [labelFr, setLabelFr] = useState(item.labelFr);
  const [labelEn, setLabelEn] = useState(item.labelEn);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [detail, setDetail] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let data: Record<string, unknown> | undefined;
    if (list === 'tariff') {
      const checked = ratesData(rates);
      setInvalidRates('invalid' in checked ? checked.invalid : []);
      if ('invalid' in checked) return;
      data = checked.data;
    }
    try {
      const saved = await updateListItem(list, item.key, {
        labelFr,
        labelEn,
        ...(data ? { data } : {}),
      });
      toast.success(t('lists.rename.done', { label: saved.labelFr }));
      await onDone();
    } catch (error) {
      const refusal = refusalOf(error);
      setErrors(refusal.fields);
      setDetail(Object.keys(refusal.fields).length > 0 ? null : refusal.detail);
    }
  };

  return (
    <form className="hub-lists__rename" noValidate onSubmit={(e) => void submit(e)}>
      <TextField
        label={t('lists.columns.labelFr')}
        value={labelFr}
        onChange={setLabelFr}
        isRequired
        autoFocus
        errorMessage={errors.labelFr}
        isInvalid={Boolean(errors.labelFr)}
      />
      <TextField
        label={t('lists.columns.labelEn')}
        value={labelEn}
        onChange={setLabelEn}
        errorMessage={errors.labelEn}
        isInvalid={Boolean(errors.labelEn)}
      />
      {list === 'tariff' ? (
        <RatesFields draft={rates} onChange={setRates} invalid={invalidRates} />
      ) : null}
      <span className="hub-lists__actions">
        <Button type="submit" variant="primary" size="small">
          {t('lists.rename.save')}
        </Button>
        <Button variant="secondary" size="small" onPress={onCancel}>
          {t('lists.rename.cancel')}
        </Button>
      </span>
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
    </form>
  );
}

function MergeDialog({
  list,
  item,
  items,
  onClose,
  onMerged,
}: {
  list: EditableList;
  item: ListItem;
  items: ListItem[];
  onClose: () => void;
  onMerged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const label = (i: ListItem) => listItemLabel(i, language);
  const targets = items.filter((i) => i.key !== item.key && !i.retired);
  const [into, setInto] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const count = item.usage ?? 0;

  return (
    <ConfirmDialog
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('lists.merge.title', { label: label(item) })}
      confirmLabel={t('lists.merge.confirm')}
      cancelLabel={t('lists.cancel')}
      isDestructive
      onConfirm={async () => {
        if (!into) {
          setError(t('lists.merge.chooseTarget'));
          throw new Error('no target');
        }
        try {
          const result = await mergeListItem(list, item.key, into);
          toast.success(
            t('lists.merge.done', {
              label: label(item),
              into: label(result.into),
              count: result.moved,
            }),
          );
          await onMerged();
          onClose();
        } catch (failure) {
          setError(refusalOf(failure).detail);
          throw failure;
        }
      }}
    >
      <p>{t('lists.merge.body', { label: label(item), count })}</p>
      <SelectField
        label={t('lists.merge.target')}
        options={targets.map((i) => ({ id: i.key, label: label(i) }))}
        selectedKey={into}
        onSelectionChange={(key) => {
          setInto(key === null ? null : String(key));
          setError(null);
        }}
        isRequired
        errorMessage={error ?? undefined}
        isInvalid={Boolean(error)}
      />
    </ConfirmDialog>
  );
}

function RatesFields({
  draft,
  onChange,
  invalid,
}: {
  draft: RatesDraft;
  onChange: (next: RatesDraft) => void;
  invalid: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="hub-lists__rates">
      <legend>{t('lists.tariff.legend')}</legend>
      {payingAudiences.map((a) => (
        <TextField
          key={a}
          label={t('lists.tariff.hourly', { audience: t(`agenda.audiences.${a}`) })}
          inputMode="decimal"
          value={draft[a]}
          onChange={(value) => onChange({ ...draft, [a]: value })}
          maxLength={9}
          isInvalid={invalid.includes(a)}
          errorMessage={invalid.includes(a) ? t('lists.tariff.invalid') : undefined}
        />
      ))}
      <TextField
        label={t('lists.tariff.flatFee')}
        inputMode="decimal"
        value={draft.flatFee}
        onChange={(value) => onChange({ ...draft, flatFee: value })}
        maxLength={9}
        isInvalid={invalid.includes('flatFee')}
        errorMessage={invalid.includes('flatFee') ? t('lists.tariff.invalid') : undefined}
      />
    </fieldset>
  );
}

/** « Membre 5,00 € · … » under a tariff template's label. */
function RatesSummary({ data }: { data: Record<string, unknown> }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const tariff = (data as { tariff?: Tariff }).tariff;
  if (!tariff) return null;
  return (
    <span className="hub-muted hub-lists__rates-summary">
      {payingAudiences
        .map((a) => `${t(`agenda.audiences.${a}`)} ${formatCents(tariff.hourlyCents[a], locale)}`)
        .join(' · ')}
      {tariff.flatFeeCents > 0
        ? ` · ${t('lists.tariff.flatFee')} ${formatCents(tariff.flatFeeCents, locale)}`
        : null}
    </span>
  );
}
